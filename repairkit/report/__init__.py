"""Renderers: one module per output format; ``FORMATS`` maps a format name to its renderer.

A renderer takes the list of :class:`~repairkit.pipeline.DocumentResult` and returns text.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence

from repairkit.pipeline import DocumentResult

Renderer = Callable[[Sequence[DocumentResult]], str]

#: The module (under ``repairkit.report``) that renders each format.
MODULES = {"text": "text", "json": "json_report", "markdown": "markdown", "sarif": "sarif", "junit": "junit",
           "github": "github"}


class _Renderers(Mapping[str, Renderer]):
    """Format name -> renderer, each format's module imported when its renderer is first asked for:
    a plain ``scan`` prints text and need not import the SARIF, JUnit and Markdown writers (with
    ``importlib.metadata``, the review model and an XML writer: about a fifth of its start)."""

    def __getitem__(self, name: str) -> Renderer:
        render: Renderer = importlib.import_module(f"repairkit.report.{MODULES[name]}").render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(MODULES)

    def __len__(self) -> int:
        return len(MODULES)


FORMATS: Mapping[str, Renderer] = _Renderers()

#: Formats read by services that cap the number of results (GitHub keeps 25,000 per SARIF run
#: and shows few annotations): their renderers also take ``omitted`` and ``limit`` keywords.
CAPPED_FORMATS = frozenset({"sarif", "github"})
