"""Findings a document or the configuration says to leave alone.

Inline directives, in an HTML comment (Markdown) or as plain text anywhere on a line:

* ``repairkit: ignore [CODES]``: the findings in the paragraph (text between blank lines)
  that holds the directive; a directive alone in its paragraph (a comment line followed by a
  blank line) covers the next paragraph. ``<!-- repairkit: ignore RK101 -->`` before a table
  quiets RK101 in that table.
* ``repairkit: ignore-next-line [CODES]``: the findings on the next line.

``CODES`` are codes, prefixes, names or categories, separated by commas or spaces, as for
``--ignore``; none means every rule. The list ends at the first word that names no rule, so a
reason may follow it. ``per-file-ignores`` in ``[tool.repairkit]`` maps path
globs to codes the same way (``"docs/*.md" = ["RK1"]``).

>>> from repairkit.model import Finding, Severity, Span
>>> text = "<!-- repairkit: ignore RK101 -->\\n\\nthe th summit\\n\\nthe th year"
>>> hit = lambda at: Finding("RK101", "orphan-ordinal", "missing-number", Severity.ERROR, Span(at, at + 2), "m")
>>> [f.span.start for f in inline_suppressed(Document.from_text(text), [hit(38), hit(53)])]
[53]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from repairkit.config import Config
from repairkit.document import Document
from repairkit.model import Finding
from repairkit.registry import select

DIRECTIVE_RE = re.compile(r"repairkit:[ \t]*(ignore-next-line|ignore)\b([^\n]*)")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
_COMMENTS_ONLY_RE = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.DOTALL)


@dataclass(frozen=True)
class Directive:
    """Findings starting in ``[start, end)`` of the codes ``codes`` (empty: all) are suppressed."""

    start: int
    end: int
    codes: frozenset[str]

    def covers(self, f: Finding) -> bool:
        """True when ``f`` starts in the directive's stretch and is one of its rules."""
        return self.start <= f.span.start < self.end and (not self.codes or f.code in self.codes)


def rule_codes(selectors: Sequence[str]) -> frozenset[str]:
    """The codes ``selectors`` (codes, prefixes, names, categories) name; unknown ones name none.

    >>> sorted(rule_codes(["RK10", "orphan-ordinal"]))[:2]
    ['RK101', 'RK102']
    """
    codes: set[str] = set()
    for sel in selectors:
        codes.update(spec.code for spec in select([sel]))
    return frozenset(codes)


def _codes(rest: str) -> frozenset[str]:
    """The codes named right after a directive keyword; reading stops at the first word that
    names no rule, so a reason may follow (``ignore RK104 -- a duration, "146 s"``).

    >>> sorted(_codes(" RK101, RK102 because the table quotes examples"))
    ['RK101', 'RK102']
    >>> _codes(" (the table quotes damaged text) -->")
    frozenset()
    """
    codes: set[str] = set()
    for word in re.split(r"[\s,]+", rest.split("-->")[0]):
        if not word:
            continue
        named = rule_codes([word])
        if not named:
            break
        codes |= named
    return frozenset(codes)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARAGRAPH_BREAK_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def directives(doc: Document) -> list[Directive]:
    """The inline directives of ``doc`` (see the module docstring)."""
    text = doc.text
    paragraphs = _paragraphs(text)
    out: list[Directive] = []
    for m in DIRECTIVE_RE.finditer(text):
        codes = _codes(m.group(2))
        if m.group(1) == "ignore-next-line":
            line_end = text.find("\n", m.end())
            if line_end == -1:
                continue
            next_end = text.find("\n", line_end + 1)
            out.append(Directive(line_end + 1, len(text) if next_end == -1 else next_end + 1, codes))
            continue
        i = next(k for k, (s, e) in enumerate(paragraphs) if s <= m.start() <= e or k == len(paragraphs) - 1)
        start, end = paragraphs[i]
        alone = text[start:end].strip() == m.group().strip() or _COMMENTS_ONLY_RE.fullmatch(text[start:end])
        if alone and i + 1 < len(paragraphs):
            start, end = paragraphs[i + 1]
        out.append(Directive(start, end, codes))
    return out


def inline_suppressed(doc: Document, findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` less those an inline directive of ``doc`` covers."""
    found = directives(doc) if "repairkit:" in doc.text else []
    return [f for f in findings if not any(d.covers(f) for d in found)]


def suppressed(doc: Document, findings: Sequence[Finding], config: Config | None = None) -> list[Finding]:
    """``findings`` less those inline directives and the configuration's ``per-file-ignores`` cover."""
    kept = inline_suppressed(doc, findings)
    if config is not None and config.per_file_ignores:
        off = per_file_codes(doc.path, dict(config.per_file_ignores), config.root)
        kept = [f for f in kept if f.code not in off]
    return kept


def per_file_codes(path: str, table: dict[str, tuple[str, ...]], root: Path) -> frozenset[str]:
    """The codes ``per-file-ignores`` turns off for ``path`` (globs on the path relative to
    ``root``, the configuration's folder, or on the file name).

    >>> sorted(per_file_codes("/p/docs/a.md", {"docs/*.md": ("RK90",)}, Path("/p")))
    ['RK901', 'RK902']
    """
    p = Path(path)
    try:
        rel = p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = p.as_posix()
    selectors = [c for glob, codes in table.items() if fnmatch(rel, glob) or fnmatch(p.name, glob) for c in codes]
    return rule_codes(selectors) if selectors else frozenset()
