"""Restorations at the edge of an aligned sentence (repairkit.repair.aligned)."""

from __future__ import annotations

from repairkit.reference.parse import parse_text
from repairkit.repair.aligned import aligned_sites

# The reference's sentence before the aligned one is about another figure; the text's own
# sentence before it ends in a stripped year.
REF = ("Rugby\n\nOfficials of the insurance industry estimated at the weekend that the storm which swept "
       "over the coast caused damage of around $10 billion in 1998. With England and France "
       "visiting Lansdowne Road for the last time before the old stadium is pulled down, everything "
       "looks perfectly placed for the home side this season.")
DOC = ("Rugby Ireland go into the championship as favourites for the first time in a generation, "
       "seeking a first Grand Slam since Karl Mullen led the team to a clean sweep in . With England and France "
       "visiting Lansdowne Road for the last time before the old stadium is pulled down, everything "
       "looks perfectly placed for the home side this season.")


def _numbers(doc: str, ref: str) -> list[tuple[str, str]]:
    return [(doc[s.span.start:s.span.end], s.suggestion.replacement or "")
            for s in aligned_sites(doc, parse_text(ref, "r.txt")) if s.category == "missing-number"]


def test_a_number_past_the_aligned_sentence_stop_needs_the_reference_to_share_its_words():
    assert _numbers(DOC, REF) == []  # "sweep in ." is not "billion in 1998."


def test_the_same_number_with_its_words_shared_is_restored_and_takes_the_spaces_it_left():
    ref = REF.replace("caused damage of around $10 billion in 1998.", "beat Russia's Elena Bovina 1-6 6-1 6-4.")
    doc = DOC.replace("led the team to a clean sweep in .", "beat Russias Elena Bovina   .")
    assert _numbers(doc, ref) == [("   .", " 1-6 6-1 6-4.")]


def test_what_the_next_sentence_starts_with_stays_out_when_its_words_differ():
    ref = ("Theatre\n\nThe musical is not expected to open in London before December 2006. "
           "\"It will be like nothing they have seen,\" he said.")
    doc = ("Theatre The musical is not expected to open in London before December . The producer "
           "said it would be worth waiting for.")
    assert _numbers(doc, ref) == [(".", "2006.")]


def test_a_shared_edge_about_another_period_is_not_restored():
    ref = REF.replace("caused damage of around $10 billion in 1998.",
                      "cut its market share this year, down to less than 70%.")
    doc = DOC.replace("led the team to a clean sweep in .", "cut its market share last year, down to less than .")
    assert _numbers(doc, ref) == []
    same = DOC.replace("led the team to a clean sweep in .", "cut its market share this year, down to less than .")
    assert _numbers(same, ref) == [(" .", " 70%.")]
