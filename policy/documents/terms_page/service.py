"""The payment, customer-service and legal sections of the terms page."""

from __future__ import annotations

import re

from shopterms.policy.documents.markup import Markup, element, facts, fill, lines, link, table
from shopterms.policy.documents.terms_page.formatter import Formatter
from shopterms.policy.model import Policy, SupportChannel
from shopterms.policy.model.payment import method_name


def payment_section(policy: Policy, fmt: Formatter) -> Markup:
    payment = policy.payment
    if payment is None:
        return Markup("")
    say = fmt.say
    methods = element(
        "ul",
        [
            element("li", say.code("payment", m) if m in _TRANSLATED else method_name(m))
            for m in payment.methods
        ],
        class_="inline",
    )
    invoice = None
    if payment.invoice is not None:
        due = payment.invoice.due
        days = say.count("days_within", str(due.days), one=due.days == 1)
        invoice = say(
            "invoice_text",
            sent=say.code("invoice_sent", payment.invoice.sent),
            days=days,
            anchor=say.code("anchor", due.after),
        )
        if payment.invoice.provider:
            invoice += f" ({say('provider', provider=payment.invoice.provider)})"
    rows: list[tuple[str, object]] = [
        (say("methods"), methods),
        (say("charged"), say.code("charged", payment.charged)),
        (say("invoice"), invoice),
    ]
    return element("section", element("h2", say("section.payment")), facts(rows), id="payment")


# Method names that are words (not brands) and so are translated.
_TRANSLATED = {
    "card",
    "invoice",
    "sepa_direct_debit",
    "bank_transfer",
    "cash_on_delivery",
    "cash",
    "instalments",
    "gift_card",
    "check",
}


def support_section(policy: Policy, fmt: Formatter) -> Markup:
    support = policy.support
    if support is None:
        return Markup("")
    say = fmt.say
    columns = ("col.channel", "col.contact", "col.hours", "col.response")
    rows = [_channel_row(channel, fmt) for channel in support.channels]
    human = None if support.human is None else say("human.yes" if support.human else "human.no")
    details = facts(
        [
            (say("languages"), fmt.join([fmt.language(tag) for tag in support.languages]) or None),
            (say("human"), human),
            (say("self_service"), link(support.self_service) if support.self_service else None),
        ]
    )
    return element(
        "section",
        element("h2", say("section.support")),
        table([say(key) for key in columns], rows, "channels"),
        details,
        id="support",
    )


def _channel_row(channel: SupportChannel, fmt: Formatter) -> Markup:
    say = fmt.say
    contact: Markup | str = channel.contact
    if channel.type == "phone" and channel.number:
        contact = link("tel:" + re.sub(r"[^\d+]", "", channel.number), channel.number)
    elif channel.type == "email" and channel.address:
        contact = link("mailto:" + channel.address, channel.address)
    elif channel.type == "whatsapp" and channel.number:
        contact = link("https://wa.me/" + re.sub(r"\D", "", channel.number), channel.number)
    elif channel.url:
        contact = link(channel.url)
    notes = [say.code("call_cost", channel.cost)] if channel.cost else []
    if channel.languages is not None:
        notes.append(fmt.join([fmt.language(tag) for tag in channel.languages]))
    hours = fmt.hours(channel.hours) if channel.hours else [say("any_time")]
    response = (
        say("response_within", duration=fmt.duration(channel.response_within))
        if channel.response_within
        else ""
    )
    return element(
        "tr",
        element("th", say.code("channel", channel.type), scope="row"),
        element("td", element("span", contact, class_="line"), lines(notes)),
        element("td", lines(hours), class_="hours"),
        element("td", response),
    )


def legal_section(policy: Policy, fmt: Formatter) -> Markup:
    legal = policy.legal
    if legal is None:
        return Markup("")
    say = fmt.say
    withdrawal = None
    if legal.withdrawal_days is not None:
        days = say.count("days", str(legal.withdrawal_days), one=legal.withdrawal_days == 1)
        withdrawal = lines(
            [
                say("withdrawal_text", days=days),
                link(legal.withdrawal_url, say("withdrawal_link")) if legal.withdrawal_url else None,
            ]
        )
    guarantee = None
    if legal.guarantee_years is not None:
        years = legal.guarantee_years
        guarantee = say.count("years", fmt.number(years), one=years == 1)
    pages = [
        (say(key), url)
        for key, url in (
            ("page.terms", legal.terms_url),
            ("page.returns", legal.returns_url),
            ("page.shipping", legal.shipping_url),
            ("page.privacy", legal.privacy_url),
            ("page.imprint", legal.imprint_url),
        )
        if url
    ]
    documents = (
        element("ul", [element("li", link(url, text)) for text, url in pages], class_="inline")
        if pages
        else None
    )
    dispute: Markup | str | None = None
    if legal.dispute_resolution is not None:
        statement = legal.dispute_resolution
        if statement.participates:
            body = link(statement.url, statement.body or statement.url) if statement.url else statement.body
            dispute = fill(say.template("dispute.yes"), body=body or say("dispute.board"))
        else:
            dispute = say("dispute.no")
    rows: list[tuple[str, object]] = [
        (say("withdrawal"), withdrawal),
        (say("guarantee"), guarantee),
        (say("dispute"), dispute),
        (say("documents"), documents),
    ]
    return element("section", element("h2", say("section.legal")), facts(rows), id="legal")
