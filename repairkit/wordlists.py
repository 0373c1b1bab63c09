"""Word lists shipped as package data (``repairkit/data/*.txt``): loading and validation.

A list file starts with a header line ``# repairkit-wordlist 1: <what it holds>``, may go on
with more ``#`` comment lines (how it was made), then holds one entry per line: sorted,
unique, trimmed, non-empty. Each list has a rule for what an entry looks like; the
loader refuses a file that breaks any of this, so a bad edit fails loudly in tests.

>>> validate_lines(["# repairkit-wordlist 1: demo", "a-b", "c-d"], LISTS["hyphenated_compounds"])
[]
>>> validate_lines(["a-b"], LISTS["hyphenated_compounds"])
['line 1: missing header "# repairkit-wordlist 1: ..."']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

HEADER_RE = re.compile(r"^# repairkit-wordlist (\d+): \S")
SUPPORTED_VERSION = 1


@dataclass(frozen=True, slots=True)
class ListSpec:
    """One shipped list: its file name and what a valid entry looks like."""

    filename: str
    entry_pattern: str
    description: str

    def accepts(self, entry: str) -> bool:
        """True when ``entry`` has the shape this list requires."""
        return re.fullmatch(self.entry_pattern, entry) is not None


LISTS: dict[str, ListSpec] = {
    "hyphenated_compounds": ListSpec(
        "hyphenated_compounds.txt", r"[a-z0]+(?:-[a-z0]+)+",
        "lower-case hyphenated compounds; digit runs written 0"),
    "hyphen_prefixes": ListSpec(
        "hyphen_prefixes.txt", r"[a-z]{2,}", "productive prefixes usually joined by a hyphen"),
    "modifier_heads": ListSpec(
        "modifier_heads.txt", r"[a-z]{3,}", "words that end hyphenated compound modifiers"),
    "closing_particles": ListSpec(
        "closing_particles.txt", r"[a-z]+", "particles that form closed compounds"),
    "word_suffixes": ListSpec(
        "word_suffixes.txt", r"[a-z]+", "suffixes that are also words"),
    "combining_forms": ListSpec(
        "combining_forms.txt", r"[a-z]+", "combining forms joined to a name by a hyphen"),
    "demonyms": ListSpec(
        "demonyms.txt", r"[a-z]+", "nationality and regional adjectives"),
    "countries": ListSpec(
        "countries.txt", r"[A-Z][A-Za-z]*(?: [A-Za-z]+)*", "names of countries and home nations"),
    "number_words": ListSpec(
        "number_words.txt", r"[a-z]+", "English number words"),
    "function_words": ListSpec(
        "function_words.txt", r"[a-z]+", "lower-case English function words"),
    "phrase_words": ListSpec(
        "phrase_words.txt", r"[a-z]+", "words that open a phrase and never end a hyphenated compound"),
    "unit_symbols": ListSpec(
        "unit_symbols.txt", r"[A-Za-zµ]+", "unit symbols written after a number (case kept)"),
    "unit_words": ListSpec(
        "unit_words.txt", r"[a-z]+", "unit and count words written after a number"),
}


def validate_lines(lines: Sequence[str], spec: ListSpec) -> list[str]:
    """Problems in a list file's lines (empty when the file is valid)."""
    if not lines or not HEADER_RE.match(lines[0]):
        return ['line 1: missing header "# repairkit-wordlist 1: ..."']
    problems: list[str] = []
    version = int(HEADER_RE.match(lines[0]).group(1))  # type: ignore[union-attr]
    if version != SUPPORTED_VERSION:
        problems.append(f"line 1: unsupported version {version}")
    previous: str | None = None
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            if previous is not None:
                problems.append(f"line {number}: comment after the entries began")
            continue
        if line != line.strip() or not line:
            problems.append(f"line {number}: untrimmed or empty entry {line!r}")
        elif not spec.accepts(line):
            problems.append(f"line {number}: {line!r} is not a valid entry ({spec.description})")
        if previous is not None and line <= previous:
            problems.append(f"line {number}: {line!r} is a duplicate or out of order")
        previous = line
    return problems


def read_lines(spec: ListSpec) -> list[str]:
    """The raw lines of a shipped list file."""
    path = resources.files("repairkit") / "data" / spec.filename
    return path.read_text(encoding="utf-8").splitlines()


@cache
def load(name: str) -> frozenset[str]:
    """The entries of the shipped list ``name``; ``ValueError`` if the file is invalid."""
    spec = LISTS[name]
    lines = read_lines(spec)
    problems = validate_lines(lines, spec)
    if problems:
        raise ValueError(f"{spec.filename}: " + "; ".join(problems[:3]))
    return frozenset(line for line in lines if not line.startswith("#"))



def count_pairs(filename: str, header: str) -> dict[str, tuple[int, int]]:
    """The table of a shipped count file (``data/<filename>``): a header line starting with
    ``header``, ``#`` comments, then ``feature<TAB>count<TAB>count`` lines.

    >>> table = count_pairs("gap_contexts.tsv", "# repairkit gap contexts, format 1")
    >>> all(isinstance(a, int) and isinstance(b, int) for a, b in table.values())
    True
    """
    text = resources.files("repairkit").joinpath("data", filename).read_text("utf-8")
    lines = text.splitlines()
    if not lines or not lines[0].startswith(header):
        raise RuntimeError(f"{filename}: unknown format header")
    table: dict[str, tuple[int, int]] = {}
    for line in lines:
        if line and not line.startswith("#"):
            feature, first, second = line.split("\t")
            table[feature] = (int(first), int(second))
    return table
