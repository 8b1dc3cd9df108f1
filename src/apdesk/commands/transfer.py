"""Moving data in and out: `apdesk import pupils FILE` and `apdesk export KIND`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from apdesk.commands.common import (
    MAX_SHOWN,
    UserError,
    add_store_option,
    nested_group,
    opened_store,
    output_path,
    print_json,
    save_output,
)
from apdesk.i18n import N_, _, format_number, ngettext
from apdesk.services import export
from apdesk.services import imports as checks
from apdesk.services.imports import ImportResult
from apdesk.services.operations import pupils as pupil_ops

EXPORT_HELP = {
    "pupils": N_("every pupil record as CSV or JSON"),
    "providers": N_("every provider record as CSV or JSON"),
    "placements": N_("every placement record as CSV or JSON"),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imports = nested_group(sub, "import", N_("import records from files"))
    p = imports.add_parser(
        "pupils", help=_("pupils from a MIS CSV export or a CTF (XML): all or nothing, by UPN")
    )
    p.add_argument("file", metavar="FILE", help=_("a .csv export or a .xml CTF"))
    p.add_argument("--dry-run", action="store_true", help=_("check the file, write nothing"))
    p.add_argument(
        "--accept-destination",
        action="store_true",
        help=_("import a CTF addressed to another school (you confirm the pupils are joining)"),
    )
    p.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    add_store_option(p)
    p.set_defaults(func=cmd_import_pupils)

    exports = nested_group(sub, "export", N_("export records as files"))
    for kind in export.KINDS:
        e = exports.add_parser(kind, help=_(EXPORT_HELP[kind]))
        e.add_argument("--format", choices=export.FORMATS, default="json", help=_("default: json"))
        e.add_argument("--out", metavar="FILE", help=_("write to FILE (default: standard output)"))
        add_store_option(e)
        e.set_defaults(func=cmd_export, kind=kind)


def cmd_import_pupils(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(_("no file {path}: check the name and folder").format(path=path))
    with opened_store(args) as store:
        if args.dry_run:
            result = store.read(
                checks.import_pupils_file,
                path,
                dry_run=True,
                accept_destination=args.accept_destination,
            )
        else:
            result = store.run(
                pupil_ops.import_pupils_file, path, accept_destination=args.accept_destination
            ).value
    if args.json:
        print_json(result.as_json())
    else:
        _print_summary(result)
    return 0 if result.ok else 2


def _print_summary(result: ImportResult) -> None:
    if result.errors:
        print(
            ngettext(
                "Nothing was imported: {n} problem to fix in the file.",
                "Nothing was imported: {n} problems to fix in the file.",
                len(result.errors),
            ).format(n=format_number(len(result.errors)))
        )
        for error in result.errors[:MAX_SHOWN]:
            print(f"  {error}")
        if len(result.errors) > MAX_SHOWN:
            more = len(result.errors) - MAX_SHOWN
            print(
                "  "
                + ngettext(
                    "... and {n} more problem like these",
                    "... and {n} more problems like these",
                    more,
                ).format(n=format_number(more))
            )
        return
    if result.dry_run:
        print(
            ngettext(
                "Would import {n} new pupil and update {updated}.",
                "Would import {n} new pupils and update {updated}.",
                result.imported,
            ).format(n=format_number(result.imported), updated=format_number(result.updated))
        )
    else:
        print(
            ngettext(
                "Imported {n} new pupil; updated {updated}.",
                "Imported {n} new pupils; updated {updated}.",
                result.imported,
            ).format(n=format_number(result.imported), updated=format_number(result.updated))
        )
    for warning in result.warnings[:MAX_SHOWN]:
        print("  " + _("Note: {warning}").format(warning=warning))
    if len(result.warnings) > MAX_SHOWN:
        more = len(result.warnings) - MAX_SHOWN
        print(
            "  "
            + ngettext("... and {n} more note", "... and {n} more notes", more).format(
                n=format_number(more)
            )
        )
    if result.read:
        print(_("Read from the file: {fields}.").format(fields=", ".join(result.read)))
    if result.changes:
        print(_("Would change:") if result.dry_run else _("Changed:"))
        for change in result.changes:
            print(f"  {change}")
    if result.not_kept:
        print(
            _("In the file but not kept by apdesk: {fields}.").format(
                fields=", ".join(result.not_kept)
            )
        )
    if result.dry_run:
        print(_("Dry run: nothing was written."))


def cmd_export(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        text = store.read(export.render, args.kind, args.format)
    if args.out:
        out = output_path(args.out, f"{args.kind}.{args.format}")
        # Excel reads UTF-8 CSV correctly only with a byte order mark
        save_output(out, text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
        print(_("Wrote {kind} to {out}").format(kind=args.kind, out=out), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
