"""reference.align.key_view (letter runs as one piece) maps offsets exactly as a piece per letter does."""

from __future__ import annotations

import random

from repairkit.document import OffsetMap
from repairkit.reference.align import key_text, key_view


def _per_letter(text: str, start: int = 0, end: int | None = None) -> OffsetMap:
    """The key view built one letter at a time (the definition key_view must keep)."""
    stop = len(text) if end is None else end
    pieces: list[tuple[int, int] | tuple[int, int, str]] = [(0, start, "")] if start else []
    gap = start
    for i in range(start, stop):
        if text[i].isalpha():
            if gap < i:
                pieces.append((gap, i, ""))
            pieces.append((i, i + 1, text[i].lower()))
            gap = i + 1
    if gap < stop:
        pieces.append((gap, stop, ""))
    if stop < len(text):
        pieces.append((stop, len(text), ""))
    return OffsetMap.build(text, pieces)


def test_same_view_and_offsets_as_letter_by_letter() -> None:
    rng = random.Random(1)
    alphabet = "aZ ΣσςΟΔİıß²½Ⅻ_9-'’\n\té漢ǅ\u0345ﬁ"  # final sigma, İ, digit-like letters, ligatures
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        start = rng.randint(0, len(text))
        end = rng.choice([None, rng.randint(start, len(text))])
        ours, theirs = key_view(text, start, end), _per_letter(text, start, end)
        assert ours.view == theirs.view == key_text(text, start, end), text
        assert [ours.to_original(v) for v in range(len(ours.view) + 1)] == \
               [theirs.to_original(v) for v in range(len(theirs.view) + 1)], text
