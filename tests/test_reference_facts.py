"""Facts (numbers with kind, value, unit, currency, context) and the term index."""

from __future__ import annotations

import pytest

from repairkit.reference import load_reference
from repairkit.reference.parse import parse_text
from repairkit.reference.terms import lookup, term_key
from tests.conftest import ARTICLE


@pytest.fixture(scope="module")
def article():
    return load_reference(ARTICLE)


def fact(art, text):
    (found,) = [f for f in art.facts if f.text == text][:1]
    return found


def test_fixture_facts(article):
    doses = fact(article, "150 million doses")
    assert (doses.kind, doses.value, doses.unit) == ("count", "150000000", "doses")
    assert doses.before.endswith("ready to donate another") and doses.after.startswith("of COVID vaccines")
    pct = fact(article, "29.8 percent")
    assert (pct.kind, pct.value, pct.unit) == ("percent", "29.8", "percent")
    money = fact(article, "US$5 million")
    assert (money.kind, money.value, money.currency, money.unit) == ("money", "5000000", "US$", "million")
    nov = fact(article, "November 22")
    assert (nov.kind, nov.value) == ("date", "2021-11-22")  # year from the title
    assert fact(article, "December 3, 2021").value == "2021-12-03"
    assert fact(article, "January 1, 2022").value == "2022-01-01"
    assert (fact(article, "30th").kind, fact(article, "30th").value) == ("ordinal", "30")
    assert fact(article, "2021").kind == "year"


def test_item_numbers_and_boilerplate_are_not_facts(article):
    heading_starts = {b.start for b in article.blocks if b.kind == "heading"}
    assert not any(f.end == start for f in article.facts for start in heading_starts)
    content = {i for i, b in enumerate(article.blocks) if b.kind not in ("boilerplate", "template")}
    assert {f.block for f in article.facts} <= content


@pytest.mark.parametrize(("text", "kind", "value", "unit", "currency"), [
    ("It cost £3bn overall.", "money", "3000000000", "bn", "£"),
    ("It cost $1,250 in all.", "money", "1250", None, "$"),
    ("It cost 20 million yuan in all.", "money", "20000000", "million", "yuan"),
    ("Sales grew 5% last year.", "percent", "5", "percent", None),
    ("Sales grew 5 per cent last year.", "percent", "5", "percent", None),
    ("Rates fell 0.25 percentage points.", "percent", "0.25", "percentage points", None),
    ("About 1,500 people came.", "count", "1500", "people", None),
    ("It weighed 3.25 overall.", "decimal", "3.25", None, None),
    ("He was 7 when it began.", "cardinal", "7", None, None),
    ("A 2.5 million fall.", "cardinal", "2500000", "million", None),
    ("The 21st meeting.", "ordinal", "21", None, None),
])
def test_fact_kinds(text, kind, value, unit, currency):
    (f,) = parse_text("Heading\n\n" + text).facts
    assert (f.kind, f.value, f.unit, f.currency) == (kind, value, unit, currency)


def test_unresolved_dates_stay_partial():
    art = parse_text("Heading\n\nOn March 5 the plan was signed. Last year it failed.")
    (f,) = art.facts
    assert (f.kind, f.value) == ("date", "--03-05")


def test_date_year_from_the_body_when_title_has_none():
    art = parse_text("Heading\n\nIn 2019 the plan began. By March 5 of 2019 it was signed. On June 1 it ended.")
    assert [f.value for f in art.facts if f.kind == "date"][-1] == "2019-06-01"


def test_names_with_digits_and_verbs_are_not_numbers():
    art = parse_text("Heading\n\nThe COVID-19 crisis and 5G phones may 3 times exceed it.")
    assert [(f.kind, f.text) for f in art.facts] == [("count", "3 times")]


def test_term_keys_survive_damage(article):
    assert [t.form for t in lookup(article.terms, "ChinaASEAN")] == ["China-ASEAN"]
    assert [t.form for t in lookup(article.terms, "Chinas")] == ["China’s"]
    assert [t.form for t in lookup(article.terms, "AsiaPacific")] == ["Asia-Pacific"]
    assert "COVID-19" in [t.form for t in lookup(article.terms, "COVID")]
    assert [t.form for t in lookup(article.terms, "peopletopeople")] == ["people-to-people"]
    assert lookup(article.terms, "XiJinping")[0].form == "Xi Jinping"
    # plain lower-case words are not terms; the capitalised use inside names is
    assert [t.form for t in lookup(article.terms, "cooperation")] == ["Cooperation"]


def test_term_key_and_sentence_initial_words():
    assert term_key("AT&T (US)") == "attus"
    art = parse_text("Heading\n\nYesterday the Mayor of Springfield spoke. Later it rained.")
    assert lookup(art.terms, "Springfield") and lookup(art.terms, "Mayor")
    assert not lookup(art.terms, "Yesterday") and not lookup(art.terms, "Later")


def test_spelled_counts(article):
    six = fact(article, "six proposals")
    assert (six.kind, six.value, six.unit) == ("count", "6", "proposals")
    art = parse_text("Heading\n\nOne of the two sides made twelve offers and one more.")
    assert [(f.text, f.value, f.unit) for f in art.facts] == [("two sides", "2", "sides"), ("twelve offers", "12", "offers")]


def test_year_shaped_numbers_before_nouns_are_years():
    art = parse_text("Heading\n\nThe 2003 results beat forecasts; 1,500 people and 300 staff left.")
    assert [(f.kind, f.text) for f in art.facts] == [("year", "2003"), ("count", "1,500 people"), ("count", "300 staff")]


def test_no_one_is_no_count():
    assert parse_text("Heading\n\nNo one knows, and one thinks so; two thirds agree.").facts == []
