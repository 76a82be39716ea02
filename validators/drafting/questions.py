"""The questions `shopterms init` asks, in order, each with the policy path its answer goes to.

A question's key names it in an answers file (`--answers`) and in `--set KEY=VALUE`; its default may
depend on earlier answers (the time zone and currency on the country). Repeated groups (delivery
services) ask their item questions once per item.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.drafting import guesses

Answers = dict[str, Any]
Default = Callable[[Answers], Any]


@dataclass(frozen=True)
class Question:
    key: str
    path: YamlPath  # relative to the group item for questions inside a group
    prompt: str
    default: Default | None = None
    required: bool = True
    kind: str = "text"  # text | list | yes-no | number
    when: Callable[[Answers], bool] = lambda answers: True
    why: str = ""  # shown after the default when it was guessed

    def default_for(self, answers: Answers) -> Any:
        return None if self.default is None else self.default(answers)


@dataclass(frozen=True)
class Group:
    key: str
    path: YamlPath
    prompt_more: str
    items: tuple[Question, ...]
    when: Callable[[Answers], bool] = lambda answers: True
    defaults: tuple[Answers, ...] = field(default_factory=tuple)


def _country(answers: Answers) -> str:
    return str(answers.get("country") or "").upper()


def _eu(answers: Answers) -> bool:
    return _country(answers) in guesses.EEA or _country(answers) == "GB"


def _domain(answers: Answers) -> str | None:
    host = urlsplit(str(answers.get("url") or "")).hostname
    return host.removeprefix("www.") if host else None


def _page(path: str) -> Default:
    def default(answers: Answers) -> str | None:
        url = str(answers.get("url") or "").rstrip("/")
        return f"{url}/{path}" if url else None

    return default


def _first_zone(answers: Answers) -> str | None:
    zones = guesses.time_zones(_country(answers))
    return zones[0] if zones else None


def _sells_to(answers: Answers) -> list[str]:
    return [_country(answers)] if _country(answers) else []


SHOP: tuple[Question, ...] = (
    Question("name", ("shop", "name"), "Shop name (as buyers see it)"),
    Question("url", ("shop", "url"), "Home page", default=None),
    Question("legal_name", ("shop", "legal_name"), "Registered company name", required=False),
    Question("country", ("shop", "address", "country"), "Country of the shop's seat (ISO code, e.g. DE)"),
    Question("street", ("shop", "address", "street"), "Street and number", required=False),
    Question("postal_code", ("shop", "address", "postal_code"), "Postal code", required=False),
    Question("city", ("shop", "address", "city"), "City", required=False),
    Question("timezone", ("shop", "timezone"), "Time zone", default=_first_zone, why="from the country"),
    Question(
        "currency",
        ("shop", "currency"),
        "Currency",
        default=lambda a: guesses.currency(_country(a)),
        why="from the country",
    ),
    Question(
        "languages",
        ("shop", "languages"),
        "Languages of the shop",
        default=lambda a: guesses.languages(_country(a))[:1] or None,
        kind="list",
        required=False,
        why="from the country",
    ),
    Question("sells_to", ("shop", "sells_to"), "Countries you sell to", default=_sells_to, kind="list"),
    Question("vat_id", ("shop", "vat_id"), "VAT number", required=False),
)

SHIPPING: tuple[Question, ...] = (
    Question(
        "handling",
        ("shipping", "handling", "days"),
        "Business days from order to dispatch",
        default=lambda a: "1-2",
    ),
    Question(
        "cutoff",
        ("shipping", "handling", "cutoff"),
        "Order cutoff for dispatch that day (HH:MM)",
        required=False,
    ),
    Question(
        "business_days",
        ("shipping", "handling", "business_days"),
        "Days the warehouse ships",
        default=lambda a: "Mon-Fri",
    ),
    Question(
        "holidays",
        ("shipping", "handling", "holidays"),
        "Public holidays off (country, region such as DE-BY, or none)",
        default=lambda a: _country(a) or None,
        why="from the country",
    ),
    Question(
        "closed",
        ("shipping", "closed"),
        "Warehouse closures (e.g. 2026-12-24..2027-01-01)",
        kind="list",
        required=False,
    ),
)

SERVICE: tuple[Question, ...] = (
    Question("id", ("id",), "Service id (lower case, e.g. standard)", default=lambda a: "standard"),
    Question("name", ("name",), "Name buyers see", required=False),
    Question("carriers", ("carriers",), "Carriers (e.g. dhl-germany, ups)", kind="list", required=False),
    Question("to", ("to",), "Delivers to", default=lambda a: a.get("sells_to") or _sells_to(a), kind="list"),
    Question("transit", ("transit",), "Business days in transit (e.g. 1-3)"),
    Question("rate", ("rate",), "Shipping price (an amount, or free)"),
    Question("free_from", ("free_from",), "Free shipping from an order value of", required=False),
)

RETURNS: tuple[Question, ...] = (
    Question(
        "return_window",
        ("returns", "window"),
        "Return window",
        default=lambda a: "14 days after delivery" if _eu(a) else "30 days after delivery",
        why="the statutory minimum",
    ),
    Question(
        "return_cost",
        ("returns", "cost"),
        "Who pays return shipping (free, customer_pays or an amount)",
        default=lambda a: "customer_pays",
    ),
    Question(
        "return_methods",
        ("returns", "methods"),
        "How goods come back (mail, drop_off, in_store, kiosk, pickup)",
        default=lambda a: ["mail"],
        kind="list",
    ),
    Question(
        "refund",
        ("returns", "refund", "within"),
        "Refund within",
        default=lambda a: "14 days after withdrawal" if _eu(a) else "14 days after arrival",
        required=False,
    ),
)

PAYMENT: tuple[Question, ...] = (
    Question(
        "payment_methods",
        ("payment", "methods"),
        "Payment methods (e.g. card, paypal, invoice)",
        default=lambda a: ["card", "paypal"],
        kind="list",
    ),
    Question(
        "charged",
        ("payment", "charged"),
        "When cards are charged (at_order, at_shipment, after_delivery)",
        default=lambda a: "at_order",
    ),
    Question(
        "invoice_due",
        ("payment", "invoice", "due"),
        "Invoices are due",
        default=lambda a: "14 days after invoice",
        when=lambda a: "invoice" in (a.get("payment_methods") or []),
    ),
)

SUPPORT: tuple[Question, ...] = (
    Question(
        "support_email",
        ("support", "channels", 0, "address"),
        "Support e-mail address",
        default=lambda a: f"support@{_domain(a)}" if _domain(a) else None,
    ),
    Question("support_phone", ("support", "channels", 1, "number"), "Support phone number", required=False),
    Question(
        "support_hours",
        ("support", "channels", 1, "hours"),
        "Phone hours (opening_hours syntax)",
        default=lambda a: "Mo-Fr 09:00-17:00; PH off",
        when=lambda a: bool(a.get("support_phone")),
    ),
    Question(
        "support_languages",
        ("support", "languages"),
        "Languages support answers in",
        default=lambda a: a.get("languages") or None,
        kind="list",
        required=False,
    ),
)

LEGAL: tuple[Question, ...] = (
    Question(
        "terms_url",
        ("legal", "terms_url"),
        "Terms and conditions page",
        default=_page("terms"),
        required=False,
    ),
    Question(
        "returns_url",
        ("legal", "returns_url"),
        "Return policy page",
        default=_page("returns"),
        required=False,
    ),
    Question(
        "privacy_url", ("legal", "privacy_url"), "Privacy notice", default=_page("privacy"), required=False
    ),
    Question(
        "imprint_url",
        ("legal", "imprint_url"),
        "Imprint page",
        default=_page("imprint"),
        required=False,
        when=lambda a: _country(a) in ("DE", "AT", "CH"),
    ),
    Question(
        "withdrawal_url",
        ("legal", "withdrawal_url"),
        "Online withdrawal function ('withdraw from contract here')",
        default=_page("withdrawal"),
        required=False,
        when=_eu,
    ),
    Question(
        "withdrawal_days",
        ("legal", "withdrawal_days"),
        "Statutory withdrawal period in days",
        default=lambda a: guesses.withdrawal_days(_country(a)),
        required=False,
        kind="number",
        when=_eu,
        why="the law of the country",
    ),
    Question(
        "guarantee_years",
        ("legal", "guarantee_years"),
        "Legal guarantee in years",
        kind="number",
        default=lambda a: guesses.guarantee_years(_country(a)),
        required=False,
        when=lambda a: guesses.guarantee_years(_country(a)) is not None,
        why="the law of the country",
    ),
    Question(
        "dispute_resolution",
        ("legal", "dispute_resolution", "participates"),
        "Do you take part in consumer dispute resolution?",
        default=lambda a: False,
        kind="yes-no",
        when=lambda a: _country(a) == "DE",
    ),
)

SERVICES = Group("services", ("shipping", "services"), "Add another delivery service?", SERVICE)

# Sections in the order they are asked; the group stands after the warehouse questions.
INTERVIEW: tuple[Question | Group, ...] = (*SHOP, *SHIPPING, SERVICES, *RETURNS, *PAYMENT, *SUPPORT, *LEGAL)
QUESTIONS_BY_KEY: dict[str, Question | Group] = {item.key: item for item in INTERVIEW}
