"""Say something to the screen reader without moving the focus: errors, warnings, pages
shown and background work finished.

Qt 6.8 added announcement events (AT-SPI `object:announcement`, UIA notifications, VoiceOver
announcements); this is the one place the app makes them, so wording and politeness stay
consistent. An error interrupts (assertive); everything else waits its turn (polite).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

Politeness = QAccessible.AnnouncementPoliteness


def announce(source: QWidget, message: str, *, assertive: bool = False) -> None:
    """Announce `message` from `source` (a widget in the window it concerns)."""
    text = " ".join(message.split())
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(Politeness.Assertive if assertive else Politeness.Polite)
    QAccessible.updateAccessibility(event)
