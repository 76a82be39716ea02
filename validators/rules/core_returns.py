"""Core plausibility of the returns section (RET###): countries, overrides, seasons, fees, refunds."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from shopterms.policy.diagnostics import CodeInfo
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "core")


@rule(
    CodeInfo(
        code="RET001",
        name="return-country-not-sold-to",
        severity="warning",
        summary="The return policy covers a country that `shop.sells_to` does not list.",
        why="Either the shop sells there and `sells_to` is incomplete (so the wrong legal rules are "
        "checked), or the return country is a leftover.",
        example="shop: {sells_to: [DE]}\nreturns: {countries: [DE, AT]}",
        instead="shop: {sells_to: [DE, AT]}\nreturns: {countries: [DE, AT]}",
    )
)
def return_country_not_sold_to(given: RuleInput) -> Iterator[Finding]:
    returns, sold = given.policy.returns, set(given.policy.shop.sells_to)
    if returns is None:
        return
    for i, country in enumerate(returns.countries):
        if country not in sold:
            yield Finding(
                ("returns", "countries", i),
                f"returns are accepted from {country}, which shop.sells_to does not list",
                hint=f"add {country} to shop.sells_to, or remove it from returns.countries",
            )


@rule(
    CodeInfo(
        code="RET002",
        name="override-for-uncovered-country",
        severity="warning",
        summary="`by_country` (or a per-country cost) names a country the return policy does not cover.",
        why="Terms for a country outside `returns.countries` are never used.",
        example="returns:\n  countries: [DE]\n  cost: {default: free, AT: 6.95}",
        instead="returns:\n  countries: [DE, AT]\n  cost: {default: free, AT: 6.95}",
    )
)
def override_for_uncovered_country(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None:
        return
    for country in returns.by_country:
        if country not in returns.countries:
            yield Finding(
                ("returns", "by_country", country),
                f"there are return terms for {country}, but returns.countries does not include it",
                hint=f"add {country} to returns.countries, or remove its terms",
            )


@rule(
    CodeInfo(
        code="RET003",
        name="seasonal-deadline-too-early",
        severity="error",
        summary="A seasonal override's `until` date lies before the last order date it covers.",
        why="An order placed on the last day of the period could not be returned at all; the dates are "
        "usually swapped or mistyped.",
        example="seasonal:\n  - {name: Christmas, orders: 2026-11-15..2026-12-24, until: 2026-12-01}",
        instead="seasonal:\n  - {name: Christmas, orders: 2026-11-15..2026-12-24, until: 2027-01-15}",
    )
)
def seasonal_deadline_too_early(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None:
        return
    for i, season in enumerate(returns.seasonal):
        if season.until is not None and season.until < season.orders.end:
            yield Finding(
                ("returns", "seasonal", i, "until"),
                f"{season.name}: returns end on {season.until}, before the last order day "
                f"{season.orders.end} of the period",
                hint="set `until` after the end of the order period",
            )


@rule(
    CodeInfo(
        code="RET004",
        name="overlapping-seasons",
        severity="error",
        summary="Two seasonal overrides cover the same order dates.",
        why="An order on a shared day would have two return deadlines; nobody can tell which one applies.",
        example="seasonal:\n  - {name: Black Friday, orders: 2026-11-20..2026-11-30, days: 60}\n"
        "  - {name: Christmas, orders: 2026-11-15..2026-12-24, until: 2027-01-15}",
        instead="seasonal:\n  - {name: Black Friday, orders: 2026-11-20..2026-11-30, days: 60}\n"
        "  - {name: Christmas, orders: 2026-12-01..2026-12-24, until: 2027-01-15}",
    )
)
def overlapping_seasons(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None:
        return
    for (_, a), (j, b) in itertools.combinations(enumerate(returns.seasonal), 2):
        if a.orders.start <= b.orders.end and b.orders.start <= a.orders.end:
            yield Finding(
                ("returns", "seasonal", j, "orders"),
                f"the seasons {a.name} and {b.name} both cover orders from "
                f"{max(a.orders.start, b.orders.start)} to {min(a.orders.end, b.orders.end)}",
                hint="let the order periods follow each other without shared days",
            )


@rule(
    CodeInfo(
        code="RET005",
        name="season-shortens-window",
        severity="warning",
        summary="A seasonal override gives fewer days than the standard return window.",
        why="Seasonal overrides are read as extensions (Google calls them so); a shorter one usually "
        "means a typo, and shortening the window for some orders surprises buyers.",
        example="window: 30 days after delivery\nseasonal:\n  - {name: Sale, orders: 2026-07-01..2026-07-31, "
        "days: 14}",
        instead="window: 30 days after delivery\nseasonal:\n  - {name: Christmas, "
        "orders: 2026-11-15..2026-12-24, days: 60}",
    )
)
def season_shortens_window(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None or returns.window.days is None:
        return
    for i, season in enumerate(returns.seasonal):
        if season.days is not None and season.days < returns.window.days:
            yield Finding(
                ("returns", "seasonal", i, "days"),
                f"{season.name} allows {season.days} days, fewer than the standard {returns.window.days}",
                hint="a seasonal override should extend the window; drop it or give more days",
            )


@rule(
    CodeInfo(
        code="RET006",
        name="two-restocking-fees",
        severity="warning",
        summary="Both a percentage and a flat restocking fee are given.",
        why="It is unclear whether both are charged or one of them; agents and feeds can state only one.",
        example="restocking_fee: 10%\nrestocking_fee_amount: 5.00",
        instead="restocking_fee: 10%",
    )
)
def two_restocking_fees(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None:
        return
    terms = [
        (("returns",), returns),
        *((("returns", "by_country", c), t) for c, t in returns.by_country.items()),
    ]
    if returns.defective is not None:
        terms.append((("returns", "defective"), returns.defective))
    for path, item in terms:
        if item.restocking_fee is not None and item.restocking_fee_amount is not None:
            yield Finding(
                (*path, "restocking_fee_amount"),
                "both a percentage and a flat restocking fee are stated",
                hint="keep the one that is charged",
            )


@rule(
    CodeInfo(
        code="RET007",
        name="whole-price-restocking-fee",
        severity="error",
        summary="The restocking fee is 100 %, so nothing is refunded.",
        why="A return that refunds nothing is no return policy at all; it is almost always a slip for 10 %.",
        example="restocking_fee: 100%",
        instead="restocking_fee: 10%",
    )
)
def whole_price_restocking_fee(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None:
        return
    terms = [
        (("returns",), returns),
        *((("returns", "by_country", c), t) for c, t in returns.by_country.items()),
    ]
    for path, item in terms:
        if item.restocking_fee is not None and item.restocking_fee >= 100:
            yield Finding(
                (*path, "restocking_fee"),
                "a restocking fee of 100 % keeps the whole price",
                hint="write the share actually kept, e.g. 10%",
            )


@rule(
    CodeInfo(
        code="RET008",
        name="defective-terms-worse",
        severity="warning",
        summary="Terms for defective goods are worse than the normal ones (shorter window, or a cost where "
        "normal returns are free).",
        why="Defective goods are covered by the legal guarantee; terms worse than those for goods the "
        "buyer simply does not want are almost certainly a mistake.",
        example="window: 30 days after delivery\ndefective: {window: 14 days after delivery}",
        instead="window: 30 days after delivery\ndefective: {window: 730 days after delivery, cost: free}",
    )
)
def defective_terms_worse(given: RuleInput) -> Iterator[Finding]:
    returns = given.policy.returns
    if returns is None or returns.defective is None:
        return
    defective = returns.defective
    normal_days, window = returns.window.days, defective.window
    days = window.days if window is not None and window.type == "finite" else None
    if days is not None and normal_days is not None and days < normal_days:
        yield Finding(
            ("returns", "defective", "window"),
            f"defective goods may be returned for {days} days, fewer than the {normal_days} "
            "days for any return",
            hint="give defective goods at least the normal window (the legal guarantee runs for years)",
        )
    if defective.cost is not None and defective.cost.type != "free" and returns.cost.type == "free":
        yield Finding(
            ("returns", "defective", "cost"),
            "returning defective goods costs the buyer, while normal returns are free",
            hint="make returns of defective goods free",
        )


@rule(
    CodeInfo(
        code="RET009",
        name="window-shorter-than-withdrawal",
        severity="warning",
        summary="The return window is shorter than the withdrawal period stated under `legal`.",
        why="The file then says two different things about how long a buyer may send goods back.",
        example="returns: {window: 10 days after delivery}\nlegal: {withdrawal_days: 14}",
        instead="returns: {window: 14 days after delivery}\nlegal: {withdrawal_days: 14}",
    )
)
def window_shorter_than_withdrawal(given: RuleInput) -> Iterator[Finding]:
    returns, legal = given.policy.returns, given.policy.legal
    if returns is None or legal is None or legal.withdrawal_days is None:
        return
    days = returns.window.days
    if returns.window.type == "none" or (days is not None and days < legal.withdrawal_days):
        shown = "no returns" if days is None else f"{days} days"
        yield Finding(
            ("returns", "window"),
            f"the return window ({shown}) is shorter than the withdrawal period of "
            f"{legal.withdrawal_days} days",
            hint=f"allow returns for at least {legal.withdrawal_days} days",
        )
