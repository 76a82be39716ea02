"""The policy model: shorthand and structured forms normalise to one canonical model, with stated defaults."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from shopterms.policy.loader import load_policy
from shopterms.policy.model import Policy
from shopterms.policy.model.common import Amount, Dates, Days, DestinationSpec, Duration, Percent, Weekdays
from shopterms.policy.model.payment import DueSpec
from shopterms.policy.model.returns import FeeSpec, RefundSpec, WindowSpec
from shopterms.policy.model.shipping import Range, Rates
from tests.conftest import example_files

SHOP: dict[str, Any] = {
    "name": "Probe",
    "url": "https://probe.example",
    "address": {"country": "DE"},
    "timezone": "Europe/Berlin",
    "currency": "EUR",
}


def policy(**sections: Any) -> Policy:
    return Policy.model_validate({"shop": copy.deepcopy(SHOP), **copy.deepcopy(sections)})


def read(annotation: Any, value: Any) -> Any:
    return TypeAdapter(annotation).validate_python(value)


def message(annotation: Any, value: Any) -> str:
    """The merchant-facing words of the first error, without pydantic's wrapping."""
    with pytest.raises(ValidationError) as raised:
        TypeAdapter(annotation).validate_python(value)
    error = raised.value.errors()[0]
    return str(error["ctx"]["error"]) if "error" in error.get("ctx", {}) else error["msg"]


def policy_message(**sections: Any) -> str:
    with pytest.raises(ValidationError) as raised:
        policy(**sections)
    error = raised.value.errors()[0]
    return str(error["ctx"]["error"]) if "error" in error.get("ctx", {}) else error["msg"]


SERVICE: dict[str, Any] = {"id": "standard", "to": ["DE"], "transit": 1, "rate": 4.95}
SHIPPING: dict[str, Any] = {"handling": {"days": 1}, "services": [SERVICE]}

# --- value types: shorthand and structured give the same canonical value ------------------------------


@pytest.mark.parametrize(
    ("annotation", "shorthand", "structured"),
    [
        (Days, "1-2", {"min": 1, "max": 2}),
        (Days, "1–2 days", {"min": 1, "max": 2}),
        (Days, 3, {"min": 3, "max": 3}),
        (Dates, "2026-12-24..2027-01-01", {"start": "2026-12-24", "end": "2027-01-01"}),
        (Dates, dt.date(2026, 12, 24), {"start": "2026-12-24", "end": "2026-12-24"}),
        (Dates, "2026-12-24", {"start": "2026-12-24", "end": "2026-12-24"}),
        (Weekdays, "Mon-Fri", ["mon", "tue", "wed", "thu", "fri"]),
        (Weekdays, "Mo-Sa", ["mon", "tue", "wed", "thu", "fri", "sat"]),
        (Weekdays, "Mi, Fr", ["wed", "fri"]),
        (Weekdays, ["Fri", "Wed"], ["wed", "fri"]),
        (Duration, "24 hours", "PT24H"),
        (Duration, "2 days", "P2D"),
        (Duration, "30 min", "PT30M"),
        (Amount, "4,95", 4.95),
        (Amount, "free", 0),
        (Percent, "10%", 10),
        (Percent, "12,5 %", 12.5),
        (DestinationSpec, "DE", {"country": "DE"}),
        (DestinationSpec, "de", {"country": "DE"}),
        (DestinationSpec, "de-by", {"country": "DE", "region": "DE-BY"}),
        (DestinationSpec, "DE-BY", {"country": "de", "region": "de-by"}),
        (Range, "0-2", {"min": 0, "max": 2}),
        (Range, "0,5-2", {"min": 0.5, "max": 2}),
        (Range, "10+", {"min": 10, "max": None}),
        (Range, 5, {"min": 0, "max": 5}),
        (Rates, 4.95, [{"amount": "4.95"}]),
        (Rates, "free", [{"amount": 0}]),
        (Rates, {"amount": 4.95, "weight_kg": "0-2"}, [{"amount": 4.95, "weight_kg": {"min": 0, "max": 2}}]),
        (
            Rates,
            {"AT": 7.95, "ch": "14,95"},
            [{"amount": 7.95, "countries": ["AT"]}, {"amount": 14.95, "countries": ["CH"]}],
        ),
        (WindowSpec, "30 days after delivery", {"type": "finite", "days": 30, "after": "delivery"}),
        (WindowSpec, 30, {"days": 30}),
        (WindowSpec, "30 days", {"days": 30, "after": "delivery"}),
        (WindowSpec, "30 days after order", {"days": 30, "after": "order"}),
        (WindowSpec, "60 days from shipment", {"days": 60, "after": "shipment"}),
        (WindowSpec, "no returns", {"type": "none"}),
        (WindowSpec, "No Returns", {"type": "none"}),
        (WindowSpec, "none", {"type": "none"}),
        (WindowSpec, "unlimited", {"type": "unlimited"}),
        (WindowSpec, "lifetime", {"type": "unlimited"}),
        (FeeSpec, "free", {"type": "free"}),
        (FeeSpec, 0, {"type": "free"}),
        (FeeSpec, "customer_pays", {"type": "customer_pays"}),
        (FeeSpec, 4.95, {"type": "fixed", "amount": 4.95}),
        (FeeSpec, "4,95", {"type": "fixed", "amount": "4.95"}),
        (RefundSpec, {"within": "7 days after arrival"}, {"days": 7, "after": "arrival"}),
        (RefundSpec, {"within": 7}, {"days": 7}),
        (
            RefundSpec,
            {"within": "14 days after withdrawal", "to": "store_credit"},
            {"days": 14, "after": "withdrawal", "to": "store_credit"},
        ),
        (RefundSpec, {"within": "5 days after dispatch"}, {"days": 5, "after": "dispatch"}),
        (DueSpec, 14, {"days": 14, "after": "invoice"}),
        (DueSpec, "14 days", {"days": 14}),
        (DueSpec, "14 days after delivery", {"days": 14, "after": "delivery"}),
        (DueSpec, "30 days after the order", {"days": 30, "after": "order"}),
        (DueSpec, "7 days after shipment", {"days": 7, "after": "shipment"}),
    ],
)
def test_shorthand_and_structured_form_give_the_same_value(
    annotation: Any, shorthand: Any, structured: Any
) -> None:
    assert read(annotation, shorthand) == read(annotation, structured)


def test_float_amount_stays_exactly_the_written_decimal() -> None:
    assert read(Amount, 4.95).as_tuple() == Decimal("4.95").as_tuple()
    assert read(Rates, 19.99)[0].amount.as_tuple() == Decimal("19.99").as_tuple()
    assert json.loads(TypeAdapter(Amount).dump_json(read(Amount, 4.95))) == 4.95


# --- whole policies ---------------------------------------------------------------------------------

SHORTHAND_POLICY: dict[str, Any] = {
    "shop": {**SHOP, "sells_to": ["de", "at"]},
    "shipping": {
        "handling": {"days": "0-1", "cutoff": "14:00", "business_days": "Mo-Fr"},
        "closed": ["2026-12-24..2026-12-26", "2026-12-31"],
        "services": [
            {
                "id": "standard",
                "to": ["DE", "at"],
                "transit": "1–2 days",
                "rate": {"DE": 4.95, "AT": "7,95"},
                "delivery_days": "Mon-Sat",
            }
        ],
    },
    "returns": {
        "window": "30 days after delivery",
        "cost": {"default": "free", "AT": 6.95},
        "refund": {"within": "7 days after arrival"},
        "restocking_fee": "10%",
    },
    "payment": {"methods": ["invoice"], "invoice": {"due": "14 days after delivery"}},
    "support": {
        "channels": [{"type": "email", "address": "help@probe.example", "response_within": "24 hours"}]
    },
}
STRUCTURED_POLICY: dict[str, Any] = {
    "version": 1,
    "shop": {**SHOP, "sells_to": ["DE", "AT"]},
    "shipping": {
        "handling": {
            "days": {"min": 0, "max": 1},
            "cutoff": "14:00:00",
            "business_days": ["mon", "tue", "wed", "thu", "fri"],
            "holidays": "DE",
        },
        "closed": [
            {"start": "2026-12-24", "end": "2026-12-26"},
            {"start": "2026-12-31", "end": "2026-12-31"},
        ],
        "services": [
            {
                "id": "standard",
                "to": [{"country": "DE"}, {"country": "AT"}],
                "transit": {"min": 1, "max": 2},
                "rate": [{"amount": 4.95, "countries": ["DE"]}, {"amount": 7.95, "countries": ["AT"]}],
                "delivery_days": ["mon", "tue", "wed", "thu", "fri", "sat"],
            }
        ],
    },
    "returns": {
        "window": {"type": "finite", "days": 30, "after": "delivery"},
        "cost": {"type": "free"},
        "by_country": {"AT": {"cost": {"type": "fixed", "amount": 6.95}}},
        "countries": ["DE", "AT"],
        "refund": {"days": 7, "after": "arrival", "to": "original_payment"},
        "restocking_fee": 10,
    },
    "payment": {"methods": ["invoice"], "invoice": {"due": {"days": 14, "after": "delivery"}}},
    "support": {"channels": [{"type": "email", "address": "help@probe.example", "response_within": "PT24H"}]},
}


def test_shorthand_policy_and_structured_policy_normalise_to_the_same_model() -> None:
    shorthand = Policy.model_validate(copy.deepcopy(SHORTHAND_POLICY))
    structured = Policy.model_validate(copy.deepcopy(STRUCTURED_POLICY))
    assert shorthand == structured
    assert shorthand.model_dump(mode="json") == structured.model_dump(mode="json")


def test_per_country_return_cost_becomes_a_default_and_country_terms() -> None:
    returns = policy(
        returns={"window": 30, "cost": {"default": "free", "AT": 6.95, "ch": "customer_pays"}}
    ).returns
    assert returns is not None
    assert returns.cost.type == "free"
    assert returns.for_country("AT").cost is not None and returns.for_country("AT").cost.amount == Decimal(
        "6.95"
    )
    assert (
        returns.for_country("CH").cost is not None and returns.for_country("CH").cost.type == "customer_pays"
    )
    assert returns.for_country("DE").cost is not None and returns.for_country("DE").cost.type == "free"


def test_per_country_return_cost_without_default_keeps_customer_pays_elsewhere() -> None:
    returns = policy(returns={"window": 30, "cost": {"AT": "free"}}).returns
    assert returns is not None
    assert returns.cost.type == "customer_pays"
    assert set(returns.by_country) == {"AT"}


def test_per_country_return_cost_merges_into_written_country_terms() -> None:
    returns = policy(
        returns={
            "window": 30,
            "cost": {"default": "free", "CH": 9.95},
            "by_country": {"CH": {"methods": ["mail"]}},
        }
    ).returns
    assert returns is not None
    swiss = returns.by_country["CH"]
    assert swiss.methods == ["mail"]
    assert swiss.cost is not None and swiss.cost.amount == Decimal("9.95")


def test_by_country_of_the_wrong_shape_is_reported_not_crashed_on() -> None:
    with pytest.raises(ValidationError) as raised:
        policy(returns={"window": 30, "cost": {"default": "free", "AT": 6.95}, "by_country": ["AT"]})
    assert {error["loc"][:2] for error in raised.value.errors()} >= {("returns", "by_country")}


# --- documented defaults ----------------------------------------------------------------------------


def test_sells_to_defaults_to_the_address_country() -> None:
    assert policy().shop.sells_to == ["DE"]
    lower = Policy.model_validate({"shop": {**SHOP, "address": {"country": "at"}}})
    assert lower.shop.sells_to == ["AT"]


def test_written_sells_to_is_kept() -> None:
    assert Policy.model_validate({"shop": {**SHOP, "sells_to": ["DE", "AT"]}}).shop.sells_to == ["DE", "AT"]


def test_handling_holidays_default_to_the_home_country() -> None:
    shipping = policy(shipping=SHIPPING).shipping
    assert shipping is not None and shipping.handling.holidays == "DE"
    austrian = Policy.model_validate({"shop": {**SHOP, "address": {"country": "at"}}, "shipping": SHIPPING})
    assert austrian.shipping is not None and austrian.shipping.handling.holidays == "AT"


def test_written_holiday_calendar_is_kept() -> None:
    shipping = policy(shipping={**SHIPPING, "handling": {"days": 1, "holidays": "de-by"}}).shipping
    assert shipping is not None and shipping.handling.holidays == "DE-BY"
    closed_never = policy(shipping={**SHIPPING, "handling": {"days": 1, "holidays": "none"}}).shipping
    assert closed_never is not None and closed_never.handling.holidays == "none"


def test_return_countries_default_to_the_countries_sold_to() -> None:
    returns = Policy.model_validate(
        {"shop": {**SHOP, "sells_to": ["DE", "AT", "CH"]}, "returns": {"window": 30}}
    ).returns
    assert returns is not None and returns.countries == ["DE", "AT", "CH"]


def test_return_countries_default_to_the_home_country_without_sells_to() -> None:
    returns = policy(returns={"window": 30}).returns
    assert returns is not None and returns.countries == ["DE"]


def test_return_defaults_customer_pays_by_mail_for_new_goods() -> None:
    returns = policy(returns={"window": 30}).returns
    assert returns is not None
    assert returns.cost.type == "customer_pays"
    assert returns.methods == ["mail"]
    assert returns.item_conditions == ["new"]
    assert returns.window.after == "delivery"
    assert returns.by_country == {} and returns.not_returnable == [] and returns.refund is None


def test_shipping_defaults_work_on_weekdays_and_deliver_on_weekdays() -> None:
    shipping = policy(shipping=SHIPPING).shipping
    assert shipping is not None
    workweek = ["mon", "tue", "wed", "thu", "fri"]
    assert shipping.handling.business_days == workweek
    assert shipping.handling.cutoff is None
    service = shipping.services[0]
    assert service.delivery_days == workweek
    assert service.type == "delivery"
    assert service.carriers == [] and service.carrier_choice is False
    assert service.handling is None and service.cutoff is None and service.free_from is None


def test_payment_defaults_charge_at_order_and_invoice_due_after_the_invoice() -> None:
    payment = policy(payment={"methods": ["card", "invoice"], "invoice": {"due": 14}}).payment
    assert payment is not None and payment.invoice is not None
    assert payment.charged == "at_order"
    assert payment.invoice.sent == "with_delivery"
    assert (payment.invoice.due.days, payment.invoice.due.after) == (14, "invoice")


def test_refund_defaults_count_from_arrival_to_the_original_payment() -> None:
    refund = read(RefundSpec, {"within": 7})
    assert (refund.days, refund.after, refund.to) == (7, "arrival", "original_payment")


def test_version_defaults_to_the_current_format() -> None:
    assert policy().version == 1


# --- messages a merchant sees (the model's own checks) -------------------------------------------------


@pytest.mark.parametrize(
    ("annotation", "value", "expected"),
    [
        (Days, "3-1", "the range starts at 3 but ends at 1; write the smaller number first"),
        (
            Dates,
            "2027-01-01..2026-12-24",
            "the range starts on 2027-01-01 but ends on 2026-12-24; the end must not come first",
        ),
        (Weekdays, ["mon", "Mon"], "mon appears more than once"),
        (Range, "5-2", "the range starts at 5 but ends at 2"),
        (Range, "heavy", "'heavy' is not a range; write e.g. 0-2 or 10+ (10 and more)"),
        (DestinationSpec, {"country": "DE", "region": "AT-9"}, "region AT-9 does not lie in country DE"),
        (
            WindowSpec,
            {"type": "finite"},
            "a finite return window needs its days, e.g. '30 days after delivery'",
        ),
        (WindowSpec, {"type": "none", "days": 30}, "a window of type none takes no days"),
        (
            WindowSpec,
            "30 days after arrival",
            "'30 days after arrival' counts from 'arrival'; it can count from: delivery, order, shipment",
        ),
        (FeeSpec, {"type": "fixed"}, "a fixed return fee needs its amount, and only a fixed fee has one"),
        (
            FeeSpec,
            "customer pays",
            "'customer pays' is not a return cost; write free, customer_pays or an amount such as 4.95",
        ),
        (
            RefundSpec,
            {"within": "7 days", "after": "withdrawal"},
            "write the refund time either as within: '7 days after arrival' or as days and after",
        ),
        (
            RefundSpec,
            {"within": "7 days after delivery"},
            "'7 days after delivery' counts from 'delivery'; "
            "it can count from: arrival, withdrawal, dispatch",
        ),
        (
            DueSpec,
            "14 days after arrival",
            "'14 days after arrival' counts from 'arrival'; "
            "it can count from: invoice, delivery, shipment, order",
        ),
        (Duration, 24, "'24' has no unit; write e.g. '24 hours' or '24 days'"),
    ],
)
def test_model_check_message_is_exact(annotation: Any, value: Any, expected: str) -> None:
    assert message(annotation, value) == expected


def test_repeated_service_id_is_named() -> None:
    services = [SERVICE, {**SERVICE, "transit": 2}]
    assert policy_message(shipping={"handling": {"days": 1}, "services": services}) == (
        "service id standard is used more than once; ids must be unique"
    )


def test_seasonal_override_needs_exactly_one_deadline() -> None:
    seasonal = [{"name": "Christmas", "orders": "2026-11-15..2026-12-24"}]
    assert policy_message(returns={"window": 30, "seasonal": seasonal}) == (
        "a seasonal override needs exactly one of until (a date) or days"
    )


def test_support_channel_names_its_missing_contact() -> None:
    assert policy_message(support={"channels": [{"type": "phone"}]}) == "a phone channel needs its number"


def test_support_hours_outside_opening_hours_syntax_are_explained() -> None:
    channel = {"type": "phone", "number": "+49 40 1234567", "hours": "Mon-Fri 09:00-18:00"}
    assert policy_message(support={"channels": [channel]}) == (
        "'Mon-Fri 09:00-18:00' is not in opening_hours syntax; "
        "write e.g. 'Mo-Fr 09:00-18:00; Sa 10:00-14:00; PH off'"
    )


def test_unknown_time_zone_is_explained() -> None:
    with pytest.raises(ValidationError) as raised:
        Policy.model_validate({"shop": {**SHOP, "timezone": "Europe/Hamburg"}})
    assert (
        str(raised.value.errors()[0]["ctx"]["error"])
        == "'Europe/Hamburg' is not an IANA time zone; write e.g. Europe/Berlin"
    )


def test_unknown_carrier_gets_a_suggestion() -> None:
    service = {**SERVICE, "carriers": ["hermes"]}
    assert policy_message(shipping={"handling": {"days": 1}, "services": [service]}) == (
        "'hermes' is not in the carrier vocabulary; did you mean 'hermes-de'? "
        "write custom:<name> for a carrier not listed"
    )


# --- normalisation is idempotent ------------------------------------------------------------------------


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_normalised_example_revalidates_to_an_equal_model(path: Path) -> None:
    loaded = load_policy(path).policy
    assert loaded is not None
    canonical = loaded.model_dump(mode="json")
    again = Policy.model_validate_json(json.dumps(canonical))
    assert again == loaded
    assert again.model_dump(mode="json") == canonical


day_ranges = st.tuples(st.integers(0, 10), st.integers(0, 10)).flatmap(
    lambda pair: st.sampled_from(
        [
            min(pair),
            f"{min(pair)}-{max(pair)}",
            f"{min(pair)}–{max(pair)} days",
            {"min": min(pair), "max": max(pair)},
        ]
    )
)
amounts = st.decimals(min_value=0, max_value=500, places=2).flatmap(
    lambda value: st.sampled_from([float(value), f"{value:f}", f"{value:f}".replace(".", ",")])
)
countries = st.sampled_from(["DE", "at", "CH", "fr", "NL"])
rates = st.one_of(
    amounts,
    st.just("free"),
    st.dictionaries(countries.map(str.upper), amounts, min_size=1, max_size=3),
    st.lists(
        st.fixed_dictionaries(
            {"amount": amounts},
            optional={
                "weight_kg": st.sampled_from(["0-2", "2-10", "10+", 5]),
                "countries": st.lists(countries, max_size=2),
            },
        ),
        min_size=1,
        max_size=3,
    ),
)
weekday_forms = st.sampled_from(["Mon-Fri", "Mo-Sa", "Mon, Wed, Fri", ["sat", "mon"], "Di-So", "mo..fr"])
windows = st.one_of(
    st.integers(0, 100),
    st.integers(0, 100).flatmap(
        lambda days: st.sampled_from(
            [f"{days} days", f"{days} days after order", f"{days} days from shipment"]
        )
    ),
    st.sampled_from(["no returns", "unlimited", {"type": "finite", "days": 30, "after": "order"}]),
)
costs = st.one_of(
    st.sampled_from(["free", "customer_pays"]),
    amounts,
    st.dictionaries(
        st.sampled_from(["default", "AT", "CH"]), st.sampled_from(["free", "customer_pays", 6.95])
    ),
)


@given(
    transit=day_ranges,
    handling=day_ranges,
    rate=rates,
    delivery_days=weekday_forms,
    window=windows,
    cost=costs,
    cutoff=st.sampled_from([None, "9:30", "14:00", "23:59:59"]),
    closed=st.lists(
        st.sampled_from(["2026-12-24", "2026-12-24..2027-01-01", dt.date(2027, 5, 1)]), max_size=2
    ),
)
def test_normalising_any_shorthand_policy_is_idempotent(
    transit: Any,
    handling: Any,
    rate: Any,
    delivery_days: Any,
    window: Any,
    cost: Any,
    cutoff: Any,
    closed: Any,
) -> None:
    written = {
        "shop": {**SHOP, "sells_to": ["DE", "AT", "CH"]},
        "shipping": {
            "handling": {"days": handling, **({"cutoff": cutoff} if cutoff else {})},
            "closed": closed,
            "services": [
                {
                    "id": "standard",
                    "to": ["DE", "AT"],
                    "transit": transit,
                    "rate": rate,
                    "delivery_days": delivery_days,
                }
            ],
        },
        "returns": {"window": window, "cost": cost, "refund": {"within": "7 days after arrival"}},
    }
    first = Policy.model_validate(written)
    canonical = first.model_dump(mode="json")
    second = Policy.model_validate_json(json.dumps(canonical))
    assert second == first
    assert second.model_dump(mode="json") == canonical
