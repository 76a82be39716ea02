"""The agent-readiness score (0-100) of a policy: how much of what shopping agents ask it answers in
structured form (completeness, 60 points), and how its terms compare with documented consumer
expectations (competitiveness, 40 points). docs/score.md states every criterion and its source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shopterms.policy.model import Policy
from shopterms.validators.rules.parts import services_to

Measure = Callable[[Policy], tuple[float, str]]


@dataclass(frozen=True)
class Criterion:
    id: str
    group: str  # completeness | competitiveness
    points: int
    title: str
    measure: Measure
    source: str = ""


@dataclass(frozen=True)
class Scored:
    criterion: Criterion
    share: float  # 0..1 of the points
    detail: str

    @property
    def earned(self) -> float:
        return round(self.criterion.points * self.share, 1)


def _share(found: int, of: int) -> float:
    return found / of if of else 0.0


def _countries(policy: Policy) -> list[str]:
    return list(policy.shop.sells_to) or [policy.shop.country]


def _delivery_time(policy: Policy) -> tuple[float, str]:
    countries = _countries(policy)
    served = [c for c in countries if any(True for _ in services_to(policy, c))]
    return _share(len(served), len(countries)), f"{len(served)} of {len(countries)} countries sold to"


def _shipping_cost(policy: Policy) -> tuple[float, str]:
    countries = _countries(policy)
    priced = [
        c
        for c in countries
        if any(any(c in r.countries or not r.countries for r in s.rate) for _, s in services_to(policy, c))
    ]
    return _share(len(priced), len(countries)), f"{len(priced)} of {len(countries)} countries with a price"


def _cutoff(policy: Policy) -> tuple[float, str]:
    stated = policy.shipping is not None and policy.shipping.handling.cutoff is not None
    return float(stated), "order cutoff stated" if stated else "no order cutoff"


def _carriers(policy: Policy) -> tuple[float, str]:
    services = policy.shipping.services if policy.shipping else []
    named = [s for s in services if s.carriers]
    return _share(len(named), len(services)), f"{len(named)} of {len(services)} services name their carriers"


def _tracking(policy: Policy) -> tuple[float, str]:
    stated = policy.shipping is not None and policy.shipping.tracking is not None
    return float(stated), "tracking stated" if stated else "tracking not stated"


def _notifications(policy: Policy) -> tuple[float, str]:
    notes = policy.shipping.notifications if policy.shipping else None
    stated = notes is not None and bool(notes.events) and bool(notes.channels)
    return float(stated), "order events and channels stated" if stated else "no notification events"


def _return_terms(policy: Policy) -> tuple[float, str]:
    returns = policy.returns
    if returns is None:
        return 0.0, "no return terms"
    parts = [returns.window is not None, returns.label is not None or returns.portal is not None]
    return _share(sum(parts), len(parts)), "window, and label or portal" if all(parts) else "window only"


def _refund_time(policy: Policy) -> tuple[float, str]:
    refund = policy.returns.refund if policy.returns else None
    stated = refund is not None and refund.days is not None
    return float(stated), "refund time stated" if stated else "refund time not stated"


def _payment(policy: Policy) -> tuple[float, str]:
    payment = policy.payment
    if payment is None:
        return 0.0, "no payment section"
    invoice_ok = "invoice" not in payment.methods or payment.invoice is not None
    return (1.0 if invoice_ok else 0.5), "methods and terms stated" if invoice_ok else "invoice terms missing"


def _support(policy: Policy) -> tuple[float, str]:
    channels = policy.support.channels if policy.support else []
    answered = [c for c in channels if c.hours is not None or c.response_within is not None]
    return _share(
        len(answered), len(channels)
    ), f"{len(answered)} of {len(channels)} channels with hours or response time"


def _legal_pages(policy: Policy) -> tuple[float, str]:
    keys = ("terms_url", "returns_url", "withdrawal_url", "privacy_url", "imprint_url")
    legal = policy.legal
    given = [key for key in keys if legal is not None and getattr(legal, key) is not None]
    return _share(len(given), len(keys)), f"{len(given)} of {len(keys)} legal pages linked"


def _return_window(policy: Policy) -> tuple[float, str]:
    returns = policy.returns
    if returns is None or returns.window.type == "none":
        return 0.0, "no returns"
    if returns.window.type == "unlimited":
        return 1.0, "unlimited returns"
    days = returns.window.days or 0
    return max(0.0, min(1.0, (days - 14) / 16)), f"{days} days (expected: 30 or more)"


def _free_returns(policy: Policy) -> tuple[float, str]:
    returns = policy.returns
    if returns is None or not returns.countries:
        return 0.0, "no returns"
    free = [c for c in returns.countries if (cost := returns.for_country(c).cost) and cost.type == "free"]
    return _share(
        len(free), len(returns.countries)
    ), f"free in {len(free)} of {len(returns.countries)} countries"


def _fastest_days(policy: Policy, country: str) -> int | None:
    assert policy.shipping is not None
    handling = policy.shipping.handling.days
    spans = [(s.handling or handling).max + s.transit.max for _, s in services_to(policy, country)]
    return min(spans) if spans else None


def _leadtime(policy: Policy) -> tuple[float, str]:
    if policy.shipping is None:
        return 0.0, "no delivery times"
    country = policy.shop.country if policy.shop.country in _countries(policy) else _countries(policy)[0]
    days = _fastest_days(policy, country)
    if days is None:
        return 0.0, f"no delivery to {country}"
    share = 1.0 if days <= 3 else 0.5 if days <= 5 else 0.0
    return share, f"order to door in {country} within {days} business days at most (expected: 3)"


def _refund_speed(policy: Policy) -> tuple[float, str]:
    refund = policy.returns.refund if policy.returns else None
    if refund is None or refund.days is None:
        return 0.0, "refund time not stated"
    share = 1.0 if refund.days <= 5 else 0.5 if refund.days <= 7 else 0.0
    return share, f"refund within {refund.days} days after {refund.after} (expected: 5 at most)"


def _carrier_choice(policy: Policy) -> tuple[float, str]:
    services = policy.shipping.services if policy.shipping else []
    chosen = any(s.carrier_choice for s in services)
    return float(chosen), "buyer picks the carrier" if chosen else "no carrier choice"


def _delay_notices(policy: Policy) -> tuple[float, str]:
    notes = policy.shipping.notifications if policy.shipping else None
    told = notes is not None and "delayed" in notes.events
    return float(told), "delays are notified" if told else "delays are not notified"


OMR = "omr.com reviews 2025 (seed article 000: ARMEDANGELS)"
CRITERIA: tuple[Criterion, ...] = (
    Criterion("delivery-time", "completeness", 5, "Delivery time for every country sold to", _delivery_time),
    Criterion("shipping-cost", "completeness", 5, "Shipping price for every country sold to", _shipping_cost),
    Criterion("cutoff", "completeness", 5, "Order cutoff for same- or next-day dispatch", _cutoff),
    Criterion("carriers", "completeness", 5, "Carriers named for every service", _carriers),
    Criterion("tracking", "completeness", 5, "Whether parcels are tracked", _tracking),
    Criterion("notifications", "completeness", 5, "Order events and channels", _notifications),
    Criterion("return-terms", "completeness", 5, "Return window and how to send back", _return_terms),
    Criterion("refund-time", "completeness", 5, "Time to a refund", _refund_time),
    Criterion("payment", "completeness", 5, "Payment methods and invoice terms", _payment),
    Criterion("support", "completeness", 5, "Support channels with hours or response times", _support),
    Criterion(
        "legal-pages", "completeness", 10, "Terms, returns, withdrawal, privacy, imprint pages", _legal_pages
    ),
    Criterion(
        "return-window-30",
        "competitiveness",
        8,
        "Return window of 30 days or more",
        _return_window,
        f"{OMR}; GfK 2021 (about half want up to 30 days); Bitkom 2025 (68 % want more than 14 days)",
    ),
    Criterion(
        "free-returns",
        "competitiveness",
        8,
        "Free returns",
        _free_returns,
        "Narvar 2018 (69 % won't buy if they pay return shipping); Bitkom 2025 (94 %: free returns matter)",
    ),
    Criterion(
        "leadtime-3-days",
        "competitiveness",
        8,
        "Order to door in 3 business days at home",
        _leadtime,
        f"{OMR} (customers lost beyond 3 days); YouGov 2025 (51 % expect 3-5 days: half the points)",
    ),
    Criterion(
        "refund-5-days",
        "competitiveness",
        6,
        "Refund within 5 days",
        _refund_speed,
        "Sendcloud 2022/23 (longest accepted refund wait 4.3-6.6 days); Bitkom 2025 (fast refunds matter)",
    ),
    Criterion(
        "carrier-choice",
        "competitiveness",
        5,
        "Buyer chooses the carrier",
        _carrier_choice,
        "Bitkom 2025 (77 % want a choice of carriers)",
    ),
    Criterion(
        "delay-notices",
        "competitiveness",
        5,
        "Proactive delay notices",
        _delay_notices,
        "FTC Mail Order Rule (delay notice with an option to cancel)",
    ),
)
CRITERIA_BY_ID: dict[str, Criterion] = {criterion.id: criterion for criterion in CRITERIA}


@dataclass(frozen=True)
class Score:
    scored: tuple[Scored, ...]

    @property
    def total(self) -> int:
        return round(sum(item.earned for item in self.scored))

    def group_total(self, group: str) -> tuple[float, int]:
        items = [item for item in self.scored if item.criterion.group == group]
        return round(sum(item.earned for item in items), 1), sum(item.criterion.points for item in items)


def score(policy: Policy) -> Score:
    return Score(tuple(Scored(criterion, *criterion.measure(policy)) for criterion in CRITERIA))
