"""Core plausibility of delivery (SHIP###): destinations and countries sold to, working days, cutoffs,
closures, excluded areas and carriers. Prices are in `core_rates`."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from functools import lru_cache
from zoneinfo import ZoneInfo

from shopterms.policy.carriers import CUSTOM_PREFIX, carriers_by_id
from shopterms.policy.diagnostics import CodeInfo, YamlPath
from shopterms.policy.model import DateRange
from shopterms.validators.rules.parts import services_with_paths as _services
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "core")


@rule(
    CodeInfo(
        code="SHIP005",
        name="destination-not-sold-to",
        severity="warning",
        summary="A service delivers to a country that `shop.sells_to` does not list.",
        why="`sells_to` chooses the legal rule packs and tells agents where the shop sells; a destination "
        "outside it is either missing there or a leftover.",
        example="shop:\n  sells_to: [DE]\n...\n    to: [DE, AT]",
        instead="shop:\n  sells_to: [DE, AT]\n...\n    to: [DE, AT]",
    )
)
def destination_not_sold_to(given: RuleInput) -> Iterator[Finding]:
    sold = set(given.policy.shop.sells_to)
    for path, service in _services(given):
        for d, destination in enumerate(service.to):
            if destination.country not in sold:
                yield Finding(
                    (*path, "to", d),
                    f"service {service.id} delivers to {destination.country}, "
                    "which shop.sells_to does not list",
                    hint=f"add {destination.country} to shop.sells_to, or remove it from the service",
                )


@rule(
    CodeInfo(
        code="SHIP006",
        name="country-without-delivery",
        severity="error",
        summary="A country in `shop.sells_to` is reached by no delivery service.",
        why="Buyers there get no delivery time and no shipping price; agents cannot say whether the shop "
        "delivers at all.",
        example="sells_to: [DE, AT]\n...\nservices:\n  - {id: standard, to: [DE], transit: 1-2, rate: 4.95}",
        instead="sells_to: [DE, AT]\n...\nservices:\n"
        "  - {id: standard, to: [DE, AT], transit: 1-3, rate: 4.95}",
    )
)
def country_without_delivery(given: RuleInput) -> Iterator[Finding]:
    if given.policy.shipping is None:
        return
    served = {d.country for _, service in _services(given) for d in service.to}
    for i, country in enumerate(given.policy.shop.sells_to):
        if country not in served:
            yield Finding(
                ("shop", "sells_to", i),
                f"the shop sells to {country}, but no shipping service delivers there",
                hint=f"add {country} to the `to` list of a service, with its transit time and price",
            )


def _cutoffs(given: RuleInput) -> Iterator[tuple[YamlPath, dt.time]]:
    shipping = given.policy.shipping
    if shipping is None:
        return
    if shipping.handling.cutoff is not None:
        yield ("shipping", "handling", "cutoff"), shipping.handling.cutoff
    for path, service in _services(given):
        if service.cutoff is not None:
            yield (*path, "cutoff"), service.cutoff


@lru_cache(maxsize=256)
def _clock_change(zone: ZoneInfo, at: dt.time, year: int) -> str | None:
    """'skipped' or 'repeated' when the local time `at` falls into a clock change of `year` (remembered:
    it walks the whole year, and validation asks it for every cutoff of every file)."""
    day = dt.date(year, 1, 1)
    while day.year == year:
        moment = dt.datetime.combine(day, at)
        first, second = moment.replace(tzinfo=zone, fold=0), moment.replace(tzinfo=zone, fold=1)
        if first.utcoffset() != second.utcoffset():
            back = first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
            return "skipped" if back != moment else "repeated"
        day += dt.timedelta(days=1)
    return None


@rule(
    CodeInfo(
        code="SHIP008",
        name="cutoff-in-clock-change",
        severity="warning",
        summary="A cutoff time is skipped or repeated on the day the clocks change in the shop's time zone.",
        why="On that day a cutoff of 02:30 (Europe/Berlin) does not happen, or happens twice, so the rule "
        "for same-day dispatch has no single meaning.",
        example='handling: {days: 0-1, cutoff: "02:30"}',
        instead='handling: {days: 0-1, cutoff: "14:00"}',
    )
)
def cutoff_in_clock_change(given: RuleInput) -> Iterator[Finding]:
    zone = ZoneInfo(given.policy.shop.timezone)
    for path, cutoff in _cutoffs(given):
        change = _clock_change(zone, cutoff, 2026)
        if change:
            yield Finding(
                path,
                f"the cutoff {cutoff:%H:%M} is {change} once a year when the clocks change in "
                f"{given.policy.shop.timezone}",
                hint="choose a cutoff outside the night hours in which the clocks change",
            )


@rule(
    CodeInfo(
        code="SHIP009",
        name="cutoff-at-midnight",
        severity="warning",
        summary='A cutoff of "00:00" means no order ever counts from its own day.',
        why="Every order then starts the handling time on the next business day; usually the author meant "
        '"23:59" or a working-hours time.',
        example='cutoff: "00:00"',
        instead='cutoff: "23:59"',
    )
)
def cutoff_at_midnight(given: RuleInput) -> Iterator[Finding]:
    for path, cutoff in _cutoffs(given):
        if cutoff == dt.time(0, 0):
            yield Finding(
                path,
                'a cutoff of "00:00" makes every order count from the next business day',
                hint='write the latest time at which an order still counts from its own day, e.g. "14:00"',
            )


@rule(
    CodeInfo(
        code="SHIP010",
        name="no-working-days",
        severity="error",
        summary="A list of business days (warehouse) or delivery days (service) is empty.",
        why="With no day on which the warehouse ships or the carrier delivers, no order can ever arrive.",
        example="handling: {days: 1, business_days: []}",
        instead="handling: {days: 1, business_days: Mon-Fri}",
    )
)
def no_working_days(given: RuleInput) -> Iterator[Finding]:
    shipping = given.policy.shipping
    if shipping is None:
        return
    if not shipping.handling.business_days:
        yield Finding(
            ("shipping", "handling", "business_days"),
            "the warehouse has no business day to ship on",
            hint="list the days it ships, e.g. Mon-Fri",
        )
    for path, service in _services(given):
        if not service.delivery_days:
            yield Finding(
                (*path, "delivery_days"),
                f"service {service.id} has no day on which it delivers",
                hint="list the days the carrier delivers, e.g. Mon-Fri",
            )


def _days(closure: DateRange) -> str:
    return str(closure.start) if closure.start == closure.end else f"{closure.start}..{closure.end}"


@rule(
    CodeInfo(
        code="SHIP011",
        name="overlapping-closures",
        severity="warning",
        summary="Two warehouse closures share days.",
        why="Overlapping closures are usually a typo in one of the dates; one range is clearer.",
        example="closed: [2026-12-24..2027-01-01, 2026-12-31]",
        instead="closed: [2026-12-24..2027-01-01]",
    )
)
def overlapping_closures(given: RuleInput) -> Iterator[Finding]:
    if given.policy.shipping is None:
        return
    closed = given.policy.shipping.closed
    # In order of their first day, each closure is checked against the one reaching furthest before it:
    # n log n, where comparing every pair would take minutes for a file with thousands of closures.
    furthest: int | None = None
    for index in sorted(range(len(closed)), key=lambda i: (closed[i].start, i)):
        if furthest is not None and closed[index].start <= closed[furthest].end:
            later, earlier = max(index, furthest), min(index, furthest)
            yield Finding(
                ("shipping", "closed", later),
                f"closure {_days(closed[later])} overlaps closure {_days(closed[earlier])}",
                hint="merge the two into one range",
            )
        if furthest is None or closed[index].end > closed[furthest].end:
            furthest = index


@rule(
    CodeInfo(
        code="SHIP012",
        name="excluded-area-not-served",
        severity="warning",
        summary="A service excludes an area in a country it does not deliver to anyway.",
        why="The exclusion has no effect; usually the country is missing from `to` or the exclusion belongs "
        "to another service.",
        example="to: [DE]\nexcluded: [{country: ES, region: ES-CN}]",
        instead="to: [DE, ES]\nexcluded: [{country: ES, region: ES-CN}]",
    )
)
def excluded_area_not_served(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        served = {d.country for d in service.to}
        for e, area in enumerate(service.excluded):
            if area.country not in served:
                yield Finding(
                    (*path, "excluded", e),
                    f"service {service.id} excludes {area.label()} but does not deliver to {area.country}",
                    hint=f"add {area.country} to `to`, or drop the exclusion",
                )


@rule(
    CodeInfo(
        code="SHIP013",
        name="custom-carrier-in-vocabulary",
        severity="info",
        summary="A carrier written custom:<name> matches a carrier of the vocabulary.",
        why="Vocabulary ids carry the carrier's name, tracking link and identity for agents; a custom "
        "name is just text.",
        example="carriers: [custom:DHL Paket]",
        instead="carriers: [dhl-germany]",
    )
)
def custom_carrier_in_vocabulary(given: RuleInput) -> Iterator[Finding]:
    known = carriers_by_id()
    by_name = {carrier.name.lower(): cid for cid, carrier in known.items()}
    for path, service in _services(given):
        for c, ref in enumerate(service.carriers):
            if not ref.startswith(CUSTOM_PREFIX):
                continue
            name = ref[len(CUSTOM_PREFIX) :].strip().lower()
            match = by_name.get(name) or (name if name in known else None)
            if match is None:
                close = difflib.get_close_matches(name, list(by_name), n=1, cutoff=0.85)
                match = by_name[close[0]] if close else None
            if match:
                yield Finding(
                    (*path, "carriers", c),
                    f"{ref} looks like the carrier {match} of the vocabulary",
                    hint=f"write {match}",
                )


@rule(
    CodeInfo(
        code="SHIP014",
        name="same-day-without-cutoff",
        severity="warning",
        summary="Handling can take 0 days (same-day dispatch) but no cutoff time says until when.",
        why="Without a cutoff an order at 23:55 would count as dispatched the same day; every delivery date "
        "promised for late orders is then a day too early.",
        example="handling: {days: 0-1}",
        instead='handling: {days: 0-1, cutoff: "14:00"}',
    )
)
def same_day_without_cutoff(given: RuleInput) -> Iterator[Finding]:
    shipping = given.policy.shipping
    if shipping is None:
        return
    if shipping.handling.days.min == 0 and shipping.handling.cutoff is None:
        missing = [s.id for s in shipping.services if s.handling is None and s.cutoff is None]
        if missing:
            yield Finding(
                ("shipping", "handling", "days"),
                "same-day dispatch is possible but no cutoff time is stated",
                hint='add the latest order time for same-day dispatch, e.g. cutoff: "14:00"',
            )
    for path, service in _services(given):
        same_day = service.handling is not None and service.handling.min == 0
        if same_day and service.cutoff is None and shipping.handling.cutoff is None:
            yield Finding(
                (*path, "handling"),
                f"service {service.id} can dispatch the same day but states no cutoff time",
                hint='add cutoff: "14:00" (or the real time) to the service or the warehouse',
            )


# The longest closure a shop can mean as a break: beyond a year, an order placed in it has no dispatch day
# within a year, and the shop has in truth stopped shipping.
_LONGEST_BREAK = dt.timedelta(days=365)


def _closed_stretches(closed: list[DateRange]) -> list[tuple[dt.date, dt.date, list[int]]]:
    """Closures joined where they overlap or meet: (first day, last day, indexes of the closures)."""
    stretches: list[tuple[dt.date, dt.date, list[int]]] = []
    for index, closure in sorted(enumerate(closed), key=lambda item: item[1].start):
        if stretches and closure.start <= stretches[-1][1] + dt.timedelta(days=1):
            first, last, indexes = stretches[-1]
            stretches[-1] = (first, max(last, closure.end), [*indexes, index])
        else:
            stretches.append((closure.start, closure.end, [index]))
    return stretches


@rule(
    CodeInfo(
        code="SHIP015",
        name="closure-without-end",
        severity="error",
        summary="Warehouse closures leave no dispatch day for more than a year.",
        why="An order placed during the closure could not be dispatched within a year, so no delivery date "
        "can be promised; a closure that long usually means the end date is a placeholder "
        "(2199-12-31) or the shop has stopped shipping.",
        example="closed: [2026-01-01..2199-12-31]",
        instead="closed: [2026-12-24..2027-01-01]   (or remove the shipping section if the shop no longer "
        "ships)",
    )
)
def closure_without_end(given: RuleInput) -> Iterator[Finding]:
    if given.policy.shipping is None:
        return
    closed = given.policy.shipping.closed
    for first, last, indexes in _closed_stretches(closed):
        if last - first >= _LONGEST_BREAK:
            if len(indexes) == 1:
                what = f"the warehouse closure {_days(closed[indexes[0]])} lasts"
            else:
                joined = " and ".join(_days(closed[index]) for index in indexes)
                what = f"the warehouse closures {joined} join into one from {first} to {last}, which lasts"
            yield Finding(
                ("shipping", "closed", indexes[0]),
                f"{what} more than a year: an order placed in it has no dispatch day within a year",
                hint="give the closure its real end; if the shop no longer ships, drop its shipping section",
            )
