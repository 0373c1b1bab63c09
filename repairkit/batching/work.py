"""The work of one batch document, the same in every engine: scan, filter, one JSON line.

A :class:`Worker` is built from :class:`BatchSettings` (plain, picklable values: rule selectors,
severity overrides, reference paths) in each process that does work. It holds only what it loads
once and then reads (the selected rules, the reference library); each document is scanned on its
own, so a result depends on nothing but the document and the settings, and the output is the same
for any number of workers, local or on a cluster.

>>> from repairkit.batching.records import Record
>>> worker = Worker(BatchSettings(select=("RK101",)))
>>> out = worker.process(Record(1, "a", "a", text="the th summit"))
>>> out.id, out.error, out.by_category
('a', None, (('missing-number', 1),))
>>> json.loads(out.line)["findings"][0]["code"]
'RK101'
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from repairkit.batching.evidence import with_repeated_lines
from repairkit.batching.records import Record, RecordId
from repairkit.config import Config
from repairkit.document import Document, InputError
from repairkit.filters import filter_findings
from repairkit.model import Severity
from repairkit.pipeline import load_library, scan_document, select_rules
from repairkit.report.json_report import document_dict

#: A short damaged text that makes every family load its tables.
WARM_UP_TEXT = ("In , the th summit was held in the wellknown city. He didnt go; the rate rose  to .bn. "
                "The ‘ ’ quote   spaced.\n\n\nCopyright notice")


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """Everything a worker needs, as plain values (hashable, picklable, sent to cluster workers)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    min_confidence: float = 0.0
    reference_files: tuple[str, ...] = ()
    reference_dirs: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config, reference_files: Sequence[str] = (),
                    reference_dirs: Sequence[str] = ()) -> BatchSettings:
        """Settings of a run with this configuration and these references (paths every worker can read)."""
        return cls(tuple(config.select), tuple(config.ignore),
                   tuple(sorted((code, sev.label) for code, sev in config.severity_overrides.items())),
                   config.min_confidence, tuple(map(str, reference_files)), tuple(map(str, reference_dirs)))

    def config(self) -> Config:
        """The :class:`Config` these settings stand for."""
        return Config(select=self.select, ignore=self.ignore, min_confidence=self.min_confidence,
                      severity_overrides={code: Severity.parse(label) for code, label in self.severity})


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The result of one batch document: its output line (JSON text) and the counts for the summary."""

    id: RecordId | None
    key: str
    line: str
    error: str | None = None
    by_category: tuple[tuple[str, int], ...] = ()
    by_severity: tuple[tuple[str, int], ...] = ()
    size: int = 0

    @property
    def data(self) -> dict[str, Any]:
        """The output line as a dict."""
        value: dict[str, Any] = json.loads(self.line)
        return value


class Worker:
    """Scans documents with the rules and references of its settings."""

    def __init__(self, settings: BatchSettings) -> None:
        self.settings = settings
        self.config = settings.config()
        self.rules = select_rules(self.config)
        self.library = load_library(settings.reference_files, settings.reference_dirs)

    def warm(self) -> None:
        """Load what the rules load on first use (lexicons), e.g. before worker processes are forked."""
        self.process(Record(0, None, "<warm-up>", text=WARM_UP_TEXT))

    def close(self) -> None:
        """Close the reference library (a library file's database connection)."""
        close = getattr(self.library, "close", None)
        if close is not None:
            close()

    def process(self, record: Record) -> BatchResult:
        """The result of one record; a document that cannot be read or scanned becomes an error line."""
        if record.error is not None:
            return _error(record, record.error)
        try:
            return self._scan(record)
        except InputError as exc:
            return _error(record, str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            return _error(record, f"{record.path}: {type(exc).__name__}: {exc}")

    def _scan(self, record: Record) -> BatchResult:
        if record.data is not None:
            doc = Document.from_bytes(record.data, record.path)
        else:
            doc = Document.from_text(record.text or "", record.path)
        references = self._references(record, doc.text)
        result = with_repeated_lines(scan_document(doc, self.rules, self.config, references), record.evidence,
                                     self.rules, self.config)
        findings = filter_findings(result.findings, self.config.min_confidence)
        data = {"id": record.id, **document_dict(replace(result, findings=findings))}
        return BatchResult(record.id, record.key, json.dumps(data, ensure_ascii=False),
                       by_category=tuple(sorted(Counter(f.category for f in findings).items())),
                       by_severity=tuple(sorted(Counter(f.severity.label for f in findings).items())),
                       size=record.size)

    def _references(self, record: Record, text: str) -> list[Any]:
        """The references a record names (``reference_ids``), else the library's relevant few."""
        if self.library is None:
            if record.reference_ids:
                raise InputError(f"{record.path}: reference_ids given but no --reference library")
            return []
        if record.reference_ids is not None:
            return articles_by_id(self.library, record.reference_ids)
        return self.library.references_for(text)


def articles_by_id(library: Any, idents: Sequence[str]) -> list[Any]:
    """Articles of a library by id (a JSONL record's ``id`` or a file's path); unknown ids are an error."""
    by_ids = getattr(library, "by_ids", None)
    if by_ids is not None:  # a library file looks them up in its index
        found: list[Any] = by_ids(idents)
        return found
    paths = library.paths
    out = []
    for ident in idents:
        index = next((i for i, p in enumerate(paths) if p == ident or p.endswith(f"#{ident}")), None)
        if index is None:
            raise InputError(f"reference id {ident!r} is not among the references")
        out.append(library.article(index))
    return out


def _error(record: Record, message: str) -> BatchResult:
    data: dict[str, Any] = {"id": record.id}
    if record.from_line:
        data["line"] = record.number
    data["error"] = message
    return BatchResult(record.id, record.key, json.dumps(data, ensure_ascii=False), error=message, size=record.size)


@functools.lru_cache(maxsize=1)
def worker_for(settings: BatchSettings) -> Worker:
    """The worker of a process for these settings: rules and references are loaded once per process.

    This cache is the only state a process keeps between documents; what it holds is only read.
    Local worker processes are forked from the parent after it has filled this cache, so they
    start with its worker (rules, tables, an in-memory reference index) instead of building one.
    """
    return Worker(settings)


def process_chunk(settings: BatchSettings, records: Sequence[Record]) -> list[BatchResult]:
    """The results of a chunk of records, in order (the task every engine runs)."""
    worker = worker_for(settings)
    return [worker.process(r) for r in records]
