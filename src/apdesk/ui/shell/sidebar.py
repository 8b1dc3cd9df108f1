"""The page list on the left: Lucide icons, a width that never changes, the current page filled.

The width is fixed from the longest page title in the language in use, so switching pages,
locking and unlocking never move the page's left edge. The stylesheet draws the current page
as an accent pill with inverted text and icon (#Sidebar in 20-components.qss).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from apdesk.ui.theme.icons import icon
from apdesk.ui.theme.tokens import SIDEBAR_ICON, SPACING

# Beyond the text: list padding (2 x sm), item padding and border (2 x 12), icon and its gap,
# and room for a vertical scroll bar on a short screen.
CHROME = 2 * SPACING["sm"] + 2 * 12 + SIDEBAR_ICON + 8 + 12


class Sidebar(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.ensurePolished()  # items laid out before the stylesheet's padding would overlap
        self.setIconSize(QSize(SIDEBAR_ICON, SIDEBAR_ICON))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)

    def add_page(self, key: str, title: str, icon_name: str) -> QListWidgetItem:
        item = QListWidgetItem(icon(icon_name), title, self)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setToolTip(title)
        self.fit_width()
        return item

    def fit_width(self) -> None:
        metrics = self.fontMetrics()
        texts = [self.item(row).text() for row in range(self.count())]
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        self.setFixedWidth(max(180, widest + CHROME))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_width()  # the text size option: still every title, still one width
            self.doItemsLayout()
