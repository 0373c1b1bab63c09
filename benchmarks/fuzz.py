"""Fuzzing ``scan`` and ``fix`` then ``revert`` over arbitrary bytes (atheris, or Hypothesis without it).

    python -m benchmarks.fuzz [--engine atheris|hypothesis] [--runs 1000000] [--seconds 3600]
                              [--max-len 512] [--sarif-every 50] [--files-every 10] [--jobs 2]

One execution (:func:`check_one`) takes a byte string as a file's content and checks what a user
would see: the bytes are decoded as ``repairkit`` reads a file (a refusal must be the one-line
:class:`~repairkit.document.InputError`); the document is scanned with every rule; then:

- every finding's and suggestion's span lies inside the text, and the JSON report's ``text`` is
  ``text[start:end]`` of the decoded original, line and column included (after a round trip
  through ``json.dumps``/``json.loads``);
- the JSON report validates against ``repairkit/schemas/findings-1.schema.json`` and, every
  ``--sarif-every`` executions, the SARIF log against the SARIF 2.1.0 schema;
- ``fix`` (the multi-pass default fix) applied to its own output changes nothing (idempotent);
- when the fix changed something, the audit entry gives back the original bytes exactly; every
  ``--files-every`` fixed inputs this is the whole file round trip: the fixed bytes are written
  through the audit log (in a folder on tmpfs, ``/dev/shm``, where ``fsync`` costs nothing) and
  :func:`repairkit.repair.audit.revert` gives back the original file byte for byte.

What one execution costs (cProfile over 300 mutated seeds, before the changes of issue 18's
second pass): the ``jsonschema`` validation of the report was a third of it, the ``fsync`` of
the round trip's three atomic writes about a tenth. The findings schema is now validated by a
compiled validator of the schema with its ``$ref`` inlined (``fastjsonschema`` where installed,
16× faster than ``jsonschema``; plain ``jsonschema`` on the original schema too every
``--sarif-every`` inputs), which took one execution from 4.7 to 2.6 ms of CPU without atheris.

Any other exception is a crash: atheris stops and prints the input; Hypothesis shrinks it. With
atheris a failed property is counted (with its first inputs) and the run goes on, so one known
failure does not hide the others.
With atheris the repairkit modules are instrumented (coverage-guided), the seed corpus is a few
damaged texts; ``--jobs N`` runs N worker processes over one shared corpus and sums their figures
(run it under ``nice -n 19`` on a shared machine, so it takes only idle CPU); its figures (executions, property failures with example inputs) are kept in a
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
import base64
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


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every local ``{"$ref": "#/$defs/NAME"}`` replaced by that definition.

    The same constraints, with no reference to resolve per value: ``jsonschema`` validates it
    faster, and a draft-07 validator (``fastjsonschema``) reads it the way draft 2020-12 does (in
    draft 07 the keywords beside a ``$ref`` are ignored; here they go in an ``allOf`` with it).
    A recursive definition keeps its ``$ref`` (and the ``$defs`` stay).

    >>> inline_refs({"$defs": {"n": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/n", "minimum": 0}}})
    {'$defs': {'n': {'type': 'integer'}}, 'properties': {'a': {'minimum': 0, 'allOf': [{'type': 'integer'}]}}}
    """
    defs = schema.get("$defs", {})

    def walk(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [walk(x, seen) for x in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and ref[8:] in defs and ref[8:] not in seen:
            resolved = walk(defs[ref[8:]], (*seen, ref[8:]))
            rest = {k: walk(v, seen) for k, v in node.items() if k != "$ref"}
            if not rest:
                return resolved
            return {**rest, "allOf": [*rest.get("allOf", []), resolved]}
        return {k: (v if k == "$defs" else walk(v, seen)) for k, v in node.items()}

    return walk(schema, ())


def _fast_validator(schema: dict[str, Any]) -> Any:
    """A compiled validator of ``schema`` (refs inlined): ``fastjsonschema`` where it is installed
    (draft 07 reads the inlined schema as 2020-12 would), else ``jsonschema`` on the inlined schema.
    Either raises on an invalid report; :func:`check_one` also runs the plain ``jsonschema``
    validator of the original schema every ``sarif_every`` inputs, so the two are compared."""
    import jsonschema

    inlined = inline_refs(schema)
    try:
        import fastjsonschema
    except ImportError:
        return jsonschema.Draft202012Validator(inlined).validate
    return fastjsonschema.compile({**inlined, "$schema": "http://json-schema.org/draft-07/schema#"})


def _scratch_folder() -> Path:
    """A fresh folder for the file round trip: on tmpfs (``/dev/shm``) where there is one, where
    ``fsync`` costs nothing, else in the usual temporary folder."""
    shm = Path("/dev/shm")
    where = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="rk-fuzz-", dir=where))


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
        "findings_fast": _fast_validator(findings_schema),
        "sarif": jsonschema.Draft4Validator(sarif_schema) if sarif_schema else None,
        "folder": _scratch_folder(),
        "count": 0,
        "fixed": 0,
    }


class PropertyFailure(AssertionError):
    """A property of :func:`check_one` does not hold."""


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise PropertyFailure(what)


def check_one(data: bytes, sarif_every: int = 1, files_every: int = 1) -> str:
    """Check every property on one input: ``'refused'``, ``'clean'``, ``'scanned'`` or ``'fixed'``.

    Every input: the spans, texts, lines and columns, the JSON report against the findings schema
    (the compiled validator of :func:`_fast_validator`), the idempotent fix, and the byte-exact
    revert of the audit entry. Every ``sarif_every``-th input also: the SARIF log against SARIF
    2.1.0 and the report against the findings schema by plain ``jsonschema``. Every
    ``files_every``-th fixed input: the revert is the whole file round trip (the original written,
    the entry recorded in an audit log, the fixed bytes written, ``revert`` of the log, the file
    read back); the others revert the entry in memory (its original decoded and checked against
    its sha256, as ``revert`` does before it writes)."""
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
    env["findings_fast"](report)
    every = bool(sarif_every) and env["count"] % sarif_every == 0
    if every:
        env["findings"].validate(report)
    for item in report["documents"][0]["findings"]:
        _require(item["text"] == text[item["start"]:item["end"]], f"text differs from original at {item['id']}")
        _require(doc.line_col(item["start"]) == (item["line"], item["column"]), f"line/column wrong at {item['id']}")
    if env["sarif"] is not None and every:
        env["sarif"].validate(json.loads(sarif.render([result])))
    planned = fix_result(result, env["rules"])
    if planned.text == text:
        return "clean" if not result.findings else "scanned"
    again = fix_result(scan_document(Document.from_text(planned.text, doc.path), env["rules"]), env["rules"])
    _require(again.text == planned.text, "fix is not idempotent: a second fix changed the text")
    from repairkit.document import encode_text

    fixed = encode_text(planned.text, doc.encoding)
    env["fixed"] += 1
    if not files_every or env["fixed"] % files_every:
        entry = audit.make_entry("fuzz.txt", "fuzz.txt", data, fixed, doc.encoding, [])
        restored = base64.b64decode(entry["original_base64"], validate=True)
        _require(audit.sha256(restored) == entry["sha256_before"] and entry["sha256_after"] == audit.sha256(fixed),
                 "audit entry does not match the bytes")
        _require(restored == data, "revert is not byte-exact")
        return "fixed"
    target = env["folder"] / "fuzz.txt"
    log = env["folder"] / "fuzz.txt.audit.json"
    log.unlink(missing_ok=True)
    target.write_bytes(data)
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


def run_atheris(runs: int, seconds: float, max_len: int, sarif_every: int, files_every: int = 10,
                corpus: Path | None = None, artifacts: Path | None = None, summary_file: Path | None = None,
                seed: int = 0, until: float | None = None) -> None:
    """One libFuzzer process: coverage-guided fuzzing with atheris; prints its own statistics and exits.

    ``corpus`` (the seeds are put in a new one when it is ``None``) may be shared by parallel
    workers: libFuzzer reloads it, so one worker's new inputs reach the others. The figures
    (executions, outcomes, property failures with examples) are rewritten in ``summary_file``
    every 100 executions and when the time is up (``seconds`` after the start, or the epoch time
    ``until``: workers started together end together)."""
    import atheris

    with atheris.instrument_imports(include=["repairkit"]):
        import repairkit.pipeline  # noqa: F401 - instrumented on import
        import repairkit.fixloop  # noqa: F401
        import repairkit.report.json_report  # noqa: F401
        import repairkit.report.sarif  # noqa: F401
        import repairkit.repair.audit  # noqa: F401
    _setup()
    if corpus is None:
        corpus = seed_corpus(Path(tempfile.mkdtemp(prefix="rk-fuzz-corpus-")))
    artifacts = artifacts or Path(tempfile.mkdtemp(prefix="rk-fuzz-artifacts-"))
    started = time.monotonic()
    deadline = started + seconds if until is None else started + until - time.time()
    failures: dict[str, list[str]] = {}
    outcomes: dict[str, int] = {}
    summary_file = summary_file or Path(os.environ.get("RK_FUZZ_SUMMARY", artifacts / "summary.json"))
    print(f"summary (rewritten every 100 executions): {summary_file}", file=sys.stderr, flush=True)

    def summary() -> None:  # libFuzzer ends the process with exit(): the figures are kept in a file
        usage = os.times()
        tmp = summary_file.with_suffix(".tmp")
        tmp.write_text(json.dumps({
            "engine": "atheris", "executions": _setup()["count"], "seconds": round(time.monotonic() - started, 1),
            "cpu_seconds": round(usage.user + usage.system, 1), "outcomes": outcomes,
            "crashes": 0, "property_failures": {k: len(v) for k, v in failures.items()},
            "examples": {k: v[:3] for k, v in failures.items()}}, indent=1) + "\n")
        os.replace(tmp, summary_file)

    def target(data: bytes) -> None:
        try:
            outcome = check_one(data, sarif_every, files_every)
        except PropertyFailure as exc:  # recorded, fuzzing goes on; any other exception is a crash
            outcome = "failed"
            new = str(exc) not in failures
            failures.setdefault(str(exc), []).append(data.decode("utf-8", "backslashreplace"))
            if new:
                summary()
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if _setup()["count"] % 100 == 0:
            summary()
            if time.monotonic() > deadline:  # libFuzzer's own -max_total_time ends it too
                print(f"#{_setup()['count']} DONE (time is up)", file=sys.stderr, flush=True)
                os._exit(0)

    args = [sys.argv[0], f"-runs={runs}", f"-max_len={max_len}", f"-max_total_time={int(seconds) + 5}",
            "-print_final_stats=1", "-timeout=60", "-rss_limit_mb=4096", f"-artifact_prefix={artifacts}/",
            f"-seed={seed}", "-reload=60", str(corpus)]
    atheris.Setup(args, target)
    summary()
    atheris.Fuzz()


def seed_corpus(folder: Path) -> Path:
    """``folder`` with one file per seed text."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(SEEDS):
        (folder / f"seed{n}").write_bytes(text.encode("utf-8"))
    return folder


def run_parallel(jobs: int, runs: int, seconds: float, max_len: int, sarif_every: int, files_every: int,
                 out: Path | None) -> dict[str, Any]:
    """``jobs`` atheris workers (new processes) over one shared corpus until ``seconds`` are up.

    Each worker is ``python -m benchmarks.fuzz --worker N`` (what libFuzzer's ``-jobs=N
    -workers=N`` does, but with this module's options: libFuzzer's own jobs re-run the program
    with only its flags); a worker that crashes is started again (new seed) while time is left, so
    one crash does not end the run. Returns the figures summed over the workers: executions (the
    workers' own counts, which the counts libFuzzer prints confirm), property
    failures and crashes (libFuzzer's ``crash-*`` / ``timeout-*`` / ``oom-*`` files)."""
    import subprocess

    base = Path(tempfile.mkdtemp(prefix="rk-fuzz-run-"))
    corpus, artifacts = seed_corpus(base / "corpus"), base / "artifacts"
    artifacts.mkdir()
    started = time.monotonic()
    deadline = started + seconds
    until = time.time() + seconds
    print(f"fuzzing with {jobs} workers; corpus {corpus}, artifacts and logs in {artifacts}", file=sys.stderr, flush=True)
    procs: dict[int, tuple[subprocess.Popen[bytes], Path]] = {}
    starts = {}

    def start(worker: int, attempt: int) -> None:
        left = deadline - time.monotonic()
        summary = artifacts / f"summary-{worker}-{attempt}.json"
        log = artifacts / f"worker-{worker}-{attempt}.log"
        cmd = [sys.executable, "-m", "benchmarks.fuzz", "--engine", "atheris", "--worker", str(worker),
               "--corpus", str(corpus), "--artifacts", str(artifacts), "--summary", str(summary),
               "--seconds", str(int(left)), "--until", str(until), "--runs", str(-(-runs // jobs)), "--max-len", str(max_len),
               "--sarif-every", str(sarif_every), "--files-every", str(files_every), "--seed", str(1 + worker + 100 * attempt)]
        with log.open("wb") as fh:
            procs[worker] = (subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, cwd=REPO), log)
        starts[worker] = attempt

    for worker in range(jobs):
        start(worker, 0)
    exits = []
    while procs:
        time.sleep(2)
        for worker, (proc, log) in list(procs.items()):
            if proc.poll() is None:
                continue
            exits.append(proc.returncode)
            del procs[worker]
            if proc.returncode != 0 and deadline - time.monotonic() > 30:
                start(worker, starts[worker] + 1)
    return combine(artifacts, seconds=round(time.monotonic() - started, 1), exits=exits, jobs=jobs, out=out)


def combine(artifacts: Path, seconds: float, exits: list[int], jobs: int, out: Path | None) -> dict[str, Any]:
    """The figures of every worker summary and log in ``artifacts``, summed (``libfuzzer_executions``:
    the last count each worker's libFuzzer printed, a check on the workers' own)."""
    import re

    total: dict[str, Any] = {"engine": "atheris", "jobs": jobs, "workers_started": 0, "executions": 0,
                             "libfuzzer_executions": 0, "seconds": seconds, "cpu_seconds": 0.0, "outcomes": {},
                             "crashes": 0, "crash_files": [], "property_failures": {}, "examples": {},
                             "worker_exits": exits, "tracebacks": 0, "artifacts": str(artifacts)}
    for path in sorted(artifacts.glob("summary-*.json")):
        one = json.loads(path.read_text("utf-8"))
        total["workers_started"] += 1
        total["executions"] += one["executions"]
        total["cpu_seconds"] = round(total["cpu_seconds"] + one["cpu_seconds"], 1)
        for key in ("outcomes", "property_failures"):
            for k, v in one[key].items():
                total[key][k] = total[key].get(k, 0) + v
        for k, v in one["examples"].items():
            total["examples"].setdefault(k, []).extend(v[: 3 - len(total["examples"].get(k, []))])
    for log in sorted(artifacts.glob("worker-*.log")):
        text = log.read_text("utf-8", "replace")
        total["libfuzzer_executions"] += max((int(n) for n in re.findall(r"^#(\d+)\s", text, re.M)), default=0)
        total["tracebacks"] += text.count("Traceback (most recent call last)")
    total["crash_files"] = sorted(p.name for p in artifacts.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-", "leak-")))
    total["crashes"] = len(total["crash_files"])
    total["per_second"] = round(total["executions"] / seconds, 1) if seconds else None
    total["per_cpu_second"] = round(total["executions"] / total["cpu_seconds"], 1) if total["cpu_seconds"] else None
    if out:
        out.write_text(json.dumps(total, indent=1) + "\n", encoding="utf-8")
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=("atheris", "hypothesis"), default="atheris")
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=3600)
    parser.add_argument("--max-len", type=int, default=512)
    parser.add_argument("--sarif-every", type=int, default=50)
    parser.add_argument("--files-every", type=int, default=10,
                        help="the whole file round trip (write, audit log, revert) every N-th fixed input")
    parser.add_argument("--jobs", type=int, default=1, help="parallel atheris workers over one shared corpus")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--artifacts", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--summary", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--until", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.engine == "atheris":
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris is not installed (pip install atheris); using Hypothesis", file=sys.stderr)
            args.engine = "hypothesis"
    if args.engine == "atheris" and args.jobs > 1 and args.worker is None:
        out = os.environ.get("RK_FUZZ_SUMMARY")
        report = run_parallel(args.jobs, args.runs, args.seconds, args.max_len, args.sarif_every, args.files_every,
                              Path(out) if out else None)
        print(json.dumps({k: v for k, v in report.items() if k != "examples"}))
        return 1 if report["crashes"] else 0
    if args.engine == "atheris":
        run_atheris(args.runs, args.seconds, args.max_len, args.sarif_every, args.files_every,
                    args.corpus, args.artifacts, args.summary, args.seed, args.until)
        return 0
    report = run_hypothesis(args.runs, args.seconds, args.max_len, args.sarif_every)
    print(json.dumps(report))
    return 1 if report["crashes"] else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
