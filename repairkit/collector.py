"""Python's cyclic garbage collector, paused while repairkit scans: one home for that policy.

A scan allocates millions of small objects (matches, spans, hits) and builds no cycles worth
collecting (reference counting frees them); each full collection meanwhile walks every live
object, the word tables of a few hundred thousand entries included, so on a long text the
collector cost a quarter to a third of the scan and grew faster than the text. ``scan_document``
pauses it per document (a batch worker collects between documents); the ``scan``, ``fix`` and
``review`` commands for the whole command, report included (a short-lived process).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (or the decorated function), back on
    after it if it was on; cycles made meanwhile are collected after it, as usual.

    >>> with cyclic_gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
