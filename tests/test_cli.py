"""The command line: exit codes, formats, the JSON contract, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from repairkit import __version__
from repairkit.cli import main
from tests.conftest import ARTICLE, COMMENTARY


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def scan_json(runner: CliRunner, *args: str) -> tuple[int, dict]:
    result = runner.invoke(main, ["scan", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_fixture_json_validates_and_spans_are_true(runner, findings_schema):
    code, data = scan_json(runner, str(COMMENTARY), "--reference", str(ARTICLE))
    jsonschema.Draft202012Validator(findings_schema).validate(data)
    assert code == 1  # the commentary has error-level damage
    text = COMMENTARY.read_text(encoding="utf-8")
    (doc,) = data["documents"]
    assert doc["length"] == len(text)
    assert doc["references"][0]["path"] == str(ARTICLE)
    assert doc["findings"], "the commentary is damaged; findings expected"
    lines = text.split("\n")
    for f in doc["findings"]:
        assert f["text"] == text[f["start"]:f["end"]]
        line = lines[f["line"] - 1]
        assert text[f["start"]:f["end"]].startswith(line[f["column"] - 1:][: max(0, f["end"] - f["start"])]) or f["end"] == f["start"]
        assert sum(len(x) + 1 for x in lines[: f["line"] - 1]) + f["column"] - 1 == f["start"]
    assert data["summary"]["findings"] == len(doc["findings"])
    assert sum(data["summary"]["by_category"].values()) == len(doc["findings"])


def test_json_schema_rejects_broken_report(findings_schema):
    bad = {"schema": "repairkit.findings/1", "tool": {"name": "repairkit", "version": "1"}, "documents": [],
           "summary": {"documents": 0, "findings": 0, "by_category": {"made-up": 1}, "by_severity": {}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(findings_schema).validate(bad)


def test_several_paths_and_directories(runner, tmp_path):
    (tmp_path / "a.txt").write_text("the th summit\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("clean text.\n", encoding="utf-8")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01")
    _, data = scan_json(runner, str(tmp_path), str(COMMENTARY))
    assert [Path(d["path"]).name for d in data["documents"]] == ["a.txt", "b.md", "scraped_commentary.txt"]
    assert data["summary"]["documents"] == 3


def test_text_format_is_compact(runner, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("ok\nthe th summit\n", encoding="utf-8")
    result = runner.invoke(main, ["scan", str(p)])
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first == f"{p}:2:5: RK101 [error] ordinal suffix 'th' has lost its number"
    assert "value unknown" in result.stdout


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_thresholds(runner, tmp_path, fail_on, expected):
    p = tmp_path / "a.txt"
    p.write_text("it employs  people here\n", encoding="utf-8")  # RK105 is a warning
    result = runner.invoke(main, ["scan", str(p), "--fail-on", fail_on])
    assert result.exit_code == expected, result.output


def test_select_and_ignore(runner, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("In , the th summit\n", encoding="utf-8")
    _, data = scan_json(runner, str(p), "--select", "RK101,RK102", "--ignore", "RK102")
    assert {f["code"] for f in data["documents"][0]["findings"]} == {"RK101"}


def test_output_file(runner, tmp_path):
    out = tmp_path / "report.json"
    result = runner.invoke(main, ["scan", str(COMMENTARY), "--format", "json", "--output", str(out)])
    assert result.exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "repairkit.findings/1"
    assert result.stdout == ""


def _bad_inputs(tmp_path: Path) -> dict[str, list[str]]:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    (empty_dir / "notes.pdf").write_bytes(b"%PDF")
    return {
        "binary": [str(binary)],
        "invalid-utf8": [str(latin)],
        "missing": [str(tmp_path / "nope.txt")],
        "empty-dir": [str(empty_dir)],
        "missing-reference": [str(COMMENTARY), "--reference", str(tmp_path / "nope.txt")],
        "unknown-rule": [str(COMMENTARY), "--select", "RK999"],
    }


@pytest.mark.parametrize("case", ["binary", "invalid-utf8", "missing", "empty-dir", "missing-reference", "unknown-rule"])
def test_bad_input_one_line_exit_2(runner, tmp_path, case):
    result = runner.invoke(main, ["scan", *_bad_inputs(tmp_path)[case]])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("Error:")
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2(runner):
    assert runner.invoke(main, ["scan"]).exit_code == 2
    assert runner.invoke(main, ["scan", str(COMMENTARY), "--format", "yaml"]).exit_code == 2
    result = runner.invoke(main, ["explain", "RK999"])
    assert result.exit_code == 2 and "no rule" in result.stderr


def test_rules_table_and_json(runner):
    table = runner.invoke(main, ["rules"])
    assert table.exit_code == 0 and "RK101" in table.stdout and "orphan-ordinal" in table.stdout
    data = json.loads(runner.invoke(main, ["rules", "--format", "json"]).stdout)
    assert {"code", "name", "category", "severity", "doc"} <= set(data[0])


def test_explain(runner):
    result = runner.invoke(main, ["explain", "RK101"])
    assert result.exit_code == 0
    assert result.stdout.startswith("RK101 orphan-ordinal") and "Example" in result.stdout


def test_config_from_pyproject(runner, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.repairkit]\nignore = ["RK101"]\nfail-on = "never"\n')
    sub = tmp_path / "deep" / "er"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text("the th summit, In , it\n", encoding="utf-8")
    monkeypatch.chdir(sub)
    result = runner.invoke(main, ["scan", "a.txt", "--format", "json"])
    assert result.exit_code == 0  # fail-on never from the config
    codes = {f["code"] for f in json.loads(result.stdout)["documents"][0]["findings"]}
    assert "RK101" not in codes and "RK102" in codes
    # the CLI overrides the configuration
    assert runner.invoke(main, ["scan", "a.txt", "--fail-on", "error"]).exit_code == 1


def test_config_unknown_key_is_named(runner, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.repairkit]\nslect = ["RK1"]\n')
    (tmp_path / "a.txt").write_text("x\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["scan", "a.txt"])
    assert result.exit_code == 2
    assert "unknown key 'slect'" in result.stderr


def test_config_severity_override(runner, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.repairkit.severity]\nRK101 = "info"\n')
    (tmp_path / "a.txt").write_text("the th summit\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["scan", "a.txt", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"][0]["findings"][0]["severity"] == "info"


@pytest.mark.parametrize(("toml", "needle"), [
    ("tool = 3\n", "'tool' must be a table"),
    ('[tool.repairkit.severity]\nRK999 = "info"\n', "no such rule"),
])
def test_bad_config_is_one_line_exit_2(runner, tmp_path, monkeypatch, toml, needle):
    (tmp_path / "pyproject.toml").write_text(toml)
    (tmp_path / "a.txt").write_text("x\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["scan", "a.txt"])
    assert result.exit_code == 2 and needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unwritable_output_names_the_target(runner, tmp_path):
    out = tmp_path / "missing-folder" / "report.json"
    result = runner.invoke(main, ["scan", str(COMMENTARY), "--format", "json", "--output", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {out}: cannot write (No such file or directory)"
    assert not list(tmp_path.rglob("*.tmp"))
