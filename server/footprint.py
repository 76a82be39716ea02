"""An estimate of the memory one shop takes in a replica, for the byte cap of its shop cache.

Measuring Python objects exactly (walking every reference) costs more than serving the request, so the
estimate counts what dominates and is cheap to count:

* every document held: its bytes, its gzip copy and a fixed overhead per object;
* the policy model rebuilt from the canonical JSON: `MODEL_BYTES_PER_JSON_BYTE` times the length of
  the version's policy.json (measured with tracemalloc over the examples: 6.6 to 8.3; 10 leaves room);
* the answers rendered since the version was loaded (its memos), counted the same way as documents;
* the shop's timeline: a fixed size per version.

bench/replica.py compares the estimate with the process's resident memory after loading many shops.
"""

from __future__ import annotations

from collections.abc import Iterable

from shopterms.policy.documents.served import POLICY_JSON
from shopterms.server.caching import Document
from shopterms.server.terms import ShopTerms
from shopterms.server.version_state import ShopState

MODEL_BYTES_PER_JSON_BYTE = 10
DOCUMENT_OVERHEAD = 400  # the Document object, its media type and ETag strings, the mapping slot
VERSION_OVERHEAD = 600  # one VersionInfo in the timeline
STATE_OVERHEAD = 4_000  # the ShopState, its memos and their dictionaries when empty


def document_bytes(documents: Iterable[Document]) -> int:
    return sum(
        len(document.body) + len(document.gzipped or b"") + DOCUMENT_OVERHEAD for document in documents
    )


def state_bytes(state: ShopState) -> int:
    """The estimated memory of one loaded version, with the answers it has rendered so far."""
    policy = state.documents.get(POLICY_JSON)
    model = MODEL_BYTES_PER_JSON_BYTE * (len(policy.body) if policy is not None else 0)
    memo = document_bytes(state.memo.documents())
    return STATE_OVERHEAD + model + document_bytes(state.documents.values()) + memo


def terms_bytes(terms: ShopTerms) -> int:
    """The estimated memory of a shop: its timeline and every version loaded."""
    loaded = terms.loaded().values()
    return VERSION_OVERHEAD * len(terms.timeline.versions) + sum(state_bytes(state) for state in loaded)
