"""Fact matching by sentence frame (repairkit.repair.facts) and its confidence policy (repairkit.repair.policy)."""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import pytest

from repairkit.config import Config
from repairkit.document import Document
from repairkit.model import MEDIUM_CONFIDENCE, Applicability, Finding
from repairkit.pipeline import scan_document, select_rules
from repairkit.reference.parse import parse_text
from repairkit.repair.apply import apply_suggestions
from repairkit.repair.build import enrich
from repairkit.repair.policy import CALIBRATION_HEADER, READINGS, applicability, fact_calibration, parse_calibration


def facts_for(text: str, reference: str) -> list[Finding]:
    """Missing-number findings of ``text`` enriched from a related ``reference``."""
    doc = Document.from_text(text)
    ref = parse_text("A related story\n\n" + reference, "related.txt")
    found = enrich(doc, scan_document(doc, select_rules(Config())).findings, [ref])
    return [f for f in found if f.category == "missing-number"]


def best_fact(findings: list[Finding], text: str, hole: str):
    at = (" " + text).index(" " + hole)
    for f in findings:
        if f.span.start <= at <= f.span.end:
            valued = [s for s in f.suggestions if s.replacement is not None and s.origin == "reference-fact"]
            if valued:
                return valued[0]
    return None


def applied(text: str, suggestion) -> str:
    return text[:suggestion.span.start] + suggestion.replacement + text[suggestion.span.end:]


def test_a_cardinal_fact_fills_an_ordinal_hole():
    text = "Exports to the bloc rose for the th consecutive quarter, the ministry said."
    s = best_fact(facts_for(text, "The ministry said exports to the bloc grew for 9 consecutive quarters."), text, "th ")
    assert s is not None and applied(text, s) == text.replace("the th", "the 9th")


def test_the_currency_sign_the_damage_took_comes_back_with_the_number():
    text = "The group said that its sales reached . billion last year."
    s = best_fact(facts_for(text, "Sales climbed to €41.7 billion last year, the group said."), text, ". billion")
    assert s is not None and "€41.7 billion" in applied(text, s)


def test_a_year_of_a_clause_with_another_verb_fills_in_comma():
    text = "In , Brazil became Argentinas largest export market."
    ref = "In 2019, Brazil overtook China to become Argentina's largest export market."
    s = best_fact(facts_for(text, ref), text, "In ,")
    assert s is not None and applied(text, s).startswith("In 2019, Brazil")
    assert s.evidence[0].quote == "2019"


def test_two_numbers_of_one_sentence_go_to_their_own_places():
    text = "Car exports were up . percent, or . percent of the total, the agency said."
    ref = "The agency said car exports saw a rise of 7.2 percent, making up 3.1 percent of the total."
    findings = facts_for(text, ref)
    first = best_fact(findings, text, ". percent, or")
    second = best_fact(findings, text, ". percent of the total")
    assert first is not None and second is not None
    assert (first.replacement, second.replacement) == ("7.2 percent", "3.1 percent")


def test_a_distractor_loses_and_the_note_says_why():
    text = "The media giant said that its quarterly profits jumped . percent."
    ref = ("Quarterly profits at the media giant leapt 7.5 percent, the company said. "
           "The company said quarterly sales at its unit rose 4.1 percent.")
    s = best_fact(facts_for(text, ref), text, ". percent")
    assert s is not None and s.replacement == "7.5 percent"
    assert "'4.1 percent'" in s.note and "lost" in s.note


def test_a_figure_of_another_period_stays_below_medium_and_manual():
    text = "Sales at the chain rose . percent in the fourth quarter, it said."
    s = best_fact(facts_for(text, "Sales at the chain rose 5.5 percent in the third quarter, it said."), text,
                  ". percent")
    assert s is not None and s.confidence < MEDIUM_CONFIDENCE and s.applicability is Applicability.MANUAL
    assert "third quarter" in s.note and "fourth quarter" in s.note


def test_a_fact_match_is_never_safe_and_its_numbers_are_the_references():
    text = "Quarterly profits at the media giant jumped . percent to . billion for the three months to December."
    ref = "For the three months to December, quarterly profits at the media giant leapt 7.6 percent to $1.13bn."
    findings = facts_for(text, ref)
    facts = [s for f in findings for s in f.suggestions if s.origin == "reference-fact"]
    assert facts
    for s in facts:
        assert s.applicability is not Applicability.SAFE
        assert all(n in ref for n in re.findall(r"\d+(?:\.\d+)?", s.replacement or ""))
    repaired, _ = apply_suggestions(text, findings, Applicability.UNSAFE)
    assert "7.6 percent" in repaired and "$1.13 billion" in repaired


def test_no_reference_number_of_the_kind_means_no_candidate():
    text = "Sales at the chain rose . percent in the fourth quarter, it said."
    findings = facts_for(text, "Sales at the chain reached $4bn in the fourth quarter, it said.")
    assert best_fact(findings, text, ". percent") is None
    hole = next(f for f in findings if f.span.start <= text.index(". percent") <= f.span.end)
    assert any(s.replacement is None and s.note for s in hole.suggestions)  # the detector's note stays


@pytest.mark.parametrize(("confidence", "alternatives", "contested", "ceiling", "expected"), [
    (0.95, 0, False, Applicability.SAFE, Applicability.SAFE),
    (0.95, 0, False, Applicability.UNSAFE, Applicability.UNSAFE),
    (0.75, 0, False, Applicability.UNSAFE, Applicability.UNSAFE),
    (0.75, 1, False, Applicability.UNSAFE, Applicability.MANUAL),
    (0.95, 0, True, Applicability.SAFE, Applicability.MANUAL),
    (0.59, 0, False, Applicability.SAFE, Applicability.MANUAL),
])
def test_one_policy_decides_applicability(confidence, alternatives, contested, ceiling, expected):
    assert applicability(confidence, alternatives, contested, ceiling) is expected


def test_the_shipped_calibration_is_measured_and_well_formed():
    rows = fact_calibration()
    assert {r.reading for r in rows} == set(READINGS)
    for reading in READINGS:
        own = [r for r in rows if r.reading == reading]
        assert own[0].low <= -1.0 and own[-1].high >= 1.0  # every score has a row
        assert [r.precision for r in own] == sorted(r.precision for r in own)  # isotonic
    assert all(r.benchmark == "benchmarks.related_story" and r.sample >= 50 for r in rows)


@pytest.mark.parametrize("bad", [
    "frame\t01\t0.0\t0.5\t1.5\t100\tb\t2026-01-02",      # precision above 1
    "frame\t01\t0.5\t0.5\t0.5\t100\tb\t2026-01-02",      # empty bucket
    "guess\t01\t0.0\t0.5\t0.5\t100\tb\t2026-01-02",      # unknown reading
    "frame\t01\t0.0\t0.5\t0.5\t0\tb\t2026-01-02",        # no sample
    "frame\t01\t0.0\t0.5\t0.5\t100\tb",                  # a cell missing
    "frame\t01\t0.0\t0.5\t0.5\t100\tb\tyesterday",       # not a date
])
def test_the_calibration_loader_rejects_bad_rows(bad):
    with pytest.raises(ValueError, match="fact_calibration.tsv"):
        parse_calibration([CALIBRATION_HEADER, bad])


def test_buckets_must_be_contiguous():
    with pytest.raises(ValueError, match="contiguous"):
        parse_calibration([CALIBRATION_HEADER, "frame\t01\t0.0\t0.5\t0.5\t100\tb\t2026-01-02",
                           "frame\t02\t0.6\t0.9\t0.7\t100\tb\t2026-01-02"])


def test_no_literal_confidence_in_the_fact_suggestions():
    source = Path(resources.files("repairkit").joinpath("repair", "facts.py")).read_text("utf-8")
    calls = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)
             and getattr(n.func, "id", "") == "Suggestion"]
    assert calls
    for call in calls:
        assert not isinstance(call.args[2], ast.Constant)


def test_on_the_seed_fixtures_reference_figures_are_candidates_with_evidence_and_the_rest_stay_null():
    root = Path(__file__).resolve().parent.parent / "fixtures"
    text = (root / "scraped_commentary.txt").read_text("utf-8")
    ref_text = (root / "structured_article.txt").read_text("utf-8")
    doc = Document.from_text(text)
    ref = parse_text(ref_text, "structured_article.txt")
    findings = [f for f in enrich(doc, scan_document(doc, select_rules(Config())).findings, [ref])
                if f.category == "missing-number"]
    assert findings
    for f in findings:
        # Every hole keeps the detector's explanation, valued candidates or not.
        assert any(s.replacement is None and s.note for s in f.suggestions)
        for s in f.suggestions:
            if s.origin != "reference-fact":
                continue
            (ev,) = s.evidence
            assert ref_text[ev.start:ev.end] == ev.quote and ev.quote in s.note
            assert all(n in ev.quote for n in re.findall(r"\d+(?:\.\d+)?", s.replacement))
            assert s.applicability is Applicability.MANUAL or s.confidence >= MEDIUM_CONFIDENCE
    doses = best_fact(findings, text, " million doses")
    assert doses is not None and "million doses" in doses.replacement  # the reference's vaccine figures
    # The "th ... Leaders Meeting": the reference only has related summits, a low candidate at most.
    meeting = best_fact(findings, text, "th ASEAN Plus")
    assert meeting is None or meeting.confidence < MEDIUM_CONFIDENCE


def missing(text: str, hole: str, expects: str = "number", **data: str) -> Finding:
    """A missing-number finding over ``hole`` in ``text``, as a detector reports it."""
    from types import MappingProxyType

    from repairkit.model import Severity, Span

    start = text.index(hole)
    return Finding("RK103", "bare-quantity", "missing-number", Severity.ERROR, Span(start, start + len(hole)),
                   "missing", (), MappingProxyType({"expects": expects, **data}))


def values(text: str, reference: str, *holes: Finding) -> list[list[str]]:
    """The candidate values of each hole, best first, from a related ``reference``."""
    from repairkit.repair.facts import fact_suggestions_for

    doc = Document.from_text(text)
    ref = parse_text("A related story\n\n" + reference, "related.txt")
    found = fact_suggestions_for(doc, list(holes), [ref])
    return [[s.replacement for s in found.get(i, [])] for i in range(len(holes))]


def test_html_character_references_and_model_names_are_no_figures():
    art = parse_text("Heading\n\nThe communiqu&#233; on 2.5G phones came in 2004.")
    assert [f.text for f in art.facts] == ["2004"]


def test_two_years_of_swapped_clauses_go_to_their_own_clauses():
    text = "Mr Blunkett entered Parliament for Sheffield Brightside in , after first contesting the Hallam seat in ."
    ref = "After first contesting the Hallam seat in 1974, Mr Blunkett entered Parliament for Sheffield Brightside in 1987."
    first = missing(text, "in ,", "year")
    second = missing(text, "in .", "year")
    got = values(text, ref, first, second)
    assert got[0][0] == "1987" and got[1][0] == "1974"


def test_a_day_fills_a_hole_only_before_its_own_month():
    text = "The show is the largest in the world, and runs from 6 to  January."
    ref = "The show is the largest in the world, and runs from 9 to 2 March."
    assert values(text, ref, missing(text, "to  January", "day")) == [[]]
    (got,) = values(text, ref.replace("March", "January"), missing(text, "to  January", "day"))
    assert got and got[0].split()[0] == "2"


def test_a_currency_word_after_the_hole_takes_a_figure_in_that_currency():
    text = "With sales of .bn euros, the music market in Germany peaked that year."
    ref = "With sales of 2.6 billion euros (£1.8 billion), the music market in Germany peaked in 1997."
    (got,) = values(text, ref, missing(text, ".bn", "amount"))
    assert got and got[0] == "2.6" and not any("£" in v for v in got)


def test_a_number_is_never_glued_to_the_word_before_it():
    text = "The list includes the Sharp  G mobile phone and a digital camera."
    ref = "The list includes the Sharp 902 3G mobile phone and a digital camera."
    hole = missing(text, "G")
    doc = Document.from_text(text)
    from repairkit.repair.facts import placements

    assert all(text[s.start - 1] != "G" for s in placements(doc.text, hole, "902"))
    assert values(text, ref, hole) == [[]]


@pytest.mark.parametrize(("here", "there"), [("this year", "last year"), ("first quarter", "second quarter"),
                                              ("August and July", "July")])
def test_another_period_of_the_same_kind_is_a_conflict_even_when_another_period_is_shared(here, there):
    text = f"The rapper was criticised in April {here} after a show that led  viewers to complain."
    ref = f"The rapper was criticised in April {there} after a show that led 42 viewers to complain."
    doc = Document.from_text(text)
    from repairkit.repair.facts import fact_suggestions

    (s,) = fact_suggestions(doc, missing(text, "led  viewers", "count", unit="viewers"),
                            [parse_text("A related story\n\n" + ref, "related.txt")])
    assert s.replacement == "42 viewers" and s.confidence < MEDIUM_CONFIDENCE
    assert s.applicability is Applicability.MANUAL and "this text of" in s.note


def test_a_number_two_holes_want_as_much_is_a_doubt_for_the_one_that_takes_it():
    from repairkit.repair.facts import candidates

    text = "Between  and ,  children have died in secure training centres."
    ref = "Figures showed 25 children have died in secure training centres between 1990 and 2004."
    doc = Document.from_text(text)
    holes = [missing(text, "and ,"), missing(text, ",  children", "count", unit="children")]
    found = candidates(doc, holes, [parse_text("A related story\n\n" + ref, "related.txt")])
    owners = [c for cs in found.values() for c in cs if c.fact.value == "25" and c.taken_by is None]
    assert owners and all(c.contest > 0 and c.score < c.fit for c in owners)


def test_each_reading_has_its_own_measured_rows_and_a_conflict_stays_below_medium():
    from repairkit.repair.policy import fact_confidence
    assert set(READINGS) == {"frame", "tie", "contested", "weak", "conflict"}
    assert all(fact_confidence(score, "conflict") < MEDIUM_CONFIDENCE for score in (-1.0, 0.0, 0.5, 1.5))
    assert fact_confidence(1.5, "frame") > fact_confidence(-0.9, "frame")


def test_a_weak_frame_is_manual_whatever_it_measures(monkeypatch):
    import repairkit.repair.facts as facts_module
    monkeypatch.setattr(facts_module, "fact_confidence", lambda score, reading: 0.95 if reading == "weak" else 0.0)
    text = "The fund, he said on Monday, had grown to . billion by the end of the summer."
    ref = "Investors in Zurich and Geneva poured money into equities, lifting assets to $4.5 billion."
    with facts_module.recording() as probe:
        findings = facts_for(text, ref)
    weak = [(start, end, rep) for start, end, rep, _, _, reading in probe if reading == "weak"]
    assert weak, "the sentences share little: a weak frame"
    checked = [s for f in findings for s in f.suggestions if (s.span.start, s.span.end, s.replacement) in weak]
    assert checked and all(s.applicability is Applicability.MANUAL and s.confidence == 0.95 for s in checked)


def test_the_probe_records_every_fact_suggestion_with_its_score():
    import repairkit.repair.facts as facts_module
    text = "Sales at the chain rose . percent in the fourth quarter, it said."
    with facts_module.recording() as probe:
        findings = facts_for(text, "Sales at the chain climbed 7.2 percent in the fourth quarter, it stated.")
    made = {(s.span.start, s.span.end, s.replacement, s.confidence) for f in findings for s in f.suggestions
            if s.origin == "reference-fact"}
    assert made and made == {row[:4] for row in probe}


def test_a_scale_written_against_a_counted_number_fills_a_scale_hole():
    text = "His relay triumph made up for his displays in the individual m and m events in Athens, he said."
    ref = "The relay triumph made up for his disappointing displays in the individual 100m and 200m events in Athens."
    s = best_fact(facts_for(text, ref), text, "m events")
    assert s is not None and "and 200m events in" in applied(text, s)


def test_a_month_range_whose_hyphens_went_still_names_its_months():
    text = "In the ApriltoJune quarter, output at the plants grew by . percent, the agency said."
    ref = ("Output at the plants grew by 2.4 percent, the agency stated in the May-to-June quarter. "
           "Output at the plants grew by 3.1 percent, the agency stated in the April-to-June quarter.")
    [found] = values(text, ref, missing(text, ". percent", "percentage", unit="percent"))
    assert found[:1] == ["3.1 percent"]


def test_a_period_whose_apostrophe_went_conflicts_with_another_period():
    from repairkit.repair.facts import text_periods

    assert "last week" in text_periods("knocked last weeks top film down")
    text = "The film knocked last weeks top film down to third place, with .m in takings."
    ref = ("The film knocked this week's top film down to third place, with $32.8m in takings. "
           "The film knocked last week's top film down to third place, with $12.5m in takings.")
    [found] = values(text, ref, missing(text, ".m", "amount", unit="m"))
    assert found[:1] == ["$12.5m"]


def test_a_number_written_after_a_joining_mark_never_fills_the_hole_before_it():
    text = "The runner finished fourth in the long race in a time of :."
    ref = "The runner finished fourth in the long race in a time of 28:15, it emerged."
    [found] = values(text, ref, missing(text, ":.", "number"))
    assert found[:1] == ["28"] and "15" not in found


def test_a_number_another_hole_takes_reads_as_contested():
    from repairkit.repair.facts import candidates, reading_of

    text = "Between  and ,  children have died in secure training centres."
    ref = "Figures showed 25 children have died in secure training centres between 1990 and 2004."
    doc = Document.from_text(text)
    holes = [missing(text, "and ,"), missing(text, ",  children", "count", unit="children")]
    found = candidates(doc, holes, [parse_text("A related story\n\n" + ref, "related.txt")])
    taken = [c for cs in found.values() for c in cs if c.taken_by is not None and not c.conflict]
    assert taken and all(reading_of(c) == "contested" for c in taken)


def test_the_word_before_a_hole_is_not_skipped_as_a_number_word_the_fact_does_not_hold():
    """ "per" before the hole is the word before "1,000" in the reference, not a part of the number."""
    from repairkit.repair.facts import candidates

    text = "The firm agreed to lower the fee charged by  per , cubic metres of gas, bringing it down."
    ref = "The firm agreed to lower the fee charged by $3 per 1,000 cubic metres of gas, bringing it down."
    found = candidates(Document.from_text(text), [missing(text, "per ,")],
                       [parse_text("A related story\n\n" + ref, "related.txt")])[0]
    assert found[0].replacement == "1,000" and found[0].fit > 0.99  # the same sentence, the same role words
    assert all(c.fit <= found[0].fit / 2 for c in found[1:])


def test_a_number_that_opens_a_sentence_is_framed_by_its_own_sentence():
    """ "Mr Wanless. 62, holds ..." : the sentence of "62" starts at "62", so the words of the one
    before (Mr Wanless's reports) are not its frame and it does not fill Mr Wanless's age."""
    from repairkit.repair.facts import sentence_span

    text = ("Former NatWest chief executive Mr Wanless, , has delivered not one but two major reports on the NHS. "
            "Exchief inspector of schools Mr Tomlinson, , has recommended replacing GCSEs with a new diploma.")
    ref = ("57, holds delivered not one yet two major reports on the NHS, former NatWest chief executive "
           "Mr Wanless. 62, holds recommended replacing GCSEs with a new diploma, ex-chief inspector of "
           "schools Mr Tomlinson.")
    at = ref.index("62")
    s, e = sentence_span(ref, at)
    assert ref[s:e].startswith("62, holds") and ref[s:e].endswith("Mr Tomlinson.")
    first, second = values(text, ref, missing(text, ", , has delivered", "number"),
                           missing(text, ", , has recommended", "number"))
    assert first[:1] == ["57"] and second[:1] == ["62"]
    s, e = sentence_span("It went to No. 10 Downing Street.", 20)
    assert (s, e) == (0, 33)  # an abbreviation's stop ends no sentence
