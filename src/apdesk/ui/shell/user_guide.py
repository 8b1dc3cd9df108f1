"""Help > User guide: the bundled guide's pages, read in a window of their own, offline.

The guide is Markdown with its pictures beside it (docs/guide, bundled as apdesk/guide); Qt
shows Markdown itself, so nothing is converted, written to disk or sent to a browser. Links
between pages follow inside the window; a web address opens in the usual browser."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImage,
    QKeySequence,
    QPixmap,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from apdesk import paths
from apdesk.i18n import _
from apdesk.ui.shell.help_menu import help_menu
from apdesk.ui.theme.icons import icon


class GuideWindow(QDialog):
    """The guide's contents page first; Back, Forward and Contents as in a help browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("apdesk user guide"))
        self.setAccessibleName(_("User guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(900, 600)  # fits 1280x720 with a taskbar
        self.folder = paths.guide_dir()
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("Guide page"))
        self.browser.setOpenLinks(False)  # pages follow here; web addresses go to the browser
        self.browser.anchorClicked.connect(self.follow)
        self.browser.setSearchPaths([str(self.folder)])
        self.browser.sourceChanged.connect(lambda _url: self.fit_pictures())
        self.back_button = QPushButton(_("&Back"), self)
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button = QPushButton(_("&Forward"), self)
        self.forward_button.clicked.connect(self.browser.forward)
        self.contents_button = QPushButton(_("&Contents"), self)
        self.contents_button.clicked.connect(self.contents)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        bar = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.contents_button):
            bar.addWidget(button)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(close)
        self.contents()
        self.browser.setFocus()

    def contents(self) -> None:
        index = self.folder / "README.md"
        if index.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(index)))
        else:
            self.browser.setPlainText(
                _("The user guide is not installed with this copy of apdesk ({folder}).").format(
                    folder=self.folder
                )
            )

    def fit_pictures(self) -> None:
        """Shrink screenshots wider than the page to its width (Qt shows them full size)."""
        doc = self.browser.document()
        room = max(200, self.browser.viewport().width() - 24)
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fragment.isValid() and fmt.isImageFormat():
                    image_format = fmt.toImageFormat()
                    image = doc.resource(
                        QTextDocument.ResourceType.ImageResource, QUrl(image_format.name())
                    )
                    width = image.width() if isinstance(image, QImage | QPixmap) else 0
                    if width > room:
                        image_format.setWidth(room)
                        image_format.setHeight(image.height() * room / width)
                        cursor = QTextCursor(doc)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(),
                            QTextCursor.MoveMode.KeepAnchor,
                        )
                        cursor.setCharFormat(image_format)
                it += 1
            block = block.next()

    def follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.browser.source().resolved(url) if url.isRelative() else url
        self.browser.setSource(target)


def install_user_guide(window: QMainWindow) -> QAction:
    """Help > User guide, first in the Help menu."""
    action = QAction(icon("action.help"), _("User &guide"), window)
    action.setShortcut(QKeySequence("Shift+F1"))
    action.setStatusTip(_("Open the user guide (it is installed with apdesk: no internet needed)"))
    menu = help_menu(window)
    if menu.actions():
        menu.insertAction(menu.actions()[0], action)
    else:
        menu.addAction(action)
    holder: dict[str, GuideWindow] = {}

    def show() -> None:
        guide = holder.get("window")
        if guide is None:
            guide = GuideWindow(window)
            holder["window"] = guide
        guide.show()
        guide.raise_()
        guide.activateWindow()

    action.triggered.connect(show)
    window.guide_action = action  # type: ignore[attr-defined]
    return action
