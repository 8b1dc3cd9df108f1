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
from apdesk.services import export
from apdesk.services import imports as checks
from apdesk.services.imports import ImportResult
from apdesk.services.operations import pupils as pupil_ops


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imports = nested_group(sub, "import", "import records from files")
    p = imports.add_parser(
        "pupils", help="pupils from a MIS CSV export or a CTF (XML): all or nothing, by UPN"
    )
    p.add_argument("file", metavar="FILE", help="a .csv export or a .xml CTF")
    p.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    p.add_argument(
        "--accept-destination",
        action="store_true",
        help="import a CTF addressed to another school (you confirm the pupils are joining)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_store_option(p)
    p.set_defaults(func=cmd_import_pupils)

    exports = nested_group(sub, "export", "export records as files")
    for kind in export.KINDS:
        e = exports.add_parser(kind, help=f"every {kind[:-1]} record as CSV or JSON")
        e.add_argument("--format", choices=export.FORMATS, default="json", help="default: json")
        e.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
        add_store_option(e)
        e.set_defaults(func=cmd_export, kind=kind)


def cmd_import_pupils(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(f"no file {path}: check the name and folder")
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
        print(f"Nothing was imported: {len(result.errors)} problem(s) to fix in the file.")
        for error in result.errors[:MAX_SHOWN]:
            print(f"  {error}")
        if len(result.errors) > MAX_SHOWN:
            print(f"  ... and {len(result.errors) - MAX_SHOWN} more problem(s) like these")
        return
    if result.dry_run:
        print(f"Would import {result.imported} new pupil(s) and update {result.updated}.")
    else:
        print(f"Imported {result.imported} new pupil(s); updated {result.updated}.")
    for warning in result.warnings[:MAX_SHOWN]:
        print(f"  Note: {warning}")
    if len(result.warnings) > MAX_SHOWN:
        print(f"  ... and {len(result.warnings) - MAX_SHOWN} more note(s)")
    if result.read:
        print(f"Read from the file: {', '.join(result.read)}.")
    if result.changes:
        print("Would change:" if result.dry_run else "Changed:")
        for change in result.changes:
            print(f"  {change}")
    if result.not_kept:
        print(f"In the file but not kept by apdesk: {', '.join(result.not_kept)}.")
    if result.dry_run:
        print("Dry run: nothing was written.")


def cmd_export(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        text = store.read(export.render, args.kind, args.format)
    if args.out:
        out = output_path(args.out, f"{args.kind}.{args.format}")
        # Excel reads UTF-8 CSV correctly only with a byte order mark
        save_output(out, text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
        print(f"Wrote {args.kind} to {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
