"""What a new user trips over (issue 12), through the real CLI: selection that covers the
references' findings, exclusive fix modes, read-only files."""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from repairkit.cli import main
from tests.conftest import ARTICLE, COMMENTARY


def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def codes_of(*args: str) -> Counter[str]:
    code, out, err = invoke("scan", "--format", "json", *args)
    assert code in (0, 1), err
    return Counter(f["code"] for d in json.loads(out)["documents"] for f in d["findings"])


# 1. --select / --ignore filter what a reference produces -------------------------------------

@pytest.mark.parametrize("ignore", ["missing-hyphen", "RK3,RK003", "RK00"])
def test_ignore_filters_reference_findings(ignore):
    with_ref = ("--reference", str(ARTICLE))
    hyphens = lambda found: sum(n for c, n in found.items() if c.startswith("RK3") or c == "RK003")  # noqa: E731
    assert hyphens(codes_of(str(COMMENTARY), *with_ref)) > 0  # the text lost hyphens
    assert hyphens(codes_of(str(COMMENTARY), *with_ref, "--ignore", "RK3", "--ignore", ignore)) == 0


def test_select_keeps_only_selected_reference_findings():
    found = codes_of(str(COMMENTARY), "--reference", str(ARTICLE), "--select", "RK1")
    assert found and all(c.startswith("RK1") for c in found)


def test_config_ignore_filters_reference_findings(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.repairkit]\nignore = ["missing-hyphen"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert not {"RK003", "RK301"} & set(codes_of(str(COMMENTARY), "--reference", str(ARTICLE)))


def test_fix_does_not_apply_ignored_reference_repairs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(COMMENTARY.read_bytes())
    _, with_hyphens, _ = invoke("fix", str(path), "--unsafe", "-r", str(ARTICLE), "--select", "RK003")
    assert "+" in with_hyphens and "-" in with_hyphens  # there is something to restore
    code, out, _ = invoke("fix", str(path), "--unsafe", "-r", str(ARTICLE), "--select", "RK003",
                          "--ignore", "RK3,RK003")
    assert code == 0 and out == ""


# 2. --diff with --write / --output is a usage error ------------------------------------------

@pytest.mark.parametrize("other", [["--write"], ["--output", "OUT"]])
def test_diff_excludes_write_and_output(tmp_path, other):
    path = tmp_path / "a.txt"
    path.write_text("They dont know.\n", encoding="utf-8")
    other = [str(tmp_path / "out.txt") if a == "OUT" else a for a in other]
    code, out, err = invoke("fix", str(path), "--diff", *other)
    assert code == 2 and "exclude each other" in err and out == ""
    assert path.read_text(encoding="utf-8") == "They dont know.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no output, no audit log


# 3. --write refuses read-only files ------------------------------------------------------------

def test_write_refuses_a_read_only_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("They dont know.\n", encoding="utf-8")
    path.chmod(0o444)
    code, out, err = invoke("fix", str(path), "--write")
    assert code == 2 and err.count("\n") == 1 and "read-only" in err and str(path) in err
    assert path.read_text(encoding="utf-8") == "They dont know.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no audit log either
    path.chmod(0o644)
    assert invoke("fix", str(path), "--write")[0] == 0 and "don't" in path.read_text(encoding="utf-8")


def test_read_only_output_refused_and_other_files_untouched(tmp_path):
    writable, locked = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (writable, locked):
        p.write_text("They dont know.\n", encoding="utf-8")
    locked.chmod(0o400)
    code, _, err = invoke("fix", str(writable), str(locked), "--write")
    assert code == 2 and "b.txt: file is read-only" in err
    assert writable.read_text(encoding="utf-8") == "They dont know.\n"  # all or nothing


# 4. other languages: noticed once, only language-neutral rules, no rule-based repair ----------

GERMAN = ("Die Bundesregierung hat am Montag neue Zahlen vorgelegt. Rund  Prozent der Erwerbstätigen waren "
          "ohne Arbeit, teilte das Ministerium mit. Die Gewerkschaften fordern höhere Löhne und bessere "
          "Bedingungen für junge Menschen. Viele Unternehmen fuhren ihre Produktion im Sommer zurück. "
          "Die Verhandlungen sollen im Herbst fortgesetzt werden, sagte ein Sprecher.\n")
RUSSIAN = ("В  году правительство представило новые данные о безработице. Около  процентов работников "
           "остались без работы в прошлом месяце, сообщило министерство. Профсоюзы давно требуют повышения "
           "зарплат и лучших условий для молодых людей, которые не могут найти постоянную работу.\n")


@pytest.mark.parametrize("text", [GERMAN, RUSSIAN], ids=["de", "ru"])
def test_other_languages_are_noticed_and_not_repaired(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _ = invoke("scan", str(path))
    assert out.count("rules are written for English") == 1
    code, out, _ = invoke("scan", str(path), "--format", "json")
    (doc,) = json.loads(out)["documents"]
    assert len(doc["notices"]) == 1 and "English" in doc["notices"][0]
    neutral = {"encoding", "whitespace", "boilerplate", "template-leak"}
    assert all(f["category"] in neutral or f["code"] == "RK703" for f in doc["findings"])
    code, out, err = invoke("fix", str(path), "--unsafe", "--write")
    assert path.read_text(encoding="utf-8") == text and "nothing to fix" in err


def test_english_is_not_flagged_as_another_language():
    code, out, _ = invoke("scan", str(COMMENTARY))
    assert "rules are written for English" not in out and "RK101" in out


# 5. readability is a document property, not a finding ----------------------------------------

CLEAN = "The council met on Monday and agreed the budget for next year. " * 6 + "\n"


def test_readability_is_in_the_document_summary_not_in_findings(tmp_path, findings_schema):
    import jsonschema

    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    code, out, _ = invoke("scan", str(path), "--format", "json", "--fail-on", "info")
    data = json.loads(out)
    jsonschema.Draft202012Validator(findings_schema).validate(data)
    (doc,) = data["documents"]
    assert code == 0 and doc["findings"] == [] and data["summary"]["findings"] == 0
    assert data["schema_version"] == "1.1"
    assert doc["summary"]["words"] == 72 and doc["summary"]["sentences"] == 6
    assert doc["summary"]["reading_ease"] > 50 and doc["summary"]["band"]
    code, out, _ = invoke("scan", str(path), "--format", "junit", "--fail-on", "info")
    assert code == 0 and 'failures="0"' in out
    code, out, _ = invoke("rules")
    assert "RK751" not in out


def test_an_edit_brings_no_new_baseline_finding(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert invoke("scan", str(path), "--write-baseline", str(baseline))[0] == 0
    path.write_text(CLEAN + "The mayor said little.\n", encoding="utf-8")
    code, out, err = invoke("scan", str(path), "--baseline", str(baseline), "--fail-on", "info")
    assert code == 0 and "0 new findings" in err


# 6. a filled hole does not say "value unknown"; competing candidates are marked --------------

def _council(tmp_path: Path) -> tuple[Path, list[str]]:
    line = "the council met to agree the budget for the coming year and the new plans for the town centre.\n"
    path = tmp_path / "doc.txt"
    path.write_text(f"Council report\n\nIn , {line}", encoding="utf-8")
    refs = []
    for year in ("2019", "2020"):
        ref = tmp_path / f"ref{year}.txt"
        ref.write_text(f"Council report\n\nIn {year}, {line}", encoding="utf-8")
        refs += ["-r", str(ref)]
    return path, refs


def test_a_hole_with_a_value_does_not_say_value_unknown(tmp_path):
    path, refs = _council(tmp_path)
    code, out, _ = invoke("scan", str(path), *refs[:2])
    assert "RK102" in out and "'2019,'" in out and "value unknown" not in out
    code, out, _ = invoke("scan", str(path))
    assert "value unknown" in out  # no reference: the value is unknown indeed


def test_mark_unresolved_marks_a_hole_with_competing_candidates(tmp_path):
    path, refs = _council(tmp_path)
    code, out, _ = invoke("fix", str(path), *refs, "--mark-unresolved", "--write")
    assert code == 0 and "In [?year], the council" in path.read_text(encoding="utf-8")
    marked = path.read_text(encoding="utf-8")
    invoke("fix", str(path), *refs, "--mark-unresolved", "--write")
    assert path.read_text(encoding="utf-8") == marked  # marked once


# 7. Markdown read as prose; inline suppression; exclude and per-file-ignores ---------------------

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN = """---
title: In , the notes
---
# Setup

Run `printf '%s' $HOME` and see <https://example.com/a%s/{name}> or https://example.org/th.

```sh
$ pip install . # the th step, In , the
```

<!-- In , the th summit -->
The th summit met on Monday.
"""


def test_markdown_checks_only_prose_with_offsets_into_the_original(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    code, out, _ = invoke("scan", str(path), "--format", "json")
    (doc,) = json.loads(out)["documents"]
    assert [(f["code"], f["line"], f["text"]) for f in doc["findings"]] == [("RK101", 13, "th")]
    f = doc["findings"][0]
    assert MARKDOWN[f["start"]:f["end"]] == "th" and MARKDOWN.index("The th summit") + 4 == f["start"]
    same = tmp_path / "notes.txt"  # the same text read as plain text: code and front matter too
    same.write_text(MARKDOWN, encoding="utf-8")
    assert len(json.loads(invoke("scan", str(same), "--format", "json")[1])["documents"][0]["findings"]) > 3


def test_fix_on_markdown_leaves_code_alone(tmp_path):
    path = tmp_path / "a.md"
    text = "They dont know.\n\n```\nthey dont\n```\n\nUse `dont` and they dont care.\n"
    path.write_text(text, encoding="utf-8")
    assert invoke("fix", str(path), "--write")[0] == 0
    assert path.read_text(encoding="utf-8") == text.replace("They dont", "They don't").replace(
        "they dont care", "they don't care")


def test_this_projects_readme_has_no_error_level_finding():
    code, out, err = invoke("scan", str(ROOT / "README.md"), "--fail-on", "error")
    assert code == 0, out


@pytest.mark.parametrize("directive", [
    "<!-- repairkit: ignore RK101 -->\nthe th summit\n",
    "<!-- repairkit: ignore -->\n\nthe th summit\n",
    "<!-- repairkit: ignore-next-line orphan-ordinal -->\nthe th summit\n",
    "repairkit: ignore-next-line RK1\nthe th summit\n",
])
def test_inline_suppression(tmp_path, directive):
    path = tmp_path / ("a.md" if directive.startswith("<!--") else "a.txt")
    path.write_text(directive + "\nthe th year\n", encoding="utf-8")
    code, out, _ = invoke("scan", str(path), "--format", "json")
    assert [f["line"] for f in json.loads(out)["documents"][0]["findings"]] == [directive.count("\n") + 2]


def test_inline_suppression_names_only_its_codes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("repairkit: ignore RK2 -- apostrophes are fine here\nthe th summit\n", encoding="utf-8")
    assert "RK101" in invoke("scan", str(path))[1]


def test_exclude_and_per_file_ignores(tmp_path, monkeypatch):
    for rel in ("docs/a.txt", "drafts/b.txt", "build/c.txt", "news/d.txt"):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text("the th summit\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.repairkit]\nextend-exclude = ["drafts/"]\n[tool.repairkit.per-file-ignores]\n"docs/*" = ["RK1"]\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = invoke("scan", ".", "--format", "json")
    paths = {Path(d["path"]).as_posix(): len(d["findings"]) for d in json.loads(out)["documents"]}
    assert paths == {"docs/a.txt": 0, "news/d.txt": 1}
    code, out, _ = invoke("scan", ".", "--format", "json", "--exclude", "news")
    assert [Path(d["path"]).as_posix() for d in json.loads(out)["documents"]] == ["docs/a.txt"]
    code, out, _ = invoke("scan", ".", "--format", "json", "--isolated")
    assert len(json.loads(out)["documents"]) == 3  # only the default excludes (build/)
    (tmp_path / "pyproject.toml").write_text('[tool.repairkit.per-file-ignores]\n"*" = ["RK1x"]\n', encoding="utf-8")
    code, _, err = invoke("scan", ".")
    assert code == 2 and "'RK1x' matches no rule" in err and err.count("\n") == 1


# 8. SARIF: no link to a package index that does not list the project; help without doctests -----

def test_sarif_points_nowhere_it_does_not_live_and_help_reads_as_prose(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("the th summit\n", encoding="utf-8")
    code, out, _ = invoke("scan", str(path), "--format", "sarif")
    driver = json.loads(out)["runs"][0]["tool"]["driver"]
    assert "pypi.org" not in out and "informationUri" not in driver  # the package declares no URL
    for rule in driver["rules"]:
        assert ">>>" not in rule["help"]["text"] and "``" not in rule["help"]["text"] + rule["help"]["markdown"]
    code, out, _ = invoke("explain", "RK202")
    assert code == 0 and ">>>" not in out and "``" not in out and '"the companys profits"' in out


# 9. word diff for long lines, colour, the hint after scan -------------------------------------

ONE_LINE = "They dont know the firm. " * 40 + "\n"


def test_long_lines_get_a_word_diff(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ONE_LINE, encoding="utf-8")
    for args in (["--diff"], ["--diff=word"], []):
        code, out, _ = invoke("fix", *args, str(path))
        assert code == 1 and "[-dont-]{+don't+}" in out and out.count(ONE_LINE.strip()) == 0, args
        assert len(out) < 2 * len(ONE_LINE)  # not the long line twice
    code, out, _ = invoke("fix", str(path), "--diff=line")
    assert "\n-" + ONE_LINE in out and out.startswith("--- a/")
    short = tmp_path / "b.txt"
    short.write_text("They dont know.\n", encoding="utf-8")
    assert "-They dont know.\n+They don't know.\n" in invoke("fix", "--diff", str(short))[1]
    code, _, err = invoke("fix", str(short), "--diff=words")
    assert code == 2 and "words" in err


def test_colour_only_when_asked_or_on_a_terminal(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("the th summit\nThey dont know.\n", encoding="utf-8")
    assert "\x1b[" not in invoke("scan", str(path))[1]  # not a terminal
    assert "\x1b[" in invoke("scan", str(path), "--color", "always")[1]
    assert "\x1b[" in invoke("fix", str(path), "--color", "always")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in invoke("scan", str(path), "--color", "auto")[1]
    out = tmp_path / "report.txt"
    invoke("scan", str(path), "--color", "always", "-o", str(out))
    assert "\x1b[" not in out.read_text(encoding="utf-8")


def test_scan_ends_with_a_hint_of_what_fix_can_do():
    code, out, err = invoke("scan", str(COMMENTARY), "-r", str(ARTICLE))
    hint = err.strip().splitlines()[-1]
    assert hint.startswith("hint: ") and "safe fix" in hint and "(add `--unsafe`)" in hint and "need a value" in hint
    assert "hint:" not in out  # stdout stays the report
