"""Keep Python's cycle collector off what lives as long as the window.

After unlocking, the pages, their models and the rows they show are hundreds of thousands of
objects that live until the next lock. Each full collection walked every one of them on the GUI
thread (a quarter of a second on a big school's store, at a moment nobody chose). Once the
window shows its first page, and again once it has built the others, what exists is set aside
(`gc.freeze`, which costs nothing): later collections look only at what is new. Locking gives
it all back to the collector (the pages are thrown away with the key), and any garbage set
aside with it is collected then.
"""

from __future__ import annotations

import gc


def set_aside() -> None:
    """Keep every object alive now out of later collections."""
    gc.freeze()


def give_back() -> None:
    """Let the collector see the set-aside objects again (the pages are being thrown away)."""
    gc.unfreeze()
