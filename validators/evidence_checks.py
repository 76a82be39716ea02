"""`validate --evidence`: the terms of a file held against the shop's latest published figures.

Each finding names the figure, the sample it rests on and the period, and its hint says what the data
supports ("measured p90 is 4 business days; promise 2-4"). A promise is per service, so it is held against
the service's country cells (region cells are published, but too small to judge a promise by); a rate
counts as below the threshold only when the upper end of its 95 % confidence interval is.
"""

from __future__ import annotations

from shopterms.policy.codes import diagnostic
from shopterms.policy.diagnostics import Diagnostic
from shopterms.policy.evidence.figures import DeliveryPerformance, PerformanceCell
from shopterms.policy.evidence.honest import honest_promise, promised_lead, wilson_interval
from shopterms.policy.model import Service
from shopterms.validators import codes_evidence  # noqa: F401  (registers the EVID codes)
from shopterms.validators.rules.rule import RuleInput

DEFAULT_ON_TIME_THRESHOLD = 0.9


def _where(cell: PerformanceCell) -> str:
    return cell.region or cell.country


def _span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"


def _sample(cell: PerformanceCell, figures: DeliveryPerformance, count: int, what: str = "parcels") -> str:
    period = figures.period
    return f"{count:,} {what}, orders {period.start} to {period.end}"


class EvidenceCheck:
    """Findings for one file against one set of figures."""

    def __init__(self, rule_input: RuleInput, figures: DeliveryPerformance, threshold: float) -> None:
        self.input = rule_input
        self.figures = figures.published_only()
        self.threshold = threshold
        self.found: list[Diagnostic] = []

    def report(self, code: str, path: tuple[str | int, ...], message: str, hint: str | None) -> None:
        written, location = self.input.locate(path)
        self.found.append(
            diagnostic(code, message, self.input.result.file, path=written, location=location, hint=hint)
        )

    def run(self) -> list[Diagnostic]:
        shipping = self.input.policy.shipping
        if shipping is not None:
            # A promise in the terms is per service (and country, through its destinations), so it is
            # held against the country cells; region cells are published but too small to judge it by.
            for cell in self.figures.cells:
                index = next((i for i, s in enumerate(shipping.services) if s.id == cell.service), None)
                if index is None or cell.region is not None:
                    continue
                service = shipping.services[index]
                self.lead_time(cell, service, index)
                self.on_time(cell, service, index)
                self.dispatch(cell, service, index)
            self.declared_rate()
        self.refunds()
        return self.found

    def lead_time(self, cell: PerformanceCell, service: Service, index: int) -> None:
        lead = cell.lead_time_business_days
        shipping = self.input.policy.shipping
        assert shipping is not None
        handling = service.handling or shipping.handling.days
        low, high = promised_lead(handling, service.transit)
        if lead is None or lead.p90 <= high:
            return
        honest = honest_promise(handling, lead)
        self.report(
            "EVID001",
            ("shipping", "services", index, "transit"),
            f"{service.id} to {_where(cell)}: measured p90 lead time is {lead.p90} business days "
            f"({_sample(cell, self.figures, cell.delivered, 'delivered parcels')}); the terms promise "
            f"{_span(low, high)} (handling {_span(handling.min, handling.max)} + transit "
            f"{_span(service.transit.min, service.transit.max)})",
            f"measured p90 is {lead.p90} business days; promise {honest.low}-{honest.high}: "
            f"e.g. transit: {honest.transit}",
        )

    def on_time(self, cell: PerformanceCell, service: Service, index: int) -> None:
        rate = cell.on_time_rate
        if rate is None or not self.clearly_below(cell.early + cell.on_time, cell.parcels):
            return
        self.report(
            "EVID002",
            ("shipping", "services", index),
            f"{service.id} to {_where(cell)}: {rate:.1%} delivered on time "
            f"({_sample(cell, self.figures, cell.parcels)}); below {self.threshold:.0%}",
            f"{cell.late:,} late: {cell.late_dispatch:,} left the warehouse late, {cell.late_transit:,} were "
            "late in transit; keep the promise or promise what the figures show",
        )

    def dispatch(self, cell: PerformanceCell, service: Service, index: int) -> None:
        rate = cell.dispatch_on_time_rate
        if rate is None or not self.clearly_below(round(rate * cell.dispatched), cell.dispatched):
            return
        path: tuple[str | int, ...] = (
            ("shipping", "services", index, "handling")
            if service.handling
            else ("shipping", "handling", "days")
        )
        self.report(
            "EVID004",
            path,
            f"{service.id} to {_where(cell)}: {rate:.1%} dispatched by the promised day "
            f"({_sample(cell, self.figures, cell.dispatched)}); below {self.threshold:.0%}",
            "dispatch within the handling time, or promise a longer one",
        )

    def clearly_below(self, successes: int, trials: int) -> bool:
        """Below the threshold beyond doubt: even the upper end of the 95 % interval is below it."""
        return trials > 0 and wilson_interval(successes, trials)[1] < self.threshold

    def declared_rate(self) -> None:
        shipping = self.input.policy.shipping
        overall = self.figures.overall
        if (
            shipping is None
            or shipping.on_time_rate is None
            or overall is None
            or overall.on_time_rate is None
        ):
            return
        kept = overall.early + overall.on_time
        low, high = wilson_interval(kept, overall.parcels)
        if shipping.on_time_rate <= high:
            return
        self.report(
            "EVID003",
            ("shipping", "on_time_rate"),
            f"on_time_rate states {shipping.on_time_rate:g}, but {overall.on_time_rate:.1%} of "
            f"{overall.parcels:,} parcels were delivered on time (orders {self.figures.period.start} to "
            f"{self.figures.period.end}; 95% interval {low:.1%} to {high:.1%})",
            f"write on_time_rate: {overall.on_time_rate:.2f}, the measured share",
        )

    def refunds(self) -> None:
        returns = self.input.policy.returns
        refund = returns.refund if returns is not None else None
        overall = self.figures.overall
        if refund is None or refund.days is None or overall is None or overall.refund_days is None:
            return
        measured = overall.refund_days.p90
        if measured <= refund.days:
            return
        self.report(
            "EVID005",
            ("returns", "refund", "days"),
            f"refunds: measured p90 is {measured} days after {refund.after} "
            f"({_sample(overall, self.figures, overall.refunds, 'refunds')}); "
            f"the terms promise {refund.days}",
            f"refund within {refund.days} days, or promise {measured}: "
            f"refund: {{within: {measured} days after {refund.after}}}",
        )


def evidence_diagnostics(
    rule_input: RuleInput, figures: DeliveryPerformance | None, threshold: float, missing: str
) -> list[Diagnostic]:
    """EVID findings of one file; EVID006 (with `missing` saying why) when there is nothing to check."""
    if figures is None or not figures.published_only().cells:
        why = (
            missing
            if figures is None
            else (
                f"no destination has {figures.minimum_parcels} parcels or more in the figures of "
                f"{figures.computed_at:%Y-%m-%d}"
            )
        )
        return [
            diagnostic(
                "EVID006", f"no measured figures to check the terms against: {why}", rule_input.result.file
            )
        ]
    return EvidenceCheck(rule_input, figures, threshold).run()
