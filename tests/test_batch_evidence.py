"""Batch-level evidence (RK950): lines repeated across the documents of a run, in batch and scan DIR."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from repairkit.batching import evidence
from repairkit.batching.evidence import LineCounter, candidate_lines
from repairkit.cli import main

PROMO = "Reporting by the Harbour Gazette news desk"


def article(i: int) -> str:
    return (f"Story {i}: the council met on day {i} and voted on the harbour plan.\n\n"
            f"Residents of ward {i} asked for more time.\n\n{PROMO}\n")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """12 articles, 8 of them ending with the same promo line, one of them fetched twice."""
    texts = [article(i) if i % 3 else f"Story {i} has no promo, only its own words on day {i}.\n" for i in range(12)]
    texts.append(texts[1])  # a page fetched twice counts once
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    return path


def batch_lines(runner: CliRunner, *args: str, stdin: str | None = None) -> list[dict]:
    result = runner.invoke(main, ["batch", *args, "--fail-on", "never"], input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def repeated(lines: list[dict]) -> dict[str, list[str]]:
    return {d["id"]: [f["message"] for f in d["findings"] if f["code"] == "RK950"] for d in lines}


def test_a_line_in_many_documents_of_a_batch_is_reported_in_each_with_its_count(runner, source):
    lines = batch_lines(runner, str(source), "--workers", "1")
    found = repeated(lines)
    assert [d["id"] for d in lines] == [f"d{i}" for i in range(13)]  # input order
    with_promo = [f"d{i}" for i in range(12) if i % 3] + ["d12"]
    assert all(found[i] == [f"repeated line: '{PROMO}' is in 8 of the 12 documents of this run"] for i in with_promo)
    assert all(found[f"d{i}"] == [] for i in range(0, 12, 3))
    (finding,) = [f for f in lines[1]["findings"] if f["code"] == "RK950"]
    assert finding["text"] == PROMO and finding["severity"] == "info" and finding["category"] == "boilerplate"
    assert "page furniture" in finding["suggestions"][0]["note"] and finding["suggestions"][0]["replacement"] is None


def test_the_evidence_is_the_same_for_any_worker_count_stdin_and_the_api(runner, source):
    import repairkit

    one = batch_lines(runner, str(source), "--workers", "1")
    assert batch_lines(runner, str(source), "--workers", "2") == one
    assert batch_lines(runner, "-", stdin=source.read_text(encoding="utf-8")) == one  # spooled for the second pass
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    assert [r.data for r in repairkit.batch(records)] == one
    assert [r.data for r in repairkit.batch(iter(records))] == one


def test_ignoring_the_rule_keeps_one_pass_and_no_findings(runner, source, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("no counting pass when RK950 is not selected")

    monkeypatch.setattr("repairkit.api.with_line_evidence", refuse)
    lines = batch_lines(runner, str(source), "--ignore", "RK950")
    assert all(not messages for messages in repeated(lines).values()) and len(lines) == 13


def test_a_repeated_line_inside_a_furniture_finding_amends_its_message(runner, tmp_path):
    texts = [f"Story {i} on day {i} of the talks, with words of its own.\n\nShare this:\nLike Loading...\n"
             for i in range(6)]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    lines = batch_lines(runner, str(path), "--select", "RK9")
    for doc in lines:
        (finding,) = doc["findings"]
        assert finding["code"] == "RK901"
        assert finding["message"].endswith("; 2 lines of it are in 6 of the 6 documents of this run: page furniture")


def test_scan_of_a_directory_uses_the_run_and_a_single_file_does_not(runner, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(article(i), encoding="utf-8")
    report = json.loads(runner.invoke(main, ["scan", "--format", "json", str(folder), "--select", "RK950"]).stdout)
    assert [[f["text"] for f in d["findings"]] for d in report["documents"]] == [[PROMO]] * 5
    alone = json.loads(runner.invoke(main, ["scan", "--format", "json", str(folder / "0.txt")]).stdout)
    assert not [f for f in alone["documents"][0]["findings"] if f["code"] == "RK950"]
    (folder / "0.txt").write_text(article(0).replace(PROMO, f"repairkit: ignore-next-line RK950\n{PROMO}"),
                                  encoding="utf-8")
    report = json.loads(runner.invoke(main, ["scan", "--format", "json", str(folder), "--select", "RK950"]).stdout)
    assert [len(d["findings"]) for d in report["documents"]] == [0, 1, 1, 1, 1]  # an inline directive applies


def test_candidate_lines_are_true_spans_of_the_text():
    text = "  Share this:  \r\nA real paragraph that goes on.\n\n12:30\n" + "word " * 60 + "\nLast"
    spans = list(candidate_lines(text))
    assert [n for _, _, n in spans] == ["share this", "a real paragraph that goes on", "last"]
    assert [text[s:e] for s, e, _ in spans] == ["Share this:", "A real paragraph that goes on.", "Last"]


def test_the_sketch_never_counts_low_and_keeps_its_size(monkeypatch):
    monkeypatch.setattr(evidence, "SKETCH_WIDTH", 1 << 10)  # a small table, so collisions happen
    monkeypatch.setattr(evidence, "_MASK", (1 << 10) - 1)
    rng = random.Random(7)
    vocabulary = [f"line number {i}" for i in range(3000)]
    counter = LineCounter()
    size = len(counter._table)
    truth: Counter[str] = Counter()
    for d in range(400):
        lines = set(rng.sample(vocabulary[:50], 5) + rng.sample(vocabulary, 20))
        counter.add("\n".join(sorted(lines)) + f"\nunique {d}")
        truth.update(lines)
    assert counter.documents == 400
    assert all(counter.estimate(line) >= n for line, n in truth.items())
    close = sum(counter.estimate(line) <= n + counter.insertions // (1 << 10) for line, n in truth.items())
    assert close / len(truth) > 0.95  # the overcount bound added to the threshold holds for almost every line
    assert len(counter._table) == size == evidence.SKETCH_DEPTH * (1 << 10)  # fixed, however much is counted
