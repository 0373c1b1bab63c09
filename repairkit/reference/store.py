"""A persistent reference library: articles and a full-text index in one SQLite file.

``repairkit library build REFS.jsonl -o refs.db`` indexes a library once; ``--reference refs.db``
then opens it read-only in every command and every batch worker, without re-indexing. The index
is SQLite's FTS5 (in Python's standard library) over the same damage-tolerant word keys as the
in-memory :class:`~repairkit.reference.library.Library` (letters only, lower case, so
"Euro-Asian" and "EuroAsian" meet). A retrieval asks it for the articles holding the most of a
few keys spread over the text, scores those candidates as the in-memory library scores them
(TF-IDF cosine and coverage, with document frequencies and article key counts kept in the file),
takes them as references by the same thresholds, and orders them by coverage first (see
:meth:`LibraryStore.matches`). A retrieval reads a few hundred index rows and a few dozen
articles however large the library is.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "refs.jsonl").write_text(
...     '{"id": "bank", "title": "Rates", "text": "The central bank raised interest rates again."}\\n'
...     '{"id": "derby", "title": "Football", "text": "The striker scored twice in the derby."}\\n')
>>> build_library(folder / "refs.db", [folder / "refs.jsonl"]).added
2
>>> lib = LibraryStore.open(folder / "refs.db")
>>> [art.path.rsplit("#", 1)[1] for _, art in lib.retrieve("the strikers scored twice", 1)]
['derby']
>>> [art.title for art in lib.by_ids(["bank"])]
['Rates']
"""

from __future__ import annotations

import datetime
import json
import os
import sqlite3
import threading
import zlib
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from repairkit.document import InputError
from repairkit.fileio import atomic_output_path
from repairkit.reference.library import (
    DEFAULT_TOP_K, MIN_SHARE_OF_BEST, Match, Query, _directory_files, _Entry, _load_file, idf_weights,
    jsonl_entry, key_sequence, run_share, spread_keys, tf_idf, vector_norm,
)
from repairkit.reference.model import Article
from repairkit.reference.serialize import article_from_json, article_to_dict

#: The ``format`` row of a library file; opening checks it.
FORMAT_TAG = "repairkit.library/2"
LIBRARY_SUFFIX = ".db"
#: How many keys of a text (one from each of as many stretches of it) go into the full-text query,
#: and how many candidates are scored exactly. Chosen on the even half (benchmarks/library_scale.py
#: --half even, 200 queries): the cheapest setting that put the source among the candidates of
#: every query both at 100,000 articles and at 10,000 with --pool-share 0.1 (16 keys and 12
#: candidates missed one there; 24 and 32 keys cost 2-3x the time at 100,000 for nothing more).
QUERY_KEYS = 16
CANDIDATES = 24
#: Parsed articles kept per open library (retrieval parses an article only when it is taken).
PARSED_CACHE = 64
_FLUSH_EVERY = 2000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    ident TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'json')),
    text TEXT NOT NULL,
    parsed BLOB NOT NULL,
    key_counts TEXT NOT NULL,
    norm REAL NOT NULL DEFAULT 1.0
);
CREATE TABLE key_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE article_keys USING fts5(keys, content='', tokenize='unicode61 remove_diacritics 0');
"""


@dataclass(frozen=True, slots=True)
class AddResult:
    """What a build or an add did: articles added, and those already there with the same content."""

    added: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class LibraryStats:
    """Figures about a library file (``repairkit library stats``)."""

    path: str
    articles: int
    keys: int
    characters: int
    bytes_on_disk: int
    created: str
    updated: str

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {"format": FORMAT_TAG, **{name: getattr(self, name) for name in self.__slots__}}


def is_library_file(path: str | os.PathLike[str]) -> bool:
    """True for a path that names a library file (by its ``.db`` suffix).

    >>> is_library_file("refs.db"), is_library_file("refs.jsonl")
    (True, False)
    """
    return Path(path).suffix.lower() == LIBRARY_SUFFIX


def build_library(target: str | os.PathLike[str], files: Iterable[str | os.PathLike[str]] = (),
                  dirs: Iterable[str | os.PathLike[str]] = ()) -> AddResult:
    """Index reference files and directories into a new library file at ``target``, atomically.

    A file that exists is replaced only once the new one is complete.
    """
    entries = _source_entries(files, dirs)
    with atomic_output_path(Path(target)) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(_SCHEMA)
            now = _now()
            conn.executemany("INSERT INTO meta VALUES (?, ?)",
                             [("format", FORMAT_TAG), ("created", now), ("updated", now)])
            result = _add_entries(conn, entries, str(target))
            if not result.added and not result.unchanged:
                raise InputError(f"{target}: no reference articles to index")
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
    return result


def add_to_library(target: str | os.PathLike[str], files: Iterable[str | os.PathLike[str]] = (),
                   dirs: Iterable[str | os.PathLike[str]] = ()) -> AddResult:
    """Add reference files and directories to an existing library, in one transaction."""
    store = LibraryStore.open(target, writable=True)
    try:
        with store._lock:
            conn = store._conn
            try:
                result = _add_entries(conn, _source_entries(files, dirs), str(target))
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('updated', ?)", (_now(),))
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
    finally:
        store.close()
    return result


class LibraryStore:
    """An open library file: the interface of the in-memory ``Library``, read from SQLite."""

    def __init__(self, path: Path, conn: sqlite3.Connection, writable: bool = False) -> None:
        self.path = path
        self._writable = writable
        self._connection: sqlite3.Connection | None = conn
        self._pid = os.getpid()
        # A batch engine may call one worker from several threads (dask worker threads).
        self._lock = threading.RLock()
        self._parsed: OrderedDict[int, Article] = OrderedDict()
        self._count = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    @property
    def _conn(self) -> sqlite3.Connection:
        """The connection of this process: opened again after :meth:`close`, and in a forked child.

        SQLite's connections must not cross a ``fork``; a batch worker process forked from the
        parent that opened the library opens its own on first use (and leaves the parent's alone).
        """
        if self._connection is None or self._pid != os.getpid():
            if self._pid != os.getpid():
                self._lock = threading.RLock()  # a lock held by a parent thread stays held in the child
            self._connection = _connect(self.path, self._writable)
            self._pid = os.getpid()
        return self._connection

    @classmethod
    def open(cls, path: str | os.PathLike[str], writable: bool = False) -> LibraryStore:
        """Open a library file (read-only unless ``writable``); :class:`InputError` if it is not one."""
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{p}: no such library file (build one with `repairkit library build REFS -o {p.name}`)")
        try:
            conn = _connect(p, writable)
            row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.DatabaseError:
            raise InputError(f"{p}: not a repairkit library (build one with `repairkit library build`)") from None
        if row is None or row[0] != FORMAT_TAG:
            conn.close()
            raise InputError(f"{p}: library format {row[0] if row else 'unknown'!r}, expected {FORMAT_TAG!r}; "
                             "rebuild it with `repairkit library build`")
        return cls(p, conn, writable)

    def close(self) -> None:
        """Close this process's database connection (the next query opens it again)."""
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None

    def __len__(self) -> int:
        return self._count

    @property
    def paths(self) -> list[str]:
        """The path (or ``file#id``) of every article, in the order they were added."""
        with self._lock:
            return [row[0] for row in self._conn.execute("SELECT path FROM articles ORDER BY rowid")]

    def articles(self) -> list[Article]:
        """Every article, parsed (for small libraries)."""
        with self._lock:
            rowids = [row[0] for row in self._conn.execute("SELECT rowid FROM articles ORDER BY rowid")]
        return [self._article(r) for r in rowids]

    def rowid(self, ident: str) -> int | None:
        """The row id of the article with this id (``Match.index`` of its matches), or None."""
        with self._lock:
            row = self._conn.execute("SELECT rowid FROM articles WHERE ident = ?", (ident,)).fetchone()
        return None if row is None else int(row[0])

    def by_ids(self, idents: Sequence[str]) -> list[Article]:
        """The articles with these ids (a JSONL record's ``id``, or a file's path), in that order.

        An unknown id is an :class:`InputError` that names it.
        """
        out = []
        for ident in idents:
            with self._lock:
                row = self._conn.execute("SELECT rowid FROM articles WHERE ident = ?", (ident,)).fetchone()
            if row is None:
                raise InputError(f"reference id {ident!r} is not in the library {self.path}")
            out.append(self._article(row[0]))
        return out

    def matches(self, text: str) -> list[Match]:
        """The best candidates for ``text``, best first; ``Match.index`` is a row id.

        Two stages. First FTS5 finds the articles holding :data:`QUERY_KEYS` keys of the text,
        the rarest of each of as many equal stretches of it (:func:`spread_keys`), and ranks them
        by the weight of those keys they hold (their coverage of the chosen keys; BM25's length
        normalisation ranked short articles sharing one paragraph above the longer source). Then
        the first :data:`CANDIDATES` are scored exactly: the in-memory library's TF-IDF cosine
        and coverage, from the key counts kept for each article. They are ordered by coverage (how much
        of the text the article holds), then cosine. Coverage first because a scraped text is
        usually an excerpt of its source: a short article sharing one paragraph can be more
        *similar* than the long source that holds all of it. Articles tied at the best coverage
        (each holds every key of the text: the same paragraphs in other articles) are ordered by
        :func:`run_share` first, read from their stored text: the source holds the text's words
        as one run, in its order (top-1 accuracy on damaged half-articles,
        benchmarks/library_scale.py).
        """
        sequence = key_sequence(text)
        freq = Counter(sequence)
        with self._lock:
            df = self._document_frequencies(freq)
            idf = idf_weights(self._count, df)  # the library's formula, from the counts kept in the file
            query = spread_keys(sequence, {k: df[k] for k in idf}, QUERY_KEYS)
            if not query:
                return []
            scored = Query.of(freq, idf)
            # Each chosen key's articles from FTS5, summed by the key's weight in the text (the
            # share of the chosen keys' weight an article holds); only the best rows are joined.
            union = " UNION ALL ".join(["SELECT rowid, ? AS weight FROM article_keys WHERE article_keys MATCH ?"]
                                       * len(query))
            rows = self._conn.execute(
                f"SELECT a.rowid, a.key_counts, a.norm FROM (SELECT rowid, sum(weight) AS held FROM ({union}) "
                "GROUP BY rowid ORDER BY held DESC, rowid LIMIT ?) AS hit JOIN articles AS a ON a.rowid = hit.rowid",
                [v for k in query for v in (scored.weights[k], f'"{k}"')] + [CANDIDATES]).fetchall()
        found = sorted((scored.match(json.loads(key_counts), idf, doc_norm, rowid) for rowid, key_counts, doc_norm in rows),
                       key=lambda m: (-round(m.coverage, 6), -m.similarity, m.index))
        tied = [m for m in found if round(m.coverage, 6) == round(found[0].coverage, 6)] if found else []
        if len(tied) > 1:
            order = {m.index: run_share(sequence, key_sequence(self._text(m.index))) for m in tied}
            found[:len(tied)] = sorted(tied, key=lambda m: (-order[m.index], -m.similarity, m.index))
        return found

    def retrieve(self, text: str, k: int = DEFAULT_TOP_K) -> list[tuple[float, Article]]:
        """The ``k`` most similar relevant articles, parsed, as ``Library.retrieve`` picks them."""
        ranked = [m for m in self.matches(text)[:k] if m.relevant]
        floor = ranked[0].similarity * MIN_SHARE_OF_BEST if ranked else 0.0
        return [(m.similarity, self._article(m.index)) for m in ranked if m.similarity >= floor]

    def references_for(self, text: str, k: int = DEFAULT_TOP_K) -> list[Article]:
        """References to compare a document with: all of a small library, else the relevant few."""
        if self._count <= k:
            return self.articles()
        return [art for _, art in self.retrieve(text, k)]

    def stats(self) -> LibraryStats:
        """Article and key counts, text size, size on disk, dates."""
        with self._lock:
            meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
            keys = self._conn.execute("SELECT count(*) FROM key_df").fetchone()[0]
            chars = self._conn.execute("SELECT coalesce(sum(length(text)), 0) FROM articles").fetchone()[0]
        return LibraryStats(str(self.path), self._count, int(keys), int(chars), self.path.stat().st_size,
                            meta.get("created", ""), meta.get("updated", ""))

    def _document_frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        wanted = json.dumps(sorted(keys), ensure_ascii=False)
        return dict(self._conn.execute(
            "SELECT key, df FROM key_df WHERE key IN (SELECT value FROM json_each(?))", (wanted,)).fetchall())

    def _text(self, rowid: int) -> str:
        with self._lock:
            return self._conn.execute("SELECT text FROM articles WHERE rowid = ?", (rowid,)).fetchone()[0]

    def _article(self, rowid: int) -> Article:
        """The parsed article of a row, from a small per-library cache."""
        with self._lock:
            cached = self._parsed.get(rowid)
            if cached is not None:
                self._parsed.move_to_end(rowid)
                return cached
            path, packed = self._conn.execute("SELECT path, parsed FROM articles WHERE rowid = ?",
                                              (rowid,)).fetchone()
        article = article_from_json(zlib.decompress(packed).decode("utf-8"), path)
        with self._lock:
            self._parsed[rowid] = article
            if len(self._parsed) > PARSED_CACHE:
                self._parsed.popitem(last=False)
        return article


def _connect(path: Path, writable: bool) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path.resolve()}?mode={'rw' if writable else 'ro'}", uri=True,
                           check_same_thread=False)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _source_entries(files: Iterable[str | os.PathLike[str]], dirs: Iterable[str | os.PathLike[str]]
                    ) -> Iterator[tuple[str, _Entry]]:
    """``(id, entry)`` for every article of the sources, read one file (or JSONL line) at a time."""
    paths = [Path(f) for f in files]
    for d in dirs:
        paths.extend(_directory_files(Path(d)))
    for p in paths:
        if is_library_file(p):
            raise InputError(f"{p}: a library file cannot be a source; give the references it was built from")
        if p.suffix.lower() == ".jsonl":
            yield from _stream_jsonl(p)
        else:
            for entry in _load_file(p):
                yield entry.path, entry


def _stream_jsonl(path: Path) -> Iterator[tuple[str, _Entry]]:
    """The records of a JSONL library, as ``Library.load`` reads them, without holding the file."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read reference library ({exc.strerror})") from None
    with fh:
        for number, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8").removeprefix("\ufeff").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}:{number}: not UTF-8 (byte {exc.start}: {exc.reason})") from None
            if not line.strip():
                continue
            yield jsonl_entry(path, number, line)


def _add_entries(conn: sqlite3.Connection, entries: Iterable[tuple[str, _Entry]], target: str) -> AddResult:
    """Insert articles, their full-text keys and document frequencies; skip ones already there unchanged."""
    added = unchanged = 0
    df: Counter[str] = Counter()
    for ident, entry in entries:
        known = conn.execute("SELECT path, sha256 FROM articles WHERE ident = ?", (ident,)).fetchone()
        if known is not None:
            if known[1] == entry.sha256:
                unchanged += 1
                continue
            raise InputError(f"{target}: id {ident!r} of {entry.path} is already in the library with other "
                             f"content (from {known[0]}); library ids must be unique")
        fmt = "json" if entry.parsed is not None else "markdown" if entry.markdown else "text"
        key_text = _key_text(entry.text)
        keys = Counter(key_text.split())
        rowid = conn.execute("INSERT INTO articles (ident, path, sha256, format, text, parsed, key_counts) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (ident, entry.path, entry.sha256, fmt, entry.text, _pack(entry.article()),
                              json.dumps(keys, ensure_ascii=False, separators=(",", ":")))).lastrowid
        conn.execute("INSERT INTO article_keys (rowid, keys) VALUES (?, ?)", (rowid, key_text))
        df.update(keys.keys())
        added += 1
        if len(df) and added % _FLUSH_EVERY == 0:
            _flush_df(conn, df)
    _flush_df(conn, df)
    if added:
        _refresh_norms(conn)
    return AddResult(added, unchanged)


def _pack(article: Article) -> bytes:
    """An article parsed once, at indexing: its ``repairkit.reference/1`` form, compressed.

    Parsing (blocks, facts, terms) costs ~10-20 ms an article; reading it back costs ~2 ms, so a
    retrieval does not parse.
    """
    return zlib.compress(json.dumps(article_to_dict(article), ensure_ascii=False,
                                    separators=(",", ":")).encode("utf-8"), 6)


def _key_text(text: str) -> str:
    """The text as its keys in reading order, for FTS5 (which keeps their positions).

    >>> text = "Euro-Asian trade rose 5% in 2021; EuroAsian"
    >>> _key_text(text)
    'euroasian trade rose in euroasian'
    """
    return " ".join(key_sequence(text))


def _refresh_norms(conn: sqlite3.Connection) -> None:
    """Recompute every article's TF-IDF length: document frequencies change as articles are added."""
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    idf = idf_weights(n, dict(conn.execute("SELECT key, df FROM key_df")))
    rows = conn.execute("SELECT rowid, key_counts FROM articles")
    while batch := rows.fetchmany(_FLUSH_EVERY):
        norms = []
        for rowid, counts in batch:
            norms.append((vector_norm(tf_idf(json.loads(counts), idf)), rowid))
        conn.executemany("UPDATE articles SET norm = ? WHERE rowid = ?", norms)


def _flush_df(conn: sqlite3.Connection, df: Counter[str]) -> None:
    conn.executemany("INSERT INTO key_df VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET df = df + excluded.df",
                     df.items())
    df.clear()


def open_store(files: Sequence[str | os.PathLike[str]], dirs: Sequence[str | os.PathLike[str]] = ()) -> LibraryStore:
    """The library of ``--reference refs.db``: one library file, not mixed with other references."""
    if len(files) != 1 or dirs:
        library = next(f for f in files if is_library_file(f))
        raise InputError(f"{library}: a library file is given alone; add other references to it with "
                         "`repairkit library add LIBRARY.db REFS...`")
    return LibraryStore.open(files[0])
