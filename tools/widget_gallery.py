"""Render the widget gallery in every scheme to PNGs, for looking at the look.

    python tools/widget_gallery.py OUTDIR [--scale 1 2] [--text-size normal]

Writes gallery-<scheme>@<scale>x.png for light, dark and high contrast. Runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from apdesk.ui.theme.apply import Appearance, install_theme
from apdesk.ui.theme.tokens import SCHEMES, TEXT_SIZES
from apdesk.ui.widgets.gallery import Gallery


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, nargs="+", default=[1.0, 2.0])
    parser.add_argument("--text-size", choices=sorted(TEXT_SIZES), default="normal")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    scratch = Path(tempfile.mkdtemp(prefix="apdesk-gallery-"))
    settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    manager = install_theme(app, settings)
    args.out.mkdir(parents=True, exist_ok=True)
    for scheme in SCHEMES:
        manager.preview(Appearance(scheme, args.text_size))
        gallery = Gallery()
        gallery.show()
        gallery.resize(gallery.sizeHint().expandedTo(gallery.size()))
        gallery.focused.setFocus()
        gallery.activateWindow()
        for _ in range(5):
            app.processEvents()
        for scale in args.scale:
            image = gallery.grab().toImage() if scale == 1 else _render(gallery, scale)
            path = args.out / f"gallery-{scheme}@{scale:g}x.png"
            image.save(str(path))
            print(path)
        gallery.close()
        gallery.deleteLater()
    return 0


def _render(widget: Gallery, scale: float):  # type: ignore[no-untyped-def]
    """The widget drawn at `scale` device pixels per pixel (what a HiDPI screen shows)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPixmap

    size = widget.size() * scale
    pixmap = QPixmap(size)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    widget.render(pixmap)
    return pixmap.toImage()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
