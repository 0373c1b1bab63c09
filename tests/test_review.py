"""``repairkit review``: the HTML and Markdown reports, their escaping, highlights and staleness."""

from __future__ import annotations

import json
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from repairkit.cli import main
from repairkit.document import Document
from repairkit.model import CATEGORIES, Applicability, Evidence, Finding, Severity, Span, Suggestion
from repairkit.pipeline import DocumentResult
from repairkit.report import html, markdown
from repairkit.report.review_model import Readability, build_review
from tests.conftest import ARTICLE, COMMENTARY, ROOT

REPORTS = ROOT / "reports"
MARK = re.compile(r'<mark class="finding[ "]')


def finding(start: int, end: int, category: str = "missing-number", *suggestions: Suggestion,
            code: str = "RK101", message: str = "value lost") -> Finding:
    return Finding(code, "demo-rule", category, Severity.ERROR, Span(start, end), message, suggestions)


def unknown(start: int, end: int) -> Suggestion:
    return Suggestion(Span(start, end), None, 0.0, Applicability.MANUAL, "check the source for the value")


def safe(start: int, end: int, value: str) -> Suggestion:
    return Suggestion(Span(start, end), value, 0.95, Applicability.SAFE, "deterministic rule")


class Nesting(HTMLParser):
    """Checks that tags nest properly and collects the visible text of the highlighted block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.in_text = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"meta", "input", "br"}:
            return
        if self.in_text or dict(attrs).get("id") == "text":
            self.in_text += 1
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if self.in_text:
            self.in_text -= 1

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text.append(data)


def parse(page: str) -> Nesting:
    parser = Nesting()
    parser.feed(page)
    parser.close()
    return parser


def test_script_in_document_renders_as_text():
    text = 'Intro <script>alert(1)</script> and "quotes" & <b>bold</b>\n'
    doc = Document.from_text(text, "evil.txt")
    start = text.index("<script>")
    f = finding(start, start + len("<script>alert(1)</script>"), "template-leak", unknown(start, start),
                code="RK901", message=f"leaked markup {text[start:start + 8]!r}")
    page = html.render_document(DocumentResult(doc, [f]))
    assert page.count("<script") == 2, "only the report's own data block and script"
    data = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
    assert data and "\\u003cscript\\u003e" in data.group(1), "text for the script goes through |tojson"
    assert json.loads(data.group(1))["text"] == text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>bold" not in page and "&lt;b&gt;bold" in page
    assert "alert(1)</script>" not in page
    parsed = parse(page)
    assert parsed.errors == [] and parsed.stack == []
    assert "".join(parsed.text) == text, "the highlighted block shows the document text verbatim"
    md = markdown.render([DocumentResult(doc, [f])])
    assert "<script>" not in md.replace("`<script>alert(1)</script>`", "")


@pytest.mark.parametrize("spans", [
    [(0, 10), (2, 5)],            # nested
    [(0, 6), (3, 10)],            # crossing
    [(0, 4), (0, 4), (4, 4)],     # identical spans (different codes) and an insertion point
    [(2, 2), (2, 8), (5, 12), (6, 7), (12, 12)],
])
def test_every_finding_gets_exactly_one_highlight(spans):
    text = "abcdefghijklmnop"
    findings = [finding(s, e, CATEGORIES[i % len(CATEGORIES)], code=f"RK{100 + i}") for i, (s, e) in enumerate(spans)]
    page = html.render_document(DocumentResult(Document.from_text(text), findings))
    assert len(MARK.findall(page)) == len(findings)
    for f in findings:
        fid = f"{f.code}-{f.span.start}-{f.span.end}"
        assert page.count(f'id="f-{fid}"') == 1 and page.count(f'id="item-{fid}"') == 1
        assert f'href="#f-{fid}"' in page and f'data-id="{fid}"' in page
    parsed = parse(page)
    assert parsed.errors == [] and "".join(parsed.text) == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab <&>\n'\"", min_size=1, max_size=30).flatmap(
    lambda t: st.tuples(st.just(t), st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, len(t))), max_size=8))))
def test_highlights_nest_and_keep_the_text(case):
    text, pairs = case
    findings = [finding(min(a, b), max(a, b), code=f"RK{100 + i}") for i, (a, b) in enumerate(pairs)]
    page = html.render_document(DocumentResult(Document.from_text(text), findings))
    parsed = parse(page)
    assert parsed.errors == [] and parsed.stack == []
    assert "".join(parsed.text) == text
    assert len(MARK.findall(page)) == len(findings)


def test_unresolved_findings_stand_out_and_resolved_do_not():
    text = "In , the thecat sat."
    gap = finding(0, 4, "missing-number", unknown(3, 3), code="RK102")
    glued = finding(9, 15, "missing-space", safe(12, 12, " "), code="RK401")
    page = html.render_document(DocumentResult(Document.from_text(text), [gap, glued]))
    unresolved_item = re.search(r'<li class="item unresolved decidable" id="item-RK102-0-4"[^>]*>(.*?)</li>', page, re.S)
    resolved_item = re.search(r'<li class="item decidable" id="item-RK401-9-15"[^>]*>(.*?)</li>', page, re.S)
    assert unresolved_item and "value unknown — check the source" in unresolved_item.group(1)
    assert resolved_item and "value unknown" not in resolved_item.group(1)
    assert "insert &#39; &#39;" in resolved_item.group(1)
    assert 'class="badge level-high"' in resolved_item.group(1)
    assert 'class="badge level-low"' in unresolved_item.group(1)
    assert re.search(r'<mark class="finding cat-missing-number unresolved" id="f-RK102-0-4"', page)
    assert re.search(r'<mark class="finding cat-missing-space" id="f-RK401-9-15"', page)


def test_a_hole_a_reference_filled_does_not_say_value_unknown():
    """Issue 12 item 6: the rule's value-less fallback is not shown under the reference's value."""
    text = "The economy grew by  percent last year."
    at = text.index("  percent") + 1
    ev = Evidence("ref.txt", 20, 22, "12")
    filled = Suggestion(Span(at, at), "12", 0.97, Applicability.SAFE, "the reference reads 12 here", (ev,))
    hole = finding(at - 1, at + 8, "missing-number", filled, unknown(at, at), code="RK103")
    result = DocumentResult(Document.from_text(text), [hole])
    page, md = html.render_document(result), markdown.render([result])
    assert "value unknown —" not in page and "value unknown —" not in md and "no value offered" not in md
    assert "check the source for the value" not in page + md, "the fallback suggestion is left out"
    assert "insert &#39;12&#39;" in page and "insert '12'" in md
    assert '<li class="item decidable"' in page, "a filled hole is not 'unresolved'"


def test_competing_values_count_as_unresolved():
    """Issue 12 item 6: two candidate values and none safe: the hole is still open."""
    text = "China provided  million doses."
    at = text.index("  million") + 1
    two = [Suggestion(Span(at, at), v, 0.3, Applicability.MANUAL, f"a related story gives {v}") for v in ("150", "600")]
    result = DocumentResult(Document.from_text(text), [finding(at - 1, at + 8, "missing-number", *two, code="RK103")])
    review = build_review(result)
    assert review.unresolved == 1 and review.findings[0].competing and not review.findings[0].value_unknown
    page, md = html.render_document(result), markdown.render([result])
    assert '<li class="item unresolved decidable"' in page, "the 'show only unresolved' filter keeps it"
    assert "competing values — choose one, or check the source" in page and "competing values" in md
    assert page.count('data-act="accept" data-s=') == 2, "each candidate can be accepted"


def test_the_reference_passage_is_shown_beside_the_text_with_differences_marked():
    ref = Document.from_text("Title\n\nTrade grew by 12 percent, a year-on-year rise, officials said.\n", "refs/a.txt")
    text = "Trade grew by  percent, a yearonyear rise, officials said."
    at = text.index("  percent") + 1
    start = ref.text.index("12")
    sugg = Suggestion(Span(at, at), "12", 0.97, Applicability.SAFE, "aligned",
                      (Evidence("refs/a.txt", start, start + 2, "12"),), "reference-aligned")
    page = html.render_document(DocumentResult(Document.from_text(text, "a.txt"),
                                               [finding(at - 1, at + 8, "missing-number", sugg)], [ref]))
    beside = re.search(r'<figure class="beside">(.*?)</figure>', page, re.S)
    assert beside, "the aligned passage is in the page"
    assert re.findall(r'<span class="diff-ref">([^<]*)</span>', beside[1]) == ["12", "-", "-"]
    assert "Trade grew by" in beside[1] and "officials said." in beside[1]
    assert "the aligned passage of refs/a.txt:3:15" in beside[1]
    assert beside[1].count('<span class="here caret"') == 1, "the place the value goes is marked"


def test_readability_before_and_after_safe_edits_only():
    text = "The cat sat on the mat and thedog slept. Itwas a very long and winding afternoon indeed."
    a, b = text.index("thedog"), text.index("Itwas")
    fixes = [finding(a, a + 6, "missing-space", safe(a + 3, a + 3, " "), code="RK401"),
             finding(b, b + 5, "missing-space", Suggestion(Span(b + 2, b + 2), " ", 0.7, Applicability.UNSAFE,
                                                             "two words?"), code="RK401")]
    review = build_review(DocumentResult(Document.from_text(text), fixes))
    assert review.after_text == text.replace("thedog", "the dog")  # the unsafe edit is not applied
    assert review.edits_applied == 1
    assert review.before == Readability.of(text) and review.after == Readability.of(review.after_text)
    assert review.after != review.before
    unsafe = build_review(DocumentResult(Document.from_text(text), fixes), Applicability.UNSAFE)
    assert unsafe.edits_applied == 2 and "It was" in unsafe.after_text
    page = html.render_review(review)
    assert f"{review.before.reading_ease:.1f}" in page and f"{review.after.reading_ease:.1f}" in page


def test_evidence_is_quoted_with_its_location_in_the_reference():
    ref = Document.from_text("Title\n\nIn 2020, the deal was signed.\n", "refs/article.txt")
    text = "In , the deal was signed."
    start = ref.text.index("2020")
    ev = Evidence("refs/article.txt", start, start + 4, "In 2020, the deal")
    sugg = Suggestion(Span(3, 3), "2020", 0.92, Applicability.SAFE, "year from the reference", (ev,))
    result = DocumentResult(Document.from_text(text, "a.txt"), [finding(0, 4, "missing-number", sugg)], [ref])
    page = html.render_document(result)
    assert "In 2020, the deal</blockquote>" in page
    assert f"refs/article.txt:3:4 [{start}–{start + 4}]" in page
    md = markdown.render([result])
    assert f"evidence: “In 2020, the deal” (`refs/article.txt:3:4` [{start}–{start + 4}])" in md
    assert "insert &#39;2020&#39;" in page and "insert '2020'" in md
    assert "1:1 RK101" in md


def test_five_hundred_findings_stay_usable():
    words = [f"w{i:03d}" for i in range(500)]
    text = " ".join(words) + "\n"
    findings, pos = [], 0
    for i, w in enumerate(words):
        cat = CATEGORIES[i % 5]
        findings.append(finding(pos, pos + len(w), cat, unknown(pos, pos), code=f"RK{100 + i % 5}"))
        pos += len(w) + 1
    page = html.render_document(DocumentResult(Document.from_text(text), findings))
    assert len(MARK.findall(page)) == 500
    assert len(page.encode("utf-8")) < 1_000_000, "under 2 KB per finding"
    groups = re.findall(r'<details class="cat-group" id="group-([a-z-]+)"( open)?>', page)
    assert [g for g, _ in groups] == list(CATEGORIES[:5])
    assert all(not is_open for _, is_open in groups), "100 findings per group: groups start closed"
    small = html.render_document(DocumentResult(Document.from_text(text), findings[:10]))
    assert all(is_open for _, is_open in re.findall(r'<details class="cat-group" id="group-([a-z-]+)"( open)?>', small))


def test_markdown_code_spans_survive_backticks_and_pipes():
    text = "a `tick` | pipe"
    md = markdown.render([DocumentResult(Document.from_text(text), [finding(0, len(text), "style")])])
    assert "- text: ``a `tick` | pipe``" in md
    assert markdown.md_text("x|y") == "x\\|y"


# --- the command ------------------------------------------------------------------------------

@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run_review(out: Path, *inputs: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["review", *inputs, "--out", str(out)])
    return result.exit_code, result.stdout, result.stderr


def test_review_writes_three_reports_and_says_where(tmp_path, in_root, findings_schema):
    code, out, _ = run_review(tmp_path, "fixtures/scraped_commentary.txt", "--reference", "fixtures/structured_article.txt")
    assert code == 0
    for suffix in ("html", "md", "json"):
        target = tmp_path / f"scraped_commentary.{suffix}"
        assert target.is_file() and f"wrote {target}" in out
    data = json.loads((tmp_path / "scraped_commentary.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(findings_schema).validate(data)
    page = (tmp_path / "scraped_commentary.html").read_text(encoding="utf-8")
    findings = data["documents"][0]["findings"]
    assert len(MARK.findall(page)) == len(findings)
    md = (tmp_path / "scraped_commentary.md").read_text(encoding="utf-8")
    assert md.count("\n### ") == len(findings)
    assert str(ROOT) not in page + md + json.dumps(data), "no absolute paths"
    assert not list(tmp_path.glob(".*.tmp")), "no temporary files left behind"


def test_absolute_and_relative_paths_give_identical_reports(tmp_path, in_root):
    run_review(tmp_path / "rel", "fixtures/scraped_commentary.txt", "-r", "fixtures/structured_article.txt")
    run_review(tmp_path / "abs", str(COMMENTARY), "-r", str(ARTICLE))
    for name in ("scraped_commentary.html", "scraped_commentary.md", "scraped_commentary.json"):
        assert (tmp_path / "rel" / name).read_bytes() == (tmp_path / "abs" / name).read_bytes()


@pytest.mark.parametrize("name", ["scraped_commentary.html", "scraped_commentary.md", "scraped_commentary.json"])
def test_committed_reports_are_fresh(tmp_path, in_root, name):
    code, _, _ = run_review(tmp_path, "fixtures/scraped_commentary.txt", "--reference", "fixtures/structured_article.txt")
    assert code == 0
    committed = REPORTS / name
    assert committed.is_file(), f"{committed} missing: run `make demo`"
    assert (tmp_path / name).read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), \
        f"reports/{name} is stale: run `make demo` and commit reports/"


def test_bad_inputs_exit_2_with_one_line_and_keep_existing_reports(tmp_path, in_root):
    (tmp_path / "out").mkdir()
    kept = tmp_path / "out" / "good.html"
    kept.write_text("old report", encoding="utf-8")
    (tmp_path / "good.txt").write_text("the th summit\n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    cases = [
        [str(tmp_path / "missing.txt")],
        [str(tmp_path / "good.txt"), str(tmp_path / "bin.txt")],
        [str(tmp_path / "good.txt"), "--reference", str(tmp_path / "nope.txt")],
        [str(tmp_path / "good.txt"), "--select", "RK999"],
    ]
    for args in cases:
        code, out, err = run_review(tmp_path / "out", *args)
        assert code == 2, (args, out, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert kept.read_text(encoding="utf-8") == "old report"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text("twin\n", encoding="utf-8")
    code, _, err = run_review(tmp_path / "out", str(tmp_path / "good.txt"), str(tmp_path / "sub"))
    assert code == 2 and "review them separately" in err
    code, _, err = run_review(tmp_path / "out" / "good.html", str(tmp_path / "good.txt"))
    assert code == 2 and "Traceback" not in err
    code, out, _ = run_review(tmp_path / "out", str(tmp_path / "good.txt"))
    assert code == 0 and kept.read_text(encoding="utf-8") != "old report"


def test_a_directory_gives_one_set_of_reports_per_document(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "one.txt").write_text("the th summit\n", encoding="utf-8")
    (docs / "sub" / "two.md").write_text("In , it grew.\n", encoding="utf-8")
    (docs / "skip.csv").write_text("a,b\n", encoding="utf-8")
    code, out, _ = run_review(tmp_path / "out", str(docs))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "one.html", "one.json", "one.md", "two.html", "two.json", "two.md"]
    assert out.count("wrote ") == 6


def test_scan_offers_the_markdown_review_as_a_format(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("the th summit\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["scan", str(target), "--format", "markdown", "--fail-on", "never"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Editorial review:") and "1:5 RK101" in result.stdout


def test_new_reports_get_ordinary_file_permissions(tmp_path, in_root):
    old = os.umask(0o022)
    try:
        code, _, _ = run_review(tmp_path, "fixtures/scraped_commentary.txt")
    finally:
        os.umask(old)
    assert code == 0
    for report in tmp_path.iterdir():
        assert stat.S_IMODE(report.stat().st_mode) == 0o644, report


def test_page_is_self_contained_keyboard_and_print_friendly(tmp_path):
    text = "Visit http://example.com/x.png or <img src='y.png'>\n"
    page = html.render_document(DocumentResult(Document.from_text(text), [finding(0, 5, "style")]))
    tags = re.findall(r"<[a-z][^>]*>", page)
    assert not [t for t in tags if re.search(r"\b(src|href)=\"(?!#)", t)], "no external or relative assets"
    assert not [t for t in tags if t.startswith(("<link", "<img", "<iframe"))]
    assert page.index('<a class="skip" href="#findings">') < page.index('id="findings"')
    assert "@media print" in page and 'tabindex="0"' in page
    empty = html.render_document(DocumentResult(Document.from_text(""), []))
    assert "No findings." in empty and not MARK.findall(empty)
    assert "No findings." in markdown.render([DocumentResult(Document.from_text(""), [])])


def test_a_finding_over_a_whole_stretch_is_a_marker_not_a_highlight():
    from repairkit.report.html import WIDE_SPAN, highlight_tokens
    from repairkit.report.review_model import FindingView

    def fv(s: int, e: int) -> FindingView:
        return FindingView(f"X-{s}-{e}", "X", "x", "style", "info", s, e, 1, s + 1, "", "", "none", True, ())

    text = "a" * (WIDE_SPAN + 10)
    tokens = highlight_tokens(text, [fv(0, len(text)), fv(5, 8)])
    kinds = [(t.kind, t.finding.id if t.finding else None) for t in tokens if t.kind != "text"]
    assert kinds[0] == ("point", f"X-0-{len(text)}")  # the wide one: a marker at its start
    assert ("open", "X-5-8") in kinds and ("close", "X-5-8") in kinds
    assert "".join(t.text for t in tokens if t.kind == "text") == text
