"""The whole policy at a glance: who sells, where to, and the headline terms of every section."""

from __future__ import annotations

from pydantic import Field

from shopterms.policy.answers.payment import PaymentMethodInfo
from shopterms.policy.answers.shipping import shipped_countries
from shopterms.policy.answers.values import Answer, money
from shopterms.policy.model import Policy
from shopterms.policy.model.payment import method_name
from shopterms.policy.queries import DaySpan


class ShopFacts(Answer):
    """Who sells."""

    name: str = Field(description="Trading name.", examples=["Nordlicht Mode"])
    url: str = Field(description="Home page of the shop.")
    legal_name: str | None = Field(description="Registered company name, if different.")
    country: str = Field(description="Home country, ISO 3166-1 alpha-2.", examples=["DE"])
    timezone: str = Field(description="IANA time zone of warehouse and support.", examples=["Europe/Berlin"])
    currency: str = Field(description="ISO 4217 currency of every amount.", examples=["EUR"])
    languages: list[str] = Field(description="Languages of the shop, primary first (BCP 47).")
    sells_to: list[str] = Field(description="Countries the shop sells to.")


class ServiceFacts(Answer):
    """One delivery service in brief."""

    id: str = Field(description="Service id.", examples=["standard"])
    name: str = Field(description="Name shown to buyers.")
    countries: list[str] = Field(description="Countries it delivers to (some perhaps only in part).")
    transit_days: DaySpan = Field(description="Business days in transit.")
    lowest_rate: float | None = Field(
        description="Lowest price stated for any destination; null: none stated."
    )
    free_from: float | None = Field(description="Order value from which shipping is free; null: never.")


class ShippingFacts(Answer):
    """Shipping in brief; ask /shipping for one country's details."""

    countries: list[str] = Field(description="Every country at least one service delivers to.")
    handling_days: DaySpan = Field(description="Warehouse business days from order to dispatch.")
    cutoff: str | None = Field(description="Warehouse cutoff, HH:MM local time; null: none.")
    services: list[ServiceFacts] = Field(description="Delivery services, in the shop's order.")
    tracking: bool | None = Field(description="Whether every parcel is tracked; null: not stated.")


class ReturnFacts(Answer):
    """Returns in brief; ask /returns for one country's terms."""

    countries: list[str] = Field(description="Countries the return policy covers.")
    window_days: int | None = Field(
        description="Standard window in calendar days; null for none or unlimited."
    )
    window_type: str = Field(description="finite, none or unlimited.")
    counted_from: str = Field(description="Event the window counts from: delivery, order or shipment.")
    cost: str = Field(description="Who pays return postage by default: free, customer_pays or fixed.")
    portal: str | None = Field(description="Where a buyer starts a return online.")


class SupportFacts(Answer):
    """Support in brief; ask /support for contacts and hours."""

    channels: list[str] = Field(description="Kinds of channel offered (phone, email, chat, …).")
    languages: list[str] = Field(description="Languages support answers in.")
    human: bool | None = Field(description="Whether a person can be reached; null: not stated.")


class LegalFacts(Answer):
    """Legal statements and where the full texts live."""

    withdrawal_days: int | None = Field(description="Statutory withdrawal period in days.")
    guarantee_years: float | None = Field(description="Legal guarantee in years.")
    terms_url: str | None = Field(description="General terms and conditions.")
    returns_url: str | None = Field(description="Return or withdrawal policy page.")
    shipping_url: str | None = Field(description="Shipping information page.")
    privacy_url: str | None = Field(description="Privacy notice.")
    imprint_url: str | None = Field(description="Imprint (legal notice).")


class PolicySummary(Answer):
    """A shop's post-purchase terms at a glance; a section is null when the shop publishes none."""

    shop: ShopFacts = Field(description="Who sells.")
    shipping: ShippingFacts | None = Field(description="Shipping in brief.")
    returns: ReturnFacts | None = Field(description="Returns in brief.")
    payment_methods: list[PaymentMethodInfo] | None = Field(description="Accepted payment methods.")
    support: SupportFacts | None = Field(description="Support in brief.")
    legal: LegalFacts | None = Field(description="Legal statements and policy pages.")


def _shipping(policy: Policy) -> ShippingFacts | None:
    shipping = policy.shipping
    if shipping is None:
        return None
    cutoff = shipping.handling.cutoff
    return ShippingFacts(
        countries=shipped_countries(policy),
        handling_days=DaySpan(min=shipping.handling.days.min, max=shipping.handling.days.max),
        cutoff=None if cutoff is None else cutoff.strftime("%H:%M"),
        services=[
            ServiceFacts(
                id=service.id,
                name=service.name or service.id,
                countries=sorted({area.country for area in service.to}),
                transit_days=DaySpan(min=service.transit.min, max=service.transit.max),
                lowest_rate=money(min(rule.amount for rule in service.rate)),
                free_from=money(service.free_from),
            )
            for service in shipping.services
        ],
        tracking=shipping.tracking,
    )


def _returns(policy: Policy) -> ReturnFacts | None:
    returns = policy.returns
    if returns is None:
        return None
    return ReturnFacts(
        countries=list(returns.countries),
        window_days=returns.window.days,
        window_type=returns.window.type,
        counted_from=returns.window.after,
        cost=returns.cost.type,
        portal=returns.portal,
    )


def policy_summary(policy: Policy) -> PolicySummary:
    """The headline terms of every section the shop publishes."""
    shop, support, legal = policy.shop, policy.support, policy.legal
    return PolicySummary(
        shop=ShopFacts(
            name=shop.name,
            url=shop.url,
            legal_name=shop.legal_name,
            country=shop.country,
            timezone=shop.timezone,
            currency=shop.currency,
            languages=list(shop.languages),
            sells_to=list(shop.sells_to),
        ),
        shipping=_shipping(policy),
        returns=_returns(policy),
        payment_methods=None
        if policy.payment is None
        else [PaymentMethodInfo(id=method, name=method_name(method)) for method in policy.payment.methods],
        support=None
        if support is None
        else SupportFacts(
            channels=list(dict.fromkeys(channel.type for channel in support.channels)),
            languages=list(support.languages),
            human=support.human,
        ),
        legal=None
        if legal is None
        else LegalFacts(
            withdrawal_days=legal.withdrawal_days,
            guarantee_years=legal.guarantee_years,
            terms_url=legal.terms_url,
            returns_url=legal.returns_url,
            shipping_url=legal.shipping_url,
            privacy_url=legal.privacy_url,
            imprint_url=legal.imprint_url,
        ),
    )
