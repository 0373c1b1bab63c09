"""repairkit.jsontext: the report encoder writes the standard library's text, and falls back for what orjson refuses."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from repairkit.jsontext import pretty

# Floats as reports hold them: confidences, ratios, figures (orjson spells 1e-05 as 0.00001).
_FLOATS = st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: x == 0 or abs(x) >= 1e-4)
_SCALARS = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | _FLOATS | st.text()
_DATA = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)


def _standard(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@given(_DATA)
def test_pretty_writes_the_standard_librarys_text(data: object) -> None:
    assert pretty(data) == _standard(data)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_float_reads_back_the_same(x: float) -> None:
    back = json.loads(pretty({"x": x}))["x"]
    assert back == x and math.copysign(1, back) == math.copysign(1, x)


def test_what_orjson_refuses_goes_to_the_standard_library() -> None:
    for data in ({"n": 2**70}, {1: "a"}, {"s": "\ud800 lone"}):
        assert pretty(data) == _standard(data)


def test_not_a_number_is_null_as_json_wants() -> None:
    assert json.loads(pretty([float("nan"), float("inf")])) == [None, None]  # json.dumps writes NaN: not JSON
