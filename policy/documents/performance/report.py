"""The merchant's performance report: one self-contained HTML file (inline style and SVG charts, no
script, no request) with every cell, the charts and what could not be judged.

Unlike the published figures, the report shows withheld cells too (marked), because the merchant may
see what is not yet enough to publish.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from shopterms.policy.documents.markup import Markup, element, table
from shopterms.policy.documents.performance.charts import (
    CAUSE_DISPATCH,
    CAUSE_TRANSIT,
    IN_TIME,
    LATE,
    PROMISED_BAND,
    causes_chart,
    lead_time_chart,
    weekly_chart,
)
from shopterms.policy.evidence.figures import DeliveryPerformance, Percentiles, PerformanceCell
from shopterms.policy.evidence.judging import UNJUDGED_REASONS
from shopterms.policy.evidence.tally import ALL, Tally
from shopterms.policy.model import Policy

# The on-time rate `validate --evidence` warns below by default; drawn as the reference line.
REFERENCE_ON_TIME = 0.9
STYLE = """
body { margin: 0; color: #1d2327; background: #fff;
       font: 15px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 80rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .75rem;
border-bottom: 1px solid #d8dee4; padding-bottom: .25rem; } h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
.muted { color: #5b6670; } .table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { text-align: right; padding: .35rem .5rem; border-bottom: 1px solid #e2e8f0; }
td { white-space: nowrap; }
th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
thead th { background: #f5f7f9; color: #5b6670; font-weight: 600; }
tr.withheld td { color: #8a949e; font-style: italic; } tr.overall td { font-weight: 600; }
.key { display: inline-block; width: .8em; height: .8em; margin: 0 .3em 0 .9em; vertical-align: -.05em; }
svg.chart { max-width: 100%; height: auto; display: block; margin: .25rem 0 1rem; }
"""


def _days(value: Percentiles | None) -> str:
    return "–" if value is None else f"{value.p50} / {value.p90}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _destination(cell: PerformanceCell) -> str:
    if cell.country == ALL:
        return "all"
    return cell.region or cell.country


def _row(cell: PerformanceCell, name: str) -> Markup:
    status = "published" if cell.published else "withheld"
    kind = "overall" if cell.service == ALL else status
    values = [
        name,
        _destination(cell),
        f"{cell.parcels:,}",
        _share(cell.on_time_rate),
        f"{cell.late:,}",
        f"{cell.late_dispatch:,} / {cell.late_transit:,}",
        _share(cell.dispatch_on_time_rate),
        _days(cell.lead_time_business_days),
        _days(cell.lead_time_calendar_days),
        f"{cell.refunds:,}",
        _days(cell.refund_days),
        _share(cell.refund_on_time_rate),
        status,
    ]
    return element("tr", [element("td", value) for value in values], class_=kind)


HEADINGS = (
    "service",
    "destination",
    "parcels",
    "on time",
    "late",
    "late: dispatch / transit",
    "dispatched on time",
    "lead time p50 / p90, business days",
    "lead time p50 / p90, days",
    "refunds",
    "refund p50 / p90, days",
    "refunds on time",
    "",
)


def _service_name(policy: Policy, service: str) -> str:
    found = policy.shipping.service(service) if policy.shipping is not None else None
    return found.name or found.id if found is not None else service


def _lead_histograms(tally: Tally) -> dict[str, Counter[int]]:
    merged: dict[str, Counter[int]] = {}
    for (service, _country, region), cell in tally.cells.items():
        if service != ALL and region is None:
            merged.setdefault(service, Counter()).update(cell.lead_business)
    return merged


def _weekly(tally: Tally) -> dict[str, list[tuple[dt.date, float]]]:
    series: dict[str, list[tuple[dt.date, float]]] = {}
    for (service, week), (judged, kept) in sorted(tally.weekly.items(), key=lambda item: item[0][1]):
        if judged:
            series.setdefault(service, []).append((week, kept / judged))
    return series


def _causes(performance: DeliveryPerformance) -> dict[str, tuple[int, int, int]]:
    totals: dict[str, list[int]] = {}
    for cell in performance.cells:
        if cell.region is None:
            counts = totals.setdefault(cell.service, [0, 0, 0])
            counts[0] += cell.late_dispatch
            counts[1] += cell.late_transit
            counts[2] += cell.late_unknown
    return {service: (a, b, c) for service, (a, b, c) in totals.items()}


def _key(colour: str, label: str) -> Markup:
    return element("span", element("span", "", class_="key", style=f"background:{colour}"), label)


def report_html(performance: DeliveryPerformance, tally: Tally, policy: Policy, judged_against: str) -> str:
    """The whole report as one HTML document."""
    shop = policy.shop.name
    period = performance.period
    rows = [_row(performance.overall, "all services")] if performance.overall is not None else []
    rows += [
        _row(cell, _service_name(policy, cell.service)) for cell in performance.cells if cell.region is None
    ]
    regional = [_row(cell, _service_name(policy, cell.service)) for cell in performance.cells if cell.region]
    lead_charts = []
    for service, histogram in sorted(_lead_histograms(tally).items()):
        promised = tally.promised_days.get(service, (0, 0))
        name = _service_name(policy, service)
        lead_charts.append(element("h3", f"{name}: promised {promised[0]}–{promised[1]} business days"))
        lead_charts.append(
            lead_time_chart(f"Lead time of {name} against its promised window", histogram, promised)
        )
    unjudged = [
        element("li", f"{count:,} parcels: {UNJUDGED_REASONS.get(reason, reason)}")
        for reason, count in tally.unjudged.most_common()
    ]
    unknown = ", ".join(f"{name} ({count:,})" for name, count in tally.unknown_services.most_common(10))
    body = element(
        "main",
        element("h1", f"{shop}: delivery and refund performance"),
        element(
            "p",
            f"Orders from {period.start.isoformat()} to {period.end.isoformat()} ({period.days} days), "
            f"computed {performance.computed_at.strftime('%Y-%m-%d %H:%M')} UTC. Promises: {judged_against}. "
            f"Cells with fewer than {performance.minimum_parcels} parcels are withheld from publication.",
            class_="muted",
        ),
        element("h2", "Figures by service and country"),
        table(HEADINGS, rows, class_="figures"),
        element("h2", "Lead time against the promise"),
        element(
            "p",
            _key(PROMISED_BAND, "promised window"),
            _key(IN_TIME, "within the promise"),
            _key(LATE, "later than promised"),
            class_="muted",
        ),
        lead_charts,
        element("h2", "Delivered on time, week by week"),
        element(
            "p",
            f"Share of each week's orders delivered on time; dashed: {REFERENCE_ON_TIME:.0%}.",
            class_="muted",
        ),
        weekly_chart("On-time rate by week of order", _weekly(tally), REFERENCE_ON_TIME),
        element("h2", "Late parcels by cause"),
        element(
            "p",
            _key(CAUSE_DISPATCH, "left the warehouse late"),
            _key(CAUSE_TRANSIT, "dispatched on time, late in transit"),
            class_="muted",
        ),
        causes_chart("Late parcels by cause", _causes(performance)),
        element("h2", "By region"),
        table(HEADINGS, regional, class_="figures")
        if regional
        else element("p", "No parcel names its region."),
        element("h2", "Not judged"),
        element("ul", unjudged) if unjudged else element("p", "Every parcel in the window was judged."),
        element("p", f"Service ids not in the terms: {unknown}.") if unknown else None,
        element("h2", "Method"),
        element("p", performance.method, class_="muted"),
    )
    head = element(
        "head",
        Markup('<meta charset="utf-8">'),
        element("meta", name="viewport", content="width=device-width, initial-scale=1"),
        element(
            "title", f"{shop}: delivery performance {period.start.isoformat()} to {period.end.isoformat()}"
        ),
        element("style", Markup(STYLE)),
    )
    return "<!doctype html>\n" + element("html", head, element("body", body), lang="en") + "\n"
