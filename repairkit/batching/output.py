"""Batch output: what an earlier run already wrote (``--resume``), and the closing summary.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
>>> _ = out.write_text('{"id": "a", "path": "a"}\\n{"id": null, "line": 2, "error": "x"}\\n{"id": "c", "pa')
>>> sorted(completed_keys(out))
['"a"', 'line 2']
>>> out.read_text().endswith("\\n")  # the line cut short by a kill is gone
True
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from repairkit.batching.records import Record, result_key
from repairkit.batching.work import BatchResult
from repairkit.document import InputError

_PREFIX = b'{"id": '
_LINE = ', "line": '
_DECODER = json.JSONDecoder()


def _key_of(raw: bytes, path: Path, number: int) -> str:
    """The resume key of one output line, read from its start (lines can be long)."""
    if raw.startswith(_PREFIX):
        head = raw[:4096].decode("utf-8", errors="replace")
        try:
            ident, end = _DECODER.raw_decode(head, len(_PREFIX))
            line = None
            if ident is None and head.startswith(_LINE, end):
                line, _ = _DECODER.raw_decode(head, end + len(_LINE))
            return result_key(ident, line)
        except json.JSONDecodeError:
            pass
    raise InputError(f"{path}:{number}: not a line of `repairkit batch` output; --resume continues such a file")


def completed_keys(path: Path) -> Counter[str]:
    """Keys of the complete lines of an earlier run's output (several for a repeated id).

    A last line without its newline (a run killed while writing it) is cut off the file, so the
    resumed run writes it again, whole.
    """
    keys: Counter[str] = Counter()
    try:
        fh = path.open("rb+")
    except FileNotFoundError:
        return keys
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        good = 0
        for number, raw in enumerate(fh, 1):
            if not raw.endswith(b"\n"):
                fh.truncate(good)
                break
            keys[_key_of(raw, path, number)] += 1
            good += len(raw)
    return keys


def skip_completed(records: Iterable[Record], done: Counter[str]) -> Iterator[Record]:
    """Records not yet in the output: each key in ``done`` skips as many records as it counts."""
    for record in records:
        if done[record.key] > 0:
            done[record.key] -= 1
            continue
        yield record


@dataclass
class Summary:
    """Counts of a run, for the last lines on stderr."""

    skipped: int = 0
    documents: int = 0
    errors: int = 0
    size: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: BatchResult) -> None:
        """Count one outcome."""
        self.documents += 1
        self.size += outcome.size
        self.errors += outcome.error is not None
        self.by_category.update(dict(outcome.by_category))
        self.by_severity.update(dict(outcome.by_severity))

    @property
    def findings(self) -> int:
        """Findings in all documents."""
        return sum(self.by_severity.values())

    def render(self) -> str:
        """The summary lines, e.g. ``batch: 3 documents (1 error), 5 findings in 0.2 s (15.0 documents/s, ...)``."""
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        errors = f" ({self.errors} error{'s' * (self.errors != 1)})" if self.errors else ""
        skipped = f"; {self.skipped} already in the output, skipped" if self.skipped else ""
        lines = [f"batch: {self.documents} documents{errors}, {self.findings} findings in {elapsed:.1f} s "
                 f"({self.documents / elapsed:.1f} documents/s, {self.size / elapsed / 1e6:.2f} MB/s){skipped}"]
        if self.by_severity:
            lines.append("  by severity: " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_severity.items())))
            lines.append("  by category: " + ", ".join(f"{k} {v}" for k, v in sorted(self.by_category.items())))
        return "\n".join(lines) + "\n"
