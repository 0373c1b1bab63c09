"""Which side of the Atlantic a text spells on, from the words it writes in -or or -our.

American usage (Merriam-Webster, the Chicago Manual) closes most prefixes ("reestablish",
"nonwhite", "counterattack", "antislavery"); British usage keeps more hyphens
("re-establish", "non-white"). A text that writes "labor", "honor", "favorable" and never
"labour", "honour", "favourable" follows the first, so a valid closed prefixed word there is
its spelling, not a lost hyphen. Both forms of a pair must be frequent words (wordfreq), so
"four" / "for" and "flour" / "flor" count for nothing.

>>> spelling_side(["The", "labor", "of", "honor", "and", "our", "four", "hours"])
1
>>> spelling_side(["the", "Labour", "party", "and", "its", "favourite"]), spelling_side(["a", "tour"])
(-1, 0)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from repairkit.lexicon import COMMON_ZIPF, fast_zipf

#: "-our" (British) or "-or" (American) after three letters or more, then an ending:
#: "labour", "honoured", "favourable", "neighbors", "colorful".
OR_OUR_RE = re.compile(r"([a-z]{3,})(our|or)(s|ed|ing|able|ably|ite|ites|er|ers|ful|less)?")
#: Prefixes an American text writes closed (Chicago Manual: "prefixes are closed"); "self-",
#: "ex-", "all-", "well-" and the adjectives "high-", "long-" keep their hyphen on both sides.
AMERICAN_CLOSED_PREFIXES = frozenset("anti co counter de inter mid mini multi non over post pre pro re "
                                     "semi sub super ultra under".split())


@lru_cache(maxsize=50_000)
def _side_of(word: str) -> int:
    """+1 for an American -or spelling of a word Britain spells -our, -1 for the reverse, else 0."""
    m = OR_OUR_RE.fullmatch(word.lower())
    if m is None:
        return 0
    stem, vowel, ending = m.group(1), m.group(2), m.group(3) or ""
    other = f"{stem}{'or' if vowel == 'our' else 'our'}{ending}"
    if fast_zipf(word) < COMMON_ZIPF - 1 or fast_zipf(other) < COMMON_ZIPF - 1:
        return 0
    return 1 if vowel == "or" else -1


def spelling_side(words: Iterable[str]) -> int:
    """1 when the words spell American (-or) more than British (-our), -1 for the reverse, 0 when even."""
    score = sum(_side_of(w) for w in words if "or" in w or "our" in w)
    return (score > 0) - (score < 0)
