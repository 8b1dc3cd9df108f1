"""Copy the Lucide glyphs apdesk uses into resources/icons/lucide, with Lucide's licence.

    npm pack lucide-static && tar xzf lucide-static-*.tgz
    python tools/lucide_icons.py package          (the unpacked folder)
    python tools/lucide_icons.py --theme-images   (after a token change: the arrows only)

Only the glyphs named in apdesk.ui.theme.icon_names are copied, so the repository holds what
the program shows and nothing else; files no longer named are removed. Run it again after
adding a name to the map. The icons are never fetched at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from apdesk.ui.theme.icon_names import ICONS  # noqa: E402
from apdesk.ui.theme.tokens import SCHEMES  # noqa: E402

OUT = ROOT / "resources" / "icons" / "lucide"


def main(argv: list[str]) -> int:
    if argv == ["--theme-images"]:
        write_theme_images()
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    package = Path(argv[0])
    icons = package / "icons"
    version = json.loads((package / "package.json").read_text())["version"]
    wanted = sorted(set(ICONS.values()))
    missing = [name for name in wanted if not (icons / f"{name}.svg").exists()]
    if missing:
        print(f"not in Lucide {version}: {', '.join(missing)}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.svg"):
        if old.stem not in wanted:
            old.unlink()
    for name in wanted:
        (OUT / f"{name}.svg").write_bytes((icons / f"{name}.svg").read_bytes())
    (OUT / "LICENSE").write_bytes((package / "LICENSE").read_bytes())
    (OUT / "VERSION").write_text(f"lucide-static {version}\n")
    print(f"{len(wanted)} icons from lucide-static {version} in {OUT.relative_to(ROOT)}")
    write_theme_images()
    return 0


def write_theme_images() -> None:
    """The stylesheet's arrows, tinted for each scheme (run after changing a token too)."""
    from apdesk.ui.theme import images

    for scheme in SCHEMES:
        folder = ROOT / "resources" / "theme" / "images" / scheme
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in images.images(scheme).items():
            (folder / name).write_bytes(data)
    print("theme images in resources/theme/images")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
