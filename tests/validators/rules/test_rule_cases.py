"""Every rule fires on a policy with one change that breaks it, points at the place of that change, and
stays silent on the clean policy and on a near miss."""

from __future__ import annotations

from typing import Any

import pytest

from shopterms.policy.diagnostics import YamlPath
from shopterms.validators.rules.engine import run_rules
from shopterms.validators.rules.registry import RULES_BY_PACK
from tests.validators.rules.policies import APPENDED, DELETE, edited_text, findings, load_edited

ODR = "https://ec.europa.eu/consumers/odr"
STANDARD: YamlPath = ("shipping", "services", 0)
INTERNATIONAL: YamlPath = ("shipping", "services", 2)
PHONE: YamlPath = ("support", "channels", 0)
CLEAN_RATE = [{"amount": 4.95, "weight_kg": "0-2"}, {"amount": 6.95, "weight_kg": "2-10"}]

# code → (edits that break the rule, dotted path the finding must point at)
TRIGGERS: dict[str, tuple[dict[YamlPath, Any], str]] = {
    "SHIP001": (
        {(*INTERNATIONAL, "rate"): {"AT": 7.95, "GB": 9.95, "US": 9.95}},
        "shipping.services[2].to[1]",
    ),
    "SHIP002": (
        {(*STANDARD, "rate"): [{"amount": 4.95, "weight_kg": "0-5"}, {"amount": 6.95, "weight_kg": "2-10"}]},
        "shipping.services[0].rate[1]",
    ),
    "SHIP003": (
        {(*STANDARD, "rate"): [{"amount": 4.95, "weight_kg": "0-2"}, {"amount": 6.95, "weight_kg": "5-10"}]},
        "shipping.services[0].rate",
    ),
    "SHIP004": ({(*STANDARD, "rate"): {"DE": 4.95, "FR": 8.95}}, "shipping.services[0].rate[1].countries[0]"),
    "SHIP005": ({("shipping", "services", 1, "to"): ["DE", "FR"]}, "shipping.services[1].to[1]"),
    "SHIP006": ({("shop", "sells_to"): ["DE", "AT", "CH", "GB", "US", "NO"]}, "shop.sells_to[5]"),
    "SHIP007": ({(*STANDARD, "free_from"): 0}, "shipping.services[0].free_from"),
    "SHIP008": ({("shipping", "handling", "cutoff"): "02:30"}, "shipping.handling.cutoff"),
    "SHIP009": ({("shipping", "services", 1, "cutoff"): "00:00"}, "shipping.services[1].cutoff"),
    "SHIP010": ({("shipping", "handling", "business_days"): []}, "shipping.handling.business_days"),
    "SHIP011": ({("shipping", "closed"): ["2026-12-24..2027-01-01", "2026-12-31"]}, "shipping.closed[1]"),
    "SHIP012": (
        {(*STANDARD, "excluded"): [{"country": "AT", "region": "AT-7"}]},
        "shipping.services[0].excluded[0]",
    ),
    "SHIP013": (
        {("shipping", "services", 1, "carriers"): ["custom:DHL Express"]},
        "shipping.services[1].carriers[0]",
    ),
    "SHIP014": ({("shipping", "handling"): {"days": "0-1"}}, "shipping.handling.days"),
    "SHIP015": (
        {("shipping", "closed"): ["2026-12-24..2027-01-01", "2027-01-02..2199-12-31"]},
        "shipping.closed[0]",
    ),
    "RET001": ({("returns", "countries"): ["DE", "AT", "GB", "FR"]}, "returns.countries[3]"),
    "RET002": ({("returns", "cost"): {"default": "free", "AT": 6.95, "CH": 9.95}}, "returns.cost.CH"),
    "RET003": ({("returns", "seasonal", 0, "until"): "2026-12-01"}, "returns.seasonal[0].until"),
    "RET004": (
        {("returns", "seasonal", 1): {"name": "Black Week", "orders": "2026-11-20..2026-11-30", "days": 60}},
        "returns.seasonal[1].orders",
    ),
    "RET005": (
        {("returns", "seasonal", 1): {"name": "Summer sale", "orders": "2026-07-01..2026-07-31", "days": 20}},
        "returns.seasonal[1].days",
    ),
    "RET006": (
        {("returns", "restocking_fee"): "10%", ("returns", "restocking_fee_amount"): 5},
        "returns.restocking_fee_amount",
    ),
    "RET007": ({("returns", "restocking_fee"): "100%"}, "returns.restocking_fee"),
    "RET008": ({("returns", "defective"): {"window": "20 days after delivery"}}, "returns.defective.window"),
    "RET009": ({("legal", "withdrawal_days"): 40}, "returns.window"),
    "PAY001": ({("payment", "methods"): ["card", "paypal"]}, "payment.invoice"),
    "PAY002": ({("payment", "invoice"): DELETE}, "payment.methods[2]"),
    "PAY003": ({("payment", "methods"): ["card", "paypal", "invoice", "paypal"]}, "payment.methods[3]"),
    "SUP001": ({(*PHONE, "number"): "+49 40 12"}, "support.channels[0].number"),
    "SUP002": ({(*PHONE, "number"): "040 1234567"}, "support.channels[0].number"),
    "SUP003": (
        {("support", "channels", 1, "address"): "service@@nordlicht-mode.example"},
        "support.channels[1].address",
    ),
    "SUP004": ({("support", "channels", 2, "number"): "+49 40 7654321"}, "support.channels[2].number"),
    "SUP005": ({(*PHONE, "hours"): "Mo-Fr 09:00-18:00"}, "support.channels[0].hours"),
    "SUP006": ({(*PHONE, "hours"): "Mo-Fr 09:00-18:00; off"}, "support.channels[0].hours"),
    "SUP007": (
        {("support", "channels", 4): {"type": "email", "address": "service@nordlicht-mode.example"}},
        "support.channels[4]",
    ),
    "LEG001": ({("shop", "sells_to"): ["DE", "AT", "CH", "GB", "US", "UK"]}, "shop.sells_to[5]"),
    "LEG002": ({("shipping", "handling", "holidays"): "DE-HA"}, "shipping.handling.holidays"),
    "LEG003": ({("shop", "currency"): "XEU"}, "shop.currency"),
    "LEG004": ({("shop", "timezone"): "Europe/Vienna"}, "shop.timezone"),
    "LEG005": ({("legal", "terms_url"): "http://nordlicht-mode.example/agb"}, "legal.terms_url"),
    "LEG006": ({("legal", "dispute_resolution"): {"participates": True}}, "legal.dispute_resolution"),
    "LEG007": ({("shop", "vat_id"): "ATU12345678"}, "shop.vat_id"),
    "LEG008": ({("shop", "sells_to"): ["AT", "CH", "GB", "US"]}, "shop.sells_to"),
    "EU001": ({("returns", "window"): "10 days after delivery"}, "returns.window"),
    "EU002": ({("returns", "window"): "30 days after order"}, "returns.window"),
    "EU003": ({("returns", "refund"): {"within": "30 days after arrival"}}, "returns.refund.within"),
    "EU004": ({("returns", "cost"): DELETE}, "returns"),
    "EU005": (
        {("shipping", "handling", "days"): "10-20", (*INTERNATIONAL, "transit"): "5-10"},
        "shipping.services[2].transit",
    ),
    "EU006": (
        {("returns", "not_returnable", 2): {"items": "sale items", "reason": "other"}},
        "returns.not_returnable[2].reason",
    ),
    "EU007": ({("legal", "guarantee_years"): 1}, "legal.guarantee_years"),
    "EU008": (
        {("legal", "dispute_resolution"): {"participates": False, "url": ODR}},
        "legal.dispute_resolution.url",
    ),
    "EU009": ({("legal", "withdrawal_url"): DELETE}, "legal.withdrawal_url"),
    "EU010": ({(*PHONE, "number"): "+49 900 1234567"}, "support.channels[0].number"),
    "EU011": ({("returns", "restocking_fee"): "10%"}, "returns.restocking_fee"),
    "EU012": ({("returns", "defective"): {"cost": "customer_pays"}}, "returns.defective.cost"),
    "EU013": ({("returns", "countries"): ["DE", "GB"]}, "returns.countries"),
    "DE001": ({(*STANDARD, "name"): "Standardversand (in der Regel 1-2 Tage)"}, "shipping.services[0].name"),
    "DE002": ({("shipping",): DELETE}, "shop.sells_to"),
    "DE003": ({("legal", "dispute_resolution"): DELETE}, "legal.dispute_resolution"),
    "DE004": (
        {("shipping", "notifications", "marketing", "review_requests"): "always"},
        "shipping.notifications.marketing.review_requests",
    ),
    "DE005": (
        {("shipping", "notifications", "marketing", "cross_selling"): "always"},
        "shipping.notifications.marketing.cross_selling",
    ),
    "DE006": (
        {("shipping", "notifications", "email_to_carrier"): "always"},
        "shipping.notifications.email_to_carrier",
    ),
    "UK001": (
        {
            ("returns", "cost"): {"default": "free", "AT": 6.95},
            ("returns", "by_country"): {"GB": {"window": "7 days after delivery"}},
        },
        "returns.by_country.GB.window",
    ),
    "UK002": (
        {("shipping", "handling", "days"): "15-20", (*INTERNATIONAL, "transit"): "5-10"},
        "shipping.services[2].transit",
    ),
    "UK003": ({(*PHONE, "number"): "+44 909 8790000"}, "support.channels[0].number"),
    "UK004": ({("returns", "defective"): {"window": "14 days after delivery"}}, "returns.defective.window"),
    "US001": (
        {
            (*INTERNATIONAL, "to"): ["AT", "CH", "GB"],
            (*INTERNATIONAL, "rate"): {"AT": 7.95, "CH": 14.95, "GB": 14.95},
        },
        "shop.sells_to[4]",
    ),
    "US002": ({("shipping", "handling", "days"): "25-35"}, "shipping.services[2]"),
    "US003": (
        {("shipping", "notifications", "events"): ["order_confirmed", "shipped", "delivered"]},
        "shipping.notifications.events",
    ),
    "US004": ({("legal", "returns_url"): DELETE}, "legal.returns_url"),
    "DRAFT002": ({APPENDED: "# TODO shop.timezone: IANA time zone of the warehouse\n"}, "shop.timezone"),
}

# Changes that come close to breaking a rule but do not.
NEAR_MISSES: list[tuple[str, dict[YamlPath, Any]]] = [
    ("SHIP002", {(*STANDARD, "rate"): CLEAN_RATE}),
    ("SHIP003", {(*STANDARD, "rate"): CLEAN_RATE}),
    (
        "SHIP002",
        {(*STANDARD, "rate"): [{"amount": 4.95, "weight_kg": "0-5"}, {"amount": 4.95, "weight_kg": "2-10"}]},
    ),
    ("SHIP008", {("shipping", "handling", "cutoff"): "03:00"}),
    ("SHIP014", {("shipping", "handling"): {"days": "1-2"}}),
    ("SHIP015", {("shipping", "closed"): ["2026-01-01..2026-12-31", "2027-01-02..2027-12-31"]}),
    ("RET003", {("returns", "seasonal", 0, "until"): "2026-12-24"}),
    (
        "RET004",
        {("returns", "seasonal", 1): {"name": "Easter", "orders": "2027-03-20..2027-04-05", "days": 60}},
    ),
    ("EU001", {("returns", "window"): "14 days after delivery"}),
    ("EU003", {("returns", "refund"): {"within": "14 days after withdrawal"}}),
    ("EU005", {("shipping", "handling", "days"): "5-10", (*INTERNATIONAL, "transit"): "5-8"}),
    (
        "EU008",
        {("legal", "dispute_resolution"): {"participates": False, "url": "https://ec.europa.eu/consumers"}},
    ),
    ("EU010", {(*PHONE, "number"): "+49 800 1234567"}),
    ("SUP002", {(*PHONE, "number"): "+49 (0)40 1234567"}),
    ("LEG004", {("shop", "timezone"): "Europe/Busingen"}),
    ("DE001", {(*STANDARD, "name"): "Standardversand Canada"}),
    ("US002", {("shipping", "handling", "days"): "10-20"}),
    ("SUP005", {(*PHONE, "hours"): "Mo-Su 09:00-18:00"}),
    ("DRAFT002", {APPENDED: "# TODO: ask the warehouse about Saturdays\n"}),
]


def _all_codes() -> list[str]:
    return [rule.code for rules in RULES_BY_PACK.values() for rule in rules]


def test_the_clean_policy_passes_every_rule_of_every_pack() -> None:
    assert findings({}) == []


def test_every_rule_has_a_triggering_case() -> None:
    assert sorted(TRIGGERS) == sorted(_all_codes())


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_rule_fires_on_its_breaking_change_and_points_at_it(code: str) -> None:
    edits, where = TRIGGERS[code]
    found = [item for item in findings(edits) if item.code == code]
    assert found, f"{code} did not fire"
    assert where in [item.dotted_path for item in found]
    item = next(item for item in found if item.dotted_path == where)
    assert item.location is not None and item.location.line > 0
    assert item.hint and not item.message.endswith(".")


@pytest.mark.parametrize(
    ("code", "edits"), NEAR_MISSES, ids=[f"{code}-{i}" for i, (code, _) in enumerate(NEAR_MISSES)]
)
def test_rule_stays_silent_on_a_near_miss(code: str, edits: dict[YamlPath, Any]) -> None:
    assert code not in [item.code for item in findings(edits)]


def test_a_finding_points_at_the_written_value() -> None:
    edits, _ = TRIGGERS["SHIP007"]
    text = edited_text(edits)
    item = next(item for item in findings(edits) if item.code == "SHIP007")
    assert item.location is not None
    line = text.splitlines()[item.location.line - 1]
    assert line[item.location.column - 1 :].startswith("0")


def test_an_odr_link_in_a_comment_is_found_at_its_column() -> None:
    result = load_edited({})
    text = (result.source or "") + f"# Streitschlichtung: {ODR}\n"
    from shopterms.policy.loader import load_policy_text

    commented = load_policy_text(text, "policy.yaml")
    found = [item for item in run_rules(commented, ["eu"]) if item.code == "EU008"]
    assert len(found) == 1 and found[0].location is not None
    last = len(text.splitlines())
    assert (found[0].location.line, found[0].location.column) == (last, len("# Streitschlichtung: ") + 1)


def test_packs_run_only_their_own_rules() -> None:
    edits, _ = TRIGGERS["EU001"]
    assert "EU001" not in [item.code for item in findings(edits, ("core",))]


def test_an_invalid_policy_gets_no_rule_findings() -> None:
    from shopterms.policy.loader import load_policy_text

    assert run_rules(load_policy_text("shop: {}\n", "bad.yaml"), ["core", "eu"]) == []


def test_an_ignore_comment_on_the_line_acknowledges_that_code_only() -> None:
    from shopterms.policy.loader import load_policy_text

    text = edited_text({("returns", "restocking_fee"): "10%"})
    line = next(line for line in text.splitlines() if "restocking_fee:" in line)
    for comment, expected in (
        ("# shopterms: ignore[EU011]", []),
        ("# shopterms: ignore[EU010, DE001]", ["EU011"]),
    ):
        result = load_policy_text(text.replace(line, f"{line}  {comment}"), "policy.yaml")
        assert [item.code for item in run_rules(result, ["core", "eu"])] == expected
