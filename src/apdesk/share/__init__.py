"""Sharing the record between the school's laptops through a hub that cannot read it."""
