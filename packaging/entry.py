"""The bundle's entry point: the `apdesk` command, plus `--smoke`, a start-up check for CI.

`apdesk --smoke` proves a built bundle is whole without a person watching: it makes a small
demo store in a temporary APDESK_HOME (so SQLCipher, the migrations and the models are all
there), writes and renders a PDF (reportlab's fonts, pdfium's library), loads every compiled
catalog, checks the Qt binding keeps None's reference count, builds the main window offscreen
with the real pages, waits for the home page to show the store's data, prints "smoke ok" and
exits 0. Any failure prints why and exits 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apdesk.store import Store

SMOKE_TIMEOUT_S = 90


def _check_pdf() -> str:
    """A PDF with the bundled fonts, read back and drawn by pdfium."""
    import io

    import pypdfium2
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 12)
    page.drawString(72, 760, "apdesk bundle check")
    page.save()
    document = pypdfium2.PdfDocument(buffer.getvalue())
    bitmap = document[0].render(scale=0.2)
    return f"pdf {bitmap.width}x{bitmap.height}"


def _check_catalogs() -> str:
    from apdesk import i18n
    from apdesk.paths import resource_path

    folder = resource_path("locale")
    locales = sorted(p.parent.parent.name for p in folder.glob("*/LC_MESSAGES/*.mo"))
    for locale in locales:
        i18n.set_locale(locale)
        i18n._("Pupils")
    i18n.set_locale(i18n.DEFAULT_LOCALE)
    return f"catalogs {','.join(locales) or 'none'}"


def _check_binding() -> str:
    """The Qt binding's version, and proof that it keeps None's reference count.

    PySide6 6.12.0 over-released None on Python 3.11 and the window died within minutes; the
    bundle must carry the pinned binding that does not.
    """
    import PySide6
    import shiboken6
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("apdesk")
        app.processEvents()
    if sys.getrefcount(None) < before - 25:
        raise RuntimeError(f"PySide6 {PySide6.__version__} loses references to None")
    return f"pyside6 {PySide6.__version__} shiboken6 {shiboken6.__version__}"


def _check_window(store: Store, home: Path) -> str:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from apdesk.ui.core.context import AppContext
    from apdesk.ui.core.tasks import ThreadTaskRunner
    from apdesk.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tasks = ThreadTaskRunner()
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store.folder, tasks, settings, store=store)
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    home_page = window.pages.get("home")
    deadline = time.monotonic() + SMOKE_TIMEOUT_S
    while getattr(home_page, "overview", None) is None:
        if time.monotonic() > deadline:
            raise RuntimeError("the home page did not show the store's data in time")
        app.processEvents()
        time.sleep(0.02)
    overview = home_page.overview  # type: ignore[union-attr]
    pages = len(window.pages)
    window.close()
    ctx.lock()
    tasks.shutdown()
    return f"window {pages} pages, {overview.counts.get('pupils', 0)} pupils"


def smoke() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="apdesk-smoke-") as scratch:
        home = Path(scratch)
        os.environ["APDESK_HOME"] = str(home)
        try:
            from apdesk import paths
            from apdesk.services.demo import DEMO_PASSPHRASE, populate
            from apdesk.services.info import store_info
            from apdesk.store import Store

            store, _recovery = Store.create(paths.demo_store(), DEMO_PASSPHRASE, use_keyring=False)
            populate(store, pupils=20, seed=7)
            info = store_info(store)
            facts = [f"sqlcipher {info['cipher_version']}", f"schema {info['schema_version']}"]
            facts += [_check_pdf(), _check_catalogs(), _check_binding()]
            facts.append(_check_window(store, home))
        except Exception:
            traceback.print_exc()
            print("smoke failed", file=sys.stderr)
            return 1
    print("; ".join(facts))
    print("smoke ok")
    return 0


def main() -> int:
    if sys.argv[1:] == ["--smoke"]:
        return smoke()
    from apdesk.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
