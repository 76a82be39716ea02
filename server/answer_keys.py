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
}
MOMENT_BY_PATH: dict[str, str] = {"/support": "at", "/delivery-estimate": "ordered_at"}

AnswerKey = tuple[str | None, ...]


def answer_key(path: str, values: Mapping[str, str | None]) -> AnswerKey | None:
    """The memo key of an answer, or None when it must be computed afresh (no moment given)."""
    moment = MOMENT_BY_PATH.get(path)
    if moment is not None and values.get(moment) is None:
        return None
    return (path, *(values.get(name) for name in PARAMETERS_BY_PATH[path]))
