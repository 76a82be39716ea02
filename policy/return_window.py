"""The shop's own return window for one country: base terms, country overrides and seasonal overrides."""

from __future__ import annotations

import datetime as dt

from shopterms.policy.errors import QueryError
from shopterms.policy.model import Returns
from shopterms.policy.model.returns import Seasonal
from shopterms.policy.queries import ShopWindow


def _weekday(day: dt.date) -> str:
    return f"{day.strftime('%a')} {day.isoformat()}"


def _period(season: Seasonal) -> str:
    return f"{season.orders.start}..{season.orders.end} ({season.name})"


def _seasonal(
    returns: Returns, ordered: dt.date | None, delivered: dt.date, notes: list[str]
) -> Seasonal | None:
    """The override chosen by order date; without one, a note when an override could have applied."""
    if ordered is not None:
        return next((season for season in returns.seasonal if ordered in season.orders), None)
    possible = [season for season in returns.seasonal if season.orders.start <= delivered]
    if possible:
        names = ", ".join(
            f"{season.name} (orders {season.orders.start}..{season.orders.end})" for season in possible
        )
        notes.append(f"ordered_on was not given, so seasonal overrides were not considered: {names}.")
    return None


def shop_window(
    returns: Returns, country: str, delivered: dt.date, ordered: dt.date | None, notes: list[str]
) -> ShopWindow:
    window = returns.for_country(country).window
    assert window is not None  # the base terms always carry one
    if window.type != "finite":
        rule = (
            f"The shop accepts no returns from {country}."
            if window.type == "none"
            else f"The shop accepts returns from {country} without a time limit."
        )
        return ShopWindow(
            type=window.type,
            days=None,
            counted_from=window.after,
            anchor=None,
            assumed=None,
            seasonal=None,
            last_day=None,
            rule=rule,
        )
    season = _seasonal(returns, ordered, delivered, notes)
    if season is not None and season.until is not None:
        return ShopWindow(
            type="finite",
            days=None,
            counted_from="order",
            anchor=ordered,
            assumed=None,
            seasonal=season.name,
            last_day=season.until,
            rule=f"Orders placed {_period(season)} can be returned until {_weekday(season.until)}.",
        )
    if season is not None and season.days is not None:
        last_day = delivered + dt.timedelta(days=season.days)
        return ShopWindow(
            type="finite",
            days=season.days,
            counted_from="delivery",
            anchor=delivered,
            assumed=None,
            seasonal=season.name,
            last_day=last_day,
            rule=f"Orders placed {_period(season)} can be returned for {season.days} days after delivery "
            f"({delivered.isoformat()}): until {_weekday(last_day)}.",
        )
    assert window.days is not None
    anchor, assumed = delivered, None
    if window.after != "delivery":
        if ordered is None:
            raise QueryError(
                "ordered_on",
                f"this shop counts its return window from the {window.after}; give ordered_on (order date)",
            )
        anchor = ordered
        if window.after == "shipment":
            assumed = (
                "The shipment date is not known; the order date (the earliest it can have shipped) was used, "
                "so the real deadline is this day or later."
            )
    last_day = anchor + dt.timedelta(days=window.days)
    return ShopWindow(
        type="finite",
        days=window.days,
        counted_from=window.after,
        anchor=anchor,
        assumed=assumed,
        seasonal=None,
        last_day=last_day,
        rule=f"{window.days} days after {window.after} ({anchor.isoformat()}{', assumed' if assumed else ''})"
        f": until {_weekday(last_day)}.",
    )
