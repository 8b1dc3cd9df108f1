"""Fusion with apdesk's check boxes, radio buttons and focus ring, drawn from the tokens.

Fusion derives a check box's edge from the window colour, which all but vanishes on a dark
window; these are drawn as vectors (crisp at any scale) in the token colours instead, with the
state shown by shape (tick, dash, dot) as well as colour. Everything else is Fusion's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QProxyStyle,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from apdesk.ui.theme import current

PE = QStyle.PrimitiveElement
State = QStyle.StateFlag
INDICATOR = 16  # px: check boxes and radio buttons, a little larger than Fusion's 13
SP = QStyle.StandardPixmap
MESSAGE_ICONS = {
    SP.SP_MessageBoxInformation: "state.info",
    SP.SP_MessageBoxWarning: "state.warning",
    SP.SP_MessageBoxCritical: "state.danger",
    SP.SP_MessageBoxQuestion: "state.unknown",
}
PRIMARY_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)


class ApdeskStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("apdesk")

    def pixelMetric(self, metric: QStyle.PixelMetric, option=None, widget=None) -> int:  # type: ignore[no-untyped-def]
        if metric in (
            QStyle.PixelMetric.PM_IndicatorWidth,
            QStyle.PixelMetric.PM_IndicatorHeight,
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
        ):
            return INDICATOR
        return int(super().pixelMetric(metric, option, widget))

    def styleHint(self, hint, option=None, widget=None, data=None):  # type: ignore[no-untyped-def]
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0  # words on dialog buttons, not Qt's stock pictures beside them
        return super().styleHint(hint, option, widget, data)

    def standardIcon(self, icon, option=None, widget=None):  # type: ignore[no-untyped-def]
        """Message boxes Qt builds itself (warnings, questions) show Lucide icons too."""
        meaning = MESSAGE_ICONS.get(icon)
        if meaning is not None:
            from apdesk.ui.theme.icons import icon as lucide

            return lucide(meaning)
        return super().standardIcon(icon, option, widget)

    def polish(self, target):  # type: ignore[no-untyped-def]
        """A dialog's accepting button (Save, OK, Yes) is its primary button."""
        if isinstance(target, QPushButton) and not target.property("variant"):
            box = target.parent()
            if isinstance(box, QDialogButtonBox) and box.buttonRole(target) in PRIMARY_ROLES:
                target.setProperty("variant", "primary")
        return super().polish(target)

    def drawPrimitive(
        self,
        element: PE,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in (PE.PE_IndicatorCheckBox, PE.PE_IndicatorItemViewItemCheck):
            draw_check(painter, option)
        elif element == PE.PE_IndicatorRadioButton:
            draw_radio(painter, option)
        elif element == PE.PE_FrameFocusRect and isinstance(widget, QCheckBox | QRadioButton):
            draw_focus_frame(painter, option)
        else:
            super().drawPrimitive(element, option, painter, widget)


def _box(option: QStyleOption) -> QRectF:
    rect = QRectF(option.rect)
    side = min(rect.width(), rect.height(), INDICATOR)
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    return box.adjusted(1, 1, -1, -1)


def _colours(option: QStyleOption) -> tuple[QColor, QColor, QColor]:
    """(edge, fill when on, mark) for the option's state."""
    c = current.colours()
    enabled = bool(option.state & State.State_Enabled)
    if not enabled:
        return QColor(c["fg.disabled"]), QColor(c["accent.disabled"]), QColor(c["fg.on_accent"])
    # Hover is not focus: in high contrast the two once drew the same yellow edge, so a box
    # under the pointer looked like a second focused control.
    if option.state & State.State_HasFocus:
        edge = c["focus.ring"]
    elif option.state & State.State_MouseOver:
        edge = c["fg.default"]
    else:
        edge = c["border.input"]
    return QColor(edge), QColor(c["accent.bg"]), QColor(c["fg.on_accent"])


def draw_focus_frame(painter: QPainter, option: QStyleOption) -> None:
    """The focus ring around a check box's or radio button's words: the platform's is a
    faint dotted line, and a ticked box's edge is its fill, so this ring is the focus cue."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(current.colour("focus.ring")), 1.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(option.rect).adjusted(0.75, 0.75, -0.75, -0.75), 2, 2)
    painter.restore()


def draw_check(painter: QPainter, option: QStyleOption) -> None:
    box = _box(option)
    edge, fill, mark = _colours(option)
    on = bool(option.state & State.State_On)
    partly = bool(option.state & State.State_NoChange)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    surface = QColor(current.colour("bg.surface"))
    painter.setPen(QPen(fill if (on or partly) else edge, 1.5))
    painter.setBrush(fill if (on or partly) else surface)
    painter.drawRoundedRect(box, 3, 3)
    pen = QPen(mark, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    w, x, y = box.width(), box.x(), box.y()
    if on:
        path = QPainterPath(QPointF(x + w * 0.24, y + w * 0.52))
        path.lineTo(QPointF(x + w * 0.43, y + w * 0.70))
        path.lineTo(QPointF(x + w * 0.77, y + w * 0.32))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    elif partly:
        painter.drawLine(QPointF(x + w * 0.27, y + w / 2), QPointF(x + w * 0.73, y + w / 2))
    painter.restore()


def draw_radio(painter: QPainter, option: QStyleOption) -> None:
    box = _box(option)
    edge, fill, mark = _colours(option)
    on = bool(option.state & State.State_On)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(fill if on else edge, 1.5))
    painter.setBrush(fill if on else QColor(current.colour("bg.surface")))
    painter.drawEllipse(box)
    if on:
        dot = box.adjusted(
            box.width() * 0.3, box.width() * 0.3, -box.width() * 0.3, -box.width() * 0.3
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        painter.drawEllipse(dot)
    painter.restore()
