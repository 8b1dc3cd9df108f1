"""Where apdesk keeps things: platformdirs by default, overridable for tests and portable use."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "apdesk"


def data_dir() -> Path:
    """The folder holding the stores; `APDESK_HOME` overrides it (tests, portable installs)."""
    override = os.environ.get("APDESK_HOME")
    if override:
        return Path(override)
    import platformdirs  # only here: most imports of this module want `resource_path`

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_store() -> Path:
    return data_dir() / "store"


def demo_store() -> Path:
    return data_dir() / "demo"


def resource_path(*parts: str) -> Path:
    """A file from `resources/`: bundled beside the package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for base in (here / "resources", here.parent.parent / "resources"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return here.parent.parent.joinpath("resources", *parts)


def guide_dir() -> Path:
    """The user guide's pages (Markdown with their pictures): `apdesk/guide` in the bundle,
    `docs/guide` in a source checkout. Both are on disk, so the guide opens offline."""
    here = Path(__file__).resolve().parent
    for folder in (here / "guide", here.parent.parent / "docs" / "guide"):
        if (folder / "README.md").is_file():
            return folder
    return here / "guide"
