"""Core plausibility of the shipping section (SHIP###): prices, tiers, destinations, days and cutoffs.

Rate tiers are read as `policy.export.rates` reads them: both ends of a range are inclusive, and where
one tier ends at the value the next starts (0-2 and 2-10 kg), the lower tier owns that value. So touching
tiers are fine; tiers that share more than that one value are ambiguous and reported.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections.abc import Iterator
from decimal import Decimal
from zoneinfo import ZoneInfo

from policy.carriers import CUSTOM_PREFIX, carriers_by_id
from policy.diagnostics import CodeInfo, YamlPath
from policy.model import DateRange, RateRule, Service
from policy.model.shipping import ValueRange
from validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "core")

_DIMENSIONS = (("weight_kg", "kg"), ("order_value", ""), ("items", "items"))
_PLURAL = {"weight_kg": "weights", "order_value": "order values", "items": "item counts"}


def _services(given: RuleInput) -> Iterator[tuple[YamlPath, Service]]:
    if given.policy.shipping is not None:
        for index, service in enumerate(given.policy.shipping.services):
            yield ("shipping", "services", index), service


def _applicable(service: Service, country: str) -> list[int]:
    """Indexes of the rate rules in force for `country` (rules naming it replace the general ones)."""
    specific = [i for i, rule in enumerate(service.rate) if country in rule.countries]
    return specific or [i for i, rule in enumerate(service.rate) if not rule.countries]


def _scope(service: Service) -> list[str]:
    named = [d.country for d in service.to] + [c for rule in service.rate for c in rule.countries]
    return list(dict.fromkeys(named))


@rule(
    CodeInfo(
        code="SHIP001",
        name="destination-without-price",
        severity="error",
        summary="A service delivers to a country for which none of its rate rules gives a price.",
        why="A buyer (or an agent) asking what delivery to that country costs gets no answer, and German "
        "price law wants shipping costs stated as amounts.",
        example="to: [AT, CH]\nrate: {AT: 7.95}",
        instead="to: [AT, CH]\nrate: {AT: 7.95, CH: 14.95}",
    )
)
def destination_without_price(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        for d, destination in enumerate(service.to):
            if not _applicable(service, destination.country):
                yield Finding(
                    (*path, "to", d),
                    f"service {service.id} delivers to {destination.country} but states no price for it",
                    hint=f"add a price for {destination.country}, or a rule without countries for everywhere",
                )


def _overlap(a: ValueRange | None, b: ValueRange | None) -> bool:
    """True when two ranges share more than one end point (no range means every value)."""
    if a is None or b is None:
        return True
    low = max(a.min, b.min)
    highs = [value for value in (a.max, b.max) if value is not None]
    high = min(highs) if highs else None
    return high is None or low < high or (low == high and a == b)


def _conditions(rule: RateRule) -> str:
    parts = [f"{name} {_shown(getattr(rule, name))}" for name, _ in _DIMENSIONS if getattr(rule, name)]
    return ", ".join(parts) or "no conditions"


def _shown(value: ValueRange) -> str:
    low = f"{value.min.normalize():f}"
    return f"{low}+" if value.max is None else f"{low}-{value.max.normalize():f}"


@rule(
    CodeInfo(
        code="SHIP002",
        name="overlapping-rate-tiers",
        severity="error",
        summary="Two rate rules of a service apply to the same order and ask different prices.",
        why="With weights 0-5 and 2-10 kg a 3 kg parcel has two prices, and nobody can tell which one "
        "the shop charges. Tiers may touch (0-2 and 2-10: a 2 kg parcel pays the 0-2 price) but not overlap.",
        example="rate:\n  - {amount: 4.95, weight_kg: 0-5}\n  - {amount: 6.95, weight_kg: 2-10}",
        instead="rate:\n  - {amount: 4.95, weight_kg: 0-2}\n  - {amount: 6.95, weight_kg: 2-10}",
    )
)
def overlapping_rate_tiers(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        pairs: dict[tuple[int, int], None] = {}
        for country in _scope(service):
            for i, j in itertools.combinations(_applicable(service, country), 2):
                a, b = service.rate[i], service.rate[j]
                if a.amount != b.amount and all(
                    _overlap(getattr(a, n), getattr(b, n)) for n, _ in _DIMENSIONS
                ):
                    pairs.setdefault((i, j))
        for i, j in pairs:
            a, b = service.rate[i], service.rate[j]
            yield Finding(
                (*path, "rate", j),
                f"rate rules {i + 1} ({_conditions(a)}: {a.amount}) and "
                f"{j + 1} ({_conditions(b)}: {b.amount}) of service {service.id} both apply to some orders",
                hint="make the ranges meet without overlapping, e.g. 0-2 and 2-10 (a value on the border "
                "belongs to the lower tier)",
            )


def _gaps(ranges: list[ValueRange]) -> Iterator[tuple[Decimal, Decimal | None]]:
    ordered = sorted(ranges, key=lambda r: r.min)
    reach: Decimal | None = Decimal(0)
    for item in ordered:
        if reach is None:
            return
        if item.min > reach:
            yield reach, item.min
        reach = None if item.max is None else max(reach, item.max)


@rule(
    CodeInfo(
        code="SHIP003",
        name="gap-between-rate-tiers",
        severity="warning",
        summary="Rate tiers of one kind (weight, order value or items) leave values between them unpriced.",
        why="Tiers 0-2 kg and 5-10 kg give no price for a 3 kg parcel; the buyer cannot work out the cost.",
        example="rate:\n  - {amount: 4.95, weight_kg: 0-2}\n  - {amount: 6.95, weight_kg: 5-10}",
        instead="rate:\n  - {amount: 4.95, weight_kg: 0-2}\n  - {amount: 6.95, weight_kg: 2-10}",
    )
)
def gap_between_rate_tiers(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        seen: set[tuple[str, Decimal, Decimal | None]] = set()
        for country in _scope(service):
            rules = [service.rate[i] for i in _applicable(service, country)]
            for name, unit in _DIMENSIONS:
                ranges = [getattr(r, name) for r in rules]
                others = [n for n, _ in _DIMENSIONS if n != name]
                if len(ranges) < 2 or None in ranges or any(getattr(r, n) for r in rules for n in others):
                    continue
                for low, high in _gaps(ranges):
                    if (name, low, high) in seen:
                        continue
                    seen.add((name, low, high))
                    words = f"{low.normalize():f} and {high.normalize() if high else 'more'} {unit}".strip()
                    yield Finding(
                        (*path, "rate"),
                        f"service {service.id} has no price for {_PLURAL[name]} between {words}",
                        hint="let each tier start where the one before ends",
                    )


@rule(
    CodeInfo(
        code="SHIP004",
        name="price-for-unserved-country",
        severity="warning",
        summary="A rate rule names a country the service does not deliver to.",
        why="The price can never apply; usually the country is missing from `to`, or the rule sits under the "
        "wrong service.",
        example="to: [AT]\nrate: {AT: 7.95, CH: 14.95}",
        instead="to: [AT, CH]\nrate: {AT: 7.95, CH: 14.95}",
    )
)
def price_for_unserved_country(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        served = {d.country for d in service.to}
        for r, rate in enumerate(service.rate):
            for c, country in enumerate(rate.countries):
                if country not in served:
                    yield Finding(
                        (*path, "rate", r, "countries", c),
                        f"service {service.id} has a price for {country} but does not deliver there",
                        hint=f"add {country} to `to`, or remove the price",
                    )


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


@rule(
    CodeInfo(
        code="SHIP007",
        name="free-shipping-from-zero",
        severity="warning",
        summary="`free_from` is 0, so every order ships free and the rate is never charged.",
        why="A threshold of 0 is almost always a slip for a real amount; if shipping is free, say so with "
        "`rate: free`.",
        example="rate: 4.95\nfree_from: 0",
        instead="rate: 4.95\nfree_from: 50",
    )
)
def free_shipping_from_zero(given: RuleInput) -> Iterator[Finding]:
    for path, service in _services(given):
        if service.free_from is not None and service.free_from <= 0:
            yield Finding(
                (*path, "free_from"),
                f"service {service.id} ships free from an order value of 0, so its rate never applies",
                hint="write the order value from which shipping is free, or `rate: free`",
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


def _clock_change(zone: ZoneInfo, at: dt.time, year: int) -> str | None:
    """'skipped' or 'repeated' when the local time `at` falls into a clock change of `year`."""
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
    for (_, a), (j, b) in itertools.combinations(enumerate(closed), 2):
        if a.start <= b.end and b.start <= a.end:
            yield Finding(
                ("shipping", "closed", j),
                f"closure {_days(b)} overlaps closure {_days(a)}",
                hint="merge the two into one range",
            )


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
