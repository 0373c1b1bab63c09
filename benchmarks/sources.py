"""The text sets the quality benchmark measures per source (issue 16), and their table.

Three registers: the BBC news corpus and the presidential speeches in ``../shared/corpus/``,
each with its held-out half beside it (the odd half: see :func:`held_out_half`), and generated
product pages and listings (:mod:`benchmarks.products`).

>>> [s.name for s in SOURCES]
['news', 'news-odd', 'speeches', 'speeches-odd', 'products']
>>> held_out_half([{"id": "news-1"}, {"id": "news-2"}], "odd")[0]["id"]
'news-1'
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.damage import DEFAULT_CORPUS, load_corpus
from benchmarks.products import product_corpus

#: The speeches corpus sits beside the news corpus.
SPEECHES_CORPUS = DEFAULT_CORPUS.parent / "speeches.jsonl"


@dataclass(frozen=True)
class Source:
    """A named text set: a corpus file (or the generated products), whole or its odd half."""

    name: str
    label: str
    corpus: str  # "news", "speeches" or "products"
    half: str | None = None


SOURCES: tuple[Source, ...] = (
    Source("news", "news (all)", "news"),
    Source("news-odd", "news held-out", "news", "odd"),
    Source("speeches", "speeches (all)", "speeches"),
    Source("speeches-odd", "speeches held-out", "speeches", "odd"),
    Source("products", "products", "products"),
)
SOURCE_NAMES: tuple[str, ...] = tuple(s.name for s in SOURCES)


def article_number(article: dict[str, str]) -> int:
    """The number that puts an article in a half: its id's trailing ``-NUMBER``, else the CRC-32 of the id.

    Speech ids end in words (``speech-1789-10-03-thanksgiving-proclamation``), so they are split
    by a checksum of the whole id: stable, and independent of the file's order.

    >>> article_number({"id": "bbc-tech-017"}), article_number({"id": "speech-a"}) == zlib.crc32(b"speech-a")
    (17, True)
    """
    tail = article["id"].rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else zlib.crc32(article["id"].encode("utf-8"))


def held_out_half(articles: Sequence[dict[str, str]], half: str) -> list[dict[str, str]]:
    """The articles whose number (:func:`article_number`) is odd, or even: the derived data files read only even ones."""
    return [a for a in articles if article_number(a) % 2 == (half == "odd")]


def load_articles(corpus: str, limit: int | None = None) -> list[dict[str, str]]:
    """The first ``limit`` articles of ``corpus`` ("news" honours ``REPAIRKIT_CORPUS``)."""
    if corpus == "products":
        return product_corpus(limit) if limit is not None else product_corpus()
    if corpus == "speeches":
        return load_corpus(Path(os.environ.get("REPAIRKIT_SPEECHES", SPEECHES_CORPUS)), limit)
    return load_corpus(None, limit)


def _cell(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def format_sources_table(rows: Sequence[tuple[Source, Any, Any]], categories: Sequence[str],
                         targets: dict[str, str]) -> str:
    """The issue 16 table: one column per source, one row per measure, targets on the right.

    ``rows`` holds ``(source, ProfileResult, CleanResult)``; ``categories`` the categories whose
    precision is shown.
    """
    def counts(r: Any, key: str) -> Any:
        return r.evaluation.counts.get(key)

    def recall(r: Any, key: str) -> str:
        c = counts(r, key)
        return _cell(c.recall if c else None)

    measures: list[tuple[str, str, list[str]]] = [
        ("articles / clean words", "", [f"{c.articles:,} / {c.words:,}" for _, _, c in rows]),
        ("false alarms per 1,000 clean words", targets["false_alarms"],
         [_cell(c.per_thousand(c.total)) for _, _, c in rows]),
        ("clean articles a safe fix changes", targets["fix"], [str(c.fix_changed) for _, _, c in rows]),
        ("dropped hyphens found (not a common word)", targets["hyphen"],
         [recall(r, "missing-hyphen/rare") for _, r, _ in rows]),
        ("missing numbers found", targets["number"], [recall(r, "missing-number") for _, r, _ in rows]),
        ("apostrophes found: not common / common word", targets["apostrophe"],
         [f"{recall(r, 'missing-apostrophe/rare')} / {recall(r, 'missing-apostrophe/common')}"
          for _, r, _ in rows]),
    ]
    for category in categories:
        cells = []
        for _, r, _ in rows:
            c = counts(r, category)
            cells.append("-" if c is None or not c.findings else f"{c.precision:.3f} ({c.findings:,})")
        if any(cell != "-" for cell in cells):
            measures.append((f"precision {category} (findings)", targets["precision"], cells))
    for category in categories:
        cells = [recall(r, category) for _, r, _ in rows]
        if any(cell != "-" for cell in cells):
            measures.append((f"recall {category}", "", cells))
    headers = [s.label for s, _, _ in rows]
    width = max(len(m[0]) for m in measures) + 1
    cols = [max(len(h), *(len(m[2][i]) for m in measures)) + 2 for i, h in enumerate(headers)]
    profile = f"profile {rows[0][1].profile}, rate {rows[0][1].rate}" if rows else "no sources"
    lines = [f"== per source: {profile}; false alarms and fixes on the undamaged articles",
             f"{'':<{width}}" + "".join(f"{h:>{w}}" for h, w in zip(headers, cols, strict=True)) + "  target"]
    for name, target, cells in measures:
        lines.append(f"{name:<{width}}" + "".join(f"{c:>{w}}" for c, w in zip(cells, cols, strict=True))
                     + (f"  {target}" if target else ""))
    return "\n".join(lines)
