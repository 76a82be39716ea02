"""The shipping price of a service for a destination country, as the policy states it."""

from __future__ import annotations

from shopterms.policy.model.shipping import RateRule, Service, ValueRange
from shopterms.policy.queries import ConditionalRate, RateQuote


def _range(value: ValueRange | None) -> str | None:
    if value is None:
        return None
    low = f"{value.min.normalize():f}"
    return f"{low}+" if value.max is None else f"{low}-{value.max.normalize():f}"


def _conditional(rule: RateRule) -> bool:
    return rule.weight_kg is not None or rule.order_value is not None or rule.items is not None


def quote(service: Service, country: str, currency: str) -> RateQuote:
    """Rules naming the country win over rules for every destination; conditions are listed, not guessed."""
    specific = [rule for rule in service.rate if country in rule.countries]
    rules = specific or [rule for rule in service.rate if not rule.countries]
    plain = [rule for rule in rules if not _conditional(rule)]
    return RateQuote(
        amount=plain[0].amount if len(plain) == 1 else None,
        currency=currency,
        free_from=service.free_from,
        by_condition=[
            ConditionalRate(
                amount=rule.amount,
                weight_kg=_range(rule.weight_kg),
                order_value=_range(rule.order_value),
                items=_range(rule.items),
            )
            for rule in rules
            if _conditional(rule)
        ],
    )


def price_note(service: Service, country: str) -> str | None:
    """A note when the policy gives no price at all for the country."""
    if any(country in rule.countries or not rule.countries for rule in service.rate):
        return None
    return f"The policy states no price for {service.id} to {country}."
