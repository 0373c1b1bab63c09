"""The reference article model: blocks, facts and terms with offsets into the article text.

Every ``start``/``end`` is a code-point offset into ``Article.text``, the decoded original.

>>> text = "A title\\n\\nBody text."
>>> art = Article(path="a.txt", text=text, sha256="0" * 64, title="A title", date=None,
...               blocks=[Block("title", 0, 7, "A title"), Block("paragraph", 9, 19, "Body text.")],
...               facts=[], terms={})
>>> [b.kind for b in art.content_blocks()]
['title', 'paragraph']
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

#: Block kinds; the last two are not content and are skipped by users of an article.
BLOCK_KINDS: tuple[str, ...] = (
    "title", "byline", "date", "heading", "paragraph", "attribution", "boilerplate", "template",
)
NON_CONTENT_KINDS = frozenset({"boilerplate", "template"})

#: Fact kinds.
FACT_KINDS: tuple[str, ...] = ("cardinal", "ordinal", "decimal", "percent", "money", "year", "date", "count")


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of a reference; ``text == Article.text[start:end]``."""

    kind: str
    start: int
    end: int
    text: str
    #: Number of the numbered item/story it belongs to ("1The Special ..." -> 1).
    item: int | None = None


@dataclass(frozen=True)
class Fact:
    """A number in a reference, as written and normalised, with its context."""

    kind: str
    text: str
    value: str
    start: int
    end: int
    unit: str | None
    currency: str | None
    before: str
    after: str
    block: int


@dataclass(frozen=True)
class Term:
    """A spelling the reference uses for a name or compound, with a damage-tolerant key."""

    form: str
    key: str
    occurrences: tuple[tuple[int, int], ...]


@dataclass
class Article:
    """A parsed reference article."""

    path: str
    text: str
    sha256: str
    title: str | None
    date: datetime.date | None
    blocks: list[Block]
    facts: list[Fact] = field(default_factory=list)
    terms: dict[str, list[Term]] = field(default_factory=dict)

    def content_blocks(self) -> list[Block]:
        """Blocks that are not boilerplate or template leaks."""
        return [b for b in self.blocks if b.kind not in NON_CONTENT_KINDS]
