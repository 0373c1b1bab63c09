"""Renderers: one module per output format; ``FORMATS`` maps a format name to its renderer.

A renderer takes the list of :class:`~repairkit.pipeline.DocumentResult` and returns text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from repairkit.pipeline import DocumentResult
from repairkit.report import json_report, markdown, text

Renderer = Callable[[Sequence[DocumentResult]], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "markdown": markdown.render,
}
