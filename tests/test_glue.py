"""Dropped hyphens (RK3) and glued words (RK4): properties, the lexicon splitter, fixtures, a corpus sample."""

from __future__ import annotations

import json
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repairkit.config import Config
from repairkit.analysis.glued.engine import Kind, classify, glued_tokens
from repairkit.document import Document
from repairkit.lexicon import fast_zipf, splits, zipf
from repairkit.pipeline import scan_document, select_rules
from repairkit.model import Applicability
from tests.conftest import ARTICLE, COMMENTARY

RULES = select_rules(Config(select=("RK3", "RK4")))
SEPARATORS_RE = re.compile(r"[-/ .]")

#: Glued words and word pieces for generated text.
PIECES = ["yearonyear", "countriesjointly", "AsiaPacific", "EuropeUN", "economyRecently", "JOHNSMITH",
          "payout", "therapist", "iPhone", "well-known", "1The", "www.example.com/newsonline", "a@b.org",
          "#tag", "don't", "12nation", "upandcoming", "McDonald", "the", "Glued", "\n", ".", ",", "  "]


def _scan(text: str) -> list:
    return scan_document(Document.from_text(text), RULES).findings


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=12))
def test_findings_are_in_bounds_disjoint_and_only_insert_separators(pieces: list[str]) -> None:
    text = " ".join(pieces)
    findings = _scan(text)
    for before, after in zip(findings, findings[1:]):
        assert before.span.end <= after.span.start, "one finding per token"
    for f in findings:
        assert 0 <= f.span.start < f.span.end <= len(text)
        original = text[f.span.start:f.span.end]
        for s in f.suggestions:
            assert s.replacement is not None
            # Values are never guessed: a repair only puts a separator back.
            assert SEPARATORS_RE.sub("", s.replacement) == SEPARATORS_RE.sub("", original)


def test_rerunning_on_repaired_text_finds_nothing_more() -> None:
    text = "a yearonyear rise, the countriesjointly said, in the AsiaPacific"
    findings = _scan(text)
    repaired = text
    for f in sorted(findings, key=lambda f: -f.span.start):
        repaired = repaired[:f.span.start] + f.best.replacement + repaired[f.span.end:]
    assert repaired == "a year-on-year rise, the countries jointly said, in the Asia-Pacific"
    assert _scan(repaired) == []


@pytest.mark.parametrize(("token", "kind", "replacement"), [
    ("yearonyear", Kind.HYPHEN, "year-on-year"),
    ("countriesjointly", Kind.SPACE, "countries jointly"),
    ("economyRecently", Kind.CASE_CHANGE, "economy Recently"),
    ("EuropeUN", Kind.NAME_HYPHEN, "Europe-UN"),
    ("JOHNSMITH", Kind.CAPITALS, "JOHN SMITH"),
])
def test_classify(token: str, kind: Kind, replacement: str) -> None:
    verdict = classify(token)
    assert verdict is not None and (verdict.kind, verdict.replacement) == (kind, replacement)


@pytest.mark.parametrize("token", ["payout", "cooperate", "database", "wellbeing", "therapist", "online",
                                   "YouTube", "eBay", "McLaren", "PwC", "NASA", "1999", "the"])
def test_real_words_and_names_are_not_glued(token: str) -> None:
    assert classify(token) is None


def test_capitalised_modifier_reading_depends_on_the_next_word() -> None:
    before_noun = glued_tokens("twinengine planes")[0].verdict
    at_end = glued_tokens("they were twinengine.")[0].verdict
    assert (before_noun.kind, before_noun.replacement) == (Kind.HYPHEN, "twin-engine")
    # No noun after it: two words, or a closed compound the lexicon lacks (weak, info).
    assert (at_end.kind, at_end.replacement) == (Kind.POSSIBLE_SPACE, "twin engine")


def test_fast_zipf_agrees_with_wordfreq() -> None:
    for word in ("station", "cooperation", "the", "payout", "zzqxv"):
        assert abs(fast_zipf(word) - zipf(word)) < 0.011


def test_splits_returns_only_common_pairs() -> None:
    assert splits("countriesjointly") == [("countries", "jointly")]
    assert splits("therapist", min_zipf=3.0) == [("the", "rapist")]  # why the lexicon gate comes first
    assert splits("x" * 60) == []


def test_seed_fixtures() -> None:
    commentary = Document.read(COMMENTARY)
    flagged = {commentary.text[f.span.start:f.span.end]: f.code for f in _scan(commentary.text)}
    for token in ("postpandemic", "antipandemic", "indepth", "yearonyear", "highquality", "longtail", "AsiaPacific"):
        assert flagged.get(token) == "RK301", token
    assert flagged.get("DINGCHINA") == "RK403"
    assert "wellbeing" not in flagged and "cooperation" not in flagged
    article = Document.read(ARTICLE)
    codes = {article.text[f.span.start:f.span.end]: f.code for f in _scan(article.text)}
    assert codes.get("countriesjointly") == "RK401"
    assert codes.get("1The") == "RK404"


def _corpus_sample(count: int) -> list[str]:
    from benchmarks.damage import DEFAULT_CORPUS

    if not DEFAULT_CORPUS.is_file():
        pytest.skip("shared corpus not present")
    with DEFAULT_CORPUS.open(encoding="utf-8") as fh:
        # Odd-numbered articles: the compound list was mined from the even ones.
        articles = [a for a in map(json.loads, fh) if int(a["id"].rsplit("-", 1)[1]) % 2 == 1]
    return [a["text"] for a in random.Random(3).sample(articles, count)]


def test_corpus_sample_recall_precision_and_clean_silence() -> None:
    compound = re.compile(r"(?<![\w\-])\w+(?:-\w+)+(?![\w\-])")
    sites = found = true = words = alarms = 0
    for text in _corpus_sample(40):
        words += len(text.split())
        alarms += len(_scan(text))
        # A scraper strips a class of characters wholesale: every hyphen between word characters goes
        # ("12-year-old" too), so the text shows its loss. (A text that keeps some hyphens reads an
        # unattested glued pair as two words: see test_a_text_that_keeps_its_hyphens_reads_a_glued_pair_as_two_words.)
        damaged = re.sub(r"(?<=\w)-(?=\w)", "", text)
        truth = {m.group().replace("-", "") for m in compound.finditer(text) if zipf(m.group().replace("-", "")) < 3}
        sites += sum(1 for m in re.finditer(r"\w+", damaged) if m.group() in truth)
        for f in _scan(damaged):
            found += 1
            true += f.category == "missing-hyphen" and damaged[f.span.start:f.span.end] in truth
    assert sites > 50
    assert true / sites >= 0.8, (true, sites)
    assert true / found >= 0.85, (true, found)
    assert 1000 * alarms / words <= 1.0, (alarms, words)


@pytest.mark.parametrize(("text", "replacement", "reading"), [
    ("1Overview of the year\n2. Plans for the next year\n", "1. Overview", "glued.list-number.document-evidence@70"),
    ("1Overview of the year\n2 Plans for the next year\n", "1 Overview", "glued.list-number.document-evidence@70"),
    ("1Overview of the year\nPlans for the next year\n", "1 Overview", "glued.list-number@50"),
])
def test_list_number_separator_follows_an_intact_heading(text: str, replacement: str, reading: str) -> None:
    # An intact heading in the same document puts the reading in a higher band (its own calibration row).
    (finding,) = _scan(text)
    assert (finding.code, finding.best.replacement, finding.best.reading) == ("RK404", replacement, reading)
    if reading.endswith("@70"):
        (evidence,) = finding.best.evidence
        assert text[evidence.start:evidence.end] == evidence.quote and evidence.source == "document"
    else:
        assert finding.best.evidence == ()


def test_stripping_evidence_needs_a_stripped_document() -> None:
    from repairkit.analysis.glued.engine import stripping_evidence

    long_plain = " ".join(["the market rose again today"] * 60)  # 300 words, no hyphen, nothing glued
    assert stripping_evidence(long_plain, []) == ()
    assert stripping_evidence(long_plain[:200], []) is None  # short: no evidence either way
    intact = "a well-known, long-term, high-quality, low-cost, full-time, part-time, all-out plan and a yearonyear fall"
    assert stripping_evidence(intact, glued_tokens(intact, stripped=False)) is None
    fewer = "a well-known, long-term, high-quality plan and a yearonyear fall, a monthonmonth rise"
    assert stripping_evidence(fewer, glued_tokens(fewer, stripped=False))[0].quote == "yearonyear"
    one = "a well-known, long-term plan and a yearonyear fall"  # one glued compound: a writer's spelling
    assert stripping_evidence(one, glued_tokens(one, stripped=False)) is None


def test_a_lost_spaced_dash_is_evidence_that_hyphens_were_stripped() -> None:
    from repairkit.analysis.glued.engine import stripping_evidence

    text = "Sales rose  the first rise in a year  and a well-known firm gained."
    (evidence,) = stripping_evidence(text, glued_tokens(text, stripped=False))
    assert evidence.quote == "e  t"
    assert stripping_evidence(text.replace("  ", " - "), []) is None
    assert stripping_evidence("Sales rose.  Then they fell.", []) is None  # two spaces after a full stop: typing


def test_stripped_reading_cites_the_glued_compound_that_shows_it() -> None:
    text = "Profits rose from a yearearlier, a yearonyear increase."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == "yearearlier"]
    assert (finding.code, finding.best.replacement) == ("RK301", "year-earlier")
    assert [s.replacement for s in finding.suggestions[1:]] == ["year earlier"]
    (evidence,) = finding.best.evidence
    assert (evidence.source, text[evidence.start:evidence.end]) == ("document", "yearonyear")


def test_no_safe_fix_changes_a_valid_word_without_evidence() -> None:
    """Issue 16: in a text that keeps its hyphens, no safe repair of a valid or archaic spelling."""
    clean = ("The well-known lighthouses and light-houses; the prefixed and pre-fixed forms; pretax "
             "profits, a coverup, underfunded pensions, the reconsideration, fortyeight counties, "
             "carmaking jobs and an Iranian weblogger, herewith and whereof.")
    safe = [(g.verdict.token, g.replacement) for g in glued_tokens(clean)
            if g.verdict.applicability is Applicability.SAFE]
    assert safe == []
    plain = "The well-known lighthouses and light-houses; the prefixed and pre-fixed forms, herewith and whereof."
    kinds = {g.verdict.token: g.verdict.kind for g in glued_tokens(plain)}
    assert kinds == {"lighthouses": Kind.VARIANT, "prefixed": Kind.VARIANT}  # consistency notes, no damage


def test_a_stripped_text_keeps_safe_repairs() -> None:
    stripped = " ".join(["The wellknown firm saw a yearonyear rise in its monthonmonth sales."] * 20)
    assert {g.verdict.applicability for g in glued_tokens(stripped)} == {Applicability.SAFE}


def test_a_text_that_keeps_its_hyphens_reads_a_glued_pair_as_two_words() -> None:
    # An extractor that lost a line break glues two words; the text's own hyphens show no hyphen was lost.
    text = "A well-known firm said the singlebiggest reason was cost. Its long-term plan stands."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == "singlebiggest"]
    assert (finding.category, finding.best.replacement) == ("missing-space", "single biggest")
    assert [s.replacement for s in finding.suggestions][1:] == ["single-biggest"]
    # with no hyphen anywhere in a long text, the same pair reads as a compound that lost its hyphen
    stripped = " ".join(["The firm said its plan stands."] * 50) + " The singlebiggest reason was cost."
    (finding,) = [f for f in _scan(stripped) if stripped[f.span.start:f.span.end] == "singlebiggest"]
    assert (finding.category, finding.best.replacement) == ("missing-hyphen", "single-biggest")


#: A long text without a hyphen: its hyphens were stripped (engine.STRIPPED_MIN_WORDS).
STRIPPED_FILLER = " ".join(["The firm said its plan stands."] * 50)


@pytest.mark.parametrize(("token", "spaced"), [
    ("warmany", "war many"),      # a quantifier opens the next phrase: a lost dash ("war--many of whom")
    ("costand", "cost and"),      # not the prefix reading "co-stand"
    ("sentimentshave", "sentiments have"),  # not "sentiment-shave"
    ("deeperdeeper", "deeper deeper"),      # a word said twice
])
def test_a_word_before_one_that_opens_a_phrase_lost_a_space_not_a_hyphen(token: str, spaced: str) -> None:
    text = f"{STRIPPED_FILLER} They spoke of {token} more."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == token]
    assert (finding.category, finding.best.replacement) == ("missing-space", spaced)


@pytest.mark.parametrize("token", ["wellknown", "wouldbe", "welltodo", "sendingoff", "twentyone", "firstever", "putupon", "harddoneby"])
def test_compounds_that_end_in_a_particle_or_function_words_keep_their_hyphen(token: str) -> None:
    text = f"{STRIPPED_FILLER} They spoke of a {token} plan."
    found = [f for f in _scan(text) if text[f.span.start:f.span.end] == token]
    assert [f.category for f in found] == ["missing-hyphen"]


def test_an_american_text_keeps_its_closed_prefixed_words() -> None:
    """American usage closes "reestablish", "nonwhite"; British text keeps "re-establish"."""
    american = f"{STRIPPED_FILLER} The labor of honor reestablished the nonwhite vote; the behavior was favorable."
    british = american.replace("labor", "labour").replace("honor", "honour").replace(
        "behavior", "behaviour").replace("favorable", "favourable")
    def hyphen_tokens(text: str) -> list[str]:
        return [g.verdict.token for g in glued_tokens(text) if g.verdict.kind is Kind.HYPHEN]
    assert hyphen_tokens(american) == []
    assert hyphen_tokens(british) == ["reestablished", "nonwhite"]


def test_two_frequent_capitalised_words_in_a_stripped_text_lost_a_hyphen() -> None:
    text = f"FellowCitizens of the Senate. {STRIPPED_FILLER}"
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == "FellowCitizens"]
    assert (finding.code, finding.best.replacement) == ("RK301", "Fellow-Citizens")
    assert [s.replacement for s in finding.suggestions[1:]] == ["Fellow Citizens"]
    kept = "FellowCitizens of the Senate, a well-known body, met."  # the text keeps its hyphens
    assert [f.code for f in _scan(kept)] == ["RK402"]


@pytest.mark.parametrize(("token", "after", "spaced"), [
    ("heritagereached", "a common view", "heritage reached"),   # "heritage--reached a common view"
    ("laborkeeping", "their wages down", "labor keeping"),
    ("propertyowned", "by the town", "property owned"),         # a participle's agent after it
])
def test_a_glued_pair_before_an_object_lost_a_space_or_dash(token: str, after: str, spaced: str) -> None:
    """A compound holds its verb's object inside ("risk-taking"): one before "the", "their", "us" is no compound."""
    text = f"{STRIPPED_FILLER} Then {token} {after}."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == token]
    assert (finding.category, finding.best.replacement) == ("missing-space", spaced)
    assert [s.replacement for s in finding.suggestions[1:]] == [spaced.replace(" ", "-")]
    # before a noun the same pair stays a compound modifier that lost its hyphen
    text = f"{STRIPPED_FILLER} Then a {token} market grew."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == token]
    assert (finding.category, finding.best.replacement) == ("missing-hyphen", spaced.replace(" ", "-"))


@pytest.mark.parametrize(("token", "spaced"), [("goodthats", "good thats"), ("grouptheyve", "group theyve")])
def test_a_word_before_a_contraction_that_lost_its_apostrophe_lost_a_space_or_dash(token: str, spaced: str) -> None:
    """No compound ends in "that's" or "they've": "good--that's why" lost its dash and its apostrophe."""
    text = f"{STRIPPED_FILLER} It is {token} why it works."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == token]
    assert (finding.category, finding.best.replacement) == ("missing-space", spaced)


@pytest.mark.parametrize(("token", "spaced"), [
    ("taxeslaughterand", "taxes laughter and"),   # "taxes--[laughter]--and": no phrase compound ends in "and"
    ("consecratewe", "consecrate we"),            # "con-sec-rate-we" cut a word into fragments
])
def test_a_phrase_reading_that_ends_in_a_clause_opener_lost_spaces(token: str, spaced: str) -> None:
    text = f"{STRIPPED_FILLER} They paid their {token} more."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == token]
    assert (finding.category, finding.best.replacement) == ("missing-space", spaced)


def test_a_glued_pair_whose_next_word_repeats_its_first_lost_a_dash() -> None:
    """"peace--permanent peace--is": the words after the dash restate the word before it."""
    text = f"{STRIPPED_FILLER} The basis of peacepermanent peace is work."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == "peacepermanent"]
    assert (finding.category, finding.best.replacement) == ("missing-space", "peace permanent")
    text = f"{STRIPPED_FILLER} The basis of peacepermanent treaties is work."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == "peacepermanent"]
    assert finding.category == "missing-hyphen"


@pytest.mark.parametrize(("token", "spaced"), [("societiesespecially", "societies especially"),
                                               ("laborsomehow", "labor somehow")])
def test_a_word_before_a_focusing_or_clause_adverb_lost_a_space_or_dash(token: str, spaced: str) -> None:
    text = f"{STRIPPED_FILLER} The {token} helpful men came."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == token]
    assert (finding.category, finding.best.replacement) == ("missing-space", spaced)


def test_a_dictionary_noun_of_two_free_words_keeps_its_closed_spelling_where_no_noun_follows() -> None:
    """Webster's lists "handbills" closed; only before a noun ("longtail effects") may it be a compound modifier."""
    text = f"{STRIPPED_FILLER} They printed handbills and posters, then longtail effects came."
    tokens = [text[f.span.start:f.span.end] for f in _scan(text) if f.category == "missing-hyphen"]
    assert "handbills" not in tokens and "longtail" in tokens


def test_a_text_that_lost_its_dashes_reads_an_undecided_pair_before_no_noun_as_two_words() -> None:
    """Glue only a lost space or dash explains, twice the confident lost hyphens and more, shows how the text was damaged."""
    dashes = "The warmany of whom died. The costand the pain. The menthat came. The daythey left."
    text = f"{STRIPPED_FILLER} {dashes} It was a mythpersistent, persuasive and unrealistic."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == "mythpersistent"]
    assert (finding.category, finding.best.replacement) == ("missing-space", "myth persistent")
    # a plural head makes a compound noun at the end of a phrase: "my fellow-citizens, ..."
    text = f"{STRIPPED_FILLER} {dashes} I thank my fellowcitizens, all of them."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == "fellowcitizens"]
    assert finding.category == "missing-hyphen"
    # where the confident lost hyphens dominate, the same pair stays a compound that lost its hyphen
    hyphens = "A wellknown, yearonyear, monthonmonth, shortterm, longterm plan."
    text = f"{STRIPPED_FILLER} {hyphens} It was a mythpersistent, persuasive and unrealistic."
    (finding,) = [f for f in _scan(text) if text[f.span.start:f.span.end] == "mythpersistent"]
    assert finding.category == "missing-hyphen"
