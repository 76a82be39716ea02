"""Delivery estimates per second, against baselines measured in the same run.

    python bench/estimate.py [--policy examples/nordlicht-mode.yaml] [--to DE-BY] [--service standard]

Workload: one named service, one destination, order moments spread over two years (every 53 minutes,
so every weekday, weekend, holiday and closure is met, before and after the cutoff). The engine is
warmed up with one pass; the figure is the best of several timed passes.

Baselines, timed the same way in the same process:
- uncached: the holiday tables and business-day calendars are dropped before every estimate, which is
  what each estimate would cost without the engine's caches;
- floor: building one DeliveryEstimate result model from fixed values and nothing else, the cost no
  estimate can go below while it returns a validated pydantic model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from shopterms.policy.calendar import clear_caches
from shopterms.policy.estimate import estimate_delivery
from shopterms.policy.loader import read_policy
from shopterms.policy.queries import DeliveryEstimate

ROOT = Path(__file__).resolve().parent.parent
TARGET_PER_SECOND = 20_000


def moments(zone: str, count: int) -> list[dt.datetime]:
    start = dt.datetime(2026, 1, 1, tzinfo=ZoneInfo(zone))
    return [start + dt.timedelta(minutes=53 * index) for index in range(count)]


def rate(work: Callable[[dt.datetime], object], inputs: Sequence[dt.datetime], passes: int) -> float:
    """Calls per second: the best of `passes` timed passes over the inputs."""
    best = float("inf")
    for _ in range(passes):
        began = time.perf_counter()
        for moment in inputs:
            work(moment)
        best = min(best, time.perf_counter() - began)
    return len(inputs) / best


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", type=Path, default=ROOT / "examples" / "nordlicht-mode.yaml")
    parser.add_argument("--to", default="DE-BY")
    parser.add_argument("--service", default="standard")
    parser.add_argument("--count", type=int, default=20_000)
    options = parser.parse_args(argv)

    policy = read_policy(options.policy)
    sample = moments(policy.shop.timezone, options.count)

    def estimate(moment: dt.datetime) -> object:
        return estimate_delivery(policy, options.to, options.service, moment)

    def uncached(moment: dt.datetime) -> object:
        clear_caches()
        return estimate(moment)

    fixed = estimate(sample[0])[0].model_dump()  # type: ignore[index]

    def floor(moment: dt.datetime) -> object:
        return DeliveryEstimate.model_validate(fixed)

    for moment in sample:  # warm-up: fills the caches as a running server would
        estimate(moment)
    cached_rate = rate(estimate, sample, passes=5)
    uncached_rate = rate(uncached, sample[:: max(1, len(sample) // 300)], passes=3)
    clear_caches()
    floor_rate = rate(floor, sample, passes=5)

    print(f"{options.policy.name}: service {options.service} to {options.to}, {len(sample)} order moments")
    print(f"engine (cached)      {cached_rate:>10,.0f} estimates/s")
    speedup = cached_rate / uncached_rate
    print(f"baseline uncached    {uncached_rate:>10,.0f} estimates/s   engine is {speedup:,.0f}x faster")
    share = cached_rate / floor_rate
    print(f"floor (model only)   {floor_rate:>10,.0f} models/s      engine reaches {share:.0%} of it")
    verdict = "met" if cached_rate >= TARGET_PER_SECOND else "NOT met"
    print(f"target {TARGET_PER_SECOND:,} estimates/s on one core: {verdict}")


if __name__ == "__main__":
    main()
