"""The promise the measured figures support, for a merchant to publish instead of one the data
contradicts.

A promise of handling h_min-h_max and transit t_min-t_max business days says a parcel arrives within
h_min+t_min to h_max+t_max business days of the day the order counts from. The honest promise runs from
the measured median to the measured 90th percentile of that lead time: what most parcels take, up to
what nine in ten do. Handling stays as written; transit absorbs the difference (never below 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shopterms.policy.evidence.figures import Percentiles
from shopterms.policy.model.common import DayRange

# z for a two-sided 95 % interval.
_Z = 1.959964


@dataclass(frozen=True)
class HonestPromise:
    low: int
    """Fewest business days from order to delivery: the measured median."""
    high: int
    """Most business days: the measured 90th percentile."""
    transit_min: int
    transit_max: int

    @property
    def transit(self) -> str:
        return (
            str(self.transit_min)
            if self.transit_min == self.transit_max
            else f"{self.transit_min}-{self.transit_max}"
        )


def promised_lead(handling: DayRange, transit: DayRange) -> tuple[int, int]:
    """The promised lead time in business days: handling plus transit."""
    return handling.min + transit.min, handling.max + transit.max


def honest_promise(handling: DayRange, lead: Percentiles) -> HonestPromise:
    low, high = lead.p50, max(lead.p50, lead.p90)
    transit_max = max(0, high - handling.max)
    transit_min = min(max(0, low - handling.min), transit_max)
    return HonestPromise(low, high, transit_min, transit_max)


def wilson_interval(successes: int, trials: int) -> tuple[float, float]:
    """The 95 % Wilson score interval of a share: what rates the sample is compatible with."""
    if trials == 0:
        return 0.0, 1.0
    share = successes / trials
    denominator = 1 + _Z**2 / trials
    centre = share + _Z**2 / (2 * trials)
    spread = _Z * math.sqrt(share * (1 - share) / trials + _Z**2 / (4 * trials**2))
    return max(0.0, (centre - spread) / denominator), min(1.0, (centre + spread) / denominator)
