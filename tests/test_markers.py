"""A text with unresolved-place markers is read as the holes they mark (repairkit.markers)."""

from __future__ import annotations

import re

from click.testing import CliRunner

from repairkit.cli import main
from repairkit.config import Config
from repairkit.document import Document
from repairkit.markers import MARKER_RE, unmarked
from repairkit.model import Applicability, Finding, Severity, Span, Suggestion
from repairkit.pipeline import scan_document, select_rules

RULES = select_rules(Config())


def test_a_marked_hole_is_still_reported_and_the_marker_is_not_damage() -> None:
    text = "In [?year], the bloc grew by [?percentage]. percent, officials said. It rose in [?year]."
    findings = scan_document(Document.from_text(text), RULES).findings
    for marker in MARKER_RE.finditer(text):  # every marker is inside a missing-number finding, and only there
        inside = [f for f in findings if f.span.start < marker.end() and marker.start() < f.span.end]
        assert inside and all(f.category == "missing-number" for f in inside), (marker.group(), inside)
    assert not [f for f in findings if f.category in ("missing-bracket", "stray-punctuation")]


def test_spans_map_back_over_the_markers() -> None:
    text = "In [?year], the [?number] x"
    view = unmarked(Document.from_text(text))
    assert view is not None and view.document.text == "In , the  x"
    value = Suggestion(Span(3, 4), "2020,", 0.9, Applicability.UNSAFE, "from the reference")
    hole = Finding("RK102", "r", "missing-number", Severity.ERROR, Span(0, 4), "m", (value,), {"expects": "year"})
    mapped = view.finding(hole)
    assert mapped.span == Span(0, 11) and text[mapped.span.start:mapped.span.end] == "In [?year],"
    assert [text[s.span.start:s.span.end] for s in mapped.suggestions] == ["[?year],"]  # the value replaces it
    dash = Suggestion(Span(8, 10), " - ", 0.6, Applicability.UNSAFE, "a lost dash")  # a marker inside: dropped
    comma = Suggestion(Span(3, 4), "", 0.6, Applicability.UNSAFE, "stray comma")  # next to one: left out of it
    other = Finding("RK601", "p", "stray-punctuation", Severity.WARNING, Span(3, 10), "m", (dash, comma), {})
    assert [text[s.span.start:s.span.end] for s in view.finding(other).suggestions] == [","]


def test_unmarked_text_is_left_alone() -> None:
    assert unmarked(Document.from_text("In 2020, the [note] x")) is None
    assert unmarked(Document.from_text("In [?march], a person wrote")) is None  # not a kind fix writes


def test_evidence_quoted_from_the_document_maps_back() -> None:
    text = "In [?year], the well-known firm said. Later the wellknown firm grew."
    for f in scan_document(Document.from_text(text), RULES).findings:
        for s in f.suggestions:
            for e in s.evidence:
                if e.source == "document":
                    assert "[?" not in text[e.start:e.end] and text[e.start:e.end].strip(), (f.code, e)


def test_a_marker_is_not_reported_as_other_damage() -> None:
    text = "The cafe opened in a wide street " * 5 + "and the cafe [?year] naive menu won praise from critics."
    findings = scan_document(Document.from_text(text), RULES).findings
    at = text.index("[?year]")
    assert all(f.category == "missing-number" for f in findings if f.span.start < at + 7 and at < f.span.end)


def test_a_reference_value_replaces_its_marker(tmp_path) -> None:
    clean = ("Trade news\n\nIn 2020, the bloc grew by 5.1 percent, officials said on Monday. Exports to the "
             "region reached 68.6 billion dollars in the first eight months, the customs office said.\n")
    (tmp_path / "ref.txt").write_text(clean, encoding="utf-8")
    (tmp_path / "damaged.txt").write_text(re.sub(r"\d", "", clean), encoding="utf-8")
    runner = CliRunner()
    marked, out = tmp_path / "marked.txt", tmp_path / "out.txt"
    result = runner.invoke(main, ["fix", str(tmp_path / "damaged.txt"), "--mark-unresolved", "--output", str(marked)])
    assert result.exit_code == 0, result.output
    assert MARKER_RE.findall(marked.read_text(encoding="utf-8")) == ["[?year]", "[?percentage]", "[?amount]"]
    result = runner.invoke(main, ["fix", str(marked), "--reference", str(tmp_path / "ref.txt"), "--unsafe",
                                  "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == clean  # each value in its marker's place, not beside it


def test_a_value_takes_only_its_own_marker() -> None:
    text = "In [?year][?number], the bloc grew."
    view = unmarked(Document.from_text(text))
    value = Suggestion(Span(3, 3), "2020", 0.9, Applicability.UNSAFE, "from the reference")
    f = Finding("RK102", "r", "missing-number", Severity.ERROR, Span(0, 4), "m", (value,), {"expects": "year"})
    (s,) = view.finding(f).suggestions
    assert text[s.span.start:s.span.end] == "[?year]"
