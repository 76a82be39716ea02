"""The fields of a shipment record: what an export's columns are mapped to, and what each may hold.

One row of an export describes one parcel of one order; its return, if any, rides on the same row or
on a row of its own with the same order and parcel. Rows with the same order and parcel update each
other (a later export fills in the delivery date an earlier one did not know).
"""

from __future__ import annotations

from typing import Final, Literal

# Every field a mapping can fill, in the order of the canonical export format (shopterms simulate writes
# it, and the mapping `shopterms` reads it unchanged).
FIELDS: Final = (
    "order_id",
    "parcel",
    "ordered_at",
    "service",
    "country",
    "region",
    "postal_code",
    "carrier",
    "status",
    "shipped_at",
    "delivered_at",
    "return_requested_at",
    "return_shipped_at",
    "return_received_at",
    "refunded_at",
)
FIELD_HELP: Final[dict[str, str]] = {
    "order_id": "the shop's order number; hashed with the store's key on ingest, never stored in clear",
    "parcel": "which parcel of the order (a number or the fulfilment id); default 1",
    "ordered_at": "when the order was placed, with its UTC offset (or a time zone set in the mapping)",
    "service": "the id of the delivery service in the policy (standard, express, …)",
    "country": "destination country, ISO 3166-1 alpha-2",
    "region": "destination subdivision, ISO 3166-2 (DE-BY, or BY with the country)",
    "postal_code": "destination postal code; only its first characters (at most 3) are kept",
    "carrier": "carrier id (dhl-germany, ups, …)",
    "status": "delivered, in_transit, failed (not delivered) or returned (back to the shop)",
    "shipped_at": "when the parcel was handed to the carrier (a date, or a moment)",
    "delivered_at": "when it was delivered",
    "return_requested_at": "when the buyer withdrew or asked to return (the withdrawal notice)",
    "return_shipped_at": "when the buyer sent the goods back (proof of dispatch)",
    "return_received_at": "when the returned goods arrived at the shop",
    "refunded_at": "when the refund was paid",
}
DAY_FIELDS: Final = (
    "shipped_at",
    "delivered_at",
    "return_requested_at",
    "return_shipped_at",
    "return_received_at",
    "refunded_at",
)
RETURN_FIELDS: Final = ("return_requested_at", "return_shipped_at", "return_received_at", "refunded_at")

Status = Literal["delivered", "in_transit", "failed", "returned"]
STATUSES: Final[tuple[Status, ...]] = ("delivered", "in_transit", "failed", "returned")
# At most this many leading characters of a postal code are kept: enough for a delivery area, too few
# to find a street.
MAX_POSTAL_PREFIX: Final = 3
