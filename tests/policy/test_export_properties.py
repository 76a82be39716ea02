"""Properties of every export over generated policies: read back intact, strict and lossy agree."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from shopterms.policy.export import EXPORTERS_BY_NAME, ExportError, LossyExport, export
from shopterms.policy.model import Policy

COUNTRIES = ["DE", "AT", "FR"]
URL = "https://probe.example"

amounts = st.sampled_from(["0", "2.50", "4.95", "19"])
day_pairs = st.tuples(st.integers(0, 3), st.integers(0, 3)).map(lambda p: f"{p[0]}-{p[0] + p[1]}")
fees = st.sampled_from(["free", "customer_pays", "3.95"])


@st.composite
def returns_sections(draw: st.DrawFn) -> dict[str, Any]:
    window = draw(
        st.sampled_from(
            ["30 days after delivery", "14 days after order", "60 days after shipment", "none", "unlimited"]
        )
    )
    section: dict[str, Any] = {
        "window": window,
        "countries": draw(st.lists(st.sampled_from(COUNTRIES), min_size=1, unique=True)),
    }
    section["cost"] = {
        "default": draw(fees),
        **draw(st.dictionaries(st.sampled_from(COUNTRIES), fees, max_size=2)),
    }
    section["methods"] = draw(
        st.lists(
            st.sampled_from(["mail", "drop_off", "in_store", "kiosk", "pickup"]), min_size=1, unique=True
        )
    )
    optional = {
        "label": st.sampled_from(["in_box", "download", "customer"]),
        "restocking_fee": st.sampled_from(["10%", "12.5%"]),
        "restocking_fee_amount": st.sampled_from(["5", "2.50"]),
        "seasonal": st.just([{"name": "Winter", "orders": "2026-11-20..2026-12-24", "until": "2027-01-31"}]),
        "refund": st.sampled_from(
            [
                {"within": "7 days after arrival"},
                {"to": "store_credit"},
                {"within": "14 days after withdrawal", "to": "choice"},
            ]
        ),
        "exchange": st.booleans(),
        "item_conditions": st.sampled_from([["new"], ["new", "used"], ["refurbished"]]),
        "not_returnable": st.just([{"items": "engraved rings", "reason": "personalised"}]),
        "portal": st.just(f"{URL}/returns"),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            section[key] = draw(strategy)
    return section


@st.composite
def services(draw: st.DrawFn, index: int) -> dict[str, Any]:
    to = draw(st.lists(st.sampled_from([*COUNTRIES, "DE-BY", "AT-9"]), min_size=1, max_size=3, unique=True))
    countries = sorted({area.split("-")[0] for area in to})
    rate = draw(st.sampled_from(["flat", "by_country", "by_weight", "by_items", "three_ways"]))
    if rate == "flat":
        rates: Any = draw(amounts)
    elif rate == "by_country":
        rates = {country: draw(amounts) for country in countries}
    elif rate == "by_weight":
        rates = [
            {"amount": draw(amounts), "weight_kg": "0-2"},
            {"amount": draw(amounts), "weight_kg": "2-10"},
        ]
    elif rate == "by_items":
        rates = [{"amount": draw(amounts), "items": "1-3"}, {"amount": draw(amounts), "items": "4+"}]
    else:
        rates = [
            {"amount": draw(amounts), "weight_kg": "0-5", "order_value": "0-20", "items": "0-2"},
            {"amount": draw(amounts), "weight_kg": "0-5", "order_value": "0-20", "items": "3+"},
            {"amount": draw(amounts), "weight_kg": "5+", "order_value": "20+"},
        ]
    service: dict[str, Any] = {"id": f"s{index}", "to": to, "transit": draw(day_pairs), "rate": rates}
    if draw(st.booleans()):
        service["free_from"] = draw(st.sampled_from(["50", "99.90"]))
    if draw(st.booleans()):
        service["cutoff"] = draw(st.sampled_from(["12:00", "16:45"]))
    if draw(st.booleans()):
        service["type"] = "collection_point"
    if draw(st.booleans()):
        service["carriers"] = ["dhl-germany"]
    if draw(st.booleans()):
        service["name"] = draw(st.sampled_from(["Express: 24h", "Paket", "Paket;Plus"]))
    if draw(st.booleans()):
        service["to"] = [*to, {"country": "DE", "postal_codes": ["80*", "81*"]}]
    if draw(st.booleans()):
        service["excluded"] = [{"country": countries[0], "postal_codes": ["27498"]}]
    return service


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    data: dict[str, Any] = {
        "shop": {
            "name": "Probe",
            "url": URL,
            "address": {"country": "DE"},
            "timezone": "Europe/Berlin",
            "currency": "EUR",
            "sells_to": COUNTRIES,
        },
    }
    if draw(st.booleans()):
        holidays = draw(st.sampled_from(["none", "DE"]))
        data["shipping"] = {
            "handling": {"days": draw(day_pairs), "holidays": holidays},
            "services": [draw(services(i)) for i in range(draw(st.integers(1, 2)))],
        }
    if draw(st.booleans()):
        data["returns"] = draw(returns_sections())
    if draw(st.booleans()):
        data["legal"] = {"returns_url": f"{URL}/policy", "terms_url": f"{URL}/terms"}
    if draw(st.booleans()):
        data["payment"] = {"methods": ["card", "invoice"], "invoice": {"due": "14 days after delivery"}}
    return Policy.model_validate(data)


@settings(deadline=None, max_examples=200)
@given(policies())
def test_every_target_reads_back_what_it_wrote_and_strict_refuses_exactly_the_losses(policy: Policy) -> None:
    for name, target in EXPORTERS_BY_NAME.items():
        try:
            result = export(policy, target, allow_lossy=True)
        except ExportError as error:
            assert not isinstance(error, LossyExport)
            assert "return policy page" in str(error), (name, error)
            continue
        for fmt in target.formats:
            parsed = target.parse(target.render(result.payload, fmt), fmt)
            assert target.read(parsed) == result.narrowed.only(target.families), (name, fmt)
        if result.losses:
            try:
                export(policy, target)
            except LossyExport as refused:
                assert refused.losses == result.losses
            else:
                raise AssertionError(f"{name}: a strict export passed despite losses")
