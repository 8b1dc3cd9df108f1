"""The Outbox page, the background sender, its status and the LA connection settings."""
