"""The crawler-output benchmark: pages, their recorded truth, and the scoring (no extractor needed
except where a test says so; those skip cleanly when it is not installed)."""

from __future__ import annotations

import importlib.util
from html.parser import HTMLParser

import pytest

from benchmarks import crawler
from benchmarks.crawler import (CONTENT_KINDS, KINDS, STYLES, Page, Block, label_output, render_page,
                                score_output)
from repairkit.model import Finding, Severity, Span

ARTICLE = {"id": "bbc-test-001", "title": "Ministers agree new rail deal",
           "text": ("The government signed the deal on Monday night.\n\nThe United States said it would "
                    "watch closely, officials added.\n\nTalks resume in March. Unions welcomed the news.\n\n"
                    "A final vote is expected later this year.")}
HEADLINES = [f"Other headline number {i}" for i in range(8)]


class _Text(HTMLParser):
    """The text a browser would show (outside <head>): data of every element, space-joined."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible(page: Page) -> str:
    parser = _Text()
    parser.feed(page.html)
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("style", STYLES)
def test_pages_are_deterministic_and_hold_every_block(style):
    page = render_page(ARTICLE, style, seed=3, headlines=HEADLINES)
    assert page == render_page(ARTICLE, style, seed=3, headlines=HEADLINES)
    assert page.html != render_page(ARTICLE, style, seed=4, headlines=HEADLINES).html
    shown = visible(page).replace(" ", "")
    for block in page.blocks:
        assert block.kind in KINDS
        assert "".join(block.text.split()) in shown, block  # wrapped lines have no space at the wrap
    articles = [b.text for b in page.blocks if b.kind == "article"]
    assert articles == ARTICLE["text"].split("\n\n")  # every paragraph, in order
    kinds = {b.kind for b in page.blocks}
    assert {"title", "meta", "article", "furniture", "caption"} <= kinds
    assert page.clean == ARTICLE["title"] + "\n\n" + ARTICLE["text"]


def test_styles_differ_and_carry_their_furniture():
    pages = {s: render_page(ARTICLE, s, seed=1, headlines=HEADLINES) for s in STYLES}
    texts = {s: [b.text for b in p.blocks] for s, p in pages.items()}
    assert "Leave a Reply" in texts["wordpress"] and "Connecting to %s" in texts["wordpress"]
    assert any(b.kind == "leak" for b in pages["wordpress"].blocks)
    assert any(t.startswith("We use cookies") for t in texts["magazine"])
    assert any("Image " in t and " of " in t for t in texts["newsroom"])
    assert "Related stories" in texts["newsroom"]
    assert len({p.html for p in pages.values()}) == len(STYLES)
    with pytest.raises(ValueError, match="unknown style"):
        render_page(ARTICLE, "tabloid", seed=1)


def test_markup_is_escaped_so_leaks_reach_the_text():
    page = render_page(ARTICLE, "wordpress", seed=1, headlines=HEADLINES[:3] + ["A & B <script>"] + HEADLINES[4:])
    assert "<script>" not in page.html and "A &amp; B &lt;script&gt;" in page.html


def page_of(*blocks: tuple[str, str]) -> Page:
    return Page("", tuple(Block(k, t) for k, t in blocks), "test", "t", "")


def test_a_perfect_extraction_is_all_title_and_article():
    page = render_page(ARTICLE, "newsroom", seed=2, headlines=HEADLINES)
    output = ARTICLE["title"] + "\n" + ARTICLE["text"].replace("\n\n", "\n")
    labeled = label_output(output, page)
    assert [line.kind for line in labeled.lines] == ["title"] + ["article"] * 4
    assert not labeled.glued_sentences and not labeled.glued_pairs and not labeled.leaks
    assert labeled.missing_article_blocks == 0


def test_glued_sentences_and_word_pairs_are_recorded_where_they_are():
    page = page_of(("article", "It ended on Monday night."), ("article", "The United States said so."),
                   ("furniture", "Share"), ("furniture", "Share this article"), ("leak", "{{ author }}"))
    output = "Share this article\nIt ended on Monday night.The UnitedStates said so.\nShare {{ author }}"
    labeled = label_output(output, page)
    assert [output[g - 6:g + 3] for g in labeled.glued_sentences] == ["night.The"]
    assert [output[s:e] for s, e in labeled.glued_pairs] == ["UnitedStates"]
    assert [output[s:e] for s, e in labeled.leaks] == ["{{ author }}"]
    assert [(line.text, line.kind) for line in labeled.lines] == [
        ("Share this article", "furniture"), ("It ended on Monday night.The UnitedStates said so.", "article"),
        ("Share {{ author }}", "leak")]


def test_a_break_kept_is_not_glued_and_a_cut_block_is_counted_missing():
    page = page_of(("article", "It ended on Monday night."), ("article", "The United States said so."),
                   ("article", "A third paragraph that the extractor never returned to its caller."))
    labeled = label_output("It ended on Monday night. The United States said so.", page)
    assert not labeled.glued_sentences and labeled.missing_article_blocks == 1
    # a long block changed a little is still found (fuzzy), but its glue is not guessed
    changed = label_output("A third paragraph that the extractor never returned to its callers.", page)
    assert changed.lines[0].kind == "article" and changed.missing_article_blocks == 2


def test_unrecognised_text_is_unknown_not_article():
    page = page_of(("article", "It ended on Monday night."))
    labeled = label_output("It ended on Monday night.\nSomething the page never said at all", page)
    assert [line.kind for line in labeled.lines] == ["article", "unknown"]


def finding(category: str, start: int, end: int, severity: Severity = Severity.WARNING) -> Finding:
    return Finding("RK999", "test-rule", category, severity, Span(start, end), "msg")


def test_scoring_counts_each_measure():
    page = page_of(("article", "It ended on Monday night."), ("article", "The United States said so."),
                   ("furniture", "Share this article"), ("furniture", "Back to top"), ("leak", "{{ author }}"))
    output = "Share this article\nIt ended on Monday night.The UnitedStates said so.\nBack to top\n{{ author }}"
    labeled = label_output(output, page)
    art = output.index("It ended")
    glue = labeled.glued_sentences[0]
    pair = labeled.glued_pairs[0]
    leak = labeled.leaks[0]
    findings = [finding("boilerplate", 0, 18), finding("boilerplate", art, art + 8),
                finding("missing-space", glue - 3, glue + 3), finding("missing-hyphen", *pair),
                finding("template-leak", *leak)]
    t = score_output(labeled, findings)
    assert (t.furniture_lines, t.furniture_flagged) == (2, 1)
    assert (t.flagged_lines, t.flagged_content) == (2, 1)
    assert (t.glued_sentences, t.glued_flagged, t.glue_findings, t.glue_findings_true) == (1, 1, 1, 1)
    assert (t.glued_pairs, t.pairs_as_hyphen, t.pairs_flagged) == (1, 1, 0)
    assert (t.leaks, t.leaks_flagged) == (1, 1)
    # a whole-paragraph finding is not a judgement on one glued place
    wide = score_output(labeled, [finding("lost-structure", art, art + 70)])
    assert wide.glued_flagged == 0 and wide.examples["glued sentence missed"]
    entity_page = page_of(("article", "It ended on Monday night."), ("leak", "&amp;nbsp;"))
    entity = label_output("It ended on Monday night. &amp;nbsp;", entity_page)
    assert score_output(entity, [finding("encoding", *entity.leaks[0])]).leaks_flagged == 1
    assert score_output(labeled, [finding("encoding", *leak)]).leaks_flagged == 0  # not an entity
    missed = score_output(labeled, [finding("missing-quote", *leak)])
    assert missed.leaks_flagged == 0 and missed.leak_other == {"missing-quote": 1}
    total = crawler.Tally()
    total.merge(t, keep=3)
    total.merge(missed, keep=3)
    assert (total.pages, total.leaks, total.leaks_flagged, total.leak_other) == (2, 2, 1, {"missing-quote": 1})
    assert "furniture lines flagged (recall)     0.500 (1/2)" in crawler.format_tally("x", t, 3)


def test_missing_extractors_are_named_not_fatal(monkeypatch):
    monkeypatch.setitem(crawler.EXTRACTORS, "nope", (lambda html: "", "no_such_module_here"))
    have, missing = crawler.available_extractors(["nope"])
    assert have == [] and missing == ["nope"]


@pytest.mark.skipif(importlib.util.find_spec("html_text") is None, reason="html-text not installed")
def test_a_real_extractor_output_is_labeled():
    page = render_page(ARTICLE, "newsroom", seed=2, headlines=HEADLINES)
    labeled = label_output(crawler.EXTRACTORS["html-text"][0](page.html), page)
    kinds = [line.kind for line in labeled.lines]
    assert kinds.count("article") >= 4 and kinds.count("furniture") >= 5 and "title" in kinds
    assert labeled.missing_article_blocks == 0
    assert sum(k == "unknown" for k in kinds) <= 1


@pytest.mark.skipif(importlib.util.find_spec("html_text") is None or not crawler.DEFAULT_CORPUS.is_file(),
                    reason="html-text or the shared corpus not present")
def test_main_runs_on_a_few_pages(capsys):
    assert crawler.main(["--pages", "2", "--extractor", "html-text", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "== html-text: 2 pages" in out and "furniture lines flagged (recall)" in out
    assert "clean articles:" in out


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        crawler.main(["--pages", "0"])
    assert exc.value.code == 2 and capsys.readouterr().err.startswith("error: ")

