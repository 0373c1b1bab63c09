"""The damage simulator: sites are exact, rate 0 is a no-op, results depend only on the seed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.damage import (CATEGORY_OF, DEFAULT_CORPUS, PROFILES, SEED_KEPT, SEED_PRIORITY, Damaged, damage,
                               load_corpus, sloppy_cp1252, typographic)
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


def test_listed_profile_strips_its_classes_and_keeps_other_marks():
    # the benchmarks' seed profile until issue 15: ";" survives, as do ": ? !", dashes and "£"
    d = damage(SAMPLE, "listed")
    assert d.text == ("Japans trade with the bloc rose  in , to .bn a yearonyear record. "
                      "Its the th year, an official said  as agencypartners  others noted. "
                      "The bosses pay rose . percent; were fine, they said sic.")
    assert "\n" not in d.text
    assert_exact(d)


def test_site_kinds_and_categories_of_the_listed_profile():
    d = damage(SAMPLE, "listed")
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


def seed_strip(clean: str) -> str:
    """What the seed's scraper leaves: ``[A-Za-z ,.]`` and whitespace; a run with a line break is one space."""
    return "".join((" " if "\n" in t else t) if t.isspace() else re.sub(r"[^A-Za-z ,.]", "", t)
                   for t in re.findall(r"\S+|\s+", clean))


def test_seed_profile_keeps_only_letters_spaces_commas_and_full_stops():
    d = damage(SAMPLE)
    assert d.text == ("Japans trade with the bloc rose  in , to .bn a yearonyear record. "
                      "Its the th year, an official said  as agencypartners  others noted. "
                      "The bosses pay rose . percent were fine, they said sic.")
    assert d.text == seed_strip(SAMPLE)
    assert_exact(d)
    marks = "He said: Why? No; yes! (CA) [sic] {x} – — … « » „ ‚ # * + = < > | \\ ^ ~ ` _ ° © ™ § ¶ •"
    assert damage(marks).text.split() == ["He", "said", "Why", "No", "yes", "CA", "sic", "x"]
    assert damage("a café in Zürich, Ægir. £5 €3 ¥9 ½").text == "a caf in Zrich, gir.    "


def test_seed_sites_carry_the_new_classes():
    text = "He said: \"Why?\" Yes; go! (CA) – then — done… café #1 ¥ *"
    sites = {s.original: s for s in damage(text).sites}
    expected = {"said:": ("colon", "stray-punctuation"), "\"Why?\"": ("quote", "missing-quote"),
                "Yes;": ("semicolon", "stray-punctuation"), "go!": ("exclamation", "stray-punctuation"),
                "(CA)": ("bracket", "missing-bracket"), "–": ("en-dash", "stray-punctuation"),
                "—": ("em-dash", "stray-punctuation"), "done…": ("ellipsis", "stray-punctuation"),
                "café": ("letter", "encoding"), "#1": ("digit", "missing-number"),
                "¥": ("currency", "missing-symbol"), "*": ("symbol", "missing-symbol")}
    assert {k: (s.kind, s.category) for k, s in sites.items()} == expected
    assert sites["\"Why?\""].lost == ("quote", "question") and sites["\"Why?\""].removed == '"?"'
    assert sites["#1"].lost == ("digit", "hash") and sites["#1"].damaged == ""


def test_seed_token_that_lost_several_classes_is_one_site_under_its_most_telling_class():
    d = damage("In \"(2020)?\" the 'we're' and mid-90s £5m, A-level's: done.\n\nNext")
    by_token = {s.original: s for s in d.sites}
    assert len(by_token) == len(d.sites)  # one site per token
    assert by_token['"(2020)?"'].kind == "digit"
    assert by_token['"(2020)?"'].lost == ("digit", "bracket", "quote", "question")
    assert by_token['"(2020)?"'].removed == '"(2020)?"' and by_token['"(2020)?"'].damaged == ""
    assert by_token["'we're'"].lost == ("apostrophe", "quote")
    assert by_token["mid-90s"].lost == ("digit", "hyphen")
    assert by_token["£5m,"].lost == ("digit", "pound") and by_token["£5m,"].damaged == "m,"
    assert by_token["A-level's:"].lost == ("apostrophe", "hyphen", "colon")
    assert by_token["\n\n"].kind == "paragraph" and d.text.endswith("done. Next")
    assert_exact(d)


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


@pytest.mark.parametrize("profile", ["seed", "listed"])
def test_to_clean_offset(profile):
    d = damage(SAMPLE, profile)
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


_TEXT = st.text(alphabet=st.sampled_from(list("ab1 '\"-$%@/&()[]{}.,\n£’“”é:;?!–—…#€«„½*\t")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, profile=st.sampled_from(sorted(PROFILES)), rate=st.floats(0, 1), seed=st.integers(0, 99))
def test_sites_are_exact_for_any_text(text, profile, rate, seed):
    d = damage(text, profile, rate, seed)
    assert_exact(d)
    assert d == damage(text, profile, rate, seed)
    positions = [d.to_clean_offset(i) for i in range(len(d.text) + 1)]
    assert positions == sorted(positions) and positions[-1] == len(d.clean)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, seed=st.integers(0, 99))
def test_seed_profile_is_the_seed_scraper_exactly(text, seed):
    d = damage(text, "seed", 1.0, seed)
    assert d.text == seed_strip(text)
    assert set(d.text) <= SEED_KEPT | {"\t"}
    starts = [s.orig_start for s in d.sites]
    assert len(starts) == len(set(starts))  # one site per token
    for s in d.sites:
        assert s.kind == s.lost[0] and list(s.lost) == sorted(s.lost, key=(*SEED_PRIORITY, "paragraph").index)
        if s.kind != "paragraph":
            assert s.removed == "".join(ch for ch in s.original if ch not in SEED_KEPT)


@pytest.mark.skipif(not DEFAULT_CORPUS.is_file(), reason="shared corpus not present")
def test_corpus_sample_is_damaged_exactly():
    articles = load_corpus(limit=5)
    assert len(articles) == 5 and {"id", "title", "text"} <= set(articles[0])
    for i, article in enumerate(articles):
        d = damage(article["text"], seed=i)
        assert_exact(d)
        assert not any(ch.isdigit() for ch in d.text) and "\n" not in d.text
        assert set(d.text) <= SEED_KEPT
