"""Hand-built policies for the JSON-LD compiler tests, and a walker over compiled documents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shopterms.policy.model import Policy


def policy_with(**sections: Any) -> Policy:
    """A small valid policy of a shop in Hamburg; keyword arguments replace whole sections."""
    data: dict[str, Any] = {
        "shop": {
            "name": "Kleiderei",
            "url": "https://kleiderei.example",
            "address": {"city": "Hamburg", "country": "DE"},
            "timezone": "Europe/Berlin",
            "currency": "EUR",
            "languages": ["de", "en"],
            "sells_to": ["DE", "AT"],
        },
        "shipping": {
            "handling": {"days": "0-1", "cutoff": "14:00"},
            "services": [{"id": "standard", "to": ["DE", "AT"], "transit": "1-2", "rate": 4.95}],
        },
        "returns": {"window": "30 days after delivery"},
        "payment": {"methods": ["card", "invoice"]},
        "support": {"channels": [{"type": "email", "address": "hilfe@kleiderei.example"}]},
    }
    for name, value in sections.items():
        if name == "shop":
            data["shop"] = {**data["shop"], **value}
        elif value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return Policy.model_validate(data)


def nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a document, depth first, leaving out the context."""
    if isinstance(value, dict):
        yield value
        for key, item in value.items():
            if key != "@context":
                yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def organization_of(document: dict[str, Any]) -> dict[str, Any]:
    graph = document["@graph"]
    assert len(graph) == 1
    node: dict[str, Any] = graph[0]
    return node


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def rich_policy() -> Policy:
    """A policy that uses every branch of the compiler, for checks over all emitted terms."""
    return policy_with(
        shop={"legal_name": "Kleiderei GmbH", "vat_id": "DE123456789", "sells_to": ["DE", "AT", "CH", "US"]},
        shipping={
            "handling": {"days": "0-1", "cutoff": "14:00", "holidays": "DE-HH"},
            "closed": ["2026-12-24..2027-01-01"],
            "services": [
                {
                    "id": "standard",
                    "name": "Standard",
                    "carriers": ["dhl-germany", "custom:Kurier Nord"],
                    "carrier_choice": True,
                    "to": ["DE", "AT"],
                    "excluded": [{"country": "DE", "postal_codes": ["27498"]}],
                    "transit": "1-2",
                    "free_from": 50,
                    "delivery_options": ["home", "parcel_locker", "redirect"],
                    "rate": [
                        {"amount": 4.95, "weight_kg": "0-2"},
                        {"amount": 6.95, "weight_kg": "2+", "order_value": "0-99.99", "items": "1-3"},
                    ],
                },
                {
                    "id": "bike",
                    "to": [{"country": "DE", "postal_codes": ["20*"]}, "AT-9"],
                    "excluded": [{"country": "DE", "postal_codes": ["20457"]}],
                    "transit": 0,
                    "rate": 6.5,
                },
                {
                    "id": "pickup",
                    "type": "collection_point",
                    "excluded": ["US-AK"],
                    "to": ["US-CA", {"country": "US", "postal_codes": ["100*"]}],
                    "transit": 3,
                    "cutoff": "12:00",
                    "rate": {"US": 12},
                    "delivery_options": ["in_store_pickup"],
                },
            ],
            "tracking": True,
            "on_time_rate": 0.95,
            "notifications": {
                "channels": ["email", "sms"],
                "channel_choice": True,
                "events": ["shipped", "delivered"],
                "email_to_carrier": "with_consent",
                "marketing": {"review_requests": "with_consent", "cross_selling": "never"},
            },
        },
        returns={
            "window": "30 days after delivery",
            "countries": ["DE", "AT", "CH"],
            "cost": {"default": "free", "AT": 6.95, "CH": "customer_pays"},
            "methods": ["mail", "drop_off", "in_store", "kiosk"],
            "label": "download",
            "restocking_fee": "5%",
            "restocking_fee_amount": 2,
            "defective": {
                "cost": "free",
                "label": "in_box",
                "window": "60 days after delivery",
                "methods": ["pickup", "in_store"],
                "restocking_fee": 0,
            },
            "seasonal": [{"name": "Christmas", "orders": "2026-11-15..2026-12-24", "until": "2027-01-15"}],
            "portal": "https://kleiderei.example/retoure",
            "refund": {"within": "7 days after arrival", "to": "choice"},
            "exchange": True,
            "item_conditions": ["new", "used"],
            "not_returnable": [{"items": "custom prints", "reason": "personalised"}],
        },
        payment={
            "methods": [
                "card",
                "paypal",
                "invoice",
                "sepa_direct_debit",
                "cash_on_delivery",
                "custom:Ratenkauf",
            ],
            "charged": "at_shipment",
            "invoice": {
                "sent": "with_delivery",
                "due": "14 days after delivery",
                "provider": "Rechnungsdienst",
            },
        },
        support={
            "languages": ["de", "en"],
            "human": True,
            "self_service": "https://kleiderei.example/konto",
            "channels": [
                {
                    "type": "phone",
                    "number": "+49 40 1234567",
                    "hours": "Mo-Fr 09:00-18:00; PH off",
                    "cost": "free",
                },
                {"type": "email", "address": "hilfe@kleiderei.example", "response_within": "24 hours"},
                {"type": "whatsapp", "number": "+49 151 12345678", "hours": "Jan-Mar Mo-Fr 09:00-12:00"},
                {"type": "chat", "url": "https://kleiderei.example/chat", "hours": "24/7"},
            ],
        },
        legal={
            "withdrawal_days": 14,
            "withdrawal_url": "https://kleiderei.example/widerrufen",
            "guarantee_years": 2,
            "terms_url": "https://kleiderei.example/agb",
            "returns_url": "https://kleiderei.example/widerruf",
            "shipping_url": "https://kleiderei.example/versand",
            "privacy_url": "https://kleiderei.example/datenschutz",
            "imprint_url": "https://kleiderei.example/impressum",
            "dispute_resolution": {
                "participates": True,
                "body": "Schlichtungsstelle",
                "url": "https://schlichtung.example",
            },
        },
    )
