"""Renderers: one module per output format; ``FORMATS`` maps a format name to its renderer.

A renderer takes the list of :class:`~repairkit.pipeline.DocumentResult` and returns text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from repairkit.pipeline import DocumentResult
from repairkit.report import github, json_report, junit, markdown, sarif, text

Renderer = Callable[[Sequence[DocumentResult]], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}

#: Formats read by services that cap the number of results (GitHub keeps 25,000 per SARIF run
#: and shows few annotations): their renderers also take ``omitted`` and ``limit`` keywords.
CAPPED_FORMATS = frozenset({"sarif", "github"})
