"""Locking, unlocking, the passphrase and recovery key, backups and retention."""
