"""Property tests: parsing any text never raises, and every offset is true; JSON always round-trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repairkit.document import InputError
from repairkit.reference.parse import parse_markdown, parse_text
from repairkit.reference.serialize import article_from_json, article_to_json

PIECES = st.sampled_from([
    "Title", "\n", "\n\n", " ", "1The ", "2) ", "10 ", "# ", "## 3. ", "Leave a Reply", "Twitter picture",
    "Connecting to %s", "Expert View | Jane Roe, analyst", "By Jane Roe", "November 22, 2021", "2021-11-09 07:25",
    "US$5 million", "29.8 percent", "150 million doses", "30th", "six proposals", "Euro-Asian", "Britain’s",
    "COVID-19", "word", "Word.", "£3bn", "5%", "\u00a0", "\t", "é", "🙂", "\r\n",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=200))


def check(art) -> None:
    for b in art.blocks:
        assert art.text[b.start:b.end] == b.text
    for f in art.facts:
        assert art.text[f.start:f.end] == f.text
        assert art.blocks[f.block].start <= f.start <= f.end <= art.blocks[f.block].end
    for terms in art.terms.values():
        for t in terms:
            assert all(art.text[s:e] == t.form for s, e in t.occurrences)
    starts = [b.start for b in art.blocks]
    assert starts == sorted(starts)


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_parse_never_raises_and_offsets_are_true(text):
    for parse in (parse_text, parse_markdown):
        if not text.strip():  # an empty reference is refused: it could only ever give no evidence
            with pytest.raises(InputError, match="the reference is empty"):
                parse(text)
            continue
        art = parse(text)
        check(art)
        assert article_from_json(article_to_json(art)) == art
