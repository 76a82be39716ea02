"""The Germany pack (DE###): delivery-time wording, price statements, dispute resolution (VSBG § 36) and
consent for messages, for shops selling to DE."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shopterms.policy.diagnostics import CodeInfo
from shopterms.validators.rules.parts import policy_strings
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "de")

# Words that make a delivery time vague; German courts held "in der Regel" and "voraussichtlich" too
# vague to state a delivery time, and "ca." is disputed. English counterparts are caught too.
_HEDGES = re.compile(
    r"(?<![\w.])(?:ca\.|circa|zirka|in der regel|i\.\s?d\.\s?r\.|voraussichtlich|ungefähr|normalerweise|"
    r"approx\.?|approximately|usually|typically)(?!\w)",
    re.IGNORECASE,
)


@rule(
    CodeInfo(
        code="DE001",
        name="hedged-delivery-wording",
        severity="warning",
        summary='Free text uses hedge words such as "ca.", "in der Regel" or "voraussichtlich".',
        why="German courts held delivery times with 'in der Regel' or 'voraussichtlich' too vague "
        "(OLG Bremen 2 U 138/11, KG Berlin 5 W 204/06); the number in the policy is the promise, so "
        "names and descriptions must not water it down.",
        example="name: Standardversand (in der Regel 1-2 Tage)",
        instead="name: Standardversand",
    )
)
def hedged_delivery_wording(given: RuleInput) -> Iterator[Finding]:
    for path, text in policy_strings(given.policy):
        if text.startswith(("http://", "https://")):
            continue
        match = _HEDGES.search(text)
        if match:
            yield Finding(
                path,
                f"'{text}' hedges with '{match.group(0)}'",
                hint="state the time only as the numbers in handling and transit; drop the hedge word",
            )


@rule(
    CodeInfo(
        code="DE002",
        name="delivery-terms-missing",
        severity="error",
        summary="The shop sells to Germany but the file has no shipping section.",
        why="German law wants the delivery time stated before the order (Art. 246a EGBGB § 1(1) no. 7) "
        "and shipping costs as amounts where they can be calculated (PAngV § 6).",
        example="shop: {sells_to: [DE]}\nreturns: {window: 14 days after delivery}",
        instead="shop: {sells_to: [DE]}\nshipping:\n  handling: {days: 1-2}\n  services:\n"
        "    - {id: standard, to: [DE], transit: 1-2, rate: 4.95}",
    )
)
def delivery_terms_missing(given: RuleInput) -> Iterator[Finding]:
    if given.policy.shipping is None:
        yield Finding(
            ("shop", "sells_to"),
            "the shop sells to Germany but states no delivery time and no shipping costs",
            hint="add a shipping section with handling days and a service with transit and rate",
        )


@rule(
    CodeInfo(
        code="DE003",
        name="dispute-statement-missing",
        severity="warning",
        summary="The file does not say whether the shop takes part in consumer dispute resolution.",
        why="Traders with more than ten employees must state it (VSBG § 36), and so must every trader that "
        "is obliged or willing to take part; agents are asked it too.",
        example="legal:\n  terms_url: https://shop.example/agb",
        instead="legal:\n  terms_url: https://shop.example/agb\n  dispute_resolution: {participates: false}",
    )
)
def dispute_statement_missing(given: RuleInput) -> Iterator[Finding]:
    legal = given.policy.legal
    if legal is None or legal.dispute_resolution is None:
        yield Finding(
            ("legal", "dispute_resolution"),
            "the file does not say whether the shop takes part in consumer dispute resolution",
            hint="add legal.dispute_resolution: {participates: false} (or true with the body)",
        )


def _marketing(given: RuleInput, key: str) -> str | None:
    notifications = given.policy.shipping.notifications if given.policy.shipping else None
    return getattr(notifications.marketing, key) if notifications is not None else None


@rule(
    CodeInfo(
        code="DE004",
        name="review-requests-without-consent",
        severity="error",
        summary="Review requests are sent by e-mail to every buyer, without consent.",
        why="The Federal Court of Justice counts a review request sent with the invoice e-mail as "
        "advertising that needs consent (BGH VI ZR 225/17).",
        example="marketing: {review_requests: always}",
        instead="marketing: {review_requests: with_consent}",
    )
)
def review_requests_without_consent(given: RuleInput) -> Iterator[Finding]:
    if _marketing(given, "review_requests") == "always":
        yield Finding(
            ("shipping", "notifications", "marketing", "review_requests"),
            "review requests go to every buyer; in Germany they need the buyer's consent",
            hint="write review_requests: with_consent",
        )


@rule(
    CodeInfo(
        code="DE005",
        name="cross-selling-without-consent",
        severity="warning",
        summary="Product recommendations are sent to every buyer, without consent.",
        why="E-mail advertising needs consent (UWG § 7(2)); the exception for existing customers (§ 7(3)) "
        "covers only similar goods, with an objection notice in every mail.",
        example="marketing: {cross_selling: always}",
        instead="marketing: {cross_selling: with_consent}",
    )
)
def cross_selling_without_consent(given: RuleInput) -> Iterator[Finding]:
    if _marketing(given, "cross_selling") == "always":
        yield Finding(
            ("shipping", "notifications", "marketing", "cross_selling"),
            "product recommendations go to every buyer without consent",
            hint="write cross_selling: with_consent, or meet § 7(3) UWG and say so",
        )


@rule(
    CodeInfo(
        code="DE006",
        name="email-to-carrier-without-consent",
        severity="warning",
        summary="The buyer's e-mail address is passed to the carrier without asking.",
        why="German courts and data-protection authorities require consent before passing the e-mail "
        "address to a carrier for parcel notices; the delivery contract alone does not need it.",
        example="notifications: {email_to_carrier: always}",
        instead="notifications: {email_to_carrier: with_consent}",
    )
)
def email_to_carrier_without_consent(given: RuleInput) -> Iterator[Finding]:
    notifications = given.policy.shipping.notifications if given.policy.shipping else None
    if notifications is not None and notifications.email_to_carrier == "always":
        yield Finding(
            ("shipping", "notifications", "email_to_carrier"),
            "the buyer's e-mail address goes to the carrier without consent",
            hint="write email_to_carrier: with_consent and ask at checkout",
        )
