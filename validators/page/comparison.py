"""Where the page and the policy disagree: every page fact is looked up among the policy's facts (read
from the policy's own compiled JSON-LD) and each difference becomes a PAGE diagnostic on the page, with
the place in the policy file named in the hint."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from shopterms.policy.codes import diagnostic
from shopterms.policy.diagnostics import Diagnostic, Location, YamlPath
from shopterms.policy.locate import source_lines
from shopterms.validators.page.facts import ContactFact, DayRange, ReturnFact, ShippingFact
from shopterms.validators.rules.parts import terms_key
from shopterms.validators.rules.rule import RuleInput


@dataclass(frozen=True)
class Found:
    """A fact of the page and where on the page it is stated."""

    fact: ReturnFact | ShippingFact | ContactFact
    location: Location


@dataclass(frozen=True)
class PolicyFacts:
    returns: list[ReturnFact]
    shipping: list[ShippingFact]
    contacts: list[ContactFact]


def _money(value: Decimal | None) -> str:
    return "none" if value is None else f"{value.normalize():f}"


def _rates(values: frozenset[Decimal]) -> str:
    return ", ".join(_money(value) for value in sorted(values)) or "none"


def _days(span: DayRange) -> str:
    low, high = span
    if low is None and high is None:
        return "not stated"
    return (
        f"{low if low is not None else high}" + ("" if low == high or low is None else f"-{high}") + " days"
    )


def _time_pattern(key: str, span: DayRange) -> re.Pattern[str]:
    """A `handlingTime`/`transitTime` object of JSON-LD whose bounds are the page's `span`."""
    number = r"\s*:\s*{}(?![\d.])"
    bounds = [
        rf'(?=[^{{}}]*"(?:{name}|value)"{number.format(value)})'
        for name, value in (("minValue", span[0]), ("maxValue", span[1]))
        if value is not None
    ]
    return re.compile(rf'"?{key}Time"?\s*:\s*\{{' + "".join(bounds))


def _value_pattern(values: frozenset[Decimal]) -> str | None:
    """The smallest of `values` as a page may write it: 5.95 or 5.950; 50 also as 50.0."""
    if not values:
        return None
    whole, _, cents = _money(min(values)).partition(".")
    decimals = rf"\.{cents}0*" if cents else r"(?:\.0+)?"
    return rf"(?<![\d.]){re.escape(whole)}{decimals}(?![\d])"


def _contact_key(fact: ContactFact) -> str:
    return re.sub(r"[^\d+]", "", fact.value) if fact.kind == "telephone" else fact.value.lower()


class Comparison:
    def __init__(self, page_name: str, given: RuleInput, policy: PolicyFacts, page_text: str = "") -> None:
        self.page_name, self.given, self.policy = page_name, given, policy
        self.page_lines = source_lines(page_text)

    def pinpoint(self, at: Location, needle: str | None) -> Location:
        """The first match of `needle` from the block's line on (the value itself), else the block."""
        if not needle:
            return at
        pattern = re.compile(needle)
        for number in range(at.line, len(self.page_lines) + 1):
            line = self.page_lines[number - 1]
            match = pattern.search(line, at.column - 1 if number == at.line else 0)
            if match:
                return Location(number, match.start() + 1, number, match.end() + 1)
        return at

    def pinpoint_across(self, at: Location, pattern: re.Pattern[str]) -> Location | None:
        """The first match of `pattern` from the block on (it may span lines), located on its first line."""
        lines = self.page_lines[at.line - 1 :]
        if not lines:
            return None
        text = "\n".join([lines[0][at.column - 1 :], *lines[1:]])
        match = pattern.search(text)
        if match is None:
            return None
        before = text[: match.start()]
        line = at.line + before.count("\n")
        column = (at.column if line == at.line else 1) + len(before) - (before.rfind("\n") + 1)
        first_line_end = text.find("\n", match.start())
        end = match.end() if first_line_end == -1 else min(match.end(), first_line_end)
        return Location(line, column, line, column + end - match.start())

    def where(self, path: YamlPath) -> str:
        _, location = self.given.locate(path)
        file = self.given.result.file
        return f"{file}:{location.line}:{location.column}" if location else file

    def report(
        self, code: str, message: str, at: Location, path: YamlPath, hint: str, needle: str | None = None
    ) -> Diagnostic:
        where = self.pinpoint(at, needle)
        return diagnostic(
            code, message, self.page_name, location=where, hint=f"{hint} (policy: {self.where(path)})"
        )

    def run(self, found: list[Found]) -> list[Diagnostic]:
        out: dict[tuple[str, str], Diagnostic] = {}
        for item in found:
            fact = item.fact
            if isinstance(fact, ReturnFact):
                results = self.compare_return(fact, item.location)
            elif isinstance(fact, ShippingFact):
                results = self.compare_shipping(fact, item.location)
            else:
                results = self.compare_contact(fact, item.location)
            for result in results:
                out.setdefault((result.code, result.message), result)
        for result in self.missing_on_page(found):
            out.setdefault((result.code, result.message), result)
        return list(out.values())

    def return_path(self, country: str, key: str) -> YamlPath:
        return terms_key(self.given, ("returns", "by_country", country), key)

    def compare_return(self, fact: ReturnFact, at: Location) -> Iterator[Diagnostic]:
        known = [p for p in self.policy.returns if p.country == fact.country or fact.country == "*"]
        if not known:
            yield self.report(
                "PAGE007",
                f"the page states return terms for {fact.country}; the policy does not cover it",
                at,
                ("returns", "countries"),
                f"add {fact.country} to returns.countries or fix the page",
                rf"\b{fact.country}\b",
            )
            return
        mine = known[0]
        where = "every country" if fact.country == "*" else fact.country
        if (fact.days, fact.category) != (mine.days, mine.category) and (fact.days or fact.category):
            page = f"{fact.days} days" if fact.days else fact.category
            policy = f"{mine.days} days" if mine.days else mine.category
            yield self.report(
                "PAGE004",
                f"return window for {where}: page {page}; policy {policy}",
                at,
                self.return_path(fact.country, "window"),
                "make the page say what the policy says",
                rf"merchantReturnDays\W+{re.escape(fact.days)}" if fact.days else "returnPolicyCategory",
            )
        if fact.fees and (fact.fees, fact.fee_amount) != (mine.fees, mine.fee_amount):
            page = fact.fees + (f" {_money(fact.fee_amount)}" if fact.fee_amount is not None else "")
            policy = (mine.fees or "not stated") + (
                f" {_money(mine.fee_amount)}" if mine.fee_amount is not None else ""
            )
            yield self.report(
                "PAGE005",
                f"return costs for {where}: page {page}; policy {policy}",
                at,
                self.return_path(fact.country, "cost"),
                "make the page say what the policy says",
                re.escape(fact.fees),
            )
        if fact.methods and fact.methods != mine.methods:
            yield self.report(
                "PAGE006",
                f"return methods for {where}: page {', '.join(sorted(fact.methods))}; "
                f"policy {', '.join(sorted(mine.methods)) or 'none'}",
                at,
                ("returns", "methods"),
                "list the same ways to return on the page and in the policy",
                "returnMethod",
            )

    def service_path(self, name: str | None, key: str) -> YamlPath:
        shipping = self.given.policy.shipping
        for index, service in enumerate(shipping.services if shipping else []):
            if service.id == name:
                if key == "handling" and service.handling is None:
                    return ("shipping", "handling", "days")
                return ("shipping", "services", index, key)
        return ("shipping", "services")

    def match(self, fact: ShippingFact) -> ShippingFact | None:
        known = [p for p in self.policy.shipping if p.country == fact.country]
        named = [p for p in known if fact.service and p.service == fact.service]
        priced = [p for p in known if fact.rates and fact.rates <= p.rates]
        timed = [p for p in priced if p.transit == fact.transit]
        for candidates in (named, timed, priced):
            if candidates:
                return candidates[0]
        return known[0] if len(known) == 1 else None

    def compare_shipping(self, fact: ShippingFact, at: Location) -> Iterator[Diagnostic]:
        known = [p for p in self.policy.shipping if p.country == fact.country]
        if not known:
            yield self.report(
                "PAGE011",
                f"the page states shipping to {fact.country}; no service of the policy delivers there",
                at,
                ("shipping", "services"),
                f"add {fact.country} to a service or fix the page",
                rf"addressCountry\W+{fact.country}\b",
            )
            return
        mine = self.match(fact)
        if mine is None:
            offered = "; ".join(f"{_rates(p.rates)} ({p.service})" for p in known)
            yield self.report(
                "PAGE008",
                f"shipping to {fact.country}: page {_rates(fact.rates)}; policy {offered}",
                at,
                ("shipping", "services"),
                "state the prices of the policy on the page",
                _value_pattern(fact.rates),
            )
            return
        label = f"shipping to {fact.country} ({mine.service})"
        if fact.rates and not fact.rates <= mine.rates:
            yield self.report(
                "PAGE008",
                f"{label}: page {_rates(fact.rates)}; policy {_rates(mine.rates)}",
                at,
                self.service_path(mine.service, "rate"),
                "state the policy's price on the page",
                _value_pattern(fact.rates - mine.rates),
            )
        for key, page, policy in (
            ("handling", fact.handling, mine.handling),
            ("transit", fact.transit, mine.transit),
        ):
            if page != (None, None) and page != policy:
                found = self.report(
                    "PAGE009",
                    f"{key} time of {label}: page {_days(page)}; policy {_days(policy)}",
                    at,
                    self.service_path(mine.service, key),
                    "state the policy's days on the page",
                    f"{key}Time",
                )
                # Several services in one block: point at the time that states these days, not the first.
                exact = self.pinpoint_across(at, _time_pattern(key, page))
                yield found if exact is None else replace(found, location=exact)
        if fact.free_from is not None and fact.free_from != mine.free_from:
            yield self.report(
                "PAGE010",
                f"free {label}: page from {_money(fact.free_from)}; policy from {_money(mine.free_from)}",
                at,
                self.service_path(mine.service, "free_from"),
                "state the policy's threshold on the page",
                _value_pattern(frozenset({fact.free_from})),
            )

    def compare_contact(self, fact: ContactFact, at: Location) -> Iterator[Diagnostic]:
        known = {_contact_key(c) for c in self.policy.contacts if c.kind == fact.kind}
        if _contact_key(fact) not in known:
            kind = "phone number" if fact.kind == "telephone" else "e-mail address"
            yield self.report(
                "PAGE012",
                f"the page gives the {kind} {fact.value}, which no support channel of the policy has",
                at,
                ("support", "channels"),
                "use the policy's support contacts on the page",
                re.escape(fact.value),
            )

    def missing_on_page(self, found: list[Found]) -> Iterator[Diagnostic]:
        facts = [item.fact for item in found]
        first = {type(item.fact): item.location for item in reversed(found)}
        page_returns = {f.country for f in facts if isinstance(f, ReturnFact)}
        if page_returns and "*" not in page_returns:
            missing = sorted({p.country for p in self.policy.returns} - page_returns)
            if missing:
                yield self.report(
                    "PAGE013",
                    f"the page states no return terms for {', '.join(missing)}",
                    first[ReturnFact],
                    ("returns", "countries"),
                    "add them if buyers from there see this page",
                )
        page_shipping = {f.country for f in facts if isinstance(f, ShippingFact)}
        if page_shipping:
            missing = sorted({p.country for p in self.policy.shipping} - page_shipping)
            if missing:
                yield self.report(
                    "PAGE013",
                    f"the page states no shipping to {', '.join(missing)}",
                    first[ShippingFact],
                    ("shipping", "services"),
                    "add them if buyers from there see this page",
                )
