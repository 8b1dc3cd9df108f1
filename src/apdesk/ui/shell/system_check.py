"""Before Qt starts: can this machine show a window? Answer in one sentence, not a Qt traceback.

Kept free of Qt on purpose: Qt aborts the process when its platform plugin cannot load, so the
check has to happen before the first PySide6 widget import.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from apdesk.i18n import _

HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")
INSTALL_COMMAND = (
    "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1"
)


@dataclass(frozen=True)
class Library:
    soname: str
    package: str  # the Debian/Ubuntu package that provides it
    xcb_only: bool = False


# The first five are what most desktops lack; the rest are what Qt's xcb plugin links against
# (minimal installs and containers may lack any of them).
LIBRARIES = (
    Library("libxcb-cursor.so.0", "libxcb-cursor0", xcb_only=True),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", xcb_only=True),
    Library("libEGL.so.1", "libegl1"),
    Library("libGL.so.1", "libgl1"),
    Library("libfontconfig.so.1", "libfontconfig1"),
    Library("libxkbcommon.so.0", "libxkbcommon0"),
    Library("libX11-xcb.so.1", "libx11-xcb1", xcb_only=True),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", xcb_only=True),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", xcb_only=True),
    Library("libxcb-image.so.0", "libxcb-image0", xcb_only=True),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", xcb_only=True),
    Library("libxcb-randr.so.0", "libxcb-randr0", xcb_only=True),
    Library("libxcb-shape.so.0", "libxcb-shape0", xcb_only=True),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", xcb_only=True),
    Library("libxcb-util.so.1", "libxcb-util1", xcb_only=True),
)


def can_load(soname: str) -> bool:
    """True if the dynamic loader finds the library (the same search Qt's plugins will do)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(
    platform: str = "", loader: Callable[[str], bool] | None = None
) -> list[Library]:
    """Libraries a real window needs that the loader cannot find (xcb ones only for X11)."""
    loader = loader or can_load
    wayland_only = platform.startswith("wayland")
    return [
        lib for lib in LIBRARIES if not (wayland_only and lib.xcb_only) and not loader(lib.soname)
    ]


def install_command(missing: list[Library]) -> str:
    """The usual five packages, plus any other missing ones."""
    extra = [lib.package for lib in missing if lib.package not in INSTALL_COMMAND]
    return " ".join([INSTALL_COMMAND, *extra])


def gui_problem(
    env: Mapping[str, str] | None = None,
    system: str | None = None,
    loader: Callable[[str], bool] | None = None,
) -> str | None:
    """A one-line message if a window cannot open here, else None."""
    env = os.environ if env is None else env
    system = sys.platform if system is None else system
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if not system.startswith("linux") or platform in HEADLESS_PLATFORMS:
        return None
    missing = missing_libraries(platform, loader)
    if missing:
        names = ", ".join(lib.soname for lib in missing)
        return _(
            "cannot open a window: this computer lacks the system libraries {names}. "
            "On Debian or Ubuntu install them with: {command}"
        ).format(names=names, command=install_command(missing))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return _(
            "cannot open a window: there is no display (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set). Run it inside a desktop session, or use the headless "
            "commands listed by `apdesk --help`."
        )
    return None
