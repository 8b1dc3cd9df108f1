"""Helpers the outbox, sync and settings GUI tests share (no tests here).

A school store with one placement, packs queued the way a placement change queues them, the
real LA inbox on loopback, and a port on 127.0.0.1 where nothing listens.
"""

from __future__ import annotations
