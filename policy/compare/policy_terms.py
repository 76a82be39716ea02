"""Return, payment and support facts from a shopterms policy, each known only where the document states it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from shopterms.policy.compare.fact import Fact, known, unknown
from shopterms.policy.compare.locator import Locator
from shopterms.policy.compare.record import (
    Channel,
    InvoiceDue,
    Payment,
    RefundTime,
    ReturnCost,
    Returns,
    ReturnWindow,
    Support,
)
from shopterms.policy.model import Policy

_R = ("returns",)


def _no_returns(why: str) -> Returns:
    return Returns(
        covered=unknown(why),
        window=unknown(why),
        anchor=unknown(why),
        cost=unknown(why),
        methods=unknown(why),
        refund=unknown(why),
        exchange=unknown(why),
    )


def _override(where: Locator, country: str, part: str) -> Any:
    """Where `part` of the country's terms is written, else of the base terms; None when neither is."""
    return where.written((*_R, "by_country", country, part), (*_R, part, country)) or where.written(
        (*_R, part, "default"), (*_R, part)
    )


def _window(policy: Policy, where: Locator, country: str, ordered: dt.date) -> tuple[Fact[Any], Fact[Any]]:
    returns = policy.returns
    assert returns is not None
    window = returns.for_country(country).window
    assert window is not None
    stated = where.written((*_R, "by_country", country, "window"), (*_R, "window"))
    assert stated is not None  # the window is required, so always written
    path = (
        (*_R, "by_country", country, "window")
        if where.is_written((*_R, "by_country", country, "window"))
        else (*_R, "window")
    )
    if window.type != "finite":
        value = ReturnWindow(type=window.type, days=None, until=None, seasonal=None)
        return known(value, [stated]), known(None, [stated], f"a window of type {window.type} has no anchor")
    for index, season in enumerate(returns.seasonal):
        if ordered in season.orders:
            source = where.source((*_R, "seasonal", index))
            value = ReturnWindow(type="finite", days=season.days, until=season.until, seasonal=season.name)
            note = f"seasonal window {season.name} for orders {season.orders.start}..{season.orders.end}"
            if season.until is not None:
                return known(value, [source], note), known(None, [source], "a fixed last day has no anchor")
            return known(value, [source], note), known(
                "delivery", [source], "seasonal days count from delivery"
            )
    anchor = where.within(path, "after")
    value = ReturnWindow(type="finite", days=window.days, until=None, seasonal=None)
    anchor_fact: Fact[Any] = (
        known(window.after, [anchor]) if anchor else unknown("the file does not say what the days count from")
    )
    return known(value, [stated]), anchor_fact


def policy_returns(policy: Policy, where: Locator, country: str, ordered: dt.date) -> Returns:
    returns = policy.returns
    if returns is None:
        return _no_returns("the file has no returns section")
    listed = where.written((*_R, "countries"))
    origin = listed or where.written(("shop", "sells_to"), ("shop", "address", "country"))
    assert origin is not None
    note = None if listed else "the return policy covers every country the shop sells to"
    if country not in returns.countries:
        why = f"the return policy covers {', '.join(returns.countries)}, not {country}"
        return _no_returns(why).model_copy(update={"covered": known(False, [origin], why)})
    terms = returns.for_country(country)
    window, anchor = _window(policy, where, country, ordered)
    cost_source = _override(where, country, "cost")
    methods_source = _override(where, country, "methods")
    refund = returns.refund
    refund_source = where.written((*_R, "refund", "within"), (*_R, "refund", "days"))
    exchange_source = where.written((*_R, "exchange"))
    cost = terms.cost
    assert cost is not None
    return Returns(
        covered=known(True, [origin], note),
        window=window,
        anchor=anchor,
        cost=known(
            ReturnCost(
                type=cost.type,
                amount=None if cost.amount is None else float(cost.amount),
                currency=None if cost.amount is None else policy.shop.currency,
            ),
            [cost_source],
        )
        if cost_source
        else unknown("the file does not say who pays for return shipping"),
        methods=known(list(terms.methods or []), [methods_source])
        if methods_source
        else unknown("the file does not name the ways to send goods back"),
        refund=known(RefundTime(days=refund.days, after=refund.after), [refund_source])
        if refund is not None and refund.days is not None and refund_source
        else unknown("the file does not say how soon refunds are made"),
        exchange=known(returns.exchange, [exchange_source])
        if exchange_source and returns.exchange is not None
        else unknown("the file does not say whether exchanges are offered"),
    )


def policy_payment(policy: Policy, where: Locator) -> Payment:
    payment = policy.payment
    if payment is None:
        why = "the file has no payment section"
        return Payment(
            methods=unknown(why), charged=unknown(why), invoice=unknown(why), invoice_due=unknown(why)
        )
    methods = where.source(("payment", "methods"))
    charged = where.written(("payment", "charged"))
    offers_invoice = "invoice" in payment.methods
    due = where.written(("payment", "invoice", "due"))
    if not offers_invoice:
        invoice_due: Fact[Any] = known(None, [methods], "invoice is not among the payment methods")
    elif payment.invoice is not None and due is not None:
        invoice_due = known(InvoiceDue(days=payment.invoice.due.days, after=payment.invoice.due.after), [due])
    else:
        invoice_due = unknown("the file offers invoice but does not say when it is due")
    return Payment(
        methods=known(list(payment.methods), [methods]),
        charged=known(payment.charged, [charged])
        if charged
        else unknown("the file does not say when cards and wallets are charged"),
        invoice=known(offers_invoice, [methods]),
        invoice_due=invoice_due,
    )


def policy_support(policy: Policy, where: Locator) -> Support:
    support = policy.support
    if support is None:
        why = "the file has no support section"
        return Support(channels=unknown(why), languages=unknown(why), human=unknown(why))
    languages = where.written(("support", "languages"))
    human = where.written(("support", "human"))
    channels = [
        Channel(
            type=channel.type,
            contact=channel.contact,
            hours=channel.hours,
            languages=list(channel.languages if channel.languages is not None else support.languages),
        )
        for channel in support.channels
    ]
    return Support(
        channels=known(channels, [where.source(("support", "channels"))]),
        languages=known(list(support.languages), [languages])
        if languages
        else unknown("the file does not name the support languages"),
        human=known(support.human, [human])
        if human and support.human is not None
        else unknown("the file does not say whether a person can be reached"),
    )
