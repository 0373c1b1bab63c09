"""CI formats (SARIF, JUnit, GitHub), fingerprints, baselines, --min-confidence, --max-results."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from repairkit.cli import main
from repairkit.document import Document
from repairkit.fingerprint import fingerprints
from repairkit.model import Applicability, Finding, Severity, Span, Suggestion
from repairkit.pipeline import DocumentResult
from repairkit.report import github, sarif
from tests.conftest import ARTICLE, COMMENTARY, SHARED

# CI has shared/ beside the clone; a developer worktree has it two levels up.
SARIF_SCHEMA = next((p for p in (SHARED / "schemas" / "sarif-schema-2.1.0.json",
                                 SHARED.parent.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json")
                     if p.exists()), SHARED / "schemas" / "sarif-schema-2.1.0.json")
DAMAGED = ("Intro line.\n\nDelegates met for the th summit of the regional leaders this week.\n\n"
           "The session began in , according to the organisers of the meeting.\n\n"
           "Donors pledged  million to the fund over the coming years.\n")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    if not SARIF_SCHEMA.exists():
        pytest.skip("shared SARIF schema not available")
    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fixture_sarif_validates_and_locates(runner, sarif_validator):
    code, out, _ = run(runner, "scan", str(COMMENTARY), "--reference", str(ARTICLE), "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    sarif_validator.validate(log)
    (run_,) = log["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert all(r["help"]["text"] and r["defaultConfiguration"]["level"] in {"error", "warning", "note"} for r in rules)
    text = COMMENTARY.read_text(encoding="utf-8")
    doc = Document.from_text(text)
    assert run_["results"]
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        start, length = region["charOffset"], region["charLength"]
        assert doc.line_col(start) == (region["startLine"], region["startColumn"])
        assert doc.line_col(start + length) == (region["endLine"], region["endColumn"])
        assert region["snippet"]["text"] == text[start:start + length]
        assert not Path(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).is_absolute()
    prints = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in run_["results"]]
    assert len(set(prints)) == len(prints)


def test_sarif_fixes_and_truncation(sarif_validator):
    doc = Document.from_text("Its fine. Its ok.", "a.txt")
    fix = Suggestion(Span(2, 2), "'", 0.95, Applicability.SAFE, "contraction")
    findings = [Finding("RK201", "dropped", "missing-apostrophe", Severity.WARNING, Span(0, 3), "m", (fix,)),
                Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(10, 13), "n")]
    log = sarif.to_dict([DocumentResult(doc, findings)], omitted=4, limit=2)
    sarif_validator.validate(log)
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["RK101", "RK201"]  # most severe first
    (change,) = results[1]["fixes"][0]["artifactChanges"]
    replacement = change["replacements"][0]
    assert replacement["insertedContent"]["text"] == "'"
    assert replacement["deletedRegion"]["charOffset"] == 2 and replacement["deletedRegion"]["charLength"] == 0
    assert "fixes" not in results[0]
    assert log["runs"][0]["properties"] == {"truncated": True, "omittedResults": 4, "maxResults": 2}


def test_max_results_keeps_most_severe_and_says_so(runner, tmp_path):
    path = write(tmp_path, "a.txt", DAMAGED)
    code, out, err = run(runner, "scan", str(path), "--format", "github", "--max-results", "1")
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == 2 and lines[0].startswith("::error ") and lines[1].startswith("::notice ")
    assert "left out" in err
    _, full, err_full = run(runner, "scan", str(path), "--format", "github")
    assert "left out" not in err_full and len(full.splitlines()) > 2


def test_github_escaping():
    doc = Document.from_text("x" * 10, "dir/a,b:c.txt")
    line = github.command(doc, "RK101", "r", Severity.WARNING, 1, 3, "100%\r\nsure, ok: yes")
    assert line == ("::warning file=dir/a%2Cb%3Ac.txt,line=1,col=2,endLine=1,endColumn=4,title=RK101 r"
                    "::100%25%0D%0Asure, ok: yes")


def test_junit_one_case_per_document_one_failure_per_finding(runner, tmp_path):
    damaged = write(tmp_path, "a.txt", DAMAGED)
    clean = write(tmp_path, "b.txt", "Nothing wrong here.\n")
    code, out, _ = run(runner, "scan", str(damaged), str(clean), "--format", "junit")
    root = ElementTree.fromstring(out.encode("utf-8"))
    cases = root.findall(".//testcase")
    assert [len(c.findall("failure")) for c in cases][1] == 0
    assert len(cases[0].findall("failure")) == int(root.get("failures")) > 0
    assert code == 1


def test_fingerprints_survive_edits_above_and_count_repeats():
    def flagged(text: str) -> list[str]:
        doc = Document.from_text(text)
        spans = [i for i in range(len(text)) if text.startswith(" th ", i)]
        return fingerprints(doc, [Finding("RK101", "r", "missing-number", Severity.ERROR, Span(i + 1, i + 3), "m")
                                  for i in spans])
    base = "Opening.\n\n" + "Delegates met at the th summit, said a long sentence. " * 2
    prints = flagged(base)
    assert len(set(prints)) == 2 and prints[0].endswith(":1") and prints[1].endswith(":2")
    assert flagged("A new opening paragraph.\n\n" + base) == prints
    changed = flagged(base.replace("met at", "gathered at", 1))
    assert changed[0] != prints[0] and changed[1] == prints[1].replace(":2", ":1")


def test_baseline_reports_only_new_findings(runner, tmp_path):
    path = write(tmp_path, "a.txt", DAMAGED)
    base = tmp_path / "baseline.json"
    code, _, err = run(runner, "scan", str(path), "--write-baseline", str(base))
    assert code == 0 and "recorded" in err
    assert json.loads(base.read_text())["schema"] == "repairkit.baseline/1"
    code, out, err = run(runner, "scan", str(path), "--baseline", str(base), "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["findings"] == 0 and "0 new" in err
    # Edit above: nothing new. Add damage: only it is reported. Remove damage: counted as gone.
    write(tmp_path, "a.txt", "A longer intro paragraph. It was the rd time.\n\n" + DAMAGED)
    code, out, err = run(runner, "scan", str(path), "--baseline", str(base), "--format", "json")
    # The document-level readability summary (info) describes the whole text, so it is new too.
    new = [f for f in json.loads(out)["documents"][0]["findings"] if f["category"] != "style"]
    assert code == 1 and [f["text"] for f in new] == ["rd"]
    write(tmp_path, "a.txt", DAMAGED.replace("the th summit", "the summit"))
    code, _, err = run(runner, "scan", str(path), "--baseline", str(base))
    assert code == 0 and "1 baseline findings are gone" in err


def test_bad_baseline_is_exit_2(runner, tmp_path):
    path = write(tmp_path, "a.txt", DAMAGED)
    bad = write(tmp_path, "b.json", '{"schema": "other"}')
    for baseline in (bad, tmp_path / "missing.json", write(tmp_path, "c.json", "{not json")):
        result = CliRunner().invoke(main, ["scan", str(path), "--baseline", str(baseline)])
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1


def test_min_confidence_keeps_missing_numbers(runner, tmp_path):
    path = write(tmp_path, "a.txt", DAMAGED)
    _, everything, _ = run(runner, "scan", str(path), "--format", "json")
    code, strict, _ = run(runner, "scan", str(path), "--format", "json", "--min-confidence", "1")
    # Missing-number findings carry no value, so no confidence threshold hides them.
    assert json.loads(strict)["summary"] == json.loads(everything)["summary"] and code == 1
    assert run(runner, "scan", str(path), "--min-confidence", "1.5")[0] == 2


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_fail_on_and_min_confidence_work_with_every_format(runner, tmp_path, fmt):
    path = write(tmp_path, "a.txt", DAMAGED)
    assert run(runner, "scan", str(path), "--format", fmt)[0] == 1
    assert run(runner, "scan", str(path), "--format", fmt, "--fail-on", "never")[0] == 0
    assert run(runner, "scan", str(path), "--format", fmt, "--min-confidence", "0.9")[0] == 1
    clean = write(tmp_path, "b.txt", "Nothing wrong here.\n")
    assert run(runner, "scan", str(clean), "--format", fmt, "--fail-on", "info")[0] == 0
    out = tmp_path / f"report.{fmt}"
    code, stdout, _ = run(runner, "scan", str(path), "--format", fmt, "--output", str(out))
    assert code == 1 and stdout == "" and out.stat().st_size > 0


def test_pre_commit_hook_definition():
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "repairkit" and hook["entry"] == "repairkit scan" and hook["language"] == "python"
    assert re.search(hook["files"], "notes/a.md") and not re.search(hook["files"], "a.py")
    assert main.get_command(click.Context(main), "scan").name == hook["entry"].split()[1]


def test_baseline_matches_paths_written_differently(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.txt", DAMAGED)
    run(runner, "scan", "./a.txt", "--write-baseline", "base.json")
    code, _, err = run(runner, "scan", str(tmp_path / "a.txt"), "--baseline", "base.json")
    assert code == 0 and "0 new findings" in err


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=90, max_size=200), st.text(max_size=50), st.data())
def test_fingerprint_ignores_text_far_above(text, prefix, data):
    start = data.draw(st.integers(80, len(text)))
    end = data.draw(st.integers(start, len(text)))
    f = Finding("RK101", "r", "missing-number", Severity.ERROR, Span(start, end), "m")
    g = Finding("RK101", "r", "missing-number", Severity.ERROR, Span(start + len(prefix), end + len(prefix)), "m")
    assert fingerprints(Document.from_text(text), [f]) == fingerprints(Document.from_text(prefix + text), [g])


@given(st.text())
def test_github_escaping_round_trips(value):
    escaped = github.escape_property(value)
    assert not any(c in escaped for c in ":,\r\n")
    unescaped = escaped
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        unescaped = unescaped.replace(code, char)
    assert unescaped == value


def test_baseline_works_from_another_working_directory(runner, tmp_path, monkeypatch):
    sub = tmp_path / "docs"
    sub.mkdir()
    path = write(sub, "a.txt", DAMAGED)
    monkeypatch.chdir(sub)
    code, _, _ = run(runner, "scan", "a.txt", "--write-baseline", "base.json")
    assert code == 0
    monkeypatch.chdir(tmp_path)
    code, out, err = run(runner, "scan", str(path.relative_to(tmp_path)), "--baseline", "docs/base.json",
                         "--format", "json")
    assert code == 0 and json.loads(out)["summary"]["findings"] == 0 and "0 new" in err


def test_sarif_offers_no_manual_suggestion_as_a_fix(runner):
    code, out, _ = run(runner, "scan", str(COMMENTARY), "--reference", str(ARTICLE), "--format", "sarif")
    data = json.loads(out)
    inserted = [r["insertedContent"]["text"] for res in data["runs"][0]["results"] for fx in res.get("fixes", [])
                for ch in fx["artifactChanges"] for r in ch["replacements"]]
    assert inserted, "the reference supports some fixes"
    assert not any(re.search(r"\d", text) for text in inserted)  # candidate figures stay manual
    report = json.loads(run(runner, "scan", str(COMMENTARY), "--reference", str(ARTICLE), "--format", "json")[1])
    manual = [s for f in report["documents"][0]["findings"] for s in f["suggestions"]
              if s["applicability"] == "manual" and s["replacement"]]
    assert manual and all(s["replacement"] not in inserted or not re.search(r"\d", s["replacement"]) for s in manual)
