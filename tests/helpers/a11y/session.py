"""A private desktop for the accessibility harness: Xvfb, a session bus, the AT-SPI registry,
apdesk on the demo store, and a screen-reader-like client reading it over AT-SPI.

Everything runs in a temporary home, so nothing touches the developer's own settings, keyring
or accessibility bus, and every process is stopped when the session closes.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
SCREEN = (1366, 768)
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-pyatspi


def missing_tools() -> list[str]:
    """What this machine lacks to run the harness (empty when it can run)."""
    missing = [
        tool for tool in ("Xvfb", "dbus-daemon", "xdotool", "openbox") if not shutil.which(tool)
    ]
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi2-core")
    probe = (
        subprocess.run(
            [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
            capture_output=True,
            check=False,
        )
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing.append("python3-pyatspi")
    return missing


class LineClient:
    """A child process that answers one JSON line for each JSON line it is sent."""

    def __init__(self, argv: list[str], env: dict[str, str], log: Path, ready: str | None):
        self.log = log.open("w")
        self.proc = subprocess.Popen(
            argv,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        if ready is not None:
            line = self._next(120.0)
            if line.strip() != ready:
                raise RuntimeError(f"{argv[-1]} said {line!r} instead of {ready}")

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put("")

    def _next(self, timeout: float) -> str:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer within {timeout:.0f} s (log: {self.log.name})") from None
        if not line:
            raise RuntimeError(f"the process ended (log: {self.log.name})")
        return line

    def call(self, cmd: str, timeout: float = 120.0, **args: Any) -> dict[str, Any]:
        """Send `cmd` with `args`; `timeout` is how long to wait for the answer (and at least
        half a minute more than a `wait` the command itself is given)."""
        timeout = max(timeout, float(args.get("wait", 0)) + 30)
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"cmd": cmd, **args}) + "\n")
        self.proc.stdin.flush()
        reply: dict[str, Any] = json.loads(self._next(timeout))
        if not reply.get("ok"):
            raise RuntimeError(f"{cmd}: {reply.get('error')}")
        return reply

    def stop(self) -> None:
        if self.proc.poll() is None:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError, ValueError):
                    pipe.close()
        self.log.close()


class Desktop:
    """Xvfb at 1366x768 and a session D-Bus; the accessibility bus starts on demand."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.procs: list[subprocess.Popen[bytes]] = []
        self.files: list[IO[bytes]] = []  # the processes' logs, closed when they stop
        for sub in ("home", "run", "config", "cache", "data"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        (root / "run").chmod(0o700)
        self.display = self._free_display()
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "en_GB.UTF-8",
            "LC_ALL": os.environ.get("LC_ALL", "C.UTF-8"),
            "HOME": str(root / "home"),
            "XDG_RUNTIME_DIR": str(root / "run"),
            "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_CACHE_HOME": str(root / "cache"),
            "XDG_DATA_HOME": str(root / "data"),
            "DISPLAY": f":{self.display}",
        }

    def _log(self, name: str) -> IO[bytes]:
        log = (self.root / name).open("wb")
        self.files.append(log)
        return log

    @staticmethod
    def _free_display() -> int:
        for number in range(140, 400):
            if (
                not Path(f"/tmp/.X11-unix/X{number}").exists()
                and not Path(f"/tmp/.X{number}-lock").exists()
            ):
                return number
        raise RuntimeError("no free X display number")

    def start(self) -> None:
        width, height = SCREEN
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                f":{self.display}",
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
            ],
            stdout=subprocess.DEVNULL,
            stderr=self._log("xvfb.log"),
        )
        self.procs.append(xvfb)
        socket = Path(f"/tmp/.X11-unix/X{self.display}")
        end = time.monotonic() + 20
        while not socket.exists():
            if xvfb.poll() is not None or time.monotonic() > end:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=self._log("dbus.log"),
        )
        self.procs.append(bus)
        assert bus.stdout is not None
        self.env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        # A window manager, as every desktop has: it gives a new window the keyboard focus.
        wm = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self._log("wm.log"),
        )
        self.procs.append(wm)
        time.sleep(0.5)

    def stop(self) -> None:
        # The accessibility bus and registry were started by our session bus; they end with it,
        # but say so to be sure: only processes whose environment names our private runtime dir.
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)
            if proc.stdout is not None:
                proc.stdout.close()
        for log in self.files:
            log.close()
        for pid in _children_of_runtime(self.root / "run"):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 15)


def _children_of_runtime(run_dir: Path) -> list[int]:
    """Processes (the AT-SPI bus launcher and registry) started with our runtime dir."""
    marker = f"XDG_RUNTIME_DIR={run_dir}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


class A11ySession:
    """apdesk on the demo store, read by `probe` (AT-SPI) and asked by `app` (ground truth)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.desktop = Desktop(root)
        self.app: LineClient | None = None
        self.probe: LineClient | None = None

    def __enter__(self) -> A11ySession:
        self.desktop.start()
        env = dict(self.desktop.env)
        app_env = {
            **env,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "APDESK_HOME": str(self.root / "apdesk"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        }
        self.app = LineClient(
            [sys.executable, str(HERE / "app_main.py")], app_env, self.root / "app.log", "READY"
        )
        self.probe = LineClient(
            [SYSTEM_PYTHON, str(HERE / "atspi_probe.py")], env, self.root / "probe.log", None
        )
        self.probe.call("wait_app", wait=300)  # building the demo store takes a while
        return self

    def __exit__(self, *exc: object) -> None:
        for client in (self.probe, self.app):
            if client is not None:
                client.stop()
        self.desktop.stop()

    # -- shorthands ----------------------------------------------------------------------
    def at(self, cmd: str, **args: Any) -> dict[str, Any]:
        assert self.probe is not None
        return self.probe.call(cmd, **args)

    def truth(self, cmd: str, **args: Any) -> dict[str, Any]:
        assert self.app is not None
        return self.app.call(cmd, **args)

    def keys(self, *keys: str, settle: float = 0.25) -> dict[str, Any]:
        return self.at("key", keys=list(keys), settle=settle)
