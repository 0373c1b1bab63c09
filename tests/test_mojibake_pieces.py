"""A long line is fixed piece by piece around its non-ASCII characters: the same stretches as the whole line."""

from __future__ import annotations

import random

import pytest

from repairkit.analysis import mojibake

_WORDS = "the council said on Monday that its plans for the new road would go ahead".split()
_ODD = ["cafÃ©", "Ã‚Â£5", "naïve", "&amp;", "Zürich", "â€œquotedâ€\x9d", "Â½", "São", "&#233;t&#233;"]


def _line(seed: int, words: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_ODD) if rng.random() < 0.02 else rng.choice(_WORDS) for _ in range(words))


@pytest.mark.parametrize("seed", range(6))
def test_pieces_find_what_the_whole_line_finds(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _line(seed, 6000)
    assert len(text) > mojibake.LONG_LINE and "\n" not in text
    pieces = mojibake.mojibake_stretches(text)
    monkeypatch.setattr(mojibake, "LONG_LINE", len(text) + 1)
    whole = mojibake.mojibake_stretches(text)
    assert [(s.span, s.original, s.fixed) for s in pieces] == [(s.span, s.original, s.fixed) for s in whole]
    assert len(pieces) > 10
    for s in pieces:
        assert text[s.span.start:s.span.end] == s.original
        if any(c in s.original for c in "ÃâÂ"):  # "decoded" is said of the piece ftfy read: mojibake always is
            assert s.decoded
