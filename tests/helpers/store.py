"""What every store test shares: the passphrase of the test stores and an in-memory keyring."""

from __future__ import annotations

from keyring.backend import KeyringBackend

TEST_PASSPHRASE = "correct horse battery staple"


class MemoryKeyring(KeyringBackend):
    """The OS keyring cannot run here: this keeps secrets in a dict for the test's lifetime."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)
