"""The fast paths that skip a whole-text pattern: the characters they test for are in every match."""

from __future__ import annotations

import importlib
import re

import pytest
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


# The patterns that open with a look-ahead at their first character ("(?=[snrt])(?<!...)"): the
# look-ahead must admit every character the rest can start a match with. Probed with the
# pattern's own words and characters in typical surroundings.
_PREFIXED_MODULES = ("repairkit.detectors.numbers", "repairkit.detectors.numbers.listings",
                     "repairkit.detectors.numbers.stripped", "repairkit.analysis.number_cues",
                     "repairkit.detectors.apostrophes", "repairkit.analysis.furniture", "repairkit.detectors.punctuation",
                     "repairkit.detectors.symbols", "repairkit.analysis.names", "repairkit.detectors.structure",
                     "repairkit.detectors.encoding")
_FIRST_RE = re.compile(r"\(\?=(\[[^\]]+\]|.)\)")
_CONTEXTS = (" %s ", " %s.", "(%s)", "the %s then", " ,%s and", " .%s x", "the  %s  x", "a %s-day", "-%s", "%s")


def _prefixed() -> list[tuple[str, re.Pattern[str]]]:
    found = {}
    for name in _PREFIXED_MODULES:
        for key, value in vars(importlib.import_module(name)).items():
            if isinstance(value, re.Pattern) and _FIRST_RE.match(value.pattern):
                found[value.pattern] = (f"{name}.{key}", value)
    return list(found.values())


def test_there_are_prefixed_patterns() -> None:
    assert len(_prefixed()) > 30


@pytest.mark.parametrize(("name", "pattern"), _prefixed(), ids=lambda x: x if isinstance(x, str) else "")
def test_look_ahead_admits_every_match_of_the_rest(name: str, pattern: re.Pattern[str]) -> None:
    first = _FIRST_RE.match(pattern.pattern)
    assert first
    rest = re.compile(pattern.pattern[first.end():], pattern.flags)
    prefix = re.compile(first.group(1), pattern.flags)
    probes = set(re.findall(r"[A-Za-z]{2,}|.", rest.pattern))
    for probe in probes:
        for context in _CONTEXTS:
            text = context % probe
            for m in rest.finditer(text):
                assert prefix.match(text, m.start()), (name, text, m.group())
