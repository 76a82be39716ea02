"""How a memoised answer is keyed: its path and the query values exactly as sent.

The routes store answers under these keys and the fast path (server.fastpath) looks them up, so both
must build them the same way; this module is the one place that says how.
"""

from __future__ import annotations

from collections.abc import Mapping

# The parameters each answer depends on, in order. An answer that depends on the current time is
# memoised only when the moment is given (the parameter named in MOMENT_BY_PATH).
PARAMETERS_BY_PATH: dict[str, tuple[str, ...]] = {
    "/summary": (),
    "/payment": (),
    "/shipping": ("country", "region", "postal_code"),
    "/returns": ("country",),
    "/support": ("at",),
    "/delivery-estimate": ("country", "region", "postal_code", "service", "ordered_at"),
    "/return-deadline": ("country", "region", "delivered_on", "ordered_on"),
    "/performance": ("service", "country", "region"),
}
MOMENT_BY_PATH: dict[str, str] = {"/support": "at", "/delivery-estimate": "ordered_at"}

AnswerKey = tuple[str | None, ...]
# Every answer also takes `as_of`, the moment whose terms answer (server.selection). It is not part of
# the key: answers are kept per version, so the version chosen already says which terms answered.
AS_OF = "as_of"


def accepted(path: str) -> tuple[str, ...]:
    """The query parameters an answer takes: those it depends on, and as_of."""
    return (*PARAMETERS_BY_PATH[path], AS_OF)


def with_as_of(path: str, values: Mapping[str, str | None]) -> dict[str, str | None]:
    """The values with as_of standing for the moment a clock-dependent answer is about, when that is not
    given: "as of Monday 10:00" asks about an order placed, or support open, at that moment."""
    found = dict(values)
    moment = MOMENT_BY_PATH.get(path)
    if moment is not None and found.get(moment) is None and found.get(AS_OF) is not None:
        found[moment] = found[AS_OF]
    return found


def answer_key(path: str, values: Mapping[str, str | None]) -> AnswerKey | None:
    """The memo key of an answer, or None when it must be computed afresh (no moment given)."""
    moment = MOMENT_BY_PATH.get(path)
    if moment is not None and values.get(moment) is None:
        return None
    return (path, *(values.get(name) for name in PARAMETERS_BY_PATH[path]))
