"""The damage simulator: sites are exact, rate 0 is a no-op, results depend only on the seed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.damage import CATEGORY_OF, DEFAULT_CORPUS, PROFILES, Damaged, damage, load_corpus, sloppy_cp1252, typographic
from repairkit.model import CATEGORIES

SAMPLE = ("Japan's trade with the bloc rose 5% in 2020, to $1.5bn (a year-on-year record).\n\n"
          "\"It's the 30th year,\" an official said - as @agency/partners & others noted.\n\n"
          "The bosses' pay rose 29.8 percent; 'we're fine', they said [sic].")


def restore(d: Damaged) -> str:
    """Put each damaged token's original back: must give the clean text."""
    out: list[str] = []
    pos = 0
    last = None
    for s in d.sites:
        if s.orig_start == last:
            continue
        last = s.orig_start
        out += [d.text[pos:s.start], s.original]
        pos = s.end
    return "".join(out) + d.text[pos:]


def assert_exact(d: Damaged) -> None:
    assert restore(d) == d.clean
    for s in d.sites:
        assert d.text[s.start:s.end] == s.damaged
        assert d.clean[s.orig_start:s.orig_end] == s.original
        assert s.category == CATEGORY_OF[s.kind] and s.category in CATEGORIES
        assert s.removed
        if s.kind not in ("paragraph", "mojibake"):
            assert all(ch in s.original for ch in s.removed)
    # per token, removing every removed character from the original gives the damaged token
    by_token: dict[int, list] = {}
    for s in d.sites:
        by_token.setdefault(s.orig_start, []).append(s)
    for group in by_token.values():
        if group[0].kind in ("paragraph", "mojibake"):
            continue
        removed = "".join(s.removed for s in group)
        assert sorted(group[0].original) == sorted(group[0].damaged + removed)


def test_seed_profile_strips_like_the_seed_commentary():
    d = damage(SAMPLE)
    assert d.text == ("Japans trade with the bloc rose  in , to .bn a yearonyear record. "
                      "Its the th year, an official said  as agencypartners  others noted. "
                      "The bosses pay rose . percent; were fine, they said sic.")
    assert "\n" not in d.text
    assert_exact(d)


def test_site_kinds_and_categories():
    d = damage(SAMPLE)
    kinds = {(s.kind, s.original, s.removed) for s in d.sites}
    assert ("digit", "5%", "5%") in kinds  # a number's % belongs to the number
    assert ("digit", "$1.5bn", "$15") in kinds
    assert ("hyphen", "year-on-year", "--") in kinds
    assert ("dash", "-", "-") in kinds
    assert ("apostrophe", "bosses'", "'") in kinds  # plural possessive
    assert ("quote", "'we're", "'") in kinds and ("apostrophe", "'we're", "'") in kinds
    assert ("slash", "@agency/partners", "/") in kinds and ("at", "@agency/partners", "@") in kinds
    assert ("ampersand", "&", "&") in kinds
    assert ("bracket", "(a", "(") in kinds
    assert sum(s.kind == "paragraph" for s in d.sites) == 2
    vanished = next(s for s in d.sites if s.original == "5%")
    assert vanished.start == vanished.end and d.text[vanished.start - 1:vanished.end + 1] == "  "


def test_symbols_alone_are_missing_symbols():
    d = damage("It cost $5, up 5% from US$4.", "symbols")
    assert d.text == "It cost 5, up 5 from US4."
    assert {s.category for s in d.sites} == {"missing-symbol"}
    assert_exact(d)


@pytest.mark.parametrize("profile", [p for p in PROFILES if p != "mojibake"])
def test_rate_zero_changes_nothing(profile):
    d = damage(SAMPLE, profile, rate=0.0)
    assert d.text == d.clean == SAMPLE and d.sites == ()


def test_each_profile_touches_only_its_classes():
    for name, profile in PROFILES.items():
        d = damage(SAMPLE, name)
        assert d.sites, name
        assert {s.kind for s in d.sites} <= profile.kinds
        assert_exact(d)


def test_mojibake_profile_garbles_a_typographic_copy():
    text = "The £5 fee - it's \"new\" at the cafe."
    d = damage(text, "mojibake")
    assert d.clean == typographic(text) == "The £5 fee – it’s “new” at the café."
    assert d.text == "The Â£5 fee â€“ itâ€™s â€œnewâ€\x9d at the cafÃ©."
    assert [s.removed for s in d.sites] == ["£", "–", "’", "“”", "é"]
    assert all(s.category == "encoding" for s in d.sites)
    assert_exact(d)
    assert sloppy_cp1252("plain") == "plain"


def test_determinism_and_rate():
    a = damage(SAMPLE, "seed", rate=0.5, seed=7)
    assert a == damage(SAMPLE, "seed", rate=0.5, seed=7)
    assert len(a.sites) < len(damage(SAMPLE).sites)
    assert_exact(a)
    texts = {damage(SAMPLE, "seed", rate=0.5, seed=s).text for s in range(8)}
    assert len(texts) > 1


def test_to_clean_offset():
    d = damage(SAMPLE)
    for s in d.sites:
        if s.damaged and s.kind not in ("paragraph", "mojibake"):
            # the first surviving character maps to the same character in the clean text
            assert d.clean[d.to_clean_offset(s.start)] == s.damaged[0]
    assert d.to_clean_offset(0) == 0 and d.to_clean_offset(len(d.text)) == len(d.clean)
    assert d.clean[d.to_clean_offset(d.text.index("The bosses"))] == "T"
    with pytest.raises(ValueError):
        d.to_clean_offset(len(d.text) + 1)


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown profile"):
        damage("x", "everything")
    with pytest.raises(ValueError, match="rate"):
        damage("x", rate=1.5)


_TEXT = st.text(alphabet=st.sampled_from(list("ab1 '\"-$%@/&()[]{}.,\n£’“”é")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, profile=st.sampled_from(sorted(PROFILES)), rate=st.floats(0, 1), seed=st.integers(0, 99))
def test_sites_are_exact_for_any_text(text, profile, rate, seed):
    d = damage(text, profile, rate, seed)
    assert_exact(d)
    assert d == damage(text, profile, rate, seed)
    positions = [d.to_clean_offset(i) for i in range(len(d.text) + 1)]
    assert positions == sorted(positions) and positions[-1] == len(d.clean)


@pytest.mark.skipif(not DEFAULT_CORPUS.is_file(), reason="shared corpus not present")
def test_corpus_sample_is_damaged_exactly():
    articles = load_corpus(limit=5)
    assert len(articles) == 5 and {"id", "title", "text"} <= set(articles[0])
    for i, article in enumerate(articles):
        d = damage(article["text"], seed=i)
        assert_exact(d)
        assert not any(ch.isdigit() for ch in d.text) and "\n" not in d.text
