"""The Python API: scan a text, a file, or a stream of documents. ``repairkit batch`` calls :func:`batch`.

>>> import repairkit
>>> result = repairkit.scan_text("In , the th summit was held.", select=["RK1"])
>>> [f.code for f in result.findings]
['RK102', 'RK101']
>>> [(r.id, r.data["findings"][0]["code"]) for r in repairkit.batch(["the th summit"], select=["RK101"])]
[(1, 'RK101')]

Each batch result's ``line`` is the JSON text ``repairkit batch`` writes: the document form of the
``repairkit.findings/1`` contract plus the record's ``id`` (or ``error``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from repairkit.batching.engines import run
from repairkit.batching.evidence import REPEATED_LINE_CODE, with_line_evidence
from repairkit.batching.output import skip_completed
from repairkit.batching.records import Record, open_records, records_from
from repairkit.batching.work import BatchResult, BatchSettings, worker_for
from repairkit.config import Config
from repairkit.document import Document
from repairkit.filters import filter_findings
from repairkit.pipeline import DocumentResult, load_library, scan_document, select_rules

if TYPE_CHECKING:
    from repairkit.reference.library import Library
    from repairkit.reference.store import LibraryStore

__all__ = ["BatchResult", "batch", "scan_file", "scan_text"]

PathLike = Union[str, "os.PathLike[str]"]
#: References: a file or directory (.txt/.md/.json/.jsonl, or a ``.db`` library), several, or a loaded library.
References = Union[PathLike, Sequence[PathLike], "Library", "LibraryStore", None]
#: Rule selectors: codes, prefixes, names or categories, as a sequence or comma-separated.
Selectors = Union[str, Sequence[str]]


def _codes(value: Selectors) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else list(value)
    return tuple(c.strip() for v in items for c in v.split(",") if c.strip())


def _config(config: Config | None, select: Selectors, ignore: Selectors) -> Config:
    return (config or Config()).merged(select=_codes(select), ignore=_codes(ignore))


def _reference_paths(references: References) -> tuple[list[str], list[str]]:
    """Files and directories among ``references`` (paths only)."""
    items = [references] if isinstance(references, str | os.PathLike) else list(references or ())
    files, dirs = [], []
    for item in items:
        if not isinstance(item, str | os.PathLike):
            raise TypeError(f"references must be paths here, not {type(item).__name__}")
        (dirs if Path(item).is_dir() else files).append(os.fspath(item))
    return files, dirs


def _library(references: References) -> Any:
    """A library object for ``references``: the one given, or one loaded from paths (``None`` for none)."""
    if references is None or hasattr(references, "references_for"):
        return references
    files, dirs = _reference_paths(references)
    return load_library(files, dirs)


def scan_text(text: str, *, references: References = None, select: Selectors = (), ignore: Selectors = (),
              config: Config | None = None, path: str = "<text>") -> DocumentResult:
    """Scan ``text``: findings with suggestions, compared with the references relevant to it.

    ``select``/``ignore`` and ``config`` work as on the command line (``config`` is not read from
    a ``pyproject.toml`` here: pass :func:`repairkit.config.load_config` for that). Unknown rule
    selectors raise ``ValueError``; unreadable references raise
    :class:`repairkit.document.InputError`.
    """
    return _scan(Document.from_text(text, path), references, _config(config, select, ignore))


def scan_file(path: PathLike, *, references: References = None, select: Selectors = (), ignore: Selectors = (),
              config: Config | None = None) -> DocumentResult:
    """Scan a file as ``repairkit scan FILE`` does (UTF-8, or UTF-16 with BOM; offsets into the decoded text)."""
    return _scan(Document.read(path), references, _config(config, select, ignore))


def _scan(doc: Document, references: References, config: Config) -> DocumentResult:
    rules = select_rules(config)
    library = _library(references)
    refs = library.references_for(doc.text) if library is not None else []
    result = scan_document(doc, rules, config, refs)
    return replace(result, findings=filter_findings(result.findings, config.min_confidence))


def batch(source: PathLike | Iterable[Mapping[str, Any] | str], *, references: References = None,
          select: Selectors = (), ignore: Selectors = (), config: Config | None = None, workers: int = 1,
          engine: str = "local", scheduler: str | None = None,
          skip: Mapping[str, int] | None = None) -> Iterator[BatchResult]:
    """Scan many documents; yields one :class:`BatchResult` per document, in input order, as they finish.

    ``source`` is a JSONL file (``{"id", "text", "reference_ids"?}`` per line), ``"-"`` for standard
    input, a directory of ``*.txt``/``*.md`` files, or an iterable of such mappings or of bare
    texts. A record that cannot be used, or whose document fails, gives a result with ``error``;
    the batch goes on. ``references`` are paths here (every worker opens them; a ``.db`` library is
    opened, not loaded). ``workers`` processes on this machine (``engine="local"``), or a Dask
    cluster (``engine="dask"``, at ``scheduler`` or a new ``LocalCluster``); the results are the same
    for any engine and number of workers. ``skip`` maps result keys to how many records with that
    key to leave out (what ``--resume`` found in the output).

    With the repeated-line rule (RK950) selected, the input is read twice: first to count the
    lines its documents share (:mod:`repairkit.batching.evidence`, in fixed memory), then to scan;
    standard input and iterators are kept in a temporary file for the second read, so the first
    result comes once they end. ``ignore="RK950"`` scans in one pass, as the input arrives.

    Rule selectors and references are checked before anything runs (``ValueError``,
    :class:`repairkit.document.InputError`); an input that is missing is an ``InputError``.
    """
    files, dirs = _reference_paths(references)
    settings = BatchSettings.from_config(_config(config, select, ignore), files, dirs)
    # Checks the selectors and the references here, before any work starts; forked workers inherit it.
    worker = worker_for(settings)
    records = _records(source)
    if any(rule.code == REPEATED_LINE_CODE for rule in worker.rules):  # counted over the whole input
        records = with_line_evidence(records, _reopener(source))
    if skip:
        records = skip_completed(records, Counter(skip))
    if workers <= 1 and engine == "local":
        return run(settings, records, workers, engine, scheduler, worker)
    worker.warm()  # forked workers start with the tables loaded
    worker.close()  # a library file's connection is not carried across a fork; each process opens its own
    return run(settings, records, workers, engine, scheduler)


def _records(source: PathLike | Iterable[Mapping[str, Any] | str]) -> Iterable[Record]:
    if isinstance(source, str | os.PathLike):
        return open_records(source)
    return records_from(source)


def _reopener(source: PathLike | Iterable[Mapping[str, Any] | str]) -> Callable[[], Iterable[Record]] | None:
    """How to read ``source`` a second time, or ``None`` when it can be read only once (stdin, an iterator)."""
    if isinstance(source, str | os.PathLike):
        return None if str(source) == "-" else lambda: open_records(source)
    if isinstance(source, Sequence):
        return lambda: records_from(source)
    return None
