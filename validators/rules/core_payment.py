"""Core plausibility of the payment section (PAY###): methods and invoice terms agree."""

from __future__ import annotations

from collections.abc import Iterator

from shopterms.policy.diagnostics import CodeInfo
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "core")


@rule(
    CodeInfo(
        code="PAY001",
        name="invoice-terms-without-invoice",
        severity="warning",
        summary="Invoice terms are given, but `invoice` is not among the payment methods.",
        why="Either invoice payment is offered and missing from `methods`, or the terms are a leftover "
        "that agents would still quote.",
        example="methods: [card, paypal]\ninvoice: {due: 14 days after delivery}",
        instead="methods: [card, paypal, invoice]\ninvoice: {due: 14 days after delivery}",
    )
)
def invoice_terms_without_invoice(given: RuleInput) -> Iterator[Finding]:
    payment = given.policy.payment
    if payment is not None and payment.invoice is not None and "invoice" not in payment.methods:
        yield Finding(
            ("payment", "invoice"),
            "invoice terms are given, but invoice is not an accepted payment method",
            hint="add invoice to payment.methods, or remove the invoice terms",
        )


@rule(
    CodeInfo(
        code="PAY002",
        name="invoice-without-terms",
        severity="warning",
        summary="`invoice` is a payment method, but nothing says when the invoice is due.",
        why="The due date is what a buyer paying by invoice needs to know; agents cannot answer without it.",
        example="methods: [card, invoice]",
        instead="methods: [card, invoice]\ninvoice: {due: 14 days after delivery}",
    )
)
def invoice_without_terms(given: RuleInput) -> Iterator[Finding]:
    payment = given.policy.payment
    if payment is not None and payment.invoice is None and "invoice" in payment.methods:
        yield Finding(
            ("payment", "methods", payment.methods.index("invoice")),
            "invoice is accepted, but its due date is not stated",
            hint="add invoice: {due: 14 days after delivery} with your real terms",
        )


@rule(
    CodeInfo(
        code="PAY003",
        name="duplicate-payment-method",
        severity="warning",
        summary="A payment method is listed twice.",
        why="Duplicates are harmless to read but usually hide a different method that was meant.",
        example="methods: [card, paypal, card]",
        instead="methods: [card, paypal, klarna]",
    )
)
def duplicate_payment_method(given: RuleInput) -> Iterator[Finding]:
    payment = given.policy.payment
    if payment is None:
        return
    for i, method in enumerate(payment.methods):
        if method in payment.methods[:i]:
            yield Finding(
                ("payment", "methods", i),
                f"{method} is listed more than once",
                hint="list each method once",
            )
