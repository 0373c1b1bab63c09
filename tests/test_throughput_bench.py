"""The throughput benchmark's inputs are what it says they are (no timing is asserted here)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from benchmarks import throughput
from benchmarks.damage import damage
from benchmarks.throughput import (
    NEWS, PATHOLOGICAL_KINDS, REGEX_PASS, Timeout, Timing, corpus_sample, find_tools, frame_totals,
    pathological, reference_pairs, run_process, single_line,
)
from benchmarks.throughput_worker import scan_args

ARTICLES = [
    "Japan's exports rose 5% in 2020.\n\nThe year-on-year figure was $1.5bn, officials said.",
    "Talks resumed on 3 March.\n\n\"We're hopeful,\" a well-known envoy said.",
    "Shares fell 2.4% (to 310p) on Friday.\n\nTraders blamed the U.S. data.",
    "The 1990s were different.\n\nIt's a long story.",
]


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"news-{i}", "title": "t", "text": text}) for i, text in enumerate(ARTICLES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_corpus_sample_takes_the_fewest_articles_that_reach_the_size(tiny_corpus: Path) -> None:
    first_two = sum(len(damage(t, "listed").text.encode()) + 2 for t in ARTICLES[:2])
    sample = corpus_sample(tiny_corpus, first_two, "toy")
    assert sample.articles == tuple(ARTICLES[:2])
    assert len(sample.damaged.encode()) >= first_two - 1
    assert corpus_sample(tiny_corpus, first_two + 1, "toy").articles == tuple(ARTICLES[:3])
    assert corpus_sample(tiny_corpus, 10**9, "toy").articles == tuple(ARTICLES)


def test_damaged_sample_is_seed_damaged_one_article_per_paragraph(tiny_corpus: Path) -> None:
    sample = corpus_sample(tiny_corpus, 10**9, "toy")
    paragraphs = sample.damaged.rstrip("\n").split("\n\n")
    assert paragraphs == [damage(t, "listed").text for t in ARTICLES]
    assert all("\n" not in p for p in paragraphs)
    assert not re.search(r"[0-9'\"$%()-]", sample.damaged)
    assert sample.clean == "\n\n".join(ARTICLES) + "\n"
    assert re.search(r"[0-9]", sample.clean)


@pytest.mark.skipif(not NEWS.is_file(), reason="news corpus not available")
def test_news_sample_lacks_digits_and_reaches_the_size() -> None:
    sample = corpus_sample(NEWS, 20_000, "news")
    assert len(sample.damaged.encode()) >= 20_000
    assert not re.search(r"[0-9]", sample.damaged)
    assert len(re.findall(r"[0-9]", sample.clean)) > 50
    assert sample.damaged.count("\n\n") == len(sample.articles) - 1


@pytest.mark.parametrize("kind", PATHOLOGICAL_KINDS)
@pytest.mark.parametrize("size", [300, 1200])
def test_pathological_inputs_have_the_requested_size_and_kind(kind: str, size: int) -> None:
    text = pathological(kind, size)
    assert len(text) == size
    if kind == "long-line":
        assert "\n" not in text and len(text.split()) > size // 12
        return
    head, tail = "The report came out on Monday. It said: ", " That was all."
    assert text.startswith(head) and text.endswith(tail)
    run = text[len(head):-len(tail)]
    assert len(run) == size - len(head) - len(tail)
    allowed = {"punctuation": set(".,;:!?-'\"()"), "spaces": {" "}, "digits": set("0123456789"),
               "repeated-word": set("the ")}[kind]
    assert set(run) == allowed
    if kind == "repeated-word":
        assert set(run.split()) <= {"the", "th", "t"} and run.split().count("the") > size // 5


def test_pathological_rejects_bad_requests() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        pathological("tabs", 1000)
    with pytest.raises(ValueError, match="too small"):
        pathological("digits", 20)


def test_single_line_has_no_line_break_and_the_size(tiny_corpus: Path) -> None:
    damaged = corpus_sample(tiny_corpus, 10**9, "toy").damaged
    for size in (50, 1000):
        line = single_line(damaged, size)
        assert len(line) == size and "\n" not in line
        assert line.startswith(damaged[:min(size, 20)])
    flat = damaged.rstrip("\n").replace("\n\n", " ") + " "
    assert single_line(damaged, 3 * len(flat)) == flat * 3


def test_reference_pairs_are_damaged_and_clean_copies(tiny_corpus: Path, tmp_path: Path) -> None:
    pairs = reference_pairs(tiny_corpus, 2, tmp_path)
    assert len(pairs) == 2
    for damaged_path, clean_path in pairs:
        clean = Path(clean_path).read_text(encoding="utf-8")
        assert clean.strip() in ARTICLES
        assert Path(damaged_path).read_text(encoding="utf-8") == damage(clean, "listed").text
    assert Path(pairs[0][1]).read_text(encoding="utf-8") != Path(pairs[1][1]).read_text(encoding="utf-8")


def test_regex_pass_runs_on_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hello, world\n", encoding="utf-8")
    assert subprocess.run([sys.executable, "-c", REGEX_PASS, str(path)], check=False).returncode == 0
    assert re.findall(throughput.TOKEN_PATTERN, "it's 5%") == ["it", "'", "s", "5", "%"]


def test_a_run_past_the_limit_is_reported_as_a_timeout() -> None:
    timing = Timing()
    timing.measure(lambda: run_process([sys.executable, "-c", "import time; time.sleep(30)"], 0.5)[0])
    timing.measure(lambda: pytest.fail("a timed-out measurement must not run again"))
    assert timing.median is None and timing.cell() == "timeout (>0.5 s)"
    with pytest.raises(Timeout):
        run_process([sys.executable, "-c", "import time; time.sleep(30)"], 0.2)


def test_a_failing_run_is_reported_with_its_exit_code() -> None:
    timing = Timing()
    timing.measure(lambda: run_process([sys.executable, "-c", "raise SystemExit('boom')"], 10)[0])
    assert timing.cell() == "failed: exit 1: boom"


def test_missing_tools_say_how_to_install_them() -> None:
    tools = {t.name: t for t in find_tools(5, which=lambda *_a, **_k: None)}
    assert tools["codespell"].missing and "benchmark" in tools["codespell"].missing
    assert tools["hunspell -l"].missing and "hunspell-en-us" in tools["hunspell -l"].missing
    assert tools["repairkit"].missing is None and tools["regex pass"].missing is None


def test_frame_totals_count_own_time_and_a_recursion_once() -> None:
    def frame(name: str, time: float, *children: SimpleNamespace, synthetic: bool = False) -> SimpleNamespace:
        return SimpleNamespace(function=name, file_path_short="m.py", line_no=1, time=time,
                               children=list(children), is_synthetic=synthetic)

    inner = frame("walk", 2.0, frame("[self]", 2.0, synthetic=True))
    root = frame("main", 10.0, frame("walk", 6.0, inner), frame("[self]", 4.0, synthetic=True))
    totals = frame_totals(root)
    assert totals["main  m.py:1"].own == pytest.approx(4.0)
    assert totals["walk  m.py:1"].own == pytest.approx(6.0)  # 4 in the outer call, 2 in the inner one
    assert totals["walk  m.py:1"].total == pytest.approx(6.0)  # not 6 + 2


def test_worker_times_a_scan_in_a_fresh_process(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Its a wellknown fact that prices rose  in .\n", encoding="utf-8")
    result = throughput.worker("scan", path, 120, tmp_path)()
    assert set(result) == {"seconds", "cpu"} and isinstance(result["seconds"], float)
    assert 0 < result["cpu"] < 120
    assert scan_args(str(path), None) == ["scan", "--format", "json", str(path)]


def test_options_choose_sections_and_reject_bad_ones(tiny_corpus: Path) -> None:
    corpora = ["--news", str(tiny_corpus), "--speeches", str(tiny_corpus)]
    assert throughput.parse_args([*corpora, "--only", "profile"]).sections == ["profile"]
    assert throughput.parse_args([*corpora, "--only", "startup", "--profile"]).sections == ["startup", "profile"]
    assert throughput.parse_args(corpora).sections == list(throughput.SECTIONS)
    for bad in (["--only", "speed"], ["--runs", "0"], ["--news", str(tiny_corpus.parent / "none.jsonl")]):
        with pytest.raises(SystemExit) as exc:
            throughput.parse_args([*corpora, *bad])
        assert exc.value.code == 2
