"""Catalogue entries for `shopterms validate --evidence` (EVID###): where the shop's measured figures
contradict what its terms promise. Registered on import.

Codes are never renumbered or reused; a retired code keeps its entry.
"""

from __future__ import annotations

from shopterms.policy.codes import register
from shopterms.policy.diagnostics import CodeInfo

EVIDENCE_PACK = ("evidence",)

EVIDENCE_CODES: tuple[CodeInfo, ...] = (
    CodeInfo(
        code="EVID001",
        name="lead-time-longer-than-promised",
        severity="warning",
        summary="The measured 90th percentile of a service's lead time to a destination (business days from "
        "the day the order counts from to delivery) exceeds the promised maximum, handling plus transit.",
        why="Buyers and agents plan with the promised days; when one parcel in ten takes longer than the "
        "longest promise, the promise is not one. The hint suggests the promise the data supports: from "
        "the measured median to the measured 90th percentile.",
        example="transit: 1-2        # measured p90 to DE: 4 business days (handling 0-1)",
        instead="transit: 2-3        # an honest promise of 2-4 business days from order to delivery",
        packs=EVIDENCE_PACK,
    ),
    CodeInfo(
        code="EVID002",
        name="on-time-rate-low",
        severity="warning",
        summary="The share of a service's parcels to a destination delivered by the latest promised day is "
        "below the threshold (--on-time-threshold, default 90 %).",
        why="An agent comparing shops weighs a promise by how often it is kept; a low on-time rate makes "
        "the delivery time worth little, and the published figures say so.",
        example="(standard to DE: 1,230 of 10,927 parcels late; 88.7 % on time)",
        instead="(dispatch on time, choose a faster carrier, or promise the time the data shows)",
        packs=EVIDENCE_PACK,
    ),
    CodeInfo(
        code="EVID003",
        name="declared-on-time-rate-not-measured",
        severity="warning",
        summary="shipping.on_time_rate states a higher share than the measured on-time rate supports (above "
        "the upper end of its 95 % confidence interval).",
        why="A self-declared figure that the shop's own records contradict misleads buyers and agents; the "
        "measured figure is published beside it.",
        example="shipping:\n  on_time_rate: 0.96",
        instead="shipping:\n  on_time_rate: 0.87",
        packs=EVIDENCE_PACK,
    ),
    CodeInfo(
        code="EVID004",
        name="dispatch-later-than-promised",
        severity="warning",
        summary="The share of a service's parcels handed to the carrier by the latest promised dispatch day "
        "is below the threshold (--on-time-threshold).",
        why="Late dispatch makes parcels late whatever the carrier does; the handling time promised is not "
        "the one the warehouse keeps.",
        example="handling: {days: 0-1}     # 82 % dispatched by the promised day",
        instead="handling: {days: 1-2}",
        packs=EVIDENCE_PACK,
    ),
    CodeInfo(
        code="EVID005",
        name="refund-slower-than-promised",
        severity="warning",
        summary="The measured 90th percentile of the refund time exceeds the refund time the return terms "
        "promise.",
        why="A refund promise is what buyers count on when they send goods back; in the EU the law also "
        "sets a limit of 14 days after the withdrawal.",
        example="refund: {within: 7 days after arrival}    # measured p90: 11 days",
        instead="refund: {within: 11 days after arrival}",
        packs=EVIDENCE_PACK,
    ),
    CodeInfo(
        code="EVID006",
        name="no-measured-figures",
        severity="info",
        summary="--evidence found no published figures to check the terms against: no store, no figures "
        "run for the shop, or no destination with enough parcels.",
        why="Nothing was checked; ingest the shop's shipment records and compute its figures first.",
        example="shopterms validate shop.yaml --evidence",
        instead="shopterms evidence report shop.yaml",
        packs=EVIDENCE_PACK,
    ),
)

register(*EVIDENCE_CODES)
