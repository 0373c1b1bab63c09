"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub turns these into annotations on the changed files. Values are escaped by its rules:
``%``, ``\\r`` and ``\\n`` everywhere, and also ``:`` and ``,`` inside properties. GitHub shows at
most 10 annotations of each kind per step (50 per job), so the most severe come first.

>>> escape_data("50% done\\nnext")
'50%25 done%0Anext'
>>> escape_property("a,b: c")
'a%2Cb%3A c'
>>> from repairkit.pipeline import DocumentResult
>>> from repairkit.model import Finding, Severity, Span
>>> doc = Document.from_text("the th summit", path="a.txt")
>>> f = Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(4, 6), "lost: number")
>>> print(render([DocumentResult(doc, [f])]), end="")
::error file=a.txt,line=1,col=5,endLine=1,endColumn=7,title=RK101 orphan-ordinal::lost: number
"""

from __future__ import annotations

from collections.abc import Sequence

from repairkit.document import Document
from repairkit.model import Severity
from repairkit.pipeline import DocumentResult
from repairkit.report.locations import relative_path, severity_order

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property value (``file=``, ``title=``...)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(doc: Document, code: str, rule: str, severity: Severity, start: int, end: int, message: str) -> str:
    """One workflow command line."""
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    props = {"file": relative_path(doc.path), "line": str(line), "col": str(col),
             "endLine": str(end_line), "endColumn": str(end_col), "title": f"{code} {rule}"}
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{_COMMANDS[severity]} {joined}::{escape_data(message)}"


def render(results: Sequence[DocumentResult], omitted: int = 0, limit: int | None = None) -> str:
    """Render workflow commands, most severe first; a final ``::notice`` tells of a truncation."""
    rows = sorted(((severity_order(i, f), r.document, f) for i, r in enumerate(results) for f in r.findings),
                  key=lambda row: row[0])
    lines = [command(doc, f.code, f.rule, f.severity, f.span.start, f.span.end, f.message) for _, doc, f in rows]
    if omitted:
        lines.append(f"::notice title=repairkit::{omitted} more findings omitted "
                     f"(--max-results {limit}); use --format json for all of them")
    for r in results:  # notices about whole documents (not English, an unrelated reference)
        path = escape_property(relative_path(r.document.path))
        lines.extend(f"::notice file={path},title=repairkit::{escape_data(n)}" for n in r.notices)
    return "".join(line + "\n" for line in lines)
