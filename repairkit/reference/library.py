"""A reference library: many articles indexed once, the few relevant to a document retrieved.

Sources: reference files (.txt, .md, .json from ``repairkit parse``), directories of them, and
JSONL files with one ``{"id", "title", "text"}`` article per line. Articles are indexed by
damage-tolerant word keys (letters only, lower case: "Euro-Asian", "EuroAsian" and
"euro-asian's" share a key) with TF-IDF weights; a query scores only the articles that share
its rarer keys (an inverted index), so thousands of articles cost little more than one. An
article is parsed (blocks, facts, terms) only when it is retrieved.

>>> lib = Library.from_texts({"a": "Rates\\n\\nThe central bank raised interest rates again.",
...                           "b": "Football\\n\\nThe striker scored twice in the derby."})
>>> [(round(score, 2) > 0.3, art.path) for score, art in lib.retrieve("the strikers scored twice", 1)]
[(True, 'b')]
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from repairkit.document import InputError, decode_bytes, read_input
from repairkit.reference.model import Article
from repairkit.reference.parse import check_reference_size, parse_markdown, parse_text, read_article

REFERENCE_SUFFIXES = (".txt", ".md", ".json", ".jsonl")
#: How many references a document is compared with, at most.
DEFAULT_TOP_K = 3
#: An article is taken as a reference when its cosine similarity with the document reaches
#: MIN_SIMILARITY or when it covers MIN_COVERAGE of the document's weighted keys (short excerpts
#: have low cosine but high coverage). Chosen with benchmarks/retrieval.py; see its output.
MIN_SIMILARITY = 0.35
MIN_COVERAGE = 0.75
#: Further references must score at least this share of the best one.
MIN_SHARE_OF_BEST = 0.6
#: Keys found in more than this share of articles carry almost no information and are not scored.
MAX_DOC_SHARE = 0.5
_NOT_LETTERS = re.compile(r"[\W\d_]+")
#: Warnings about references (a bad line of a JSONL library); without logging set up, Python
#: prints each message alone on stderr.
log = logging.getLogger("repairkit.reference")


def key_sequence(text: str) -> list[str]:
    """A text's damage-tolerant word keys in reading order: each word's letters, lower-cased.

    >>> key_sequence("Euro-Asian trade rose 5% in 2021; EuroAsian")
    ['euroasian', 'trade', 'rose', 'in', 'euroasian']
    """
    keys = (_NOT_LETTERS.sub("", word) for word in text.casefold().split())
    return [key for key in keys if len(key) > 1]


def index_keys(text: str) -> Counter[str]:
    """Damage-tolerant word keys and their counts (:func:`key_sequence`, counted).

    >>> sorted(index_keys("Euro-Asian trade rose 5% in 2021; EuroAsian"))
    ['euroasian', 'in', 'rose', 'trade']
    """
    return Counter(key_sequence(text))


def idf_weights(articles: int, df: Mapping[str, int]) -> dict[str, float]:
    """Smoothed inverse document frequencies of keys held by ``df[key]`` of ``articles`` articles.

    Keys in more than :data:`MAX_DOC_SHARE` of a library of more than 4 articles are left out.

    >>> sorted(idf_weights(10, {"rare": 1, "common": 9}))
    ['rare']
    """
    limit = max(1, int(articles * MAX_DOC_SHARE)) if articles > 4 else articles
    return {k: math.log((1 + articles) / (1 + c)) + 1.0 for k, c in df.items() if c <= limit}


def spread_keys(sequence: Sequence[str], df: Mapping[str, int], count: int) -> list[str]:
    """The rarest key of each of ``count`` equal stretches of a text's keys: a full-text query.

    Only keys in ``df`` (key -> document frequency) are used, each once. Taking the text's
    rarest keys overall would often take them all from one paragraph, and find the many articles
    that share that paragraph as well as the source; one key from each stretch of the text finds
    the article that holds all of it (benchmarks/library_scale.py). Ties go to the first key in
    alphabetical order, so a query does not depend on hashing.

    >>> spread_keys("the bank raised rates the striker scored twice".split(),
    ...             {"the": 9, "bank": 3, "raised": 5, "rates": 4, "striker": 2, "scored": 4, "twice": 6}, 2)
    ['bank', 'striker']
    """
    usable = [k for k in sequence if k in df]
    stretches = min(count, len(usable))
    chosen: dict[str, None] = {}
    for i in range(stretches):
        stretch = [k for k in usable[i * len(usable) // stretches:(i + 1) * len(usable) // stretches]
                   if k not in chosen]
        if stretch:
            chosen[min(stretch, key=lambda k: (df[k], k))] = None
    return list(chosen)


def run_share(query: Sequence[str], article: Sequence[str]) -> float:
    """The share of the query's keys that the article holds as one run, in the query's order.

    The longest block the two key sequences have in common (``difflib``), over the query's
    length: an exact, order-aware signal for articles that hold every key of a text. The source
    of an excerpt holds its paragraphs one after the other (1.0); another article that holds the
    same paragraphs elsewhere, or in another order, holds only the longest of them as one run.

    >>> run_share("one two three four".split(), "three four zero one two".split())
    0.5
    >>> run_share("one two three four".split(), "zero one two three four".split())
    1.0
    """
    if not query:
        return 0.0
    block = SequenceMatcher(None, query, article, autojunk=False).find_longest_match(0, len(query), 0, len(article))
    return block.size / len(query)


def tf_idf(freq: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    """TF-IDF weights with sublinear term frequency (keys without an idf are dropped).

    >>> tf_idf({"rate": 1, "the": 3}, {"rate": 2.0})
    {'rate': 2.0}
    """
    return {k: (1 + math.log(c)) * idf[k] for k, c in freq.items() if k in idf}


def vector_norm(weights: Mapping[str, float]) -> float:
    """Euclidean length of a weight vector (1.0 for an empty one, so dividing by it is safe)."""
    return math.sqrt(sum(w * w for w in weights.values())) or 1.0


@dataclass(frozen=True, slots=True)
class Query:
    """A text's TF-IDF vector as a library query: its weights, their sum and length.

    >>> q = Query.of({"rate": 1, "bank": 1}, {"rate": 1.0, "bank": 1.0})
    >>> m = q.match({"rate": 2}, {"rate": 1.0, "bank": 1.0}, vector_norm(tf_idf({"rate": 2}, {"rate": 1.0})), 7)
    >>> round(m.similarity, 3), m.coverage, m.index
    (0.707, 0.5, 7)
    """

    weights: dict[str, float]
    total: float
    norm: float

    @classmethod
    def of(cls, freq: Mapping[str, int], idf: Mapping[str, float]) -> Query:
        """The query of a text's key counts under a library's idf."""
        weights = tf_idf(freq, idf)
        return cls(weights, sum(weights.values()) or 1.0, vector_norm(weights))

    def unit(self, key: str) -> float:
        """The key's weight in the unit-length query vector (0 when the query lacks it)."""
        return self.weights.get(key, 0.0) / self.norm

    def share(self, key: str) -> float:
        """The key's share of the query's total weight: what an article holding it covers."""
        return self.weights.get(key, 0.0) / self.total

    def match(self, counts: Mapping[str, int], idf: Mapping[str, float], norm: float, index: int) -> Match:
        """The cosine and coverage of an article with key ``counts`` and TF-IDF length ``norm``.

        The same sums as :meth:`Library.matches` accumulates over its postings.
        """
        shared = [k for k in self.weights if k in counts]
        cosine = sum(self.unit(k) * (1 + math.log(counts[k])) * idf[k] for k in shared) / norm
        return Match(cosine, sum(self.share(k) for k in shared), index)


@dataclass(frozen=True, slots=True)
class Match:
    """How well a library article matches a text.

    ``similarity`` is the TF-IDF cosine (used for ranking); ``coverage`` is the share of the
    text's TF-IDF weight whose keys occur in the article (1.0 when the text is an excerpt of it).
    """

    similarity: float
    coverage: float
    index: int

    @property
    def relevant(self) -> bool:
        """Similar enough, or covering enough of the text, to be taken as a reference."""
        return self.similarity >= MIN_SIMILARITY or self.coverage >= MIN_COVERAGE


@dataclass
class _Entry:
    """One library article before parsing: where it comes from and how to parse it."""

    path: str
    sha256: str
    text: str
    markdown: bool = False
    parsed: Article | None = None

    def article(self) -> Article:
        if self.parsed is None:
            parse = parse_markdown if self.markdown else parse_text
            self.parsed = parse(self.text, self.path, self.sha256)
        return self.parsed


def jsonl_entry(path: Path, number: int, line: str) -> tuple[str, _Entry]:
    """``(id, entry)`` of line ``number`` of a JSONL library (``{"id", "title"?, "text"}``).

    >>> ident, entry = jsonl_entry(Path("refs.jsonl"), 3, '{"id": "a1", "title": "T", "text": "Body."}')
    >>> ident, entry.path, entry.text.split()
    ('a1', 'refs.jsonl#a1', ['T', 'Body.'])
    """
    try:
        record = json.loads(line)
        body = record["text"]
        title = record.get("title") or ""
        ident = str(record.get("id") or number)
        if not isinstance(body, str) or not isinstance(title, str):
            raise TypeError("title and text must be strings")
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{path}:{number}: not a reference record ({exc.__class__.__name__}: {exc}); "
                         'each line must be {"id": ..., "title": ..., "text": ...}') from None
    text = f"{title}\n\n{body}" if title else body
    check_reference_size(f"{path}:{number}", len(line))
    return ident, _Entry(f"{path}#{ident}", hashlib.sha256(line.encode("utf-8")).hexdigest(), text)


class Library:
    """Reference articles with a TF-IDF index over damage-tolerant keys."""

    def __init__(self, entries: Sequence[_Entry]) -> None:
        self._entries = list(entries)
        frequencies = [index_keys(e.text) for e in self._entries]
        df: Counter[str] = Counter(k for f in frequencies for k in f)
        self._idf = idf_weights(len(self._entries), df)
        #: key -> (article index, the key's weight in the article's unit-length TF-IDF vector)
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, freq in enumerate(frequencies):
            weights = tf_idf(freq, self._idf)
            norm = vector_norm(weights)
            for key, w in weights.items():
                self._postings[key].append((i, w / norm))

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def paths(self) -> list[str]:
        """The path (or ``file#id``) of every article, in load order."""
        return [e.path for e in self._entries]

    def articles(self) -> list[Article]:
        """Every article, parsed."""
        return [e.article() for e in self._entries]

    def article(self, index: int) -> Article:
        """The article at ``index`` (in :attr:`paths` order), parsed."""
        return self._entries[index].article()

    def matches(self, text: str) -> list[Match]:
        """Every article that shares a key with ``text``, most similar (cosine) first."""
        query = Query.of(index_keys(text), self._idf)
        cosine: dict[int, float] = defaultdict(float)
        coverage: dict[int, float] = defaultdict(float)
        for key in query.weights:
            unit, share = query.unit(key), query.share(key)
            for i, w in self._postings.get(key, ()):
                cosine[i] += unit * w
                coverage[i] += share
        found = (Match(cosine[i], coverage[i], i) for i in cosine)
        return sorted(found, key=lambda m: (-m.similarity, m.index))

    def scores(self, text: str) -> list[tuple[float, int]]:
        """``(cosine similarity, article index)`` for every article that shares a key, best first."""
        return [(m.similarity, m.index) for m in self.matches(text)]

    def retrieve(self, text: str, k: int = DEFAULT_TOP_K) -> list[tuple[float, Article]]:
        """The ``k`` most similar articles that pass :meth:`Match.relevant`, parsed, with their similarity.

        Further ones must also reach :data:`MIN_SHARE_OF_BEST` of the best similarity.
        """
        ranked = [m for m in self.matches(text)[:k] if m.relevant]
        floor = ranked[0].similarity * MIN_SHARE_OF_BEST if ranked else 0.0
        return [(m.similarity, self._entries[m.index].article()) for m in ranked if m.similarity >= floor]

    def references_for(self, text: str, k: int = DEFAULT_TOP_K) -> list[Article]:
        """References to compare a document with: all of a small library, else the relevant few."""
        if len(self._entries) <= k:
            return self.articles()
        return [art for _, art in self.retrieve(text, k)]

    @classmethod
    def from_texts(cls, texts: Mapping[str, str]) -> Library:
        """A library from ``{path: text}`` (tests, programs)."""
        return cls([_Entry(p, hashlib.sha256(t.encode("utf-8")).hexdigest(), t) for p, t in texts.items()])

    @classmethod
    def load(cls, files: Iterable[str | os.PathLike[str]] = (), dirs: Iterable[str | os.PathLike[str]] = ()
             ) -> Library:
        """Load reference files (.txt/.md/.json/.jsonl) and directories of them; :class:`InputError` on bad input."""
        entries: list[_Entry] = []
        for f in files:
            entries.extend(_load_file(Path(f)))
        for d in dirs:
            entries.extend(e for f in _directory_files(Path(d)) for e in _load_file(f))
        return cls(entries)


def _directory_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError(f"{folder}: not a directory (--reference-dir takes a directory of *.txt/*.md/*.json/*.jsonl)")
    found = sorted(f for f in folder.rglob("*") if f.suffix.lower() in REFERENCE_SUFFIXES and f.is_file()
                   and not any(part.startswith(".") for part in f.relative_to(folder).parts))
    if not found:
        raise InputError(f"{folder}: no *.txt, *.md, *.json or *.jsonl reference files in this directory")
    return found


def _load_file(path: Path) -> list[_Entry]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _load_jsonl(path)
    if suffix == ".json":
        art = read_article(path)
        return [_Entry(art.path, art.sha256, art.text, parsed=art)]
    data = read_input(path, "use --reference-dir for a directory of references", "reference file")
    check_reference_size(path, len(data))
    text = decode_bytes(data, str(path)).text
    return [_Entry(str(path), hashlib.sha256(data).hexdigest(), text, markdown=suffix in (".md", ".markdown"))]


def _load_jsonl(path: Path) -> list[_Entry]:
    """One article per line: ``{"id", "title", "text"}``; the article text is title, blank line, body.

    A bad line is reported (one warning naming the file and line) and left out, the others are
    used; a library whose every line is bad is an :class:`InputError` naming the first.

    >>> import tempfile
    >>> lib = Path(tempfile.mkdtemp()) / "refs.jsonl"
    >>> _ = lib.write_text('{"id": "a", "text": "Body."}\\n{"id": "b", "text": \\n')
    >>> [e.path.endswith("refs.jsonl#a") for e in _load_jsonl(lib)]
    [True]
    >>> _ = lib.write_text('[1, 2]\\n')
    >>> _load_jsonl(lib)
    Traceback (most recent call last):
    ...
    repairkit.document.InputError: .../refs.jsonl:1: not a reference record (TypeError: ...); each line must be {"id": ..., "title": ..., "text": ...}
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read reference library ({exc.strerror})") from None
    entries: list[_Entry] = []
    bad: list[InputError] = []
    for number, line in enumerate(decode_bytes(data, str(path)).text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append(jsonl_entry(path, number, line)[1])
        except InputError as exc:
            bad.append(exc)
    if bad and not entries:
        raise bad[0]
    for exc in bad:
        log.warning("%s; line skipped, the other lines are used", exc)
    if not entries:
        raise InputError(f"{path}: reference library is empty")
    return entries
