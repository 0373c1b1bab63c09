"""A short fuzz run over arbitrary bytes (the long one: ``python -m benchmarks.fuzz``, issue 18).

The properties are :func:`benchmarks.fuzz.check_one`'s: a refusal is one line; every span lies
inside the text and the JSON ``text`` is the original's; the JSON report and the SARIF log
validate against their schemas; ``fix`` is idempotent; ``revert`` is byte-exact.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import fuzz
from repairkit.cli import main

PIECES = st.sampled_from([s.encode() for s in fuzz.SEEDS] + [
    b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"\r\n", b"\x1b[0m", b"\x1b[", b"\x01", b"\x7f",
    "\u200b".encode(), "\u00ad".encode(), "\ufeff".encode(), b"  ", b" , ", b"th", b"\n\n", b"\xc3", b"\xe2\x80"])
BYTES = st.one_of(st.binary(max_size=300), st.lists(PIECES, max_size=10).map(b"".join))


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(BYTES)
def test_scan_fix_revert_properties_over_arbitrary_bytes(data: bytes) -> None:
    assert fuzz.check_one(data) in ("refused", "clean", "scanned", "fixed")


def test_the_seeds_reach_the_fix_and_revert() -> None:
    outcomes = [fuzz.check_one(seed.encode()) for seed in fuzz.SEEDS]
    assert outcomes.count("fixed") >= 3 and "refused" not in outcomes, outcomes


def test_a_property_failure_is_caught(monkeypatch):
    """check_one is not blind: a fix that is not idempotent is reported."""
    fixloop = pytest.importorskip("repairkit.fixloop")
    calls = []
    real = fixloop.fix_result

    def drifting(result, rules, *args, **kwargs):
        planned = real(result, rules, *args, **kwargs)
        calls.append(1)
        planned.text += "x" * len(calls)
        return planned

    monkeypatch.setattr(fixloop, "fix_result", drifting)
    with pytest.raises(fuzz.PropertyFailure, match="idempotent"):
        fuzz.check_one(b"A plain line.")


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(BYTES)
def test_the_command_line_never_shows_a_traceback(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "input.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["scan", str(path), "--isolated", "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.stderr and result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def _report(text: str) -> dict:
    import json

    from repairkit.document import Document
    from repairkit.pipeline import scan_document
    from repairkit.report import json_report

    result = scan_document(Document.from_text(text, "x.txt"), fuzz._setup()["rules"])
    return json.loads(json_report.render([result]))


@pytest.mark.parametrize("damage", [
    lambda f: f.update(start=-1),
    lambda f: f.pop("code"),
    lambda f: f.update(surprise=1),
    lambda f: f.update(severity="catastrophic"),
    lambda f: f["suggestions"].append({"replacement": 3}),
])
def test_the_fast_findings_validator_rejects_what_the_schema_rejects(damage) -> None:
    """The inlined, compiled validator that runs on every input is as strict as jsonschema."""
    import copy

    env = fuzz._setup()
    report = _report(fuzz.SEEDS[0])
    assert report["documents"][0]["findings"]
    env["findings_fast"](report)
    env["findings"].validate(report)
    broken = copy.deepcopy(report)
    damage(broken["documents"][0]["findings"][0])
    with pytest.raises(Exception) as fast:
        env["findings_fast"](broken)
    with pytest.raises(Exception) as slow:
        env["findings"].validate(broken)
    assert "valid" in type(fast.value).__name__.lower() + type(slow.value).__name__.lower()


def test_both_round_trips_are_checked(monkeypatch) -> None:
    """In memory and through the files: a revert that gives back other bytes is a failure."""
    seed = fuzz.SEEDS[0].encode()
    assert fuzz.check_one(seed, files_every=1) == "fixed"
    assert fuzz.check_one(seed, files_every=0) == "fixed"
    from repairkit.repair import audit

    real = audit.make_entry
    monkeypatch.setattr(audit, "make_entry", lambda s, t, before, *a: real(s, t, before + b"!", *a))
    for every in (0, 1):
        with pytest.raises(fuzz.PropertyFailure):
            fuzz.check_one(seed, files_every=every)


def test_the_parallel_figures_are_summed(tmp_path) -> None:
    import json

    for n, count in enumerate((120, 80)):
        (tmp_path / f"summary-{n}-0.json").write_text(json.dumps({
            "executions": count, "cpu_seconds": 10.0, "outcomes": {"fixed": count},
            "property_failures": {"x": n}, "examples": {"x": ["a"] * n}}))
        (tmp_path / f"worker-{n}-0.log").write_text(f"#64 pulse\n#{count - 20} NEW cov: 1\n#{count} DONE (time is up)\n")
    (tmp_path / "crash-abc").write_bytes(b"")
    total = fuzz.combine(tmp_path, seconds=10.0, exits=[0, 1], jobs=2, out=tmp_path / "all.json")
    assert (total["executions"], total["libfuzzer_executions"], total["crashes"]) == (200, 200, 1)
    assert total["outcomes"] == {"fixed": 200} and total["property_failures"] == {"x": 1}
    assert total["per_second"] == 20.0 and total["per_cpu_second"] == 10.0
    assert json.loads((tmp_path / "all.json").read_text())["executions"] == 200
