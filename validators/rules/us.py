"""The United States pack (US###): the FTC Mail, Internet, or Telephone Order Merchandise Rule
(16 CFR 435) and posted refund policies (California, New York), for shops selling to US."""

from __future__ import annotations

from collections.abc import Iterator

from shopterms.policy.diagnostics import CodeInfo
from shopterms.validators.rules.parts import calendar_days, services_to
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "us")


def _sells_to_us(given: RuleInput) -> bool:
    return "US" in given.policy.shop.sells_to


@rule(
    CodeInfo(
        code="US001",
        name="shipping-time-not-stated",
        severity="warning",
        summary="The shop sells to the US but states no shipping time for it.",
        why="Under the FTC rule, a seller who states no time must ship within 30 days; stating the real "
        "time lets buyers and agents plan, and is what the seller is held to.",
        example="shop: {sells_to: [US]}\n# no shipping service to US",
        instead="services:\n  - {id: standard, to: [US], transit: 3-5, rate: 5.99}",
    )
)
def shipping_time_not_stated(given: RuleInput) -> Iterator[Finding]:
    if _sells_to_us(given) and not list(services_to(given.policy, "US")):
        yield Finding(
            ("shop", "sells_to", given.policy.shop.sells_to.index("US")),
            "the shop sells to the US but states no shipping time there (30 days then apply)",
            hint="add a shipping service to US with its handling and transit days",
        )


@rule(
    CodeInfo(
        code="US002",
        name="shipping-beyond-30-days",
        severity="warning",
        summary="Handling (order to shipment) for US orders can take more than 30 days.",
        why="The FTC rule expects shipment within the stated time; longer than 30 days calls for a "
        "reasonable basis and delay notices with an option to cancel.",
        example="handling: {days: 25-35}",
        instead="handling: {days: 1-3}",
    )
)
def shipping_beyond_30_days(given: RuleInput) -> Iterator[Finding]:
    shipping = given.policy.shipping
    if shipping is None or not _sells_to_us(given):
        return
    per_week = len(shipping.handling.business_days)
    for index, service in services_to(given.policy, "US"):
        days = calendar_days((service.handling or shipping.handling.days).max, per_week)
        if days > 30:
            yield Finding(
                ("shipping", "services", index),
                f"service {service.id} may ship up to {days} days after the order",
                hint="shorten the handling time, or be ready to send delay notices with an option to cancel",
            )


@rule(
    CodeInfo(
        code="US003",
        name="no-delay-notice",
        severity="warning",
        summary="Buyers are not told when an order is delayed.",
        why="When a seller cannot ship in time, the FTC rule requires a delay notice offering the buyer "
        "to cancel for a prompt refund; the `delayed` event says the shop sends one.",
        example="notifications:\n  events: [shipped, delivered]",
        instead="notifications:\n  events: [shipped, delayed, delivered]",
    )
)
def no_delay_notice(given: RuleInput) -> Iterator[Finding]:
    shipping = given.policy.shipping
    if shipping is None or not _sells_to_us(given):
        return
    notifications = shipping.notifications
    if notifications is None or "delayed" not in notifications.events:
        yield Finding(
            ("shipping", "notifications", "events") if notifications else ("shipping",),
            "buyers are not told of delays; the FTC rule requires a delay notice with an option to cancel",
            hint="add delayed to shipping.notifications.events",
        )


@rule(
    CodeInfo(
        code="US004",
        name="refund-policy-not-posted",
        severity="warning",
        summary="No web address of the refund (return) policy is given.",
        why="California (Civil Code § 1723) and New York (General Business Law § 218-a) require a posted "
        "refund policy, and shoppers there are presumed to be allowed refunds otherwise.",
        example="legal:\n  terms_url: https://shop.example/terms",
        instead="legal:\n  terms_url: https://shop.example/terms\n  returns_url: https://shop.example/returns",
    )
)
def refund_policy_not_posted(given: RuleInput) -> Iterator[Finding]:
    legal = given.policy.legal
    if _sells_to_us(given) and (legal is None or legal.returns_url is None):
        yield Finding(
            ("legal", "returns_url"),
            "no refund policy page is given; California and New York require a posted one",
            hint="add legal.returns_url",
        )
