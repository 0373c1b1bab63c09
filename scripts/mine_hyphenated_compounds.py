"""Mine ``repairkit/data/hyphenated_compounds.txt`` from the held-out half of the news corpus.

Held-out half: articles whose id number is even (``bbc-business-002``...). The benchmarks
damage and score the odd half, so the list never saw the text it is measured on.

A compound is kept when its hyphenated form occurs at least ``--min-count`` times and more
often than the same letters written closed ("lineup") or spaced ("line up" is not counted:
spaced forms are ordinary phrases). Digit runs become ``0`` ("31-year-old" -> "0-year-old").
Proper names are kept lower-cased ("kilroy-silk"): matching is case-insensitive.

Usage:
    python scripts/mine_hyphenated_compounds.py /work/shared/corpus/news.jsonl \
        > repairkit/data/hyphenated_compounds.txt
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys

HYPHENATED_RE = re.compile(r"(?<![\w\-])[^\W_]+(?:-[^\W_]+)+(?![\w\-])")
CLOSED_RE = re.compile(r"[^\W_]+")

HEADER = """\
# repairkit-wordlist 1: hyphenated compounds attested in edited news text
# Made by scripts/mine_hyphenated_compounds.py from the even-numbered articles of the
# news corpus (the held-out half; benchmarks score the odd half). An entry is kept when
# its hyphenated form occurs at least {min_count} times there and more often than the
# same letters written closed. Lower-case; digit runs are written as 0.
"""


def held_out(article_id: str) -> bool:
    """True for the even-numbered half: ``bbc-tech-002`` -> True."""
    return int(article_id.rsplit("-", 1)[1]) % 2 == 0


def normalise(token: str) -> str:
    """Lower-case, digit runs -> ``0``."""
    return re.sub(r"\d+", "0", token.lower())


def main() -> None:
    """Print the list (header + sorted entries) on standard output."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--min-count", type=int, default=1)
    args = parser.parse_args()
    hyphenated: collections.Counter[str] = collections.Counter()
    closed: collections.Counter[str] = collections.Counter()
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            if not held_out(article["id"]):
                continue
            text = article["title"] + "\n" + article["text"]
            hyphenated.update(normalise(m.group()) for m in HYPHENATED_RE.finditer(text))
            closed.update(normalise(m.group()) for m in CLOSED_RE.finditer(text))
    keep = sorted(
        c for c, n in hyphenated.items()
        if n >= args.min_count and n > closed[c.replace("-", "")]
        and any(p.isalpha() and len(p) > 1 for p in c.split("-"))  # not a score or a range
        and not all(p.isalpha() and len(p) == 1 for p in c.split("-"))
        and all(p.isalpha() or p == "0" for p in c.split("-"))  # "0th-minute", "0bn-worth": units, not words
    )
    sys.stdout.write(HEADER.format(min_count=args.min_count))
    sys.stdout.write("".join(f"{c}\n" for c in keep))


if __name__ == "__main__":
    main()
