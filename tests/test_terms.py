"""Reference term spellings (repairkit.repair.terms): when a word as written still takes the reference's form."""

from __future__ import annotations

from repairkit.config import Config
from repairkit.document import Document
from repairkit.model import Applicability
from repairkit.pipeline import scan_document, select_rules
from repairkit.reference.parse import parse_text
from repairkit.repair.build import enrich
from repairkit.repair.terms import term_sites

REFERENCE = parse_text("Music notes\n\nBlink-182 tickets sold out in Leeds before the Farmers' Union hall opened.")


def _sites(text: str) -> list[tuple[str, str, str]]:
    return [(text[s.span.start:s.span.end], s.suggestion.replacement, s.suggestion.applicability.name)
            for s in term_sites(text, REFERENCE)]


def test_a_name_the_text_writes_without_its_digits_gets_the_reference_form_for_an_editor():
    text = "Fans said Blink had played every town, and the Farmers Union hall was full."
    assert _sites(text) == [("Blink", "Blink-182", "MANUAL"), ("Farmers", "Farmers'", "UNSAFE")]


def test_without_evidence_that_the_text_lost_the_class_a_word_stays_as_written():
    # the text keeps its digits and apostrophes elsewhere: "Blink" and "Farmers Union" are its own spellings
    assert _sites("In 2020 fans said Blink had played, and the Farmers Union met in the year's last week.") == []
    # a plural before another word than the reference's name is not that name
    assert _sites("Fans said the Farmers Market was full.") == []


def test_the_possessive_name_becomes_a_missing_apostrophe_finding_with_the_reference_quoted():
    doc = Document.from_text("Music notes. The Farmers Union hall was full, fans said.")
    findings = enrich(doc, scan_document(doc, select_rules(Config())).findings, [REFERENCE])
    possessive = [f for f in findings if f.best and f.best.replacement == "Farmers'"]
    assert [f.category for f in possessive] == ["missing-apostrophe"]
    best = possessive[0].best
    assert best.applicability is Applicability.UNSAFE and best.evidence[0].quote == "Farmers' Union"
