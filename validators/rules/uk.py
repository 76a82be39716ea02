"""The United Kingdom pack (UK###): Consumer Contracts Regulations 2013 and Consumer Rights Act 2015,
for shops selling to GB."""

from __future__ import annotations

from collections.abc import Iterator

from shopterms.policy.diagnostics import CodeInfo
from shopterms.validators.rules.eu import expensive_lines
from shopterms.validators.rules.parts import return_terms, slow_services, terms_key
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "uk")


def _sells_to_gb(given: RuleInput) -> bool:
    return "GB" in given.policy.shop.sells_to


@rule(
    CodeInfo(
        code="UK001",
        name="cancellation-period-too-short",
        severity="error",
        summary="Buyers in the UK get fewer than 14 days to cancel, or no returns at all.",
        why="The Consumer Contracts Regulations 2013 (reg. 30) give 14 days from delivery to cancel an "
        "online purchase without a reason.",
        example="returns:\n  window: 7 days after delivery",
        instead="returns:\n  window: 14 days after delivery",
    )
)
def cancellation_period_too_short(given: RuleInput) -> Iterator[Finding]:
    if not _sells_to_gb(given):
        return
    legal = given.policy.legal
    if legal is not None and legal.withdrawal_days is not None and legal.withdrawal_days < 14:
        yield Finding(
            ("legal", "withdrawal_days"),
            f"the cancellation period is {legal.withdrawal_days} days; UK buyers have 14",
            hint="write withdrawal_days: 14 (or more)",
        )
    for _, path, terms in return_terms(given.policy, {"GB"}):
        window = terms.window
        if window is not None and (window.type == "none" or (window.days is not None and window.days < 14)):
            shown = "no returns" if window.type == "none" else f"{window.days} days"
            yield Finding(
                terms_key(given, path, "window"),
                f"buyers in GB get {shown}; UK law gives 14 days to cancel",
                hint="allow returns for at least 14 days after delivery",
            )


@rule(
    CodeInfo(
        code="UK002",
        name="uk-delivery-beyond-30-days",
        severity="warning",
        summary="Handling plus transit to the UK can take more than 30 days.",
        why="Without an agreed time, goods must arrive within 30 days (Consumer Rights Act 2015, s. 28).",
        example="handling: {days: 10-20}\n...\n    transit: 5-10",
        instead="handling: {days: 1-3}\n...\n    transit: 2-5",
    )
)
def delivery_beyond_30_days(given: RuleInput) -> Iterator[Finding]:
    for index, service, days in slow_services(given.policy, ["GB"], 30):
        yield Finding(
            ("shipping", "services", index, "transit"),
            f"service {service.id} can take up to {days} days to the UK; without agreement goods "
            "are due within 30 days",
            hint="shorten handling or transit, or agree a later date at checkout",
        )


@rule(
    CodeInfo(
        code="UK003",
        name="premium-rate-helpline",
        severity="error",
        summary="A phone line for buyers costs more than the basic rate.",
        why="Reg. 41 of the Consumer Contracts Regulations 2013: calls about a contract may cost no more "
        "than the basic rate.",
        example='{type: phone, number: "+44 909 8790000"}',
        instead='{type: phone, number: "+44 20 7946 0000", cost: basic_rate}',
    )
)
def premium_rate_helpline(given: RuleInput) -> Iterator[Finding]:
    if _sells_to_gb(given):
        yield from expensive_lines(given, "UK law allows at most the basic rate")


@rule(
    CodeInfo(
        code="UK004",
        name="faulty-goods-window-under-30-days",
        severity="warning",
        summary="Defective goods may be returned for fewer than 30 days.",
        why="The Consumer Rights Act 2015 (s. 22) gives a 30-day short-term right to reject faulty goods "
        "for a full refund.",
        example="defective: {window: 14 days after delivery}",
        instead="defective: {window: 30 days after delivery}",
    )
)
def faulty_goods_window_under_30_days(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if not _sells_to_gb(given) or returns is None or returns.defective is None:
        return
    window = returns.defective.window
    if window is not None and (window.type == "none" or (window.days is not None and window.days < 30)):
        yield Finding(
            ("returns", "defective", "window"),
            "defective goods may be returned for less than 30 days; UK buyers may reject them for 30",
            hint="write defective: {window: 30 days after delivery} or longer",
        )
