"""Crawler-output rules (issue 17): page furniture as a block judgement, glued sentences, markup
leaks and the arbiter's rule that a leak owns its characters."""

from __future__ import annotations

import pytest

from benchmarks.crawler import PHRASINGS, STYLES, label_output, render_page
from repairkit.analysis.furniture import boilerplate_blocks, furniture_lines, markup_leaks
from repairkit.config import Config
from repairkit.document import Document
from repairkit.fixloop import plan
from repairkit.model import Applicability
from repairkit.pipeline import scan_document, select_rules

PAGE = ("Talks resume in Geneva | The Evening Post\nFront page\nWorld\nMoney\nArts\nTalks resume in Geneva\nBy Jane Roe\n"
        "The talks resumed on Monday after a break of three weeks, officials said.\n"
        "Picture 2/9\nCredit: Getty\n"
        "Both sides said they hoped to reach a deal before the end of the month.\n"
        "Share via email\nPost to LinkedIn\nOther headline about a match\nAnother story of the day\n"
        "Copyright © 2021 The Evening Post\n")


def scan(text: str, *select: str):
    return scan_document(Document.from_text(text), select_rules(Config(select=select))).findings


def test_furniture_lines_are_judged_by_shape_and_place_not_by_a_list():
    flagged = {PAGE[a:b]: why for a, b, why in furniture_lines(PAGE)}
    # none of these lines is in the shipped phrase list
    assert {"Front page", "World", "Money", "Arts"} <= set(flagged)
    assert flagged["Picture 2/9"] == "a photo counter" and flagged["Credit: Getty"] == "a photo credit"
    assert {"Share via email", "Post to LinkedIn", "Other headline about a match",
            "Copyright © 2021 The Evening Post"} <= set(flagged)
    assert "Talks resume in Geneva" not in flagged and "By Jane Roe" not in flagged
    assert not any("officials said" in line or "end of the month" in line for line in flagged)


def test_the_finding_lists_its_lines_and_deletes_them_only_on_request():
    findings = [f for f in scan(PAGE, "RK901")]
    assert findings and all(f.severity.label == "warning" for f in findings)
    tail = findings[-1]
    assert tail.data["lines"][:2] == ["Share via email", "Post to LinkedIn"]
    assert len(tail.data["reasons"]) == len(tail.data["lines"])
    # deletion is never applied unasked: at most unsafe (the calibration table may keep it manual)
    assert all(s.applicability < Applicability.SAFE and s.reading == "RK901.delete-furniture"
               for f in findings for s in f.suggestions)
    result = scan_document(Document.from_text(PAGE), select_rules(Config(select=("RK901",))))
    assert plan(result, Applicability.SAFE, 0.0, False).text == PAGE  # safe mode keeps the furniture
    removed = apply([s for f in findings for s in f.suggestions], PAGE)
    assert "Post to LinkedIn" not in removed and "World" not in removed
    assert "officials said" in removed and "Talks resume in Geneva" in removed


def apply(suggestions, text: str) -> str:
    """``text`` with ``suggestions`` applied, last first (they do not overlap)."""
    for s in sorted(suggestions, key=lambda s: -s.span.start):
        text = text[:s.span.start] + s.replacement + text[s.span.end:]
    return text


@pytest.mark.parametrize("text", [
    "Budget at a glance\n\nThe chancellor set out his plans on Wednesday in a speech of an hour.\n\n"
    "The main points\n\n- Income tax cut by a penny\n- Fuel duty frozen\n- Pensions up by 3%\n\n"
    "He said the measures were affordable and would help families.\n",
    "Twitter buys a rival\n\nThe company said on Monday it would buy the firm for $1bn, in cash.\n",
    "The speech ended.\n\nMy fellow citizens, we meet today in a time of great trial for the nation.\n\n"
    "JAMES MONROE.\n",
])
def test_clean_articles_hold_no_furniture(text):
    assert furniture_lines(text) == [] and boilerplate_blocks(text) == []


def test_a_glued_sentence_gets_a_space_and_lookalikes_none():
    text = "It rained on Monday night.The governor left. The U.S.Army and Mr.Smith met at 3.5 per cent."
    result = scan_document(Document.from_text(text), select_rules(Config(select=("RK705",))))
    assert [text[f.span.start:f.span.end] for f in result.findings] == ["night.The"]
    space, brk = result.findings[0].suggestions
    assert (space.reading, brk.reading) == ("RK705.sentence-space", "RK705.paragraph-break")
    assert apply([space], text) == text.replace("night.The", "night. The")
    assert brk.applicability is Applicability.MANUAL  # the break is an editor's call


def test_markup_leaks_own_their_quotes():
    text = ('The offer ends today, the firm said.\n\n'
            '[button link=”https://example.com/offer” newwindow=”yes”]Read the full report[/button]\n')
    codes = {f.code for f in scan(text)}
    assert "RK902" in codes and "RK604" not in codes  # the shortcode's ” is not an unbalanced quote
    assert "RK604" in {f.code for f in scan(text, "RK604")}  # without the leak rule the quote reading stays


def test_markup_leaks_shapes():
    text = "[gallery ids=\"1,2\"] [vc_row] {% endif %} {# note #} <%= name %> <img src=\"x.jpg\"> data-id='7' [laughter]"
    assert [text[a:b] for a, b in markup_leaks(text)] == [
        '[gallery ids="1,2"]', "[vc_row]", "{% endif %}", "{# note #}", "<%= name %>", '<img src="x.jpg">',
        "data-id='7'"]


@pytest.mark.parametrize("style", STYLES)
def test_heldout_phrasing_renders_other_wording_with_the_same_truth(style):
    article = {"id": "bbc-test-002", "title": "Ministers agree new rail deal",
               "text": "The deal was signed on Monday night.\n\nUnions welcomed it."}
    seen = render_page(article, style, seed=1, headlines=[f"Headline {i}" for i in range(8)])
    held = render_page(article, style, seed=1, headlines=[f"Headline {i}" for i in range(8)], phrasing="heldout")
    furniture = {b.text for b in held.blocks if b.kind in ("furniture", "caption")}
    seen_words = {t for values in PHRASINGS["seen"].values() for t in values}
    assert furniture and not furniture & seen_words  # no furniture line of the seen set
    assert [b.text for b in held.blocks if b.kind == "article"] == [b.text for b in seen.blocks if b.kind == "article"]
    labeled = label_output("\n".join(b.text for b in held.blocks), held)
    assert {line.kind for line in labeled.lines} >= {"title", "article", "furniture"}
    with pytest.raises(ValueError, match="unknown phrasing"):
        render_page(article, style, seed=1, phrasing="other")
