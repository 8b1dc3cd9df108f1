"""Notification packs, the outbox sender and the reference LA inbox. No Qt."""
