"""The school hub: a relay of sealed change batches, SQLite or PostgreSQL, keyless."""
