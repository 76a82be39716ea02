"""The shipping section of the terms page: one table row per service, then the warehouse's rules."""

from __future__ import annotations

from shopterms.policy.carriers import carrier_name
from shopterms.policy.documents.markup import Markup, element, facts, lines, table
from shopterms.policy.documents.terms_page.formatter import Formatter
from shopterms.policy.jsonld.destinations import destination_groups
from shopterms.policy.jsonld.timing import handling_cutoff, handling_days
from shopterms.policy.model import Destination, Policy, RateRule, Service, Shipping
from shopterms.policy.model.common import DayRange
from shopterms.policy.model.shipping import ValueRange

DEFAULT_DELIVERY_DAYS = ["mon", "tue", "wed", "thu", "fri"]


def shipping_section(policy: Policy, fmt: Formatter) -> Markup:
    shipping = policy.shipping
    if shipping is None:
        return Markup("")
    say = fmt.say
    columns = ("col.service", "col.destinations", "col.price", "col.time", "col.carriers")
    rows = [_service_row(policy, service, fmt) for service in shipping.services]
    return element(
        "section",
        element("h2", say("section.shipping")),
        table([say(key) for key in columns], rows, "services"),
        _warehouse_facts(policy, shipping, fmt),
        id="shipping",
    )


def _service_row(policy: Policy, service: Service, fmt: Formatter) -> Markup:
    say = fmt.say
    name_cell = [element("strong", service.name or service.id)]
    notes = []
    if service.type == "collection_point":
        notes.append(say("collection_point"))
    if service.delivery_options:
        notes.append(fmt.join([say.code("delivery_option", option) for option in service.delivery_options]))
    destinations = fmt.join([_destination(area, fmt) for area in service.to])
    excluded = (
        say("excluded", areas=fmt.join([_destination(a, fmt) for a in service.excluded]))
        if service.excluded
        else None
    )
    timing = [
        _within(fmt, "dispatch", handling_days(policy, service)),
        _within(fmt, "transit", service.transit),
    ]
    cutoff = handling_cutoff(policy, service)
    if cutoff is not None:
        timing.append(say("cutoff_short", time=fmt.time(cutoff)))
    if list(service.delivery_days) != DEFAULT_DELIVERY_DAYS:
        timing.append(say("delivers_on", days=fmt.weekday_names(service.delivery_days)))
    carriers = [fmt.join([carrier_name(ref) for ref in service.carriers])] if service.carriers else []
    if service.carrier_choice:
        carriers.append(say("carrier_choice"))
    return element(
        "tr",
        element("th", name_cell, lines(notes), scope="row"),
        element("td", lines([destinations, excluded])),
        element("td", lines(_prices(service, fmt)), class_="prices"),
        element("td", lines(timing)),
        element("td", lines(carriers)),
    )


def _within(fmt: Formatter, step: str, days: DayRange) -> str:
    """ "dispatched in 0-1 business days", or "the same business day" when nothing else is possible."""
    if days.max == 0:
        return fmt.say(f"{step}_same_day")
    return fmt.say(f"{step}_in", days=fmt.days(days))


def _destination(area: Destination, fmt: Formatter) -> str:
    name = fmt.area(area.region) if area.region else fmt.country(area.country)
    if area.postal_codes:
        return f"{name} ({fmt.say('postal_codes', codes=', '.join(area.postal_codes))})"
    return name


def _prices(service: Service, fmt: Formatter) -> list[str]:
    groups = destination_groups(service)
    texts: list[str] = []
    for group in groups:
        where = fmt.join([_destination(d, fmt) for d in group.destinations]) + ":" if len(groups) > 1 else ""
        if where and len(group.rules) > 1:
            # A heading line for the countries, then one line per tier, instead of repeating the countries.
            texts.append(where)
            where = ""
        texts.extend(f"{where} {_rule(rule, fmt)}".strip() for rule in group.rules)
    if service.free_from is not None:
        texts.append(fmt.say("free_from", amount=fmt.money(service.free_from)))
    return texts


def _rule(rule: RateRule, fmt: Formatter) -> str:
    price = fmt.say("free") if rule.amount == 0 else fmt.money(rule.amount)
    limits = []
    if rule.weight_kg is not None:
        limits.append(fmt.say("limit.weight", range=_range(rule.weight_kg, fmt.number, fmt)))
    if rule.order_value is not None:
        limits.append(fmt.say("limit.order_value", range=_range(rule.order_value, fmt.money, fmt)))
    if rule.items is not None:
        limits.append(fmt.say("limit.items", range=_range(rule.items, fmt.number, fmt)))
    return f"{', '.join(limits)}: {price}" if limits else price


def _range(values: ValueRange, show: object, fmt: Formatter) -> str:
    assert callable(show)
    if values.max is None:
        return fmt.say("range.from", low=show(values.min))
    return fmt.say("range.between", low=show(values.min), high=show(values.max))


def _warehouse_facts(policy: Policy, shipping: Shipping, fmt: Formatter) -> Markup:
    say = fmt.say
    handling = shipping.handling
    handling_text = [say("handling_text", days=fmt.weekday_names(handling.business_days))]
    if handling.holidays and handling.holidays != "none":
        handling_text.append(say("holidays_text", area=fmt.area(handling.holidays)))
    cutoff = (
        say("cutoff_text", time=fmt.time(handling.cutoff), zone=policy.shop.timezone)
        if handling.cutoff
        else None
    )
    closed = (
        lines(
            fmt.date(span.start)
            if span.start == span.end
            else f"{fmt.date(span.start)} \u2013 {fmt.date(span.end)}"
            for span in shipping.closed
        )
        or None
    )
    tracking = (
        None if shipping.tracking is None else say("tracking.yes" if shipping.tracking else "tracking.no")
    )
    on_time = None
    if shipping.on_time_rate is not None:
        on_time = say("on_time_text", rate=fmt.percent(shipping.on_time_rate))
    rows: list[tuple[str, object]] = [
        (say("handling"), lines(handling_text)),
        (say("cutoff"), cutoff),
        (say("closed"), closed),
        (say("tracking"), tracking),
        (say("on_time"), on_time),
    ]
    notices = shipping.notifications
    if notices is not None:
        channels = fmt.join([say.code("channel", c) for c in notices.channels])
        if notices.channel_choice:
            channels = f"{channels} ({say('channel_choice')})" if channels else say("channel_choice")
        events = (
            say("notify_on", events=fmt.join([say.code("event", e) for e in notices.events]))
            if notices.events
            else ""
        )
        rows += [
            (say("notifications"), lines([channels, events]) or None),
            (say("email_to_carrier"), say.code("consent", notices.email_to_carrier)),
            (say("review_requests"), say.code("consent", notices.marketing.review_requests)),
            (say("cross_selling"), say.code("consent", notices.marketing.cross_selling)),
        ]
    return facts(rows)
