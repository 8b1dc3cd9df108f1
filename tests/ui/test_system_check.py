"""Before Qt starts, a machine that cannot show a window gets one clear sentence."""

from __future__ import annotations

import pytest

from apdesk.ui.shell import launch
from apdesk.ui.shell.system_check import INSTALL_COMMAND, LIBRARIES, gui_problem, missing_libraries

DESKTOP = {"DISPLAY": ":0"}


def all_present(_soname: str) -> bool:
    return True


def none_present(_soname: str) -> bool:
    return False


def test_a_complete_linux_desktop_passes() -> None:
    assert gui_problem(DESKTOP, "linux", all_present) is None


def test_headless_platforms_skip_the_check() -> None:
    for platform in ("offscreen", "minimal"):
        assert gui_problem({"QT_QPA_PLATFORM": platform}, "linux", none_present) is None


def test_other_systems_skip_the_check() -> None:
    assert gui_problem({}, "win32", none_present) is None
    assert gui_problem({}, "darwin", none_present) is None


def test_a_missing_library_is_named_with_the_install_command() -> None:
    message = gui_problem(DESKTOP, "linux", lambda soname: soname != "libxcb-cursor.so.0")
    assert message is not None
    assert "libxcb-cursor.so.0" in message
    assert "libEGL.so.1" not in message
    assert INSTALL_COMMAND in message
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libegl1" in message


def test_other_missing_xcb_libraries_are_added_to_the_command() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    message = gui_problem(DESKTOP, "linux", lambda soname: soname not in absent)
    assert message is not None
    assert message.endswith(f"{INSTALL_COMMAND} libxcb-icccm4 libxcb-keysyms1")
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message


def test_no_display_is_reported() -> None:
    message = gui_problem({}, "linux", all_present)
    assert message is not None
    assert "no display" in message
    assert gui_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", all_present) is None


def test_wayland_does_not_need_the_x11_only_libraries() -> None:
    missing = missing_libraries("wayland", none_present)
    assert [lib.soname for lib in missing] == [
        "libEGL.so.1",
        "libGL.so.1",
        "libfontconfig.so.1",
        "libxkbcommon.so.0",
    ]
    assert len(missing_libraries("xcb", none_present)) == len(LIBRARIES)


def test_the_real_loader_finds_libc_and_not_a_made_up_library() -> None:
    from apdesk.ui.shell.system_check import can_load

    assert can_load("libc.so.6")
    assert not can_load("libapdesk-does-not-exist.so.9")


def test_run_gui_returns_2_with_one_line_and_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("apdesk.ui.shell.system_check.can_load", all_present)  # as on a desktop
    assert launch.run_gui(store=None, demo=True) == 2
    err = capsys.readouterr().err
    assert err.startswith("apdesk: cannot open a window: there is no display")
    assert "Traceback" not in err
    assert err.count("\n") == 1
