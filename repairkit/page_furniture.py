"""Page furniture: the shipped phrases of comment forms, share bars and log-in prompts.

One list (``repairkit/data/boilerplate_phrases.txt``) for both users: the boilerplate
detectors (RK901) and the reference parser, which sets such lines apart from an article's
paragraphs. A line is furniture only when the whole line is a phrase (or starts with a
prefix entry, or is a copyright line with a year), so a real sentence never is.

>>> is_boilerplate_line("Log in to Reply"), is_boilerplate_line("Copyright 2021 Example News")
(True, True)
>>> is_boilerplate_line("Copyright law is changing."), is_boilerplate_line("Copyright 2019 rules made firms pay more, the court said.")
(False, False)
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

PHRASES_FILE = "boilerplate_phrases.txt"
PHRASES_HEADER = "# repairkit boilerplate phrases, format 1"
PREFIX_MARK = " ..."
#: A prefix entry matches lines up to this long; longer lines are prose, not furniture.
MAX_PREFIX_LINE = 200
_EDGE_CHARS = " \t:.…!|·•-–—>»↓"
#: "Copyright 2021 ...", "Copyright (c) 2021", "© 2021 ...": with its year and a few words, furniture.
COPYRIGHT_RE = re.compile(r"^\s*(?:copyright\b\s*(?:\(c\)|©)?|\(c\)|©)\s*\d{4}\b", re.IGNORECASE)
#: A copyright line has at most this many words; "Copyright 2019 rules made firms pay, the court said." is prose.
MAX_COPYRIGHT_WORDS = 8


def normalise_line(line: str) -> str:
    """Lower case, single spaces, no surrounding punctuation: the form phrases are matched in.

    >>> normalise_line("  Share   this: ")
    'share this'
    """
    return " ".join(line.lower().split()).strip(_EDGE_CHARS)


@cache
def boilerplate_phrases() -> tuple[frozenset[str], tuple[str, ...]]:
    """The shipped phrases: (whole-line phrases, line prefixes); checks the format header."""
    raw = resources.files("repairkit").joinpath("data", PHRASES_FILE).read_text(encoding="utf-8")
    if not raw.startswith(PHRASES_HEADER):
        raise RuntimeError(f"{PHRASES_FILE}: missing header {PHRASES_HEADER!r}")
    entries = [e for e in raw.splitlines() if e and not e.startswith("#")]
    whole = frozenset(e for e in entries if not e.endswith(PREFIX_MARK))
    prefixes = tuple(e[: -len(PREFIX_MARK)] for e in entries if e.endswith(PREFIX_MARK))
    return whole, prefixes


def is_boilerplate_line(line: str) -> bool:
    """True when the whole line is page furniture.

    >>> is_boilerplate_line("Leave a Reply"), is_boilerplate_line("You are commenting using your X account.")
    (True, True)
    >>> is_boilerplate_line("Related reading suggests otherwise.")
    False
    """
    norm = normalise_line(line)
    if not norm:
        return False
    if COPYRIGHT_RE.match(line) and len(line.split()) <= MAX_COPYRIGHT_WORDS:
        return True
    whole, prefixes = boilerplate_phrases()
    if norm in whole:
        return True
    return len(line.strip()) <= MAX_PREFIX_LINE and norm.startswith(prefixes)
