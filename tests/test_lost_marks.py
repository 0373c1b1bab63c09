"""Reference restoration of every class a document lost (issue 15): the classes missing from
the text itself are the evidence, not a fixed list."""

from __future__ import annotations

from benchmarks.damage import damage
from repairkit.config import Config
from repairkit.document import Document
from repairkit.model import Applicability
from repairkit.pipeline import scan_document, select_rules
from repairkit.reference.parse import parse_text
from repairkit.repair.aligned import aligned_sites, lost_marks
from repairkit.repair.apply import apply_suggestions

CLEAN = ("Coach hails his side: a record season\n\n"
         "The coach was asked: \"Why did it work?\" He said: \"We believed; we trained hard!\" "
         "The club - founded in 1890 - paid $3m (£1.6m) to the São Paulo side… and won.\n\n"
         "\"It was our best year,\" said the coach – and the fans agreed (all of them).")


def _repaired(text: str, reference: str, level: Applicability = Applicability.UNSAFE) -> str:
    doc = Document.from_text(text)
    findings = scan_document(doc, select_rules(Config()), references=[parse_text(reference, "ref.txt")]).findings
    return apply_suggestions(text, findings, level)[0]


def test_seed_damage_is_restored_exactly_from_the_same_story():
    damaged = damage(CLEAN, "seed").text
    assert ":" not in damaged and "ã" not in damaged
    assert _repaired(damaged, CLEAN) == CLEAN


def test_a_mark_the_text_already_has_is_never_added_again():
    clean = "Title of the story here\n\n\"We played really well all season,\" said the coach after the game on Saturday."
    damaged = "Title of the story here\n\n\"We played really well all season,\" said the coach after the game on Saturday."
    assert _repaired(damaged, clean) == clean
    half = "Title of the story here\n\nWe played really well all season,\" said the coach after the game on Saturday."
    assert _repaired(half, clean) == clean  # only the opening mark comes back, the closing one is not doubled


def test_marks_the_text_has_elsewhere_are_not_restorable():
    # the text has colons of its own: a colon the reference has in another place is a difference
    # in wording, not a mark the scraper took
    ref = "Title of the story here\n\nThe plan: a new stadium for the club and its supporters, built by 2010."
    doc = "Title of the story here\n\nThe plan a new stadium for the club and its supporters: built by ."
    assert ":" not in lost_marks(doc, ref)
    assert not any(":" in (s.suggestion.replacement or "") for s in aligned_sites(doc, parse_text(ref, "r.txt")))


def test_letters_outside_ascii_come_back_only_when_the_text_has_none():
    ref = "Title of the story here\n\nThe café in São Paulo opened its doors to the public last week."
    assert lost_marks("The caf in So Paulo.", ref) == frozenset("éã")
    assert lost_marks("The café in So Paulo.", ref) == frozenset()
