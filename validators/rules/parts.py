"""The parts of a policy that several rules look at, each with the YAML path it is written at."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.model import Policy, Service
from shopterms.policy.model.returns import Terms

if TYPE_CHECKING:
    from shopterms.validators.rules.rule import RuleInput


def countries(policy: Policy) -> Iterator[tuple[YamlPath, str]]:
    """Every ISO 3166-1 country code the file uses, with where it stands."""
    shop = policy.shop
    yield ("shop", "address", "country"), shop.address.country
    for i, code in enumerate(shop.sells_to):
        yield ("shop", "sells_to", i), code
    if policy.shipping is not None:
        holidays = policy.shipping.handling.holidays
        if holidays and holidays != "none" and "-" not in holidays:
            yield ("shipping", "handling", "holidays"), holidays
        for s, service in enumerate(policy.shipping.services):
            base: YamlPath = ("shipping", "services", s)
            for key in ("to", "excluded"):
                for d, destination in enumerate(getattr(service, key)):
                    yield (*base, key, d, "country"), destination.country
            for r, rule in enumerate(service.rate):
                for c, code in enumerate(rule.countries):
                    yield (*base, "rate", r, "countries", c), code
    if policy.returns is not None:
        for i, code in enumerate(policy.returns.countries):
            yield ("returns", "countries", i), code
        for code in policy.returns.by_country:
            yield ("returns", "by_country", code), code


def subdivisions(policy: Policy) -> Iterator[tuple[YamlPath, str]]:
    """Every ISO 3166-2 subdivision code the file uses."""
    if policy.shipping is None:
        return
    holidays = policy.shipping.handling.holidays
    if holidays and "-" in holidays:
        yield ("shipping", "handling", "holidays"), holidays
    for s, service in enumerate(policy.shipping.services):
        for key in ("to", "excluded"):
            for d, destination in enumerate(getattr(service, key)):
                if destination.region:
                    yield ("shipping", "services", s, key, d, "region"), destination.region


def strings(node: Any, path: YamlPath = ()) -> Iterator[tuple[YamlPath, str]]:
    """Every text value of a section of the model, depth first (URLs and free text alike)."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from strings(getattr(node, name), (*path, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, (*path, key))
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from strings(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def policy_strings(policy: Policy) -> Iterator[tuple[YamlPath, str]]:
    for section in ("shop", "shipping", "returns", "payment", "support", "legal"):
        yield from strings(getattr(policy, section), (section,))


def calendar_days(business_days: int, per_week: int) -> int:
    """The most calendar days that `business_days` working days can span, with `per_week` working days a
    week (holidays aside): every started week adds its days off."""
    if per_week <= 0:
        return business_days
    return business_days + (7 - per_week) * math.ceil(business_days / per_week)


def longest_delivery(policy: Policy, service: Service) -> int:
    """Calendar days from order to delivery at most: handling plus transit, each in its own week."""
    assert policy.shipping is not None
    handling = policy.shipping.handling
    handling_days = (service.handling or handling.days).max
    return calendar_days(handling_days, len(handling.business_days)) + calendar_days(
        service.transit.max, len(service.delivery_days)
    )


def slow_services(policy: Policy, countries: Iterable[str], days: int) -> Iterator[tuple[int, Service, int]]:
    """Services to any of `countries` that can take longer than `days` calendar days from order to
    delivery, each once (in the order of `countries`), with their index and longest delivery."""
    seen: set[int] = set()
    for country in countries:
        for index, service in services_to(policy, country):
            longest = longest_delivery(policy, service)
            if longest > days and index not in seen:
                seen.add(index)
                yield index, service, longest


def services_with_paths(given: RuleInput) -> Iterator[tuple[YamlPath, Service]]:
    """Every delivery service of the policy of a RuleInput, with its YAML path."""
    shipping = given.policy.shipping
    for index, service in enumerate(shipping.services if shipping is not None else []):
        yield ("shipping", "services", index), service


def services_to(policy: Policy, country: str) -> Iterator[tuple[int, Service]]:
    if policy.shipping is None:
        return
    for index, service in enumerate(policy.shipping.services):
        if any(destination.country == country for destination in service.to):
            yield index, service


def return_terms(policy: Policy, countries_wanted: set[str]) -> Iterator[tuple[str, YamlPath, Terms]]:
    """The return terms in force for each return country among `countries_wanted`, with the path of the
    country's own overrides (or of the base terms when it has none)."""
    if policy.returns is None:
        return
    for country in policy.returns.countries:
        if country in countries_wanted:
            path: YamlPath = (
                ("returns", "by_country", country) if country in policy.returns.by_country else ("returns",)
            )
            yield country, path, policy.returns.for_country(country)


def terms_key(given: RuleInput, path: YamlPath, key: str) -> YamlPath:
    """Where `key` of the return terms at `path` is written: in the country's own overrides when the file
    writes it there, else in the base terms (where a default also belongs)."""
    return (*path, key) if given.written((*path, key)) else ("returns", key)
