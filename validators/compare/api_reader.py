"""A comparison record from a shopterms HTTP API: GET {base}/policy, then the same path as a policy file.

The API serves the canonical policy as JSON, which is YAML too, so the loader reads it with located
diagnostics; facts then carry the /policy address and their path in that document as provenance.
"""

from __future__ import annotations

import datetime as dt

from shopterms.policy.compare.policy_record import record_from_policy
from shopterms.policy.compare.record import ComparisonRecord
from shopterms.policy.loader import load_policy_text
from shopterms.policy.queries import DestinationQuery
from shopterms.validators.bounded_json import load_json
from shopterms.validators.compare.fetching import SourceError, fetch
from shopterms.validators.fetch.client import Fetched
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits

POLICY_ACCEPT = "application/json"


def policy_url(base: str) -> str:
    """The /policy address of an API base address (unchanged when it already names /policy)."""
    trimmed = base.rstrip("/")
    return trimmed if trimmed.endswith("/policy") else f"{trimmed}/policy"


def looks_like_policy(fetched: Fetched, limits: Limits = DEFAULT_LIMITS) -> bool:
    """A JSON object with the keys every canonical policy has (nested no deeper than the limit)."""
    if fetched.status != 200 or "json" not in fetched.content_type or "ld+json" in fetched.content_type:
        return False
    try:
        data = load_json(fetched.body, limits.max_json_depth)
    except ValueError:  # not JSON, or nested too deep to be a policy
        return False
    return isinstance(data, dict) and "shop" in data and "version" in data


def record_from_fetched(
    fetched: Fetched, source: str, destination: DestinationQuery | str, ordered_at: dt.datetime | str | None
) -> ComparisonRecord:
    """The record of a /policy response already fetched."""
    result = load_policy_text(fetched.text, fetched.url)
    if result.policy is None:
        first = result.diagnostics[0]
        where = f" at line {first.location.line}" if first.location else ""
        raise SourceError(source, f"the policy it serves is not valid{where}: {first.message}")
    return record_from_policy(result, destination, ordered_at, kind="api", location=fetched.url)


def record_from_api(
    base: str,
    destination: DestinationQuery | str,
    ordered_at: dt.datetime | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ComparisonRecord:
    """The record of the shop a shopterms API serves at `base` (its root, or its /policy address)."""
    url = policy_url(base)
    fetched = fetch(url, POLICY_ACCEPT, limits, base)
    if fetched.status != 200:
        raise SourceError(base, f"{url} answered HTTP {fetched.status}; is this a shopterms API?")
    if not looks_like_policy(fetched, limits):
        raise SourceError(
            base,
            f"{url} did not answer with a shopterms policy (got {fetched.content_type or 'no content type'})",
        )
    return record_from_fetched(fetched, base, destination, ordered_at)
