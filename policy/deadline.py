"""Return deadlines: the shop's own window and, separately, the statutory withdrawal period.

The statutory period (Directive 2011/83/EU Art. 9; UK Consumer Contracts Regulations 2013) runs 14 days
from the day after delivery. In the EU, when its last day is a Saturday, Sunday or public holiday it
ends on the next working day (Regulation 1182/71 Art. 3(4)). The UK regulations (reg. 30) end the
period 14 calendar days after delivery and move it for no weekend or bank holiday, so a GB deadline is
never moved: telling a buyer a later day than the law gives would mislead them.
The shop's window is contractual and is not moved.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from shopterms.policy.calendar import business_calendar, weekday_numbers
from shopterms.policy.errors import QueryError
from shopterms.policy.model import Policy
from shopterms.policy.queries import ReturnDeadline, ShopWindow, StatutoryWithdrawal
from shopterms.policy.region import Region, resolve_country, resolve_region
from shopterms.policy.return_window import shop_window
from shopterms.policy.supported_dates import checked_day

# Member states of the EU, plus the UK whose regulations kept the same right; both count 14 days.
# fmt: off
WITHDRAWAL_COUNTRIES = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB",
})
# fmt: on
# Where Regulation 1182/71 moves a last day off weekends and public holidays: the EU, not the UK.
MOVED_TO_WORKING_DAY = WITHDRAWAL_COUNTRIES - {"GB"}
STATUTORY_DAYS = 14
_WORKING_DAYS = weekday_numbers(["mon", "tue", "wed", "thu", "fri"])


def _day(value: dt.date | str | None, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return checked_day(value.date(), field)
    if isinstance(value, dt.date):
        return checked_day(value, field)
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(field, f"'{value}' is not an ISO date; write e.g. 2026-12-11") from None
    return checked_day(day, field)


def return_deadline(
    policy: Policy,
    country: str,
    delivered_on: dt.date | str,
    ordered_on: dt.date | str | None = None,
    subdivision: str | None = None,
) -> ReturnDeadline:
    """The last day to send goods back from a country: the shop's window, the statutory period, the later.

    Raises QueryError for an unknown country or subdivision, malformed dates, an order after delivery, or
    a window counted from the order (or shipment) when `ordered_on` is missing.
    """
    code = resolve_country(country, "country")
    region, named_subdivision = resolve_region(code, subdivision, "region")
    delivered = _day(delivered_on, "delivered_on")
    assert delivered is not None
    ordered = _day(ordered_on, "ordered_on")
    if ordered is not None and ordered > delivered:
        raise QueryError("ordered_on", f"the order ({ordered}) cannot come after the delivery ({delivered})")
    notes: list[str] = []
    returns = policy.returns
    covered = returns is not None and (not returns.countries or code in returns.countries)
    shop = shop_window(returns, code, delivered, ordered, notes) if returns is not None and covered else None
    if returns is None:
        notes.append("The policy states no return terms.")
    elif not covered:
        covers = ", ".join(returns.countries)
        notes.append(f"The shop's return policy does not cover {code}; it covers {covers}.")
    statutory = _statutory(policy, region, delivered, notes) if code in WITHDRAWAL_COUNTRIES else None
    if statutory is None:
        notes.append(f"No statutory withdrawal period is modelled for {code} (only EU member states and GB).")
    last_day, decided_by = _effective(shop, statutory)
    return ReturnDeadline(
        country=code,
        region=named_subdivision,
        delivered_on=delivered,
        ordered_on=ordered,
        covered=covered,
        shop=shop,
        statutory=statutory,
        last_day=last_day,
        decided_by=decided_by,
        rule=_summary(shop, last_day, decided_by),
        notes=notes,
    )


def _statutory(policy: Policy, region: Region, delivered: dt.date, notes: list[str]) -> StatutoryWithdrawal:
    stated = policy.legal.withdrawal_days if policy.legal else None
    days = max(stated or STATUTORY_DAYS, STATUTORY_DAYS)
    if stated is not None and stated < STATUTORY_DAYS:
        notes.append(f"The policy states {stated} withdrawal days; the law grants at least {STATUTORY_DAYS}.")
    calendar = business_calendar(region, _WORKING_DAYS)
    period_end = delivered + dt.timedelta(days=days)
    moves = region.country in MOVED_TO_WORKING_DAY
    last_day = calendar.next_open(period_end) if moves else period_end
    moved = []
    day = period_end
    while day < last_day:
        reasons = [f"a {day.strftime('%A')}"] if day.weekday() >= 5 else []
        reasons += [name] if (name := calendar.holiday(day)) else []
        moved.append(f"{day.isoformat()} is {' and '.join(reasons)}")
        day += dt.timedelta(days=1)
    rule = (
        f"{days} days from delivery on {_named(delivered)} (that day not counted) end on {_named(period_end)}"
    )
    if not moves:
        rule += ", whatever day that is (Consumer Contracts Regulations 2013, reg. 30)"
    elif moved:
        rule += (
            f"; that is not a working day in {region.code} ({'; '.join(moved)}), so the period ends on the "
            f"next working day, {_named(last_day)} (Regulation 1182/71 Art. 3(4))"
        )
    return StatutoryWithdrawal(
        days=days,
        period_end=period_end,
        last_day=last_day,
        moved_past=moved,
        holidays=region.code,
        rule=rule + ".",
    )


def _named(day: dt.date) -> str:
    return f"{day.strftime('%a')} {day.isoformat()}"


Decider = Literal["shop", "statutory", "both", "unlimited", "none"]


def _effective(
    shop: ShopWindow | None, statutory: StatutoryWithdrawal | None
) -> tuple[dt.date | None, Decider]:
    if shop is not None and shop.type == "unlimited":
        return None, "unlimited"
    shop_day = shop.last_day if shop is not None else None
    legal_day = statutory.last_day if statutory is not None else None
    if shop_day is None and legal_day is None:
        return None, "none"
    if shop_day is None or (legal_day is not None and legal_day > shop_day):
        return legal_day, "statutory"
    if legal_day is None or shop_day > legal_day:
        return shop_day, "shop"
    return shop_day, "both"


def _summary(shop: ShopWindow | None, last_day: dt.date | None, decided_by: Decider) -> str:
    if decided_by == "unlimited":
        return "The shop accepts returns without a time limit."
    if decided_by == "none":
        if shop is None:
            return (
                "No deadline can be given: the shop's return policy does not cover this country "
                "and no statutory period is modelled."
            )
        return "No returns: the shop accepts none from this country and no statutory period is modelled."
    assert last_day is not None
    when = _named(last_day)
    if decided_by == "both":
        return f"Send the goods back by {when}: the shop's window and the statutory period end that day."
    if decided_by == "shop":
        return f"Send the goods back by {when}: the shop's window ends after the statutory period."
    if shop is None or shop.last_day is None:
        return f"Withdraw by {when}: only the statutory period applies."
    return f"Withdraw by {when}: the statutory period ends after the shop's window ({_named(shop.last_day)})."
