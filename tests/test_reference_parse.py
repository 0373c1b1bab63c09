"""Reference parsing: blocks with true offsets, kinds, items, boilerplate, template leaks, JSON round trip."""

from __future__ import annotations

import datetime
import json

import pytest

from repairkit.document import InputError
from repairkit.reference import load_reference
from repairkit.reference.parse import parse_markdown, parse_text
from repairkit.reference.serialize import article_from_json, article_to_dict, article_to_json
from tests.conftest import ARTICLE, COMMENTARY


@pytest.fixture(scope="module")
def article():
    return load_reference(ARTICLE)


def test_every_piece_is_a_true_slice_of_the_original(article):
    assert article.text == ARTICLE.read_text(encoding="utf-8")
    for b in article.blocks:
        assert article.text[b.start:b.end] == b.text and b.text == b.text.strip()
    for f in article.facts:
        assert article.text[f.start:f.end] == f.text
        block = article.blocks[f.block]
        assert block.start <= f.start <= f.end <= block.end
    for terms in article.terms.values():
        for t in terms:
            assert all(article.text[s:e] == t.form for s, e in t.occurrences)


def test_fixture_items_headings_and_attributions(article):
    assert article.title == "Top 10 Stories of China-ASEAN Cooperation in 2021"
    headings = [b for b in article.blocks if b.kind == "heading"]
    assert [h.item for h in headings] == list(range(1, 11))
    # glued ("1The Special") and spaced ("10 China-") numbers are not part of the heading text
    assert headings[0].text.startswith("The Special Summit")
    assert headings[9].text.startswith("China-ASEAN Year")
    attributions = [b for b in article.blocks if b.kind == "attribution"]
    assert len(attributions) == 10
    assert all(a.text.startswith("Expert View | ") for a in attributions)
    assert [a.item for a in attributions] == list(range(1, 11))
    # paragraphs inherit their item; the intro belongs to none
    paragraphs = [b for b in article.blocks if b.kind == "paragraph"]
    assert paragraphs[0].item is None and paragraphs[-1].item == 10


def test_fixture_boilerplate_tail_and_template_leak(article):
    kinds = [b.kind for b in article.blocks]
    assert kinds[-1] == "template" and article.blocks[-1].text == "Connecting to %s"
    tail = [b.text for b in article.blocks if b.kind == "boilerplate"]
    assert tail[0] == "Leave a Reply" and "Twitter picture" in tail and len(tail) == 7
    content = article.content_blocks()
    assert not any("commenting using" in b.text or "%s" in b.text for b in content)
    assert content[-1].text.startswith("China and ASEAN share")


def test_header_lines_title_date_byline():
    text = "Market report\n2021-11-09 07:25\nBy Jane Roe\n\nShares rose 3 percent on Monday. Analysts were glad.\n"
    art = parse_text(text)
    assert [(b.kind, b.text) for b in art.blocks] == [
        ("title", "Market report"), ("date", "2021-11-09 07:25"), ("byline", "By Jane Roe"),
        ("paragraph", "Shares rose 3 percent on Monday. Analysts were glad.")]
    assert art.date == datetime.date(2021, 11, 9)


def test_commentary_header_is_read():
    art = load_reference(COMMENTARY)
    assert art.date == datetime.date(2021, 11, 9)
    assert [b.kind for b in art.blocks[:3]] == ["title", "date", "paragraph"]


@pytest.mark.parametrize("line", ["3. Rates rise again", "3) Rates rise again", "3 Rates rise again",
                                  "3Rates rise again"])
def test_numbered_item_forms(line):
    text = "Title\n\nIntro paragraph here.\n\n1. First\n\nBody.\n\n2) Second\n\nBody two.\n\n" + line + "\n\nBody three."
    art = parse_text(text)
    heads = [(b.item, b.text) for b in art.blocks if b.kind == "heading"]
    assert heads == [(1, "First"), (2, "Second"), (3, "Rates rise again")]


def test_numbers_out_of_sequence_are_not_items():
    art = parse_text("Title\n\n2021 Was a year of change\n\n5 Things went wrong\n\nBody.")
    assert not [b for b in art.blocks if b.kind == "heading"]


def test_long_line_with_placeholder_is_content_not_template():
    text = "Title\n\n" + "A long sentence with many words that happens to mention %s in passing and goes on. " * 2
    assert [b.kind for b in parse_text(text).blocks] == ["title", "paragraph"]


def test_ordinary_paragraphs_starting_like_widgets_are_content():
    art = parse_text("Title\n\nCancelled flights stranded many travellers across the region.\n\n"
                     "Related talks will follow next week in the capital.")
    assert [b.kind for b in art.blocks] == ["title", "paragraph", "paragraph"]


def test_markdown_title_numbered_headings():
    md = "# Annual review\n\n*June 3, 2020*\n\n## 1. First thing\n\nIt cost £3bn.\n\n## 2. Second\n\nMore.\n"
    art = parse_markdown(md)
    assert art.title == "Annual review"
    assert [(b.kind, b.item, b.text) for b in art.blocks if b.kind == "heading"] == [
        ("heading", 1, "First thing"), ("heading", 2, "Second")]
    assert all(art.text[b.start:b.end] == b.text for b in art.blocks)


def test_json_round_trip_through_a_file(article, tmp_path):
    path = tmp_path / "ref.json"
    path.write_text(article_to_json(article), encoding="utf-8")
    back = load_reference(path)
    assert back == article
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "repairkit.reference/1" and data["text"] == article.text
    assert data["sha256"] == article.sha256


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d.update(schema="other"), "not a parsed reference"),
    (lambda d: d["blocks"][0].update(start=5), "malformed"),
    (lambda d: d["blocks"][0].update(kind="poem"), "blocks/0/kind: 'poem' is not one of"),
    (lambda d: d["facts"][0].update(end=10**9), "bad span"),
    (lambda d: d.pop("text"), "the field 'text' is missing"),
])
def test_json_form_is_checked(article, mutate, message):
    data = article_to_dict(article)
    mutate(data)
    with pytest.raises(InputError, match=message):
        article_from_json(json.dumps(data), "ref.json")


def test_bad_reference_files(tmp_path):
    with pytest.raises(InputError, match="no such reference"):
        load_reference(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        load_reference(tmp_path)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_reference(tmp_path / "bad.json")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    with pytest.raises(InputError, match="binary"):
        load_reference(tmp_path / "bin.txt")


@pytest.mark.parametrize(("line", "kind"), [
    ("By Jane Roe", "byline"),
    ("By JANE ROE, Staff reporter", "byline"),
    ("JANE ROE | DAILY NEWS", "byline"),
    ("By early 2005 the net could have two new names.", "paragraph"),
    ("By the end of the week, talks had stalled.", "paragraph"),
])
def test_byline_forms(line, kind):
    art = parse_text(f"A title\n\n{line}\n\nBody text follows here, long enough to be a paragraph.")
    assert art.blocks[1].kind == kind


def test_markdown_emphasised_date_line():
    art = parse_markdown("# Annual review\n\n*June 3, 2020*\n\nBody.")
    assert art.date == datetime.date(2020, 6, 3) and art.blocks[1].kind == "date"


@pytest.mark.parametrize(("line", "kind"), [
    ("— Jane Roe, analyst at a research bank", "attribution"),
    ("Source | National statistics office", "attribution"),
    ("Loaded {{ headline }}", "template"),
    ("Welcome back, ${user}", "template"),
    ("Share [object Object]", "template"),
    ("Rates rose again | and few were surprised by the move, which had been widely expected by markets.",
     "paragraph"),
])
def test_attribution_and_template_forms(line, kind):
    art = parse_text(f"A title\n\nBody text comes first, long enough to be a paragraph.\n\n{line}\n\nMore body.")
    assert art.blocks[2].kind == kind


def test_json_form_matches_its_schema(article):
    import jsonschema

    from tests.conftest import ROOT

    schema = json.loads((ROOT / "repairkit" / "schemas" / "reference-1.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = article_to_dict(article)
    validator.validate(data)
    data["blocks"][0]["kind"] = "poem"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_hard_wrapped_paragraphs_stay_whole():
    wrapped = ("The committee met on Tuesday to discuss the budget for the coming\n"
               "year, and members agreed that spending on roads should rise by a\n"
               "Modest amount while other budgets stay flat for now.")
    art = parse_text(f"Budget talks\n2021-03-04\n\n{wrapped}\n\nShort closing line here.")
    assert [(b.kind, b.text) for b in art.blocks] == [
        ("title", "Budget talks"), ("date", "2021-03-04"), ("paragraph", wrapped),
        ("paragraph", "Short closing line here.")]
    md = parse_markdown("# Budget talks\n\nFirst line of a paragraph\nSecond Line of it.\n- a list item\n")
    assert [b.kind for b in md.blocks] == ["title", "paragraph"]
