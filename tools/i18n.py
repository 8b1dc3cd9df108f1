"""Keep the translation catalogs in step with the code, using babel's own `pybabel` commands.

    python tools/i18n.py extract   # src/ -> resources/locale/apdesk.pot
    python tools/i18n.py update    # merge the template into every <locale>/LC_MESSAGES/apdesk.po
    python tools/i18n.py compile   # .po -> .mo (committed, so the app runs without a build step)
    python tools/i18n.py init xx_YY  # start a new language

Each prints the pybabel command it runs, so the steps can be done by hand as well.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "resources" / "locale"
TEMPLATE = LOCALE_DIR / "apdesk.pot"
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2"]
PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]


def run(*args: str) -> None:
    print("pybabel", " ".join(args))
    subprocess.run([*PYBABEL, *args], cwd=ROOT, check=True)


def extract() -> None:
    run(
        "extract", "-F", "babel.cfg", *KEYWORDS, "--no-location", "--sort-output",
        "--project", "apdesk", "--copyright-holder", "apdesk contributors",
        "--msgid-bugs-address", "translations@apdesk.invalid",
        "-o", str(TEMPLATE.relative_to(ROOT)), "src/apdesk",
    )  # fmt: skip
    add_enum_labels()


def add_enum_labels() -> None:
    """The fixed lists' labels (enums in apdesk.models and its modules: periods of the day,
    IAP strands, closure kinds...) are shown through `_()` but defined as enum values, where
    the extractor cannot see them: add them to the template."""
    import enum
    import importlib
    import inspect
    import pkgutil

    from babel.messages.pofile import write_po

    import apdesk.models as models

    with TEMPLATE.open("rb") as f:
        catalog = read_po(f)
    added = 0
    modules = [models] + [
        importlib.import_module(f"{models.__name__}.{info.name}")
        for info in pkgutil.iter_modules(models.__path__)
    ]
    seen: set[type] = set()
    for module in modules:
        for name, kind in vars(module).items():
            if not (inspect.isclass(kind) and issubclass(kind, enum.Enum)) or kind in seen:
                continue
            seen.add(kind)
            for member in kind:
                label = getattr(member, "label", None)
                if isinstance(label, str) and label and label not in catalog:
                    catalog.add(label, auto_comments=[f"label in the list {name}"])
                    added += 1
    with TEMPLATE.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=True, omit_header=False)
    print(f"added {added} list labels from apdesk.models")


def update() -> None:
    run(
        "update", "-D", "apdesk", "-i", str(TEMPLATE.relative_to(ROOT)),
        "-d", str(LOCALE_DIR.relative_to(ROOT)), "--no-fuzzy-matching", "--ignore-obsolete",
    )  # fmt: skip


# apdesk formats with str.format; babel still flags "10% fewer" as a %-format ("% f"), and then
# rejects a translation that words it differently. Only real %-placeholders keep the flag.
REAL_PERCENT = re.compile(r"%(\(\w+\))?[#0+-]?\d*(\.\d+)?[sdifr]")


def compile_catalogs() -> int:
    """pybabel compile, minus the false %-format alarms; returns the number of problems."""
    print("compiling resources/locale/*/LC_MESSAGES/apdesk.po (as pybabel compile does)")
    problems = 0
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/apdesk.po")):
        with po.open("rb") as f:
            catalog = read_po(f)
        for message in catalog:
            first = message.id if isinstance(message.id, str) else message.id[0]
            if "python-format" in message.flags and not REAL_PERCENT.search(first):
                message.flags.discard("python-format")
        for message, errors in catalog.check():
            for error in errors:
                problems += 1
                print(f"{po.relative_to(ROOT)}: {message.id!r}: {error}")
        done = sum(
            1
            for m in catalog
            if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)
        )
        print(f"{po.parent.parent.name}: {done} of {len(catalog)} messages translated")
        with po.with_suffix(".mo").open("wb") as f:
            write_mo(f, catalog)
    return problems


def init(locale: str) -> None:
    run("init", "-D", "apdesk", "-i", str(TEMPLATE.relative_to(ROOT)),
        "-d", str(LOCALE_DIR.relative_to(ROOT)), "-l", locale)  # fmt: skip


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "init":
        init(argv[1])
        return 0
    if argv == ["extract"]:
        extract()
    elif argv == ["update"]:
        update()
    elif argv == ["compile"]:
        return 1 if compile_catalogs() else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
