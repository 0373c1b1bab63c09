"""Alignment of a damaged text with reference passages (repairkit.reference.align)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repairkit.reference.align import align, key_view, restorable

REF = ("Quarterly profits at the media giant jumped 76% to $1.13bn (£600m) for the three months "
       "to December, from $639m a year earlier.\n\n"
       "The firm, one of the biggest investors in the well-known search engine, said it "
       "expects its year-on-year growth to continue in 2005.")
DAMAGED = ("Quarterly profits at the media giant jumped  to .bn £m for the three months "
           "to December, from m a year earlier. "
           "The firm, one of the biggest investors in the well known search engine, said it "
           "expects its yearonyear growth to continue in .")


def passages(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in text.split("\n\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 2
    return out


def test_key_view_maps_back_to_original():
    m = key_view("It's 24th-rate!")
    assert m.view == "itsthrate"
    assert [m.to_original(i) for i in range(len(m.view))] == [0, 1, 3, 7, 8, 10, 11, 12, 13]


def test_same_story_aligns_exactly_and_every_difference_is_a_restoration():
    segs = align(DAMAGED, REF, passages(REF))
    assert [s.passage for s in segs] == [0, 1]
    assert all(s.score == 100 and s.whole and not s.ambiguous for s in segs)
    diffs = [d for s in segs for d in s.diffs]
    assert all(d.restorable for d in diffs)
    restored = [(DAMAGED[d.start:d.end], REF[d.ref_start:d.ref_end]) for d in diffs]
    assert ("", "76%") in restored and ("", "$639") in restored and (" ", "-") in restored
    assert ("", "2005") in restored


def test_segment_maps_offsets_to_the_reference():
    seg = align(DAMAGED, REF, passages(REF))[0]
    at = DAMAGED.index(".bn")
    assert REF[seg.ref_offset(at, "left"):seg.ref_offset(at + 3, "right")] == "$1.13bn"
    word = DAMAGED.index("Quarterly")
    assert seg.ref_offset(word) == REF.index("Quarterly")


def test_unrelated_reference_does_not_align():
    other = ("A completely different story about football results, the league table and a "
             "manager who was sacked after a run of poor form in the winter months.")
    assert align(DAMAGED, other, [(0, len(other))]) == []


def test_reworded_passage_aligns_only_by_its_matching_sentences():
    ref = ("The firm, one of the biggest investors in the well-known search engine, said it "
           "expects its year-on-year growth to continue in 2005. Analysts were sceptical and "
           "preferred to wait for the annual accounts of the group before any judgement.")
    segs = align(DAMAGED, ref, [(0, len(ref))])
    assert len(segs) == 1 and not segs[0].whole
    assert ref[segs[0].ref_start:segs[0].ref_end].endswith("in 2005.")


def test_duplicated_passage_is_ambiguous():
    sentence = "The central bank held interest rates at a record low for another month. "
    doc = sentence + "Then it met again. " + sentence
    ref = sentence.strip()
    (seg,) = align(doc, ref, [(0, len(ref))])
    assert seg.ambiguous


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abc de-'1.\n", max_size=80), st.text(alphabet="abc de-'1.\n", max_size=80))
def test_align_never_raises_and_spans_stay_in_bounds(doc, ref):
    for seg in align(doc, ref, passages(ref)):
        assert 0 <= seg.start <= seg.end <= len(doc)
        assert 0 <= seg.ref_start <= seg.ref_end <= len(ref)
        for d in seg.diffs:
            assert seg.start <= d.start <= d.end <= seg.end
            if d.restorable:
                assert all(restorable(c) for c in ref[d.ref_start:d.ref_end])
                assert doc[d.start:d.end].strip() == ""
