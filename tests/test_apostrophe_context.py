"""The previous-word walk of the apostrophe features gives what the regex search it replaced gave."""

from __future__ import annotations

import random
import re

from repairkit.analysis.apostrophe_context import _word_before, features, previous_token

#: The search the walk replaced (it tried every position of a 40-character window).
_PREV_RE = re.compile(r"([A-Za-z]+)?[ \t]*$")


def test_word_before_matches_the_regex_search() -> None:
    rng = random.Random(3)
    wrong = []
    for _ in range(30_000):
        text = "".join(rng.choice("ab Z \t\n.,'é1-") for _ in range(rng.randint(0, 60)))
        start = rng.randint(0, len(text))
        want = _PREV_RE.search(text, max(0, start - 40), start).group(1)  # type: ignore[union-attr]
        if _word_before(text, start) != want:
            wrong.append((text, start, want))
    assert not wrong, wrong[:5]


def test_features_and_previous_token() -> None:
    assert features("the worlds largest", 4, 10) == ("the", "largest")
    assert features("(worlds largest", 1, 7) == ("<P>", "largest")
    assert previous_token("Jonathan Ive", 9) == "Jonathan"
    assert previous_token("x" * 50 + " Ive", 51) == "x" * 39  # a 40-character window, as before
