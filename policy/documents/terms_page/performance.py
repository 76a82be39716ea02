"""The measured-performance section of the terms page: the published figures, one row per service and
destination, with the period and the publication minimum named in the lede."""

from __future__ import annotations

from shopterms.policy.documents.markup import Markup, element, lines, table
from shopterms.policy.documents.terms_page.formatter import Formatter
from shopterms.policy.evidence.figures import DeliveryPerformance, PerformanceCell
from shopterms.policy.evidence.tally import ALL
from shopterms.policy.model import Policy


def performance_section(policy: Policy, performance: DeliveryPerformance | None, fmt: Formatter) -> Markup:
    if performance is None:
        return Markup("")
    published = performance.published_only()
    cells = [*([published.overall] if published.overall else []), *published.cells]
    if not cells:
        return Markup("")
    say = fmt.say
    period = published.period
    columns = (
        "col.service",
        "performance.col.destination",
        "performance.col.on_time",
        "performance.col.lead_time",
        "performance.col.dispatch",
        "performance.col.refund",
    )
    return element(
        "section",
        element("h2", say("section.performance")),
        element(
            "p",
            say(
                "performance.lede",
                start=fmt.date(period.start),
                end=fmt.date(period.end),
                minimum=published.minimum_parcels,
            ),
        ),
        table([say(key) for key in columns], [_row(policy, cell, fmt) for cell in cells], "performance"),
        id="performance",
    )


def _row(policy: Policy, cell: PerformanceCell, fmt: Formatter) -> Markup:
    say = fmt.say
    if cell.service == ALL:
        service, destination = say("performance.all_services"), say("performance.all_destinations")
    else:
        found = policy.shipping.service(cell.service) if policy.shipping is not None else None
        service = found.name or found.id if found is not None else cell.service
        destination = fmt.area(cell.region or cell.country)
    lead, refund = cell.lead_time_business_days, cell.refund_days
    on_time = fmt.percent(cell.on_time_rate) if cell.on_time_rate is not None else "–"
    dispatch = fmt.percent(cell.dispatch_on_time_rate) if cell.dispatch_on_time_rate is not None else "–"
    return element(
        "tr",
        element("th", service, scope="row"),
        element("td", destination),
        element("td", lines([on_time, say("performance.parcels", n=fmt.number(cell.parcels))])),
        element("td", say("performance.lead", p50=lead.p50, p90=lead.p90) if lead else "–"),
        element("td", lines([dispatch, say("performance.parcels", n=fmt.number(cell.dispatched))])),
        element("td", say("performance.refund", p50=refund.p50, p90=refund.p90) if refund else "–"),
    )
