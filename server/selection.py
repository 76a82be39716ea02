"""Which version of the terms answers a request, and what the answer says about it.

Every question may name a moment, `as_of` (default: now), and gets the version in force then. A question
about an order is answered with the terms in force when the order was placed: `ordered_at` for a
delivery estimate, `ordered_on` (from midnight in the shop's time zone) for a return deadline — that
moment decides over `as_of`. Where an answer depends on the clock and no moment is given (an estimate
for an order placed "now", whether support is open "now"), `as_of` stands for now.

The routes, the fast path and the MCP tools all choose through here, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from shopterms.policy.arguments import MOMENT, checked_day, checked_moment
from shopterms.server.problems import NotInForceError
from shopterms.server.terms import ShopTerms
from shopterms.server.version_state import ShopState
from shopterms.store.timeline import BeforeFirstVersionError

AS_OF = "as_of"
AS_OF_DESCRIPTION = (
    "Answer with the terms in force at this moment (RFC 3339 with seconds and UTC offset); default: now. "
    "The answer's `version` and ETag name the version that answered."
)
AS_OF_EXAMPLE = MOMENT.example
# Questions about an order: the order's moment chooses the terms.
ORDER_MOMENT_BY_QUESTION: dict[str, str] = {
    "/delivery-estimate": "ordered_at",
    "/return-deadline": "ordered_on",
}


def deciding_moment(
    question: str, values: Mapping[str, str | None], terms: ShopTerms
) -> tuple[dt.datetime | None, str]:
    """The moment whose terms answer `question` (None: now), and the parameter that named it.

    Raises the QueryError the answers layer would raise for a malformed moment, in the same words."""
    order_field = ORDER_MOMENT_BY_QUESTION.get(question)
    order_value = values.get(order_field) if order_field else None
    if order_field is not None and order_value is not None:
        if order_field == "ordered_on":
            day = checked_day(order_value, order_field)
            assert day is not None
            return dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(_zone(terms))), order_field
        return checked_moment(order_value, order_field), order_field
    as_of = values.get(AS_OF)
    return (checked_moment(as_of, AS_OF) if as_of is not None else None), AS_OF


def _zone(terms: ShopTerms) -> str:
    """The shop's time zone, from the version published last."""
    return terms.state(terms.timeline.latest).policy.shop.timezone


def state_at(terms: ShopTerms, moment: dt.datetime | None, field: str = AS_OF) -> ShopState:
    """The state in force at `moment` (None: now); NotInForceError (404) before the first version."""
    try:
        return terms.at(moment)
    except BeforeFirstVersionError as error:
        raise NotInForceError(
            field,
            f"{terms.shop_id} published no terms in force at {error.moment.isoformat()}; its first version "
            f"takes effect at {error.first.isoformat()}",
        ) from None


def select(question: str, values: Mapping[str, str | None], terms: ShopTerms) -> ShopState:
    moment, field = deciding_moment(question, values, terms)
    return state_at(terms, moment, field)


def fresh_for(terms: ShopTerms, values: Mapping[str, str | None], max_age: int) -> int:
    """Seconds a cache may keep an answer: `max_age`, but no longer than until a scheduled version takes
    over when the answer is about now."""
    if values.get(AS_OF) is not None or any(values.get(field) for field in ORDER_MOMENT_BY_QUESTION.values()):
        return max_age
    switch = terms.next_change()
    if switch is None:
        return max_age
    return max(0, min(max_age, int((switch - terms.clock()).total_seconds())))


def cache_control(terms: ShopTerms, values: Mapping[str, str | None], max_age: int) -> str:
    return f"public, max-age={fresh_for(terms, values, max_age)}"


def signature_link(base_url: str, state: ShopState) -> str | None:
    """The Link header value pointing at the version's signature, when it has one."""
    if not state.version.signed:
        return None
    return f'<{base_url}/versions/{state.version.hash}/signature>; rel="signature"; type="application/jose"'


def with_link(headers: dict[str, str], link: str | None) -> dict[str, str]:
    if link is None:
        return headers
    present = headers.get("Link")
    return {**headers, "Link": f"{present}, {link}" if present else link}
