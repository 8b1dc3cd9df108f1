"""A keyring that keeps secrets in memory: the benchmark's stand-in for the OS keyring."""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict for the life of the process; priority > 0 so apdesk trusts it."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def install() -> MemoryKeyring:
    """Use a fresh in-memory keyring from now on in this process."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend
