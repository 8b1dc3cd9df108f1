"""Keeping a store safe: backup, restore, check, change passphrase, rotate the key."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from apdesk.commands.check_words import check_lines
from apdesk.commands.common import (
    UserError,
    add_store_option,
    opened_store,
    read_passphrase,
    store_folder,
)
from apdesk.i18n import _
from apdesk.store.backup_file import OtherSchool, restore_backup, write_backup
from apdesk.store.checks import check_store
from apdesk.store.retire import CHOICES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help=_("write one encrypted backup file of the store"))
    add_store_option(p)
    p.add_argument("--out", required=True, metavar="FILE", help=_("the backup file to write"))
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help=_("restore a backup file into a store folder"))
    p.add_argument("file", metavar="FILE", help=_("a file written by `apdesk backup`"))
    p.add_argument(
        "--replace-with-other-school",
        action="store_true",
        help=_(
            "replace the store even though the backup is another school's (or another "
            "store's); you are asked to type the backup's URN to confirm"
        ),
    )
    p.add_argument(
        "--confirm-urn",
        metavar="URN",
        help=_("the backup school's URN, confirming --replace-with-other-school without a prompt"),
    )
    add_store_option(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help=_("integrity, cipher integrity and audit chain"))
    add_store_option(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("rotate-key", help=_("re-encrypt the store under a new key"))
    _old_backups_option(p)
    p.add_argument(
        "--backups-folder",
        action="append",
        default=[],
        metavar="DIR",
        help=_(
            "also retire the backup files (*.apbackup) in DIR, e.g. the daily backups' folder "
            "(repeatable)"
        ),
    )
    add_store_option(p)
    p.set_defaults(func=cmd_rotate_key)

    p = sub.add_parser(
        "recovery-key", help=_("issue a new recovery key (the old one stops working)")
    )
    _old_backups_option(p)
    add_store_option(p)
    p.set_defaults(func=cmd_recovery_key)


def _old_backups_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--old-backups",
        choices=CHOICES,
        default="reencrypt",
        help=_(
            "what to do with backups the old keys still open: re-encrypt them under today's "
            "keys (default), delete them, or keep them as they are"
        ),
    )


def cmd_backup(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        out = write_backup(store, Path(args.out))
    print(_("Backup written to {out} (encrypted; the store's passphrase opens it)").format(out=out))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UserError(_("no backup file at {path}").format(path=source))
    passphrase = read_passphrase(_("Passphrase of the backup: "))
    if passphrase is None:
        raise UserError(
            _("set APDESK_PASSPHRASE or run from a terminal to give the backup's passphrase")
        )
    target = store_folder(args)
    try:
        result = restore_backup(source, target, passphrase=passphrase)
    except OtherSchool as exc:
        if not args.replace_with_other_school:
            raise UserError(
                _(
                    "{problem} To replace it all the same, run again with "
                    "--replace-with-other-school."
                ).format(problem=exc)
            ) from None
        _confirm_other_school(args, exc)
        result = restore_backup(source, target, passphrase=passphrase, replace_other_school=True)
    print(_("Restored into {folder}").format(folder=result.folder))
    if result.kept:
        print(_("The store it replaced is kept in {folder}").format(folder=result.kept))
    return 0


def _confirm_other_school(args: argparse.Namespace, exc: OtherSchool) -> None:
    """The person types the URN of the school the backup holds: a second, deliberate yes."""
    wanted = exc.backup.urn or "REPLACE"
    if args.confirm_urn is not None:
        typed = args.confirm_urn
    elif sys.stdin is not None and sys.stdin.isatty():
        print(str(exc), file=sys.stderr)
        typed = input(
            _("Type {urn} to replace {school} with the backup: ").format(
                urn=wanted, school=exc.current.describe()
            )
        )
    else:
        raise UserError(
            _(
                "{problem} Confirm with --confirm-urn {urn} (or run from a terminal to be asked)."
            ).format(problem=exc, urn=wanted)
        )
    if typed.strip() != wanted:
        raise UserError(
            _("the confirmation was not {urn}: nothing was replaced").format(urn=wanted)
        )


def cmd_check(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        report = check_store(store)
    print("\n".join(check_lines(report)))
    return 0 if report.ok else 1


def cmd_rotate_key(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        passphrase = read_passphrase(_("Passphrase (to confirm): "))
        if passphrase is None:
            raise UserError(
                _("set APDESK_PASSPHRASE or run from a terminal to confirm the passphrase")
            )
        recovery = store.rotate_key(
            passphrase,
            old_backups=args.old_backups,
            backup_folders=[Path(folder).expanduser() for folder in args.backups_folder],
        )
        retired = store.last_retired
    print(_("The store is now encrypted under a new key. The old recovery key no longer works."))
    for line in retired.lines() if retired else []:
        print(line)
    print(_("New recovery key (shown once: print it or write it down, and lock it away):"))
    print(f"    {recovery}")
    return 0


def cmd_recovery_key(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        passphrase = read_passphrase(_("Passphrase (to confirm): "))
        if passphrase is None:
            raise UserError(
                _("set APDESK_PASSPHRASE or run from a terminal to confirm the passphrase")
            )
        recovery = store.new_recovery_key(passphrase, old_backups=args.old_backups)
    print(_("The old recovery key no longer opens the store."))
    print(_("New recovery key (shown once: print it or write it down, and lock it away):"))
    print(f"    {recovery}")
    return 0
