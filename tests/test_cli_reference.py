"""CLI: `repairkit parse` and the reference options of `repairkit scan` (exit codes, bad input)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from repairkit.cli import main
from repairkit.reference import load_reference
from tests.conftest import ARTICLE, COMMENTARY


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_parse_text_listing(runner):
    result = runner.invoke(main, ["parse", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[1] == "title: Top 10 Stories of China-ASEAN Cooperation in 2021"
    assert out.count(" heading ") == 10 and out.count(" attribution ") == 10
    assert " template " in out and "facts (" in out and result.stderr == ""


def test_parse_json_round_trips_and_is_accepted_as_reference(runner, tmp_path):
    out = tmp_path / "ref.json"
    result = runner.invoke(main, ["parse", str(ARTICLE), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "repairkit.reference/1" and data["path"] == str(ARTICLE)
    assert load_reference(out) == load_reference(ARTICLE)
    again = runner.invoke(main, ["parse", str(out), "--format", "json"])
    assert again.exit_code == 0 and json.loads(again.stdout) == data
    scan = runner.invoke(main, ["scan", str(COMMENTARY), "-r", str(out), "--format", "json", "--fail-on", "never"])
    assert scan.exit_code == 0, scan.output
    (doc,) = json.loads(scan.stdout)["documents"]
    assert doc["references"] == [{"path": str(ARTICLE), "sha256": data["sha256"]}]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.txt", None, "no such reference file"),
    ("bad.json", "{oops", "not valid JSON"),
    ("other.json", '{"schema": "x"}', "not a parsed reference"),
    ("bin.txt", b"\x00\x01\x02\x03" * 20, "binary"),
])
def test_parse_bad_input_is_one_line_exit_2(runner, tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_scan_reference_dir_picks_the_relevant_reference(runner, tmp_path):
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "article.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    for i, topic in enumerate(["football derby striker goal", "film festival director prize",
                               "bank interest rates mortgage", "phone battery camera hinge"]):
        (refs / f"other{i}.md").write_text(f"# Other {i}\n\n" + f"The {topic} story went on. " * 20, encoding="utf-8")
    result = runner.invoke(main, ["scan", str(COMMENTARY), "--reference-dir", str(refs), "--format", "json",
                                  "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)["documents"]
    assert [r["path"] for r in doc["references"]] == [str(refs / "article.txt")]


def test_scan_jsonl_reference_library(runner, tmp_path):
    lib = tmp_path / "lib.jsonl"
    body = ARTICLE.read_text(encoding="utf-8").split("\n\n", 1)[1]
    lib.write_text(json.dumps({"id": "a1", "title": "Top stories", "text": body}) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["scan", str(COMMENTARY), "-r", str(lib), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)["documents"]
    assert [r["path"] for r in doc["references"]] == [f"{lib}#a1"]


@pytest.mark.parametrize(("args", "message"), [
    (["--reference-dir", "{tmp}/nowhere"], "not a directory"),
    (["-r", "{tmp}/bad.jsonl"], "not a reference record"),
    (["-r", "{tmp}/nope.md"], "no such reference file"),
])
def test_scan_bad_reference_input_exit_2(runner, tmp_path, args, message):
    (tmp_path / "bad.jsonl").write_text("[1, 2]\n", encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in args]
    result = runner.invoke(main, ["scan", str(COMMENTARY), *args])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
