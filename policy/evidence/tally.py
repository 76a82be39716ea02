"""Adding judged parcels and refunds up, per delivery service and destination, in bounded memory.

Counts and histograms of whole days only: a million parcels add up to a few thousand numbers. A parcel
counts in the cell of its service and country and, when its region is known, in that region's cell too;
every parcel also counts in the overall cell (service and country '*').
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from shopterms.policy.evidence.figures import PerformanceCell, percentiles, rate
from shopterms.policy.evidence.judging import Judgement
from shopterms.policy.evidence.refunds import RefundJudgement

ALL = "*"
CellKey = tuple[str, str, str | None]


@dataclass
class CellTally:
    """The counts behind one cell's figures."""

    verdicts: Counter[str] = field(default_factory=Counter)
    dispatched: int = 0
    dispatch_on_time: int = 0
    lead_business: Counter[int] = field(default_factory=Counter)
    lead_calendar: Counter[int] = field(default_factory=Counter)
    causes: Counter[str] = field(default_factory=Counter)
    days_late: Counter[int] = field(default_factory=Counter)
    refunds: int = 0
    refunds_judged: int = 0
    refunds_on_time: int = 0
    refund_days: Counter[int] = field(default_factory=Counter)

    def add(self, judgement: Judgement) -> None:
        self.verdicts[judgement.verdict] += 1
        if judgement.dispatch_late is not None:
            self.dispatched += 1
            self.dispatch_on_time += not judgement.dispatch_late
        if judgement.lead_business_days is not None and judgement.lead_calendar_days is not None:
            self.lead_business[judgement.lead_business_days] += 1
            self.lead_calendar[judgement.lead_calendar_days] += 1
        if judgement.cause is not None:
            self.causes[judgement.cause] += 1
        if judgement.verdict == "late":
            self.days_late[judgement.days_off] += 1

    def add_refund(self, refund: RefundJudgement) -> None:
        self.refunds += 1
        if refund.days is not None:
            self.refund_days[refund.days] += 1
        if refund.on_time is not None:
            self.refunds_judged += 1
            self.refunds_on_time += refund.on_time

    @property
    def parcels(self) -> int:
        counted = self.verdicts
        return counted["early"] + counted["on_time"] + counted["late"] + counted["overdue"]

    def cell(self, key: CellKey, minimum: int) -> PerformanceCell:
        counted = self.verdicts
        parcels = self.parcels
        service, country, region = key
        return PerformanceCell(
            service=service,
            country=country,
            region=region,
            published=parcels >= minimum,
            parcels=parcels,
            on_time_rate=rate(counted["early"] + counted["on_time"], parcels),
            early=counted["early"],
            on_time=counted["on_time"],
            late=counted["late"] + counted["overdue"],
            overdue=counted["overdue"],
            pending=counted["pending"],
            not_delivered=counted["not_delivered"],
            dispatched=self.dispatched,
            dispatch_on_time_rate=rate(self.dispatch_on_time, self.dispatched),
            delivered=sum(self.lead_business.values()),
            lead_time_business_days=percentiles(self.lead_business),
            lead_time_calendar_days=percentiles(self.lead_calendar),
            late_dispatch=self.causes["dispatch"],
            late_transit=self.causes["transit"],
            late_unknown=self.causes["unknown"],
            refunds=self.refunds,
            refund_on_time_rate=rate(self.refunds_on_time, self.refunds_judged),
            refund_days=percentiles(self.refund_days),
        )


@dataclass
class Tally:
    """Every cell of one computation, the weekly series and what could not be judged."""

    cells: dict[CellKey, CellTally] = field(default_factory=dict)
    weekly: dict[tuple[str, dt.date], list[int]] = field(default_factory=dict)
    """(service, Monday of the order week) → [parcels judged, on time]."""
    unjudged: Counter[str] = field(default_factory=Counter)
    unknown_services: Counter[str] = field(default_factory=Counter)
    promised_days: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Service → (fewest, most) business days from order to delivery that its latest judged promise gave."""

    def _keys(self, service: str, country: str, region: str | None) -> list[CellKey]:
        keys: list[CellKey] = [(service, country, None), (ALL, ALL, None)]
        if region is not None:
            keys.append((service, country, region))
        return keys

    def _tally(self, key: CellKey) -> CellTally:
        found = self.cells.get(key)
        if found is None:
            found = self.cells[key] = CellTally()
        return found

    def add(self, service: str, country: str, region: str | None, judgement: Judgement) -> None:
        for key in self._keys(service, country, region):
            self._tally(key).add(judgement)
        if judgement.verdict in ("early", "on_time", "late", "overdue"):
            monday = judgement.order_day - dt.timedelta(days=judgement.order_day.weekday())
            week = self.weekly.setdefault((service, monday), [0, 0])
            week[0] += 1
            week[1] += judgement.verdict in ("early", "on_time")
        promised = judgement.promise
        handling = promised.service.handling
        shipping = judgement.terms.policy.shipping
        assert shipping is not None
        handling = handling or shipping.handling.days
        self.promised_days[service] = (
            handling.min + promised.service.transit.min,
            handling.max + promised.service.transit.max,
        )

    def add_refund(self, service: str, country: str, region: str | None, refund: RefundJudgement) -> None:
        for key in self._keys(service, country, region):
            self._tally(key).add_refund(refund)

    def skip(self, reason: str, service: str | None = None) -> None:
        self.unjudged[reason] += 1
        if reason == "unknown_service" and service is not None:
            self.unknown_services[service] += 1

    def figures(self, minimum: int) -> tuple[PerformanceCell | None, list[PerformanceCell]]:
        """The overall cell and the others, sorted by service, country and region."""
        overall = self.cells.get((ALL, ALL, None))
        others = sorted((key for key in self.cells if key[0] != ALL), key=lambda k: (k[0], k[1], k[2] or ""))
        return (
            None if overall is None else overall.cell((ALL, ALL, None), minimum),
            [self.cells[key].cell(key, minimum) for key in others],
        )
