"""The reference LA inbox: a small server an LA can run to receive schools' packs."""
