"""Fuzzing ``scan`` and ``fix`` then ``revert`` over arbitrary bytes (atheris, or Hypothesis without it).

    python -m benchmarks.fuzz [--engine atheris|hypothesis] [--runs 1000000] [--seconds 3600]
                              [--max-len 512] [--sarif-every 50]

One execution (:func:`check_one`) takes a byte string as a file's content and checks what a user
would see: the bytes are decoded as ``repairkit`` reads a file (a refusal must be the one-line
:class:`~repairkit.document.InputError`); the document is scanned with every rule; then:

- every finding's and suggestion's span lies inside the text, and the JSON report's ``text`` is
  ``text[start:end]`` of the decoded original, line and column included (after a round trip
  through ``json.dumps``/``json.loads``);
- the JSON report validates against ``repairkit/schemas/findings-1.schema.json`` and, every
  ``--sarif-every`` executions, the SARIF log against the SARIF 2.1.0 schema;
- ``fix`` (the multi-pass default fix) applied to its own output changes nothing (idempotent);
- when the fix changed something, the fixed bytes are written through the audit log and
  :func:`repairkit.repair.audit.revert` gives back the original bytes exactly.

Any other exception is a crash: atheris stops and prints the input; Hypothesis shrinks it. With
atheris a failed property is counted (with its first inputs) and the run goes on, so one known
failure does not hide the others.
With atheris the repairkit modules are instrumented (coverage-guided), the seed corpus is a few
damaged texts; its figures (executions, property failures with example inputs) are kept in a
JSON file (``$RK_FUZZ_SUMMARY``, or one in the artifacts folder it names) and libFuzzer prints its
own statistics; a crash is libFuzzer's report with the input. Hypothesis prints one JSON object.
The figures go in the README section "Reliability".

>>> check_one("The cafÃ© said itâ€™s fine.\\x01 ok".encode())
'fixed'
>>> check_one(b"\\x00\\x01binary")
'refused'
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
#: The SARIF 2.1.0 schema in shared/: beside the clone (CI, /work/main) or two levels up (a worktree).
SARIF_SCHEMAS = [folder / "shared" / "schemas" / "sarif-schema-2.1.0.json" for folder in (REPO.parent, Path("/work"))]
SEEDS = (
    "The cafÃ© said itâ€™s open.\n\nThe board met on Monday.\x01 Co\u200boperation went on.",
    "Delegates met for the th summit in , the organisers said. Donors pledged  million.",
    "It was the worlds largest yearonyear rise, said Chinas minister. Dont go.\r\nNext\rline",
    "\ufeffTitle\n\n\u200b\n\nA line \x1b[31mred\x1b[0m and soft\u00adhyphen, \ufeffmid-file BOM.",
    "Leave a Reply\n\nConnecting to %s\n\n1The first item (with a bracket.\n\n\"Quote",
)


@functools.cache
def _setup() -> dict[str, Any]:
    import jsonschema

    from repairkit.config import Config
    from repairkit.pipeline import select_rules

    rules = select_rules(Config())
    findings_schema = json.loads((REPO / "repairkit/schemas/findings-1.schema.json").read_text("utf-8"))
    sarif_path = next((p for p in SARIF_SCHEMAS if p.exists()), None)
    sarif_schema = json.loads(sarif_path.read_text("utf-8")) if sarif_path else None
    return {
        "rules": rules,
        "findings": jsonschema.Draft202012Validator(findings_schema),
        "sarif": jsonschema.Draft4Validator(sarif_schema) if sarif_schema else None,
        "folder": Path(tempfile.mkdtemp(prefix="rk-fuzz-")),
        "count": 0,
    }


class PropertyFailure(AssertionError):
    """A property of :func:`check_one` does not hold."""


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise PropertyFailure(what)


def check_one(data: bytes, sarif_every: int = 1) -> str:
    """Check every property on one input: ``'refused'``, ``'clean'``, ``'scanned'`` or ``'fixed'``."""
    from repairkit.document import Document, InputError
    from repairkit.fixloop import fix_result
    from repairkit.pipeline import scan_document
    from repairkit.report import json_report, sarif
    from repairkit.repair import audit

    env = _setup()
    env["count"] += 1
    try:
        doc = Document.from_bytes(data, "fuzz.txt")
    except InputError as exc:
        _require("\n" not in str(exc) and str(exc).startswith("fuzz.txt: "), f"refusal not one line: {exc}")
        return "refused"
    text = doc.text
    result = scan_document(doc, env["rules"])
    for f in result.findings:
        _require(0 <= f.span.start <= f.span.end <= len(text), f"finding span {f.span} outside the text")
        for s in f.suggestions:
            _require(0 <= s.span.start <= s.span.end <= len(text), f"suggestion span {s.span} outside the text")
    report = json.loads(json_report.render([result]))
    env["findings"].validate(report)
    for item in report["documents"][0]["findings"]:
        _require(item["text"] == text[item["start"]:item["end"]], f"text differs from original at {item['id']}")
        _require(doc.line_col(item["start"]) == (item["line"], item["column"]), f"line/column wrong at {item['id']}")
    if env["sarif"] is not None and sarif_every and env["count"] % sarif_every == 0:
        env["sarif"].validate(json.loads(sarif.render([result])))
    planned = fix_result(result, env["rules"])
    if planned.text == text:
        return "clean" if not result.findings else "scanned"
    again = fix_result(scan_document(Document.from_text(planned.text, doc.path), env["rules"]), env["rules"])
    _require(again.text == planned.text, "fix is not idempotent: a second fix changed the text")
    from repairkit.document import encode_text

    target = env["folder"] / "fuzz.txt"
    log = env["folder"] / "fuzz.txt.audit.json"
    log.unlink(missing_ok=True)
    target.write_bytes(data)
    fixed = encode_text(planned.text, doc.encoding)
    audit.record(log, [audit.make_entry(target, target, data, fixed, doc.encoding, [])])
    target.write_bytes(fixed)
    audit.revert(log)
    _require(target.read_bytes() == data, "revert is not byte-exact")
    return "fixed"


def run_hypothesis(runs: int, seconds: float, max_len: int, sarif_every: int) -> dict[str, Any]:
    """Hypothesis over arbitrary bytes and over byte strings built from damage pieces."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from([s.encode() for s in SEEDS] + [b"\x00", b"\xff", b"\xef\xbb\xbf", b"\r", b"\x1b[",
                                                             "\u200b".encode(), b"  ", b" , ", b"th", b"\n\n"])
    data = st.one_of(st.binary(max_size=max_len), st.lists(pieces, max_size=12).map(b"".join),
                     st.text(max_size=max_len // 2).map(lambda t: t.encode("utf-8", "surrogatepass")))
    outcomes: dict[str, int] = {}
    deadline = time.monotonic() + seconds

    @settings(max_examples=runs, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(data)
    def prop(blob: bytes) -> None:
        if time.monotonic() > deadline:
            return
        outcome = check_one(blob, sarif_every)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1

    started = time.monotonic()
    crash = None
    try:
        prop()
    except Exception as exc:  # noqa: BLE001 - the shrunk failing input is the result
        crash = f"{exc.__class__.__name__}: {exc}"
    return {"engine": "hypothesis", "executions": sum(outcomes.values()), "outcomes": outcomes,
            "crashes": int(crash is not None), "crash": crash, "seconds": round(time.monotonic() - started, 1)}


def run_atheris(runs: int, seconds: float, max_len: int, sarif_every: int) -> None:
    """Coverage-guided fuzzing with atheris (libFuzzer); prints its own statistics and exits."""
    import atheris

    with atheris.instrument_imports(include=["repairkit"]):
        import repairkit.pipeline  # noqa: F401 - instrumented on import
        import repairkit.fixloop  # noqa: F401
        import repairkit.report.json_report  # noqa: F401
        import repairkit.report.sarif  # noqa: F401
        import repairkit.repair.audit  # noqa: F401
    _setup()
    corpus = Path(tempfile.mkdtemp(prefix="rk-fuzz-corpus-"))
    for n, seed in enumerate(SEEDS):
        (corpus / f"seed{n}").write_bytes(seed.encode("utf-8"))
    started = time.monotonic()

    failures: dict[str, list[str]] = {}
    artifacts = Path(tempfile.mkdtemp(prefix="rk-fuzz-artifacts-"))

    summary_file = Path(os.environ.get("RK_FUZZ_SUMMARY", artifacts / "summary.json"))
    print(f"summary (rewritten every 500 executions): {summary_file}", file=sys.stderr, flush=True)

    def summary() -> None:  # libFuzzer ends the process with exit(): the figures are kept in a file
        summary_file.write_text(json.dumps({
            "engine": "atheris", "executions": _setup()["count"], "seconds": round(time.monotonic() - started, 1),
            "crashes": 0, "property_failures": {k: len(v) for k, v in failures.items()},
            "examples": {k: v[:3] for k, v in failures.items()}}, indent=1) + "\n")

    def target(data: bytes) -> None:
        try:
            check_one(data, sarif_every)
        except PropertyFailure as exc:  # recorded, fuzzing goes on; any other exception is a crash
            new = str(exc) not in failures
            failures.setdefault(str(exc), []).append(data.decode("utf-8", "backslashreplace"))
            if new:
                summary()
        if _setup()["count"] % 500 == 0:
            summary()

    args = [sys.argv[0], f"-runs={runs}", f"-max_len={max_len}", f"-max_total_time={int(seconds)}",
            "-print_final_stats=1", "-timeout=60", "-rss_limit_mb=4096", f"-artifact_prefix={artifacts}/",
            str(corpus)]
    atheris.Setup(args, target)
    atheris.Fuzz()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=("atheris", "hypothesis"), default="atheris")
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=3600)
    parser.add_argument("--max-len", type=int, default=512)
    parser.add_argument("--sarif-every", type=int, default=50)
    args = parser.parse_args(argv)
    if args.engine == "atheris":
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris is not installed (pip install atheris); using Hypothesis", file=sys.stderr)
            args.engine = "hypothesis"
    if args.engine == "atheris":
        run_atheris(args.runs, args.seconds, args.max_len, args.sarif_every)
        return 0
    report = run_hypothesis(args.runs, args.seconds, args.max_len, args.sarif_every)
    print(json.dumps(report))
    return 1 if report["crashes"] else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
