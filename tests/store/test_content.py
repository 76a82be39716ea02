"""A version's content hash depends on the terms, not on how the file writes them, and the canonical JSON
gives the policy back without any YAML."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from shopterms.policy.loader import load_policy, load_policy_text
from shopterms.store.content import canonical_bytes, policy_bytes, policy_from_canonical, policy_hash
from tests.conftest import example_files
from tests.store.store_harness import variant


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.stem)
def test_every_example_comes_back_whole_from_its_canonical_json(path: Path) -> None:
    policy = load_policy(path).policy
    assert policy is not None
    assert policy_from_canonical(policy_bytes(policy)) == policy


def test_shorthand_and_the_structured_form_give_the_same_hash() -> None:
    short = load_policy_text(variant()).policy
    spelled = load_policy_text(
        variant(
            ("transit: 1-2 ", "transit: {min: 1, max: 2} "),
            ("window: 30 days after delivery", "window: {days: 30, after: delivery}"),
        )
    ).policy
    assert short is not None and spelled is not None
    assert policy_hash(short) == policy_hash(spelled)


def test_the_hash_is_the_sha256_of_rfc_8785_canonical_json() -> None:
    policy = load_policy_text(variant()).policy
    assert policy is not None
    canonical = policy_bytes(policy)
    assert policy_hash(policy) == hashlib.sha256(canonical).hexdigest()
    # RFC 8785: keys sorted, no whitespace, numbers in their shortest form.
    assert canonical == json.dumps(
        json.loads(canonical), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")
    assert canonical_bytes({"b": 1.0, "a": [10.50, 1e21]}) == b'{"a":[10.5,1e+21],"b":1}'
