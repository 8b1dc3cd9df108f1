"""Keeping a store safe: backup, restore, check, change passphrase, rotate the key."""

from __future__ import annotations

import argparse
from pathlib import Path

from apdesk.commands.common import (
    UserError,
    add_store_option,
    opened_store,
    read_passphrase,
    store_folder,
)
from apdesk.store.backup_file import restore_backup, write_backup
from apdesk.store.checks import check_store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="write one encrypted backup file of the store")
    add_store_option(p)
    p.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore a backup file into a store folder")
    p.add_argument("file", metavar="FILE", help="a file written by `apdesk backup`")
    add_store_option(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="integrity, cipher integrity and audit chain")
    add_store_option(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("rotate-key", help="re-encrypt the store under a new key")
    add_store_option(p)
    p.set_defaults(func=cmd_rotate_key)


def cmd_backup(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        out = write_backup(store, Path(args.out))
    print(f"Backup written to {out} (encrypted; the store's passphrase opens it)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UserError(f"no backup file at {source}")
    passphrase = read_passphrase("Passphrase of the backup: ")
    if passphrase is None:
        raise UserError(
            "set APDESK_PASSPHRASE or run from a terminal to give the backup's passphrase"
        )
    result = restore_backup(source, store_folder(args), passphrase=passphrase)
    print(f"Restored into {result.folder}")
    if result.kept:
        print(f"The store it replaced is kept in {result.kept}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        report = check_store(store)
    print("\n".join(report.lines()))
    return 0 if report.ok else 1


def cmd_rotate_key(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        passphrase = read_passphrase("Passphrase (to confirm): ")
        if passphrase is None:
            raise UserError(
                "set APDESK_PASSPHRASE or run from a terminal to confirm the passphrase"
            )
        recovery = store.rotate_key(passphrase)
    print("The store is now encrypted under a new key. The old recovery key no longer works.")
    print("New recovery key (shown once: print it or write it down, and lock it away):")
    print(f"    {recovery}")
    return 0
