"""Reference parsing: blocks, offsets, kinds, JSON round trip."""

from __future__ import annotations

import pytest

from repairkit.document import InputError
from repairkit.reference import load_reference
from tests.conftest import ARTICLE


def test_every_block_is_a_true_slice_of_the_original():
    art = load_reference(ARTICLE)
    assert art.text == ARTICLE.read_text(encoding="utf-8")
    assert art.blocks
    for b in art.blocks:
        assert art.text[b.start:b.end] == b.text


def test_missing_reference_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such reference"):
        load_reference(tmp_path / "nope.txt")
