"""The Python API (repairkit.scan_text, scan_file, batch): the same results as the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

import repairkit
from repairkit.config import Config
from repairkit.document import InputError
from repairkit.reference.library import Library
from repairkit.report.json_report import document_dict, to_dict
from tests.conftest import ARTICLE, COMMENTARY, ROOT
from tests.test_batch import texts, write_jsonl


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_importing_repairkit_loads_no_api_until_it_is_used():
    code = ("import sys, repairkit; heavy = [m for m in sys.modules if m.startswith(('repairkit.', 'wordfreq', "
            "'rapidfuzz', 'sqlite3', 'tqdm', 'dask'))]; print(heavy); repairkit.scan_text; "
            "print('repairkit.api' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split("\n")[:2] == ["[]", "True"]
    assert set(repairkit.__all__) <= set(dir(repairkit))


def test_scan_file_matches_scan_json(runner):
    cli = runner.invoke(main_cli(), ["scan", str(COMMENTARY), "-r", str(ARTICLE), "--format", "json"])
    result = repairkit.scan_file(COMMENTARY, references=ARTICLE)
    assert json.loads(cli.stdout)["documents"] == [document_dict(result)]
    assert to_dict([result])["summary"] == json.loads(cli.stdout)["summary"]


def test_scan_text_matches_scan_file_and_takes_selectors_and_libraries():
    text = COMMENTARY.read_text(encoding="utf-8")
    from_text = repairkit.scan_text(text, references=[str(ARTICLE)], path=str(COMMENTARY))
    from_file = repairkit.scan_file(str(COMMENTARY), references=Library.load([ARTICLE]))
    assert [document_dict(from_text)["findings"]] == [document_dict(from_file)["findings"]]
    only = repairkit.scan_text(text, select="RK1,RK3", ignore=["RK301"])
    assert only.findings and {f.code[:3] for f in only.findings} <= {"RK1", "RK3"}
    assert "RK301" not in {f.code for f in only.findings}
    strict = repairkit.scan_text(text, config=Config(min_confidence=0.99), references=ARTICLE)
    assert len(strict.findings) < len(from_text.findings)


def test_api_errors_are_exceptions_not_exits(tmp_path):
    with pytest.raises(ValueError, match="RK999"):
        repairkit.scan_text("text", select=["RK999"])
    with pytest.raises(InputError, match="no such"):
        repairkit.scan_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="no such"):
        repairkit.batch(tmp_path / "missing.jsonl")
    with pytest.raises(ValueError, match="RK999"):
        repairkit.batch(["text"], select="RK999")


def test_batch_matches_the_cli_line_for_line(runner, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": t} for i, t in enumerate(texts(12, 5))] + ["{bad"])
    cli = runner.invoke(main_cli(), ["batch", str(source), "-r", str(ARTICLE), "--workers", "2"])
    assert cli.exit_code == 1
    results = list(repairkit.batch(source, references=ARTICLE))
    assert [r.line for r in results] == cli.stdout.splitlines()
    assert results[-1].error and results[-1].data == {"id": None, "line": 13, "error": results[-1].error}
    in_memory = list(repairkit.batch([{"id": i, "text": t} for i, t in enumerate(texts(12, 5))], references=ARTICLE))
    assert [r.line for r in in_memory] == [r.line for r in results[:-1]]
    assert dict(results[0].by_severity) == {
        label: sum(1 for f in results[0].data["findings"] if f["severity"] == label)
        for label in {f["severity"] for f in results[0].data["findings"]}}


def test_batch_is_lazy_and_skips_what_it_is_told():
    seen = []

    def items():
        for i, text in enumerate(texts(30)):
            seen.append(i)
            yield {"id": i, "text": text}

    results = repairkit.batch(items(), select="RK1", skip={"0": 1, "2": 1})
    first = next(results)
    assert first.id == 1 and len(seen) < 30  # streaming: the input is read as the work goes
    assert [r.id for r in results] == list(range(3, 30))


def main_cli():
    from repairkit.cli import main

    return main
