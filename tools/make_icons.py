"""Draw the apdesk icon: one SVG, PNGs at every size desktops ask for, and .ico/.icns files.

    python tools/make_icons.py [OUTDIR]        (default: resources/icons)

The SVG is the source; the PNGs are rendered from it with Qt's SVG renderer offscreen, so the
sizes never drift apart. The Windows .ico and macOS .icns files hold the same PNGs: both
formats accept PNG entries, so no platform tools are needed to make them.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent

# A register card with a tick: "the record is kept, and in order". Flat shapes in the design
# tokens' colours (accent.bg, accent.pressed, success.fg, paper white), no text, so it stays
# legible at 16 px and sits beside the Lucide icons in the window.
SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>apdesk</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1F5FBF"/>
      <stop offset="1" stop-color="#154589"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="56" ry="56" fill="url(#bg)"/>
  <rect x="56" y="40" width="128" height="164" rx="16" ry="16" fill="#FFFFFF"/>
  <rect x="56" y="40" width="128" height="30" rx="16" ry="16" fill="#DCE7F8"/>
  <rect x="56" y="56" width="128" height="14" fill="#DCE7F8"/>
  <g stroke="#9DB3D6" stroke-width="12" stroke-linecap="round">
    <line x1="80" y1="98" x2="160" y2="98"/>
    <line x1="80" y1="126" x2="160" y2="126"/>
    <line x1="80" y1="154" x2="122" y2="154"/>
  </g>
  <circle cx="180" cy="180" r="48" fill="#12703A" stroke="#FFFFFF" stroke-width="10"/>
  <path d="M157 181 L173 197 L204 164" fill="none" stroke="#FFFFFF" stroke-width="14"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""

# The splash and installer banner: the icon beside the name, on the light window colour.
SPLASH = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240">
  <title>apdesk</title>
  <rect width="480" height="240" fill="#F3F4F6"/>
  <rect x="0.5" y="0.5" width="479" height="239" fill="none" stroke="#D9DEE4"/>
  <rect x="0" y="228" width="480" height="12" fill="#1F5FBF"/>
  <g transform="translate(40 56) scale(0.5)">ICON</g>
  <text x="200" y="120" font-family="sans-serif" font-size="44" font-weight="600"
        fill="#1B1F24">apdesk</text>
  <text x="202" y="152" font-family="sans-serif" font-size="17" fill="#525C68">Alternative
provision records</text>
</svg>
"""

# macOS icon types that take PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file whose entries are PNGs (read by Windows Vista and later)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file whose entries are PNGs."""
    body = b""
    for size, kind in ICNS_TYPES.items():
        if size in pngs:
            body += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(out: Path) -> list[Path]:
    """Write every icon file into `out`; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(QByteArray(SVG.encode()))
    if not renderer.isValid():
        raise RuntimeError("the icon SVG did not parse")
    written = [out / "apdesk.svg"]
    written[0].write_text(SVG, encoding="utf-8")
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        pngs[size] = png_bytes(render(renderer, size))
        path = out / f"apdesk-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    for name, data in (("apdesk.ico", ico(pngs)), ("apdesk.icns", icns(pngs))):
        (out / name).write_bytes(data)
        written.append(out / name)
    written += make_splash(out)
    return written


def make_splash(out: Path) -> list[Path]:
    """The splash image (SVG and a PNG at twice its size for HiDPI screens)."""
    body = SVG[SVG.index(">", SVG.index("<svg")) + 1 : SVG.rindex("</svg>")]
    body = body.replace("<title>apdesk</title>", "").replace('"bg"', '"splash-bg"')
    svg = SPLASH.replace("ICON", body.replace("url(#bg)", "url(#splash-bg)"))
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    if not renderer.isValid():
        raise RuntimeError("the splash SVG did not parse")
    image = QImage(960, 480, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    (out / "apdesk-splash.svg").write_text(svg, encoding="utf-8")
    (out / "apdesk-splash.png").write_bytes(png_bytes(image))
    return [out / "apdesk-splash.svg", out / "apdesk-splash.png"]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "resources" / "icons"
    app = QGuiApplication.instance() or QGuiApplication(argv[:1])
    for path in make_icons(out):
        print(path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
