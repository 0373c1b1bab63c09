"""The fast paths that skip a whole-text pattern: the characters they test for are in every match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repairkit.analysis.digits import has_digit
from repairkit.analysis.furniture import MARKUP_RE, MARKUP_SIGNS, PLACEHOLDER_RE, markup_leaks, may_hold_placeholders
from repairkit.detectors import symbols
from repairkit.detectors.numbers import listings

# Pieces of markup, templates and prose, glued at random: matches of every alternative appear.
_PIECES = ["[", "]", "/", "{", "}", "{%", "%}", "{#", "#}", "<%", "%>", "<", ">", "=", '"', "'", "“", "”",
           "caption", "vc_row", " id", "class", "data-x", "p", "br", "img src", " ", "a", "x_1", "%s", "%d",
           "%(user)", "${", "NaN", "object Object", "if user", "paid", "worth", " 500", "3bn", "(£2m)", "euros"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=400)
@given(_TEXTS)
def test_markup_needs_its_signs(text: str) -> None:
    for m in MARKUP_RE.finditer(text):
        assert any(sign in m.group() for sign in MARKUP_SIGNS)
    if not any(sign in text for sign in MARKUP_SIGNS):
        assert markup_leaks(text) == []


@settings(max_examples=400)
@given(_TEXTS)
def test_placeholders_need_their_signs(text: str) -> None:
    if PLACEHOLDER_RE.search(text):
        assert may_hold_placeholders(text)


@settings(max_examples=400)
@given(_TEXTS)
def test_amount_patterns_need_a_digit(text: str) -> None:
    for pattern in (symbols._MONEY_RE, symbols._CONVERTED_BARE_RE):
        for m in pattern.finditer(text):
            assert has_digit(m.group())


def test_the_examples_still_match() -> None:
    assert markup_leaks('<p class="x">Hi</p> [/caption]') != []
    assert may_hold_placeholders("Connecting to %s") and not may_hold_placeholders("Connecting to the server")


_UNIT_PIECES = ["kg", "km", "W", "kWh", "GHz", "inches", "watts", "x", " ", "  ", ".", ",", "-", "/", "5", "'",
                "the", "of", "Hz", "µm", "kgs", "mAh"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=16).map("".join))
def test_unit_tokens_are_the_tokeniser_s_units(text: str) -> None:
    units = listings.unit_symbols() | listings.unit_words()
    wanted = [(m.start(), m.end()) for m in listings._UNIT_TOKEN_RE.finditer(text) if m.group(1) in units]
    assert [(m.start(), m.end()) for m in listings._unit_tokens(text, units)] == wanted
