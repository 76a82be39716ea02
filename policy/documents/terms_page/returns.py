"""The returns section of the terms page: the terms of each group of countries, then what they share."""

from __future__ import annotations

from shopterms.policy.documents.markup import Markup, element, facts, lines, link
from shopterms.policy.documents.terms_page.formatter import Formatter
from shopterms.policy.jsonld.ids import NodeIds
from shopterms.policy.jsonld.returns import ReturnGroup, return_groups
from shopterms.policy.model import Policy, Returns, Terms
from shopterms.policy.model.returns import Fee, Window


def returns_section(policy: Policy, fmt: Formatter) -> Markup:
    returns = policy.returns
    if returns is None:
        return Markup("")
    say = fmt.say
    groups = return_groups(policy, NodeIds(policy.shop.url))
    blocks = [_group(group, returns, fmt, titled=len(groups) > 1) for group in groups]
    portal = element("p", link(returns.portal, say("portal")), class_="action") if returns.portal else None
    return element(
        "section",
        element("h2", say("section.returns")),
        element("div", blocks, class_="groups"),
        _shared_facts(returns, fmt),
        portal,
        id="returns",
    )


def _group(group: ReturnGroup, returns: Returns, fmt: Formatter, titled: bool) -> Markup:
    say = fmt.say
    countries = fmt.join([fmt.country(code) for code in group.countries])
    heading = element("h3", countries) if titled and countries else None
    applies = None if titled or not countries else element("p", say("applies_to", countries=countries))
    terms = group.terms
    rows: list[tuple[str, object]] = [(say("window"), _window(terms.window, fmt))]
    if terms.window is None or terms.window.type != "none":
        rows += [
            (say("return_cost"), _fee(terms.cost, fmt)),
            (
                say("return_methods"),
                fmt.join([say.code("return_method", m) for m in terms.methods or []]) or None,
            ),
            (say("label"), say.code("label", terms.label) if terms.label else None),
            (say("restocking"), _restocking(terms, fmt)),
            (say("defective"), _defective(returns, terms, fmt)),
        ]
    return element("div", heading, applies, facts(rows), class_="group")


def _window(window: Window | None, fmt: Formatter) -> str | None:
    if window is None:
        return None
    say = fmt.say
    if window.type == "none":
        return say("window.none")
    if window.type == "unlimited":
        return say("window.unlimited")
    days = say.count("days", str(window.days), one=window.days == 1)
    return say("window.finite", days=days, anchor=say.code("anchor", window.after))


def _fee(fee: Fee | None, fmt: Formatter) -> str | None:
    if fee is None:
        return None
    if fee.type == "fixed" and fee.amount is not None:
        return fmt.money(fee.amount)
    return fmt.say.code("fee", fee.type)


def _restocking(terms: Terms, fmt: Formatter) -> str | None:
    parts = []
    if terms.restocking_fee is not None:
        parts.append(fmt.percent(float(terms.restocking_fee) / 100))
    if terms.restocking_fee_amount is not None:
        parts.append(fmt.money(terms.restocking_fee_amount))
    return " + ".join(parts) or None


def _defective(returns: Returns, terms: Terms, fmt: Formatter) -> str | None:
    """What is different for defective goods, or nothing when nothing is."""
    given = returns.defective
    if given is None:
        return None
    say = fmt.say
    parts = []
    if given.window is not None and given.window != terms.window:
        parts.append(say("defective.window", window=_window(given.window, fmt)))
    if given.cost is not None and given.cost != terms.cost:
        parts.append(f"{say('return_cost')}: {_fee(given.cost, fmt)}")
    if given.methods and given.methods != terms.methods:
        parts.append(fmt.join([say.code("return_method", m) for m in given.methods]))
    if given.label is not None and given.label != terms.label:
        parts.append(f"{say('label')}: {say.code('label', given.label)}")
    return "; ".join(parts) or None


def _shared_facts(returns: Returns, fmt: Formatter) -> Markup:
    say = fmt.say
    seasons = []
    for season in returns.seasonal:
        start, end = fmt.date(season.orders.start), fmt.date(season.orders.end)
        if season.until is not None:
            seasons.append(
                say("seasonal.until", name=season.name, start=start, end=end, date=fmt.date(season.until))
            )
        else:
            days = say.count("days", str(season.days), one=season.days == 1)
            seasons.append(say("seasonal.days", name=season.name, start=start, end=end, days=days))
    refund = None
    if returns.refund is not None:
        parts = []
        if returns.refund.days is not None:
            days = say.count("days_within", str(returns.refund.days), one=returns.refund.days == 1)
            parts.append(say("refund.within", days=days, anchor=say.code("anchor", returns.refund.after)))
        parts.append(say.code("refund_to", returns.refund.to))
        refund = ", ".join(parts)
    exchange = (
        None if returns.exchange is None else say("exchange.yes" if returns.exchange else "exchange.no")
    )
    excluded = (
        element(
            "ul",
            [
                element("li", f"{item.items} ({say.code('reason', item.reason)})")
                for item in returns.not_returnable
            ],
        )
        if returns.not_returnable
        else None
    )
    conditions = fmt.join([say.code("condition", c) for c in returns.item_conditions])
    return facts(
        [
            (say("seasonal"), lines(seasons) or None),
            (say("refund"), refund),
            (say("exchange"), exchange),
            (say("item_conditions"), conditions if returns.item_conditions != ["new"] else None),
            (say("not_returnable"), excluded),
        ]
    )
