"""``repairkit fix`` and ``revert``: modes, audit log, byte-exact revert, idempotence, encodings."""

from __future__ import annotations

import codecs
import importlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from repairkit import registry
from repairkit.cli import main
from tests._toy import TOY, shared_file
from tests.conftest import ARTICLE, COMMENTARY

DAMAGED = ("Intro line.\n\nThey dont know it. The wellknown firm did not comment.\n\n"
           "It began in , according to the organisers of the meeting.\n")
FIXED_SAFE = DAMAGED.replace("dont", "don't")


@pytest.fixture
def toy_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the toy rule next to the real ones for the duration of a test."""
    real = registry.all_detectors()
    # Only the missing-number family (for unresolved places) and the toy rule: the real
    # apostrophe/hyphen families would otherwise propose their own edits on the same words.
    numbers = tuple(s for s in real if s.code.startswith("RK1"))
    monkeypatch.setattr(registry, "all_detectors", lambda: (*numbers, TOY))


def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, text: str, name: str = "a.txt", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if encoding != "utf-8-sig" else codecs.BOM_UTF8 + text.encode())
    return path


def test_default_is_a_diff_that_changes_nothing(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    code, out, _ = invoke("fix", str(path))
    assert code == 1 and path.read_text() == DAMAGED
    assert "-They dont know it." in out and "+They don't know it." in out
    assert "well-known" not in out  # unsafe: not without --unsafe
    code, out, _ = invoke("fix", str(path), "--unsafe", "--diff")
    assert "well-known" in out
    code, out, _ = invoke("fix", str(path), "--unsafe", "--min-confidence", "0.8")
    assert "don't" in out and "well-known" not in out
    assert not list(tmp_path.glob("*.json"))


def test_write_audit_revert_and_idempotence(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    original = path.read_bytes()
    code, _, err = invoke("fix", str(path), "--write")
    assert code == 0 and path.read_text() == FIXED_SAFE and "1 edit" in err
    log_path = tmp_path / "a.txt.repairkit-audit.json"
    (entry,) = json.loads(log_path.read_text())["entries"]
    assert entry["encoding"] == "utf-8" and entry["sha256_before"] != entry["sha256_after"]
    (edit,) = entry["edits"]
    assert (edit["before"], edit["after"], edit["rule"], edit["applicability"]) == ("", "'", "RK299", "safe")
    assert DAMAGED[:edit["start"]].endswith("They don")
    # Second run: nothing left to apply, nothing written, the log untouched.
    log_before = log_path.read_bytes()
    assert invoke("fix", str(path), "--write")[0] == 0
    assert path.read_text() == FIXED_SAFE and log_path.read_bytes() == log_before
    assert invoke("fix", str(path))[0] == 0  # empty diff
    code, _, err = invoke("revert", str(log_path))
    assert code == 0 and path.read_bytes() == original
    kept = json.loads(log_path.read_text())  # the log is kept, what was undone moved aside
    assert kept["entries"] == [] and len(kept["reverted"]) == 1
    code, _, err = invoke("revert", str(log_path))
    assert code == 0 and "nothing to revert" in err and path.read_bytes() == original


def test_two_fix_runs_revert_to_the_first_original(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    original = path.read_bytes()
    invoke("fix", str(path), "--write")
    invoke("fix", str(path), "--write", "--unsafe")
    assert "well-known" in path.read_text()
    assert len(json.loads((tmp_path / "a.txt.repairkit-audit.json").read_text())["entries"]) == 2
    assert invoke("revert", str(tmp_path / "a.txt.repairkit-audit.json"))[0] == 0
    assert path.read_bytes() == original


def test_revert_last_undoes_only_the_last_run(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    log = tmp_path / "a.txt.repairkit-audit.json"
    invoke("fix", str(path), "--write")
    after_first = path.read_bytes()
    invoke("fix", str(path), "--write", "--unsafe")
    assert "well-known" in path.read_text()
    assert invoke("revert", str(log), "--last")[0] == 0 and path.read_bytes() == after_first
    assert [e["run"] for e in json.loads(log.read_text())["entries"]] == [1]
    assert invoke("revert", str(log), "--last")[0] == 0 and path.read_text() == DAMAGED


def test_revert_refuses_a_changed_file(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    invoke("fix", str(path), "--write")
    path.write_text(FIXED_SAFE + "edited by a person\n")
    code, _, err = invoke("revert", str(tmp_path / "a.txt.repairkit-audit.json"))
    assert code == 2 and "changed since" in err and "Traceback" not in err
    assert path.read_text().endswith("edited by a person\n")  # untouched


def test_output_file_and_custom_audit(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    out, log = tmp_path / "out.txt", tmp_path / "logs.json"
    code, _, _ = invoke("fix", str(path), "--output", str(out), "--audit", str(log))
    assert code == 0 and out.read_text() == FIXED_SAFE and path.read_text() == DAMAGED
    assert invoke("revert", str(log))[0] == 0 and not out.exists() and path.read_text() == DAMAGED


def test_mark_unresolved_inserts_markers_once(tmp_path):
    path = write(tmp_path, DAMAGED)
    invoke("fix", str(path), "--write", "--mark-unresolved")
    marked = path.read_text()
    assert "It began in [?year], according" in marked
    assert invoke("fix", str(path), "--write", "--mark-unresolved")[0] == 0
    assert path.read_text() == marked
    code, _, _ = invoke("fix", str(path), "--write")  # without the flag: unresolved places stay as they are
    assert path.read_text() == marked


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("trailing", [True, False])
def test_encoding_line_endings_and_trailing_newline_kept(tmp_path, toy_rules, encoding, newline, trailing):
    text = DAMAGED.replace("\n", newline) if trailing else DAMAGED.rstrip("\n").replace("\n", newline)
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path = tmp_path / "a.txt"
    path.write_bytes(bom + (codecs.BOM_UTF8 + text.encode() if encoding == "utf-8-sig" else text.encode(encoding)))
    original = path.read_bytes()
    assert invoke("fix", str(path), "--write")[0] == 0
    data = path.read_bytes()
    assert data.startswith(bom or (codecs.BOM_UTF8 if encoding == "utf-8-sig" else b""))
    expected = text.replace("dont", "don't")
    body = data[len(bom):] if bom else data
    assert body == (codecs.BOM_UTF8 + expected.encode() if encoding == "utf-8-sig" else expected.encode(encoding))
    assert invoke("revert", str(tmp_path / "a.txt.repairkit-audit.json"))[0] == 0
    assert path.read_bytes() == original


def test_bad_input_is_exit_2_and_writes_nothing(tmp_path):
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 50)
    cp1252 = tmp_path / "c.txt"
    cp1252.write_bytes("caf\u00e9 dont".encode("cp1252"))
    for args in (["fix", str(tmp_path / "missing.txt")], ["fix", str(binary), "--write"],
                 ["fix", str(cp1252), "--write"], ["revert", str(tmp_path / "nolog.json")],
                 ["revert", str(cp1252)], ["fix", str(cp1252), str(binary), "--output", "x.txt"],
                 ["fix", str(cp1252), "--write", "--output", str(tmp_path / "x.txt")]):
        code, out, err = invoke(*args)
        assert code == 2 and "Traceback" not in err + out, args
    assert cp1252.read_bytes() == "caf\u00e9 dont".encode("cp1252")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt", "c.txt"]


def test_fixtures_round_trip(tmp_path, toy_rules):
    for fixture in (COMMENTARY, ARTICLE):
        path = tmp_path / fixture.name
        path.write_bytes(fixture.read_bytes())
        invoke("fix", str(path), "--write", "--unsafe", "--mark-unresolved")
        once = path.read_bytes()
        assert invoke("fix", str(path), "--write", "--unsafe", "--mark-unresolved")[0] == 0
        assert path.read_bytes() == once, f"{fixture.name}: second fix changed the text"
        log = tmp_path / f"{fixture.name}.repairkit-audit.json"
        if log.exists():
            assert invoke("revert", str(log))[0] == 0
        assert path.read_bytes() == fixture.read_bytes()


def _damage(text: str) -> str:
    """Crude local damage: drop apostrophes, hyphens and digits."""
    return re.sub(r"[’'\-0-9]", "", text)


def test_damaged_corpus_sample_round_trips(tmp_path, toy_rules):
    corpus = shared_file("corpus", "news.jsonl")
    if corpus is None:
        pytest.skip("shared corpus not available")
    with corpus.open(encoding="utf-8") as fh:
        articles = [json.loads(next(fh)) for _ in range(20)]
    paths = []
    for a in articles:
        path = tmp_path / f"{a['id']}.txt"
        path.write_text(_damage(a["text"]), encoding="utf-8")
        paths.append(path)
    originals = {p: p.read_bytes() for p in paths}
    log = tmp_path / "audit.json"
    args = ["fix", *map(str, paths), "--write", "--unsafe", "--mark-unresolved", "--audit", str(log)]
    assert invoke(*args)[0] == 0
    fixed = {p: p.read_bytes() for p in paths}
    assert fixed != originals
    assert invoke(*args)[0] == 0
    assert {p: p.read_bytes() for p in paths} == fixed, "second fix changed the text"
    assert invoke("revert", str(log))[0] == 0
    assert {p: p.read_bytes() for p in paths} == originals


def test_failed_write_leaves_a_truthful_log(tmp_path, toy_rules, monkeypatch):
    fix_module = importlib.import_module("repairkit.cli.fix")  # the package exports the command as `fix`

    first, second = write(tmp_path, DAMAGED, "a.txt"), write(tmp_path, DAMAGED, "b.txt")
    real_write = fix_module.atomic_write

    def failing(path, data, **kwargs):
        if Path(path).name == "b.txt":
            raise OSError(28, "No space left on device", str(path))
        real_write(path, data, **kwargs)

    monkeypatch.setattr(fix_module, "atomic_write", failing)
    log = tmp_path / "audit.json"
    code, _, err = invoke("fix", str(first), str(second), "--write", "--audit", str(log))
    assert code == 2 and "No space left" in err
    assert first.read_text() == FIXED_SAFE and second.read_text() == DAMAGED
    assert [e["file"] for e in json.loads(log.read_text())["entries"]] == [str(first)]
    assert invoke("revert", str(log))[0] == 0 and first.read_text() == DAMAGED


def test_a_file_named_twice_is_fixed_once(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    assert invoke("fix", str(path), str(tmp_path), "--write")[0] == 0
    log = tmp_path / "a.txt.repairkit-audit.json"
    assert len(json.loads(log.read_text())["entries"]) == 1
    assert invoke("revert", str(log))[0] == 0 and path.read_text() == DAMAGED


def test_revert_of_output_restores_what_was_there(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    out = write(tmp_path, "older content\n", "out.txt")
    assert invoke("fix", str(path), "-o", str(out))[0] == 0 and out.read_text() == FIXED_SAFE
    assert invoke("revert", str(tmp_path / "out.txt.repairkit-audit.json"))[0] == 0
    assert out.read_text() == "older content\n" and path.read_text() == DAMAGED


def test_revert_refuses_a_tampered_log(tmp_path, toy_rules):
    path = write(tmp_path, DAMAGED)
    invoke("fix", str(path), "--write")
    log = tmp_path / "a.txt.repairkit-audit.json"
    data = json.loads(log.read_text())
    data["entries"][0]["original_base64"] = "AAAA"
    log.write_text(json.dumps(data))
    code, _, err = invoke("revert", str(log))
    assert code == 2 and "damaged" in err and path.read_text() == FIXED_SAFE
    log.write_text('{"schema": "repairkit.audit/1", "entries": [{"file": 1}]}')
    assert invoke("revert", str(log))[0] == 2


@pytest.mark.parametrize("entry", [
    {"file": 3, "sha256_after": "x", "existed": False},
    {"file": "a.txt", "sha256_after": "x", "existed": True},  # no original bytes
    {"file": "a.txt", "sha256_after": "x", "existed": "yes"},
])
def test_revert_refuses_malformed_entries(tmp_path, entry):
    log = tmp_path / "a.txt.repairkit-audit.json"
    log.write_text(json.dumps({"schema": "repairkit.audit/1", "entries": [entry]}))
    code, _, err = invoke("revert", str(log))
    assert code == 2 and "malformed audit entry" in err and "Traceback" not in err


def test_markers_only_where_a_value_is_missing(tmp_path):
    path = write(tmp_path, "A heading\n\nIt began in , said the organisers (all of them.\n")
    code, out, _ = invoke("fix", str(path), "--mark-unresolved", "--output", str(tmp_path / "out.txt"))
    marked = (tmp_path / "out.txt").read_text()
    assert code == 0 and marked.count("[?") == 1 and "in [?year]," in marked  # not at the bracket


@pytest.mark.parametrize(("extra", "count"), [([], 350), (["--unsafe"], 60), (["--mark-unresolved"], 60),
                                             (["--unsafe", "--mark-unresolved"], 60)])
def test_fix_runs_to_a_fixed_point_on_damaged_articles(tmp_path, extra, count):
    # A repair can change what the detectors see (hyphens back: no longer a hyphen-stripped
    # text), so fix re-scans until nothing more applies; a second run must change nothing.
    corpus = shared_file("corpus", "news.jsonl")
    if corpus is None:
        pytest.skip("shared corpus not available")
    lines = corpus.read_text(encoding="utf-8").splitlines()[:count]
    originals = {}
    for line in lines:
        art = json.loads(line)
        path = tmp_path / f"{art['id']}.txt"
        path.write_text(re.sub(r"['\-0-9]", "", art["text"]), encoding="utf-8")
        originals[path] = path.read_bytes()
    log = tmp_path / "audit.json"
    code, _, err = invoke("fix", str(tmp_path), "--write", "--audit", str(log), *extra)
    assert code == 0, err
    code, out, _ = invoke("fix", str(tmp_path), "--diff", *extra)
    assert code == 0 and out == ""
    code, _, err = invoke("revert", str(log))
    assert code == 0, err
    assert {p: p.read_bytes() for p in originals} == originals
