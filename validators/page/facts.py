"""The post-purchase facts a JSON-LD graph states, in one comparable form: return terms per country,
shipping offers per destination, contact points. The same reader serves the page and the policy (whose
compiled JSON-LD is read back), so a difference between the two is a difference in the facts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from shopterms.validators.vocabulary import SCHEMA, SHOPTERMS

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

DayRange = tuple[int | None, int | None]
POST_PURCHASE_TYPES = (
    "MerchantReturnPolicy",
    "ShippingService",
    "OfferShippingDetails",
    "ContactPoint",
    "Organization",
    "OnlineStore",
    "OnlineBusiness",
)


@dataclass(frozen=True)
class ReturnFact:
    country: str  # ISO code, or * when the policy names no country
    days: str | None  # a number of days, or the last date
    category: str | None
    fees: str | None
    fee_amount: Decimal | None
    methods: frozenset[str]


@dataclass(frozen=True)
class ShippingFact:
    country: str
    service: str | None  # identifier or name of the shipping service, when the page says
    rates: frozenset[Decimal]  # several under weight, order-value or item tiers
    free_from: Decimal | None
    handling: DayRange
    transit: DayRange


@dataclass(frozen=True)
class ContactFact:
    kind: str  # telephone | email
    value: str


@dataclass
class _Conditions:
    """What the shipping conditions of one service say for one country, gathered."""

    transit: DayRange
    rates: set[Decimal] = field(default_factory=set)
    free_from: Decimal | None = None


def _s(name: str) -> str:
    return SCHEMA + name


class GraphFacts:
    """Reads facts out of one graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def objects(self, node: Node, name: str) -> list[Node]:
        from rdflib import URIRef

        iri = name if name.startswith(("http:", "https:")) else _s(name)
        return sorted(self.graph.objects(node, URIRef(iri)), key=str)

    def one(self, node: Node, name: str) -> Node | None:
        found = self.objects(node, name)
        return found[0] if found else None

    def text(self, node: Node | None, name: str) -> str | None:
        value = self.one(node, name) if node is not None else None
        return None if value is None else str(value).strip()

    def number(self, node: Node | None, name: str) -> Decimal | None:
        text = self.text(node, name)
        try:
            return None if text is None else Decimal(text).normalize()
        except InvalidOperation:
            return None

    def of_type(self, name: str) -> list[Node]:
        from rdflib import RDF, URIRef

        return sorted(self.graph.subjects(RDF.type, URIRef(_s(name))), key=str)

    def types_present(self) -> list[str]:
        return [name for name in POST_PURCHASE_TYPES if self.of_type(name)]

    def countries(self, node: Node, name: str) -> list[str]:
        found = []
        for value in self.objects(node, name):
            text = self.text(value, "addressCountry") or self.text(value, "name") or str(value)
            found.append(text.strip().upper())
        return found

    def member(self, node: Node | None, name: str) -> str | None:
        value = self.text(node, name)
        return value.rsplit("/", 1)[-1] if value else None

    def days(self, node: Node | None) -> DayRange:
        """min and max whole days of a QuantitativeValue (or of the duration inside a ServicePeriod)."""
        if node is None:
            return (None, None)
        duration = self.one(node, "duration")
        if duration is not None:
            node = duration
        exact = self.number(node, "value")
        low, high = self.number(node, "minValue"), self.number(node, "maxValue")
        low, high = (exact, exact) if exact is not None else (low, high)
        return (None if low is None else int(low), None if high is None else int(high))

    def returns(self) -> Iterator[ReturnFact]:
        for node in self.of_type("MerchantReturnPolicy"):
            fee = self.one(node, "returnShippingFeesAmount")
            methods = frozenset(m.rsplit("/", 1)[-1] for m in map(str, self.objects(node, "returnMethod")))
            for country in self.countries(node, "applicableCountry") or ["*"]:
                yield ReturnFact(
                    country=country,
                    days=self.text(node, "merchantReturnDays"),
                    category=self.member(node, "returnPolicyCategory"),
                    fees=self.member(node, "returnFees"),
                    fee_amount=self.number(fee, "value") if fee is not None else None,
                    methods=methods,
                )

    def service_name(self, node: Node | None) -> str | None:
        if node is None:
            return None
        return self.text(node, "identifier") or self.text(node, "name")

    def shipping(self) -> Iterator[ShippingFact]:
        yield from self._services()
        yield from self._offer_details()

    def _services(self) -> Iterator[ShippingFact]:
        for service in self.of_type("ShippingService"):
            handling = self.days(self.one(service, "handlingTime"))
            by_country: dict[str, _Conditions] = {}
            for condition in self.objects(service, "shippingConditions"):
                if self.text(condition, "doesNotShip") == "true":
                    continue
                rate = self.number(self.one(condition, "shippingRate"), "value")
                threshold = self.number(self.one(condition, "orderValue"), "minValue")
                for country in self.countries(condition, "shippingDestination"):
                    transit = self.days(self.one(condition, "transitTime"))
                    entry = by_country.setdefault(country, _Conditions(transit))
                    if rate == 0 and threshold:
                        entry.free_from = threshold
                    elif rate is not None:
                        entry.rates.add(rate)
            for country, entry in by_country.items():
                yield ShippingFact(
                    country,
                    self.service_name(service),
                    frozenset(entry.rates),
                    entry.free_from,
                    handling,
                    entry.transit,
                )

    def _offer_details(self) -> Iterator[ShippingFact]:
        for details in self.of_type("OfferShippingDetails"):
            if self.text(details, "doesNotShip") == "true":
                continue
            delivery = self.one(details, "deliveryTime")
            free = self.one(details, SHOPTERMS + "freeShippingThreshold")
            for country in self.countries(details, "shippingDestination"):
                yield ShippingFact(
                    country,
                    self.service_name(self.one(details, "hasShippingService")),
                    frozenset(
                        r for r in [self.number(self.one(details, "shippingRate"), "value")] if r is not None
                    ),
                    self.number(free, "value") if free is not None else None,
                    self.days(self.one(delivery, "handlingTime") if delivery is not None else None),
                    self.days(self.one(delivery, "transitTime") if delivery is not None else None),
                )

    def contacts(self) -> Iterator[ContactFact]:
        for kind in ("ContactPoint", "Organization", "OnlineStore", "OnlineBusiness"):
            for node in self.of_type(kind):
                for name in ("telephone", "email"):
                    for value in self.objects(node, name):
                        yield ContactFact(
                            name, str(value).strip().removeprefix("mailto:").removeprefix("tel:")
                        )
