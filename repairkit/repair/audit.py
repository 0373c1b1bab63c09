"""Audit logs of applied fixes, and reverting them byte for byte.

A log (``repairkit.audit/1``, JSON) lists one entry per write: the file written, its
sha256 before and after, its encoding, the bytes it had before (base64) and every edit
(span, before, after, rule, confidence, evidence). Writing another fix to the same log
appends entries, numbered by run; :func:`revert` undoes entries newest first (all of them, or
those of the last run), refuses if a file has changed since (its sha256 is not the one the
log recorded), and keeps the log: undone entries move to its ``reverted`` list.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> target, log = folder / "a.txt", folder / "a.txt.repairkit-audit.json"
>>> _ = target.write_bytes(b"Its fine")
>>> entry = make_entry(target, target, b"Its fine", b"It's fine", "utf-8", [])
>>> record(log, [entry]); _ = target.write_bytes(b"It's fine")
>>> revert(log); target.read_bytes()
[PosixPath('.../a.txt')]
b'Its fine'
>>> len(load(log)["entries"]), len(load(log)["reverted"]), revert(log)
(0, 1, [])
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from repairkit import __version__
from repairkit.document import InputError
from repairkit.fileio import atomic_write, directory_lock, read_json, remove_stale_temporaries
from repairkit.jsontext import pretty
from repairkit.repair.apply import Edit

SCHEMA_TAG = "repairkit.audit/1"
SUFFIX = ".repairkit-audit.json"


def default_log_path(target: str | Path) -> Path:
    """The log kept next to a written file: ``<file>.repairkit-audit.json``."""
    return Path(f"{target}{SUFFIX}")


def sha256(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def edit_dict(e: Edit, line: int | None = None, column: int | None = None) -> dict[str, Any]:
    """JSON form of an applied edit (offsets into the text before the fix)."""
    out: dict[str, Any] = {
        "start": e.start, "end": e.end, "before": e.before, "after": e.after, "rule": e.code,
        "confidence": round(e.confidence, 4), "applicability": e.applicability.label, "note": e.note,
        "evidence": [{"source": ev.source, "start": ev.start, "end": ev.end, "quote": ev.quote} for ev in e.evidence],
    }
    if line is not None:
        out["line"], out["column"] = line, column
    return out


def make_entry(source: str | Path, target: str | Path, before: bytes | None, after: bytes, encoding: str,
               edits: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One log entry: ``target`` held ``before`` (``None``: did not exist) and now holds ``after``."""
    return {
        "file": str(target),
        "source": str(source),
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "encoding": encoding,
        "existed": before is not None,
        "sha256_before": sha256(before) if before is not None else None,
        "sha256_after": sha256(after),
        "original_base64": base64.b64encode(before).decode("ascii") if before is not None else None,
        "edits": list(edits),
    }


def load(log: str | Path) -> dict[str, Any]:
    """Read and check a log; :class:`InputError` says what is wrong."""
    data = read_json(log, "audit log")
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_TAG or not isinstance(data.get("entries"), list):
        raise InputError(f"{log}: not a repairkit audit log (expected schema {SCHEMA_TAG!r})")
    for entry in data["entries"]:
        if not _entry_ok(entry):
            raise InputError(f"{log}: malformed audit entry; the log cannot be used to revert")
    return data


def _entry_ok(entry: object) -> bool:
    """True when ``entry`` has the fields (and types) that revert relies on."""
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
        return False
    if not isinstance(entry.get("existed"), bool) or not isinstance(entry.get("sha256_after"), str | None):
        return False
    if entry["existed"]:
        return isinstance(entry.get("original_base64"), str) and isinstance(entry.get("sha256_before"), str)
    return True


def _save(path: Path, data: dict[str, Any]) -> None:
    atomic_write(path, (pretty(data) + "\n").encode("utf-8"))


def record(log: str | Path, entries: Sequence[dict[str, Any]]) -> None:
    """Append ``entries`` to ``log`` (created if absent), atomically."""
    path = Path(log)
    data: dict[str, Any] = load(path) if path.exists() else {
        "schema": SCHEMA_TAG, "tool": {"name": "repairkit", "version": __version__}, "entries": []}
    run = 1 + max((_run_of(e, i) for i, e in enumerate([*data["entries"], *data.get("reverted", [])])),
                  default=0)
    for entry in entries:  # stamped in place, so withdraw() still finds them
        entry["run"] = run
    data["entries"].extend(entries)
    _save(path, data)


def _run_of(entry: dict[str, Any], index: int) -> int:
    """The run an entry was written by (a log from before runs were numbered: one run per entry)."""
    run = entry.get("run")
    return run if isinstance(run, int) else index + 1


def withdraw(log: str | Path, entries: Sequence[dict[str, Any]]) -> None:
    """Take ``entries`` (recorded but not carried out) out of ``log``; remove an emptied log."""
    path = Path(log)
    if not entries or not path.exists():
        return
    data = load(path)
    data["entries"] = [e for e in data["entries"] if e not in entries]
    if data["entries"]:
        _save(path, data)
    else:
        path.unlink()


def _current_sha(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def revert(log: str | Path, last: bool = False) -> list[Path]:
    """Restore the files of ``log`` to their state before the fixes (``last``: before the last
    run only); the undone entries move to the log's ``reverted`` list.

    Everything is checked before anything is written: if any file's sha256 differs from the
    one the log expects, nothing changes and :class:`InputError` names the file. A file that
    still holds the bytes from before its entry was never written (a run stopped between
    recording its log and renaming the file): there is nothing to undo, and it is not listed.
    The files and the log are checked and written under :func:`repairkit.fileio.directory_lock`.
    """
    with directory_lock([Path(log)]):
        files = [Path(e["file"]) for e in load(log)["entries"] if isinstance(e, dict) and isinstance(e.get("file"), str)]
    with directory_lock([Path(log), *files]):
        return _revert_locked(Path(log), last)


def _revert_locked(log: Path, last: bool) -> list[Path]:
    data = load(log)
    runs = [_run_of(e, i) for i, e in enumerate(data["entries"])]
    undo = [i for i, run in enumerate(runs) if not last or run == max(runs)]
    entries = [data["entries"][i] for i in undo]
    expected: dict[Path, str | None] = {}
    plan: list[tuple[Path, bytes | None, str | None]] = []
    for entry in reversed(entries):
        target = Path(entry["file"])
        current = expected[target] if target in expected else _current_sha(target)
        if current != entry["sha256_after"]:
            if current == entry.get("sha256_before"):  # recorded, never written: nothing to undo
                expected[target] = current
                continue
            raise InputError(f"{target}: changed since it was fixed (sha256 differs from the audit log); "
                             "revert refused, nothing was changed")
        if entry["existed"]:
            try:
                restored = base64.b64decode(entry["original_base64"], validate=True)
            except ValueError:  # binascii.Error is a ValueError
                restored = b""
            if sha256(restored) != entry["sha256_before"]:
                raise InputError(f"{log}: original bytes of {target} are damaged in the log; revert refused")
            plan.append((target, restored, current))
            expected[target] = entry["sha256_before"]
        else:
            plan.append((target, None, current))
            expected[target] = None
    for stale in {log, *(Path(e["file"]) for e in entries)}:  # what a killed write left beside them
        remove_stale_temporaries(stale)
    for target, original, current in plan:
        if original is None:
            target.unlink(missing_ok=True)
        else:
            atomic_write(target, original, expected_sha256=current)
    if entries:
        when = datetime.now(UTC).isoformat(timespec="seconds")
        data["reverted"] = [*data.get("reverted", []), *({**e, "reverted_at": when} for e in entries)]
        data["entries"] = [e for i, e in enumerate(data["entries"]) if i not in set(undo)]
        _save(log, data)
    return list(dict.fromkeys(target for target, _, _ in plan))
