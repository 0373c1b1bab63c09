"""Behaviour of the RK2xx apostrophe rules beyond the case table: repairs, safety, offsets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repairkit.detectors.apostrophes import DETECTORS, stripped_share
from repairkit.document import Document
from repairkit.model import Applicability, Finding
from repairkit.registry import findings_of, prepared, run_rules

from .conftest import SHARED

CORPUS = next((p for p in (SHARED / "corpus" / "news.jsonl", Path("/work/shared/corpus/news.jsonl")) if p.exists()),
              None)


def scan(text: str) -> list[Finding]:
    doc = Document.from_text(text)
    hits, _ = run_rules(doc, DETECTORS)
    return sorted((f for spec in DETECTORS for f in findings_of(spec, doc, hits=hits)), key=lambda f: f.span.start)


def apply(text: str, findings: list[Finding]) -> str:
    """Replace each flagged word by its best suggestion (right to left)."""
    for f in sorted(findings, key=lambda f: -f.span.start):
        best = f.best
        assert best is not None and best.replacement is not None
        text = text[:best.span.start] + best.replacement + text[best.span.end:]
    return text


@pytest.mark.parametrize(("text", "repaired"), [
    ("They dont know.", "They don't know."),
    ("DONT panic. Im sure.", "DON'T panic. I'm sure."),
    ("The companys new boss and the childrens ward.", "The company's new boss and the children's ward."),
    ("Theyre sure the firms chief is wrong; its a shame.", "They're sure the firm's chief is wrong; it's a shame."),
])
def test_repairs_restore_the_apostrophe(text: str, repaired: str) -> None:
    assert apply(text, scan(text)) == repaired


def test_suggestion_replaces_the_flagged_word() -> None:
    text = "Well, they dont."
    (finding,) = scan(text)
    assert (finding.code, text[finding.span.start:finding.span.end]) == ("RK201", "dont")
    assert finding.best is not None and finding.best.span == finding.span


def test_applicability_follows_the_rule() -> None:
    by_code = {f.code: f for f in scan("We cant see the companys plan, but its a start. The Smiths house.")}
    assert by_code["RK201"].best.applicability is Applicability.SAFE
    assert by_code["RK202"].best.applicability is Applicability.UNSAFE
    assert by_code["RK203"].best.applicability is Applicability.UNSAFE
    smiths = by_code["RK205"]
    assert [s.replacement for s in smiths.suggestions] == ["Smith's", "Smiths'"]
    assert all(s.applicability is Applicability.MANUAL for s in smiths.suggestions)
    safe = {f.code for f in by_code.values() for s in f.suggestions if s.applicability is Applicability.SAFE}
    assert safe == {"RK201"}


def test_clean_document_lowers_the_stripped_share() -> None:
    stripped = "They dont know. Theyre sure. The companys plan. Its a shame."
    clean = "They don't know. They're sure. The company's plan. It's a shame."
    assert stripped_share(prepared(stripped, "RK202")[1]) >= 0.75 > 0.2 > stripped_share(prepared(clean, "RK202")[1])
    # the same homograph context is flagged in stripped text but not beside intact apostrophes
    assert "RK203" in {f.code for f in scan(stripped + " So its just late.")}
    assert not scan(clean + " So its just late.")


def test_offsets_point_into_the_original_text_with_wide_characters() -> None:
    text = "🙂 café — they dont care about the firms chief."
    for f in scan(text):
        assert text[f.span.start:f.span.end] in ("dont", "firms")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abdeinostuwyIJT '’.,-\n")), max_size=80))
def test_rules_never_raise_and_spans_stay_in_bounds(text: str) -> None:
    for f in scan(text):
        assert 0 <= f.span.start < f.span.end <= len(text)
        assert all(s.replacement != text[s.span.start:s.span.end] for s in f.suggestions)


@pytest.mark.skipif(CORPUS is None, reason="news corpus not available")
def test_quiet_on_clean_news_and_finds_stripped_apostrophes() -> None:
    """A small sample of held-out (odd-id) articles: few clean alarms, most stripped sites found."""
    every = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    arts = [a for a in every if int(a["id"].rsplit("-", 1)[1]) % 2][::20]
    words = sum(len(a["text"].split()) for a in arts)
    alarms = sum(len(scan(a["text"])) for a in arts)
    assert alarms * 2000 <= words, f"{alarms} alarms in {words} clean words"
    found = sites = 0
    for a in arts:
        damaged = re.sub(r"(?<=[A-Za-z])'(?=[A-Za-z])", "", a["text"])
        sites += len(re.findall(r"(?<=[A-Za-z])'(?=[A-Za-z])", a["text"]))
        found += len(scan(damaged))
    assert found >= 0.6 * sites


@pytest.mark.parametrize(("text", "options"), [
    ("They dont care. It was the governments biggest defeat.", ["government's", "governments'"]),
    ("They dont care. He praised the peoples courage.", ["people's"]),
])
def test_plural_possessive_competes_only_for_regular_plurals(text: str, options: list[str]) -> None:
    (finding,) = [f for f in scan(text) if f.code == "RK205"]
    assert [s.replacement for s in finding.suggestions] == options
    expected = Applicability.MANUAL if len(options) > 1 else Applicability.UNSAFE
    assert all(s.applicability is expected for s in finding.suggestions)
