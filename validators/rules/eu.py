"""The EU pack (EU###): Consumer Rights Directive 2011/83/EU, Sale of Goods Directive 2019/771 and the
withdrawal-function amendment 2023/2673, for shops selling to any EU member state."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shopterms.policy.diagnostics import CodeInfo
from shopterms.validators.rules.core_support import phone_numbers
from shopterms.validators.rules.parts import return_terms, slow_services, terms_key
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect
from shopterms.validators.rules.selection import EU_MEMBER_STATES, pack_countries

RULES: list[Rule] = []
rule = collect(RULES, "eu")

WITHDRAWAL_DAYS = 14
ODR_LINK = re.compile(
    r"(?:https?://)?(?:webgate\.)?ec\.europa\.eu/(?:consumers/)?odr[^\s\"'<>,}\]]*", re.IGNORECASE
)


def _eu(given: RuleInput) -> set[str]:
    return set(pack_countries(given.policy, EU_MEMBER_STATES))


@rule(
    CodeInfo(
        code="EU001",
        name="withdrawal-period-too-short",
        severity="error",
        summary="Buyers in the EU get fewer than 14 days to withdraw (or return), or no returns at all.",
        why="Art. 9 of Directive 2011/83/EU gives consumers 14 days to withdraw from a distance contract "
        "without giving a reason; a shorter window is void and misleads buyers.",
        example="returns:\n  window: 7 days after delivery",
        instead="returns:\n  window: 14 days after delivery",
    )
)
def withdrawal_period_too_short(given: RuleInput) -> Iterator[Finding]:
    legal = given.policy.legal
    if legal is not None and legal.withdrawal_days is not None and legal.withdrawal_days < WITHDRAWAL_DAYS:
        yield Finding(
            ("legal", "withdrawal_days"),
            f"the withdrawal period is {legal.withdrawal_days} days; EU law gives buyers 14",
            hint="write withdrawal_days: 14 (or more)",
        )
    for country, path, terms in return_terms(given.policy, _eu(given)):
        window = terms.window
        if window is None or window.type == "unlimited":
            continue
        if window.type == "none" or (window.days is not None and window.days < WITHDRAWAL_DAYS):
            shown = "no returns" if window.type == "none" else f"{window.days} days"
            yield Finding(
                terms_key(given, path, "window"),
                f"buyers in {country} get {shown}; EU law gives 14 days to withdraw from the purchase",
                hint="allow returns for at least 14 days after delivery",
            )


@rule(
    CodeInfo(
        code="EU002",
        name="window-not-from-delivery",
        severity="warning",
        summary="The return window is counted from the order or shipment, not from delivery.",
        why="The withdrawal period runs from the day the buyer receives the goods (Art. 9(2)(b)); a window "
        "counted from the order ends earlier than the law allows whenever delivery takes time.",
        example="window: 14 days after order",
        instead="window: 14 days after delivery",
    )
)
def window_not_from_delivery(given: RuleInput) -> Iterator[Finding]:
    reported: set[tuple[str | int, ...]] = set()
    for _, path, terms in return_terms(given.policy, _eu(given)):
        window = terms.window
        if window is None or window.type != "finite" or window.after == "delivery":
            continue
        where = terms_key(given, path, "window")
        if where not in reported:
            reported.add(where)
            yield Finding(
                where,
                f"the return window counts from the {window.after}; the EU withdrawal period counts "
                "from delivery",
                hint=f"write '{window.days} days after delivery'",
            )


@rule(
    CodeInfo(
        code="EU003",
        name="refund-later-than-14-days",
        severity="error",
        summary="The refund is promised later than 14 days.",
        why="Art. 13 requires the refund, including standard delivery costs, within 14 days of the "
        "withdrawal notice (the trader may wait until the goods or proof of dispatch arrive).",
        example="refund: {within: 30 days after arrival}",
        instead="refund: {within: 14 days after withdrawal}",
    )
)
def refund_later_than_14_days(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None or returns.refund is None or returns.refund.days is None or not _eu(given):
        return
    if returns.refund.days > WITHDRAWAL_DAYS:
        yield Finding(
            ("returns", "refund", "days"),
            f"refunds take up to {returns.refund.days} days after {returns.refund.after}; EU law "
            "requires 14 days at most",
            hint="refund within 14 days after withdrawal",
        )


@rule(
    CodeInfo(
        code="EU004",
        name="return-cost-not-stated",
        severity="warning",
        summary="The file does not say who pays for returns, so the default (the buyer pays) applies.",
        why="A buyer bears the cost of sending goods back only if told so before buying (Art. 6(1)(i) and "
        "14(1)); state the cost so the terms page and agents say it.",
        example="returns:\n  window: 14 days after delivery",
        instead="returns:\n  window: 14 days after delivery\n  cost: customer_pays",
    )
)
def return_cost_not_stated(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None or returns.window.type == "none" or given.written(("returns", "cost")):
        return
    unstated = [
        country
        for country, _, terms in return_terms(given.policy, _eu(given))
        if terms.cost is not None
        and terms.cost.type == "customer_pays"
        and not given.written(("returns", "by_country", country, "cost"))
    ]
    if unstated:
        yield Finding(
            ("returns",),
            f"the return cost is not stated, so buyers in {', '.join(unstated)} pay it without being told",
            hint="write cost: customer_pays (or free, or an amount)",
        )


@rule(
    CodeInfo(
        code="EU005",
        name="delivery-beyond-30-days",
        severity="warning",
        summary="Handling plus transit to an EU country can take more than 30 days.",
        why="Unless agreed otherwise, goods must be delivered within 30 days of the contract (Art. 18); "
        "longer times need the buyer's express agreement.",
        example="handling: {days: 10-20}\n...\n    transit: 5-10",
        instead="handling: {days: 1-3}\n...\n    transit: 2-5",
    )
)
def delivery_beyond_30_days(given: RuleInput) -> Iterator[Finding]:
    for index, service, days in slow_services(given.policy, sorted(_eu(given)), 30):
        yield Finding(
            ("shipping", "services", index, "transit"),
            f"service {service.id} can take up to {days} days from order to delivery; EU law "
            "expects delivery within 30 days",
            hint="shorten handling or transit, or agree a later date with the buyer at checkout",
        )


@rule(
    CodeInfo(
        code="EU006",
        name="exclusion-not-statutory",
        severity="warning",
        summary="Goods are excluded from returns for a reason that is not one of the statutory exceptions.",
        why="Art. 16 lists the only goods exempt from withdrawal (personalised, perishable, unsealed "
        "hygiene goods, ...), and courts read it narrowly; `other` cannot be checked.",
        example="not_returnable:\n  - {items: sale items, reason: other}",
        instead="not_returnable:\n  - {items: engraved jewellery, reason: personalised}",
    )
)
def exclusion_not_statutory(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None or not _eu(given):
        return
    for i, excluded in enumerate(returns.not_returnable):
        if excluded.reason == "other":
            yield Finding(
                ("returns", "not_returnable", i, "reason"),
                f"'{excluded.items}' is excluded for a reason the EU does not list",
                hint="use a statutory reason (personalised, perishable, hygiene_seal, ...) or allow returns",
            )


@rule(
    CodeInfo(
        code="EU007",
        name="guarantee-under-two-years",
        severity="error",
        summary="The legal guarantee is stated as less than two years.",
        why="Directive 2019/771 gives buyers at least two years of legal guarantee on new goods; member "
        "states may allow one year for used goods only.",
        example="guarantee_years: 1",
        instead="guarantee_years: 2",
    )
)
def guarantee_under_two_years(given: RuleInput) -> Iterator[Finding]:
    legal = given.policy.legal
    if legal is not None and legal.guarantee_years is not None and legal.guarantee_years < 2 and _eu(given):
        yield Finding(
            ("legal", "guarantee_years"),
            f"the legal guarantee is stated as {legal.guarantee_years:g} year(s); EU law gives 2 years",
            hint="write guarantee_years: 2",
        )


@rule(
    CodeInfo(
        code="EU008",
        name="odr-platform-link",
        severity="error",
        summary="The file links to the EU online dispute resolution (ODR) platform.",
        why="The ODR platform was shut down on 20 July 2025 (Regulation (EU) 2024/3228); a link to it "
        "points nowhere and the obligation to show it has ended.",
        example="dispute_resolution: {participates: false, url: https://ec.europa.eu/consumers/odr}",
        instead="dispute_resolution: {participates: false}",
    )
)
def odr_platform_link(given: RuleInput) -> Iterator[Finding]:
    for match in ODR_LINK.finditer(given.source):
        location = given.text_location(match.start(), match.end())
        yield Finding(
            given.path_at(location),
            f"{match.group(0)} links to the EU ODR platform, which was discontinued in July 2025",
            hint="remove the link (comments included)",
            location=location,
        )


@rule(
    CodeInfo(
        code="EU009",
        name="no-withdrawal-function",
        severity="error",
        summary="No web address of the online withdrawal function is given.",
        why="Since 19 June 2026 shops selling online in the EU must offer a withdrawal function "
        "('withdraw from contract here') next to the purchase (Directive (EU) 2023/2673).",
        example="legal:\n  returns_url: https://shop.example/withdrawal",
        instead="legal:\n  returns_url: https://shop.example/withdrawal\n"
        "  withdrawal_url: https://shop.example/withdraw",
    )
)
def no_withdrawal_function(given: RuleInput) -> Iterator[Finding]:
    legal = given.policy.legal
    if (legal is None or legal.withdrawal_url is None) and _eu(given):
        yield Finding(
            ("legal", "withdrawal_url"),
            "no withdrawal function is given; EU shops need one since 19 June 2026",
            hint="add legal.withdrawal_url: the page where buyers withdraw from a contract",
        )


@rule(
    CodeInfo(
        code="EU010",
        name="premium-rate-hotline",
        severity="error",
        summary="A phone line for buyers costs more than the basic rate (premium-rate or shared-cost).",
        why="Art. 21: buyers calling about a contract they have made may be charged no more than the basic "
        "rate (CJEU C-568/15).",
        example='{type: phone, number: "+49 900 1234567"}',
        instead='{type: phone, number: "+49 40 1234567", cost: basic_rate}',
    )
)
def premium_rate_hotline(given: RuleInput) -> Iterator[Finding]:
    if _eu(given):
        yield from expensive_lines(given, "EU law allows at most the basic rate")


def expensive_lines(given: RuleInput, reason: str) -> Iterator[Finding]:
    import phonenumbers

    costly = {
        phonenumbers.PhoneNumberType.PREMIUM_RATE: "premium-rate",
        phonenumbers.PhoneNumberType.SHARED_COST: "shared-cost",
    }
    for path, channel, number in phone_numbers(given):
        kind = costly.get(phonenumbers.number_type(number)) if number is not None else None
        if channel.cost == "premium_rate":
            kind = "premium-rate"
        if kind:
            yield Finding(
                (*path, "number"),
                f"{channel.number} is a {kind} number; {reason}",
                hint="give a geographic or free number for customer service",
            )


@rule(
    CodeInfo(
        code="EU011",
        name="restocking-fee",
        severity="warning",
        summary="A restocking fee is charged on returns that may be statutory withdrawals.",
        why="A withdrawing buyer pays at most the direct cost of return and any loss of value from handling "
        "beyond what is needed to check the goods (Art. 14); a flat restocking fee is not allowed on them.",
        example="restocking_fee: 10%",
        instead="# no restocking fee; or limit it to returns after the 14-day withdrawal period",
    )
)
def restocking_fee(given: RuleInput) -> Iterator[Finding]:
    reported: set[tuple[str | int, ...]] = set()
    for country, path, terms in return_terms(given.policy, _eu(given)):
        key = "restocking_fee" if terms.restocking_fee is not None else "restocking_fee_amount"
        if getattr(terms, key) is None:
            continue
        where = terms_key(given, path, key)
        if where in reported:
            continue
        reported.add(where)
        shown = f"returns from {country}" if where[1] == "by_country" else "returns"
        yield Finding(
            where,
            f"{shown} carry a restocking fee; EU law forbids it on withdrawals within 14 days",
            hint="charge it only on returns after the withdrawal period, and say so; or drop it",
        )


@rule(
    CodeInfo(
        code="EU012",
        name="defective-return-at-buyers-cost",
        severity="error",
        summary="Buyers pay to send back defective goods.",
        why="Under the legal guarantee, bringing goods into conformity is free of charge to the buyer, "
        "shipping included (Directive 2019/771, Art. 14).",
        example="defective: {cost: customer_pays}",
        instead="defective: {cost: free}",
    )
)
def defective_return_at_buyers_cost(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None or returns.defective is None or returns.defective.cost is None or not _eu(given):
        return
    if returns.defective.cost.type != "free":
        yield Finding(
            ("returns", "defective", "cost"),
            "returning defective goods costs the buyer; the legal guarantee makes it free",
            hint="write defective: {cost: free}",
        )


@rule(
    CodeInfo(
        code="EU013",
        name="eu-country-without-returns",
        severity="warning",
        summary="The shop sells to an EU country that its return terms do not cover.",
        why="Every EU buyer has the 14-day withdrawal right; terms silent on a country leave buyers and "
        "agents without the window, cost and address for it.",
        example="sells_to: [DE, AT]\nreturns: {countries: [DE]}",
        instead="sells_to: [DE, AT]\nreturns: {countries: [DE, AT]}",
    )
)
def eu_country_without_returns(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    covered = set(returns.countries) if returns else set()
    missing = [
        country for country in pack_countries(given.policy, EU_MEMBER_STATES) if country not in covered
    ]
    if missing:
        yield Finding(
            ("returns", "countries") if returns else ("shop", "sells_to"),
            f"no return terms cover {', '.join(missing)}, where buyers have a 14-day withdrawal right",
            hint="add the countries to returns.countries" if returns else "add a returns section",
        )
