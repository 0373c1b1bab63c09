"""Word lists that load in a millisecond: a sorted table searched by bisection, kept in a cache.

The lexicon (wordfreq's 321,000 English words) and the two dictionaries (GCIDE and Webster's
Second, 350,000 headwords) cost 0.1-0.25 s of CPU each to turn into a Python dict or set, on
every start: unpacking the file a library ships, then hashing every word. A scan of a short
file asks a few hundred of them. :class:`SortedWords` keeps a list as one block of bytes (the
words sorted, one a line) and an array of where each starts, and finds a word by bisection
(about 20 comparisons, a few microseconds); loading it is reading one file. :func:`cached`
keeps such blocks in a cache directory, built once from the library's own file and keyed by
that file's path, size and modification time, so a new version of the library is read anew.

The cache lives in ``$REPAIRKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/repairkit``, else
``~/.cache/repairkit``; ``REPAIRKIT_CACHE_DIR=off`` (or a directory that cannot be written)
builds the tables in memory at each start, as before, with the same values.

>>> table = SortedWords.build({"cat": 3, "ant": 1, "dog": 2})
>>> "cat" in table, "cow" in table, table.value("dog"), table.value("cow")
(True, False, 2, None)
>>> SortedWords.from_bytes(table.to_bytes()).value("ant")
1
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Bumped when the layout of a cached table changes (old files are then ignored, not misread).
FORMAT = 1
#: The environment variable naming the cache directory (``off``: no cache on disk).
CACHE_ENV = "REPAIRKIT_CACHE_DIR"


class SortedWords:
    """A set of words (each with an optional small integer value) searched by bisection.

    Words are stored as UTF-8, sorted by their bytes, joined by newlines; ``_starts[i]`` is where
    word ``i`` starts. A word that holds a newline or cannot be encoded is never in the table.
    """

    __slots__ = ("_blob", "_starts", "_values")

    def __init__(self, blob: bytes, starts: array, values: array | None) -> None:
        self._blob = blob
        self._starts = starts  # len(words) + 1 entries: the last is len(blob) + 1
        self._values = values

    @classmethod
    def build(cls, words: Iterable[str] | Mapping[str, int]) -> SortedWords:
        """The table of ``words`` (a mapping gives each word its value, 0 to 65,535)."""
        mapping = words if isinstance(words, Mapping) else None
        # str order is code-point order, which UTF-8 keeps (surrogates included): sorting the
        # strings in C sorts their bytes
        ordered = sorted(w for w in words if "\n" not in w)
        encoded = [w.encode("utf-8", "surrogatepass") for w in ordered]
        blob = b"\n".join(encoded)
        starts = array("I", accumulate((len(e) + 1 for e in encoded), initial=0))
        values = array("H", map(mapping.__getitem__, ordered)) if mapping is not None else None
        return cls(blob, starts, values)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> bytes:  # what bisect_left compares
        return self._blob[self._starts[i]:self._starts[i + 1] - 1]

    def _index(self, word: str) -> int:
        """The position of ``word``, or -1."""
        try:
            key = word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no word of the list
            return -1
        i = bisect_left(self, key)
        return i if i < len(self._starts) - 1 and self[i] == key else -1

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._index(word) >= 0

    def value(self, word: str) -> int | None:
        """The value stored with ``word`` (``None`` when it is not in the table)."""
        i = self._index(word)
        if i < 0:
            return None
        return self._values[i] if self._values is not None else 0

    def words(self) -> list[str]:
        """All the words, in the table's order."""
        return self._blob.decode("utf-8", "surrogatepass").split("\n") if len(self) else []

    def values(self) -> array | None:
        """The values, in the order of :meth:`words`."""
        return self._values

    def to_bytes(self) -> bytes:
        values = self._values.tobytes() if self._values is not None else None
        return marshal.dumps((FORMAT, self._blob, self._starts.typecode, self._starts.tobytes(), values))

    @classmethod
    def from_bytes(cls, data: bytes) -> SortedWords:
        version, blob, typecode, starts_bytes, values_bytes = marshal.loads(data)
        if version != FORMAT:
            raise ValueError(f"word table of format {version}, expected {FORMAT}")
        starts = array(typecode)
        starts.frombytes(starts_bytes)
        values = None
        if values_bytes is not None:
            values = array("H")
            values.frombytes(values_bytes)
        return cls(blob, starts, values)


class WordSet:
    """Membership in a :class:`SortedWords`, by bisection for the first :data:`PROMOTE_AFTER`
    questions, then by a ``frozenset`` of all its words (built once): a short document asks a
    few hundred words and never pays for the set, a long one asks hundreds of thousands.

    >>> words = WordSet(SortedWords.build(["cat", "dog"]), promote_after=1)
    >>> "cat" in words, "cow" in words, "dog" in words, words.promoted
    (True, False, True, True)
    """

    PROMOTE_AFTER = 5_000

    __slots__ = ("_table", "_set", "_left")

    def __init__(self, table: SortedWords, promote_after: int = PROMOTE_AFTER) -> None:
        self._table = table
        self._set: frozenset[str] | None = None
        self._left = promote_after

    @property
    def promoted(self) -> bool:
        return self._set is not None

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        self._left -= 1
        if self._left < 0:
            self._set = frozenset(self._table.words())
            return word in self._set
        return word in self._table

    def words(self) -> list[str]:
        return self._table.words()


def cache_dir() -> Path | None:
    """The cache directory (``None`` when caching is off)."""
    named = os.environ.get(CACHE_ENV)
    if named is not None:
        return None if named.strip().lower() in ("", "0", "off", "no", "false") else Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "repairkit"


def _key(name: str, sources: Iterable[Path]) -> str:
    """A file name for ``name`` built from ``sources``: their paths, sizes and modification times."""
    h = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]} {name}".encode())
    for path in sources:
        st = path.stat()
        h.update(f"\0{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    return f"{name}-{h.hexdigest()[:20]}.bin"


def cached(name: str, sources: Iterable[Path], build: Callable[[], T], dump: Callable[[T], bytes],
           load: Callable[[bytes], T]) -> T:
    """What ``build()`` makes from the files ``sources``: ``load`` of the cached bytes when the
    cache holds them for these very files, else built, and its ``dump`` stored for the next start.

    A cache that cannot be read, parsed or written is no error: the value is built then.
    """
    folder = cache_dir()
    try:
        path = folder / _key(name, sources) if folder is not None else None
    except OSError:  # a source that vanished: build() will say what is wrong
        path = None
    if path is not None:
        try:
            return load(path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, truncated or of another format: built anew
            pass
    value = build()
    if path is not None:
        _store(path, dump(value), name)
    return value


def _store(path: Path, data: bytes, name: str) -> None:
    """Write ``data`` to ``path`` atomically; quietly (a cache that cannot be written is no error)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)  # atomic: a concurrent start reads the old file or the whole new one
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
