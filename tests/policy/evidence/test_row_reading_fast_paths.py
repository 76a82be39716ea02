"""The shortcuts that make ingest fast give exactly the answers of the plain computations: HMAC from
pre-keyed SHA-256 states is `hmac.digest`, and a moment's day read in two remembered parts is the day
(or the refusal) of reading it whole."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from shopterms.policy.evidence.hashing import KeyedHashes, order_key, parcel_key
from shopterms.policy.evidence.mapping import load_mapping
from shopterms.policy.evidence.rows import RowConverter, RowError

KEYS = st.binary(min_size=1, max_size=100)  # longer than SHA-256's block of 64 bytes too
IDS = st.text(min_size=1, max_size=40)


@given(KEYS, IDS, IDS)
def test_pre_keyed_hashes_equal_hmac(key: bytes, order: str, parcel: str) -> None:
    hashes = KeyedHashes(key)
    assert hashes.order_key(order) == order_key(key, order)
    assert hashes.parcel_key(order, parcel) == parcel_key(key, order, parcel)


def _outcome(read: object) -> object:
    try:
        return read()  # type: ignore[operator]
    except RowError as error:
        return f"refused: {error}"


MOMENTS = st.builds(
    lambda moment, separator, offset, tail: (
        moment.isoformat(sep=separator, timespec="minutes")[:16] + offset + tail
    ),
    st.datetimes(min_value=dt.datetime(1969, 12, 30), max_value=dt.datetime(2200, 1, 2)),
    st.sampled_from(["T", " ", "x"]),
    st.sampled_from(["", "Z", "+02:00", "-0530", "+24:00", "+02", ":60", ":59.5"]),
    st.sampled_from(["", ":07", " ", "junk", "T"]),
)
TEXTS = st.one_of(MOMENTS, st.text(alphabet="0123456789-T:+ Z.", max_size=30))


@given(TEXTS)
def test_a_day_read_in_remembered_parts_is_the_day_read_whole(text: str) -> None:
    converter = RowConverter(load_mapping("shopterms"), b"k" * 32)
    for _ in range(2):  # the second time from memory
        fast = _outcome(lambda: converter._day(text, 9))
        whole = _outcome(lambda: RowConverter._day_number(text.strip(), 9))
        assert fast == whole
