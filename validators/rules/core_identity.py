"""Core plausibility of the shop's identity and legal statements (LEG###): ISO codes, time zone, links,
VAT id and dispute resolution."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from shopterms.policy.diagnostics import CodeInfo
from shopterms.validators.rules.iso_codes import country_codes, currency_codes, subdivision_codes
from shopterms.validators.rules.parts import countries, policy_strings, subdivisions
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

RULES: list[Rule] = []
rule = collect(RULES, "core")


@rule(
    CodeInfo(
        code="LEG001",
        name="unknown-country",
        severity="error",
        summary="A two-letter code is not an ISO 3166-1 country (for example UK instead of GB, or EL).",
        why="Country codes choose legal rules, holiday calendars and where agents say the shop delivers; "
        "an unknown code silently matches nothing.",
        example="sells_to: [DE, UK]",
        instead="sells_to: [DE, GB]",
    )
)
def unknown_country(given: RuleInput) -> Iterator[Finding]:
    known = country_codes()
    fixes = {"UK": "GB", "EL": "GR"}
    for path, code in countries(given.policy):
        if code not in known:
            fix = fixes.get(code)
            yield Finding(
                path,
                f"{code} is not an ISO 3166-1 country code",
                hint=f"write {fix}" if fix else "write the two-letter ISO code, e.g. DE, AT, GB",
            )


@rule(
    CodeInfo(
        code="LEG002",
        name="unknown-subdivision",
        severity="error",
        summary="A region code is not an ISO 3166-2 subdivision of its country.",
        why="Holiday calendars and excluded areas are looked up by subdivision; an unknown code means the "
        "wrong days count as business days, or an area is not excluded.",
        example="holidays: DE-HA",
        instead="holidays: DE-HH",
    )
)
def unknown_subdivision(given: RuleInput) -> Iterator[Finding]:
    import difflib

    known = subdivision_codes()
    for path, code in subdivisions(given.policy):
        if code not in known:
            siblings = sorted(other for other in known if other.startswith(code[:3]))
            close = difflib.get_close_matches(code, siblings, n=1)
            yield Finding(
                path,
                f"{code} is not an ISO 3166-2 subdivision",
                hint=f"did you mean {close[0]}?" if close else "look the code up in ISO 3166-2",
            )


@rule(
    CodeInfo(
        code="LEG003",
        name="unknown-currency",
        severity="error",
        summary="The currency is not a current ISO 4217 code.",
        why="Every amount in the file is in this currency; an unknown or withdrawn code (DEM) makes all "
        "prices meaningless to agents and feeds.",
        example="currency: EURO",
        instead="currency: EUR",
    )
)
def unknown_currency(given: RuleInput) -> Iterator[Finding]:
    code = given.policy.shop.currency
    if code not in currency_codes():
        yield Finding(
            ("shop", "currency"),
            f"{code} is not a current ISO 4217 currency code",
            hint="write the three-letter code, e.g. EUR, GBP, CHF, USD",
        )


@cache
def _zone_countries() -> dict[str, frozenset[str]]:
    """IANA zone → the countries it serves, from tzdata's zone.tab."""
    text = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            country, _, zone = line.split("\t")[:3]
            found.setdefault(zone, set()).add(country)
    return {zone: frozenset(codes) for zone, codes in found.items()}


def zones_of(country: str) -> list[str]:
    return sorted(zone for zone, codes in _zone_countries().items() if country in codes)


@rule(
    CodeInfo(
        code="LEG004",
        name="timezone-not-in-home-country",
        severity="warning",
        summary="The time zone is not a location zone of the shop's home country (or is an old alias or "
        "a fixed offset such as CET).",
        why="Cutoffs and support hours are read in this zone; a zone of another country shifts every "
        "delivery promise by hours, and aliases such as CET do not follow local law.",
        example="address: {country: DE}\ntimezone: CET",
        instead="address: {country: DE}\ntimezone: Europe/Berlin",
    )
)
def timezone_not_in_home_country(given: RuleInput) -> Iterator[Finding]:
    shop = given.policy.shop
    served = _zone_countries().get(shop.timezone)
    if served is None or shop.country not in served:
        zones = zones_of(shop.country)
        kind = "not a location zone" if served is None else f"a zone of {', '.join(sorted(served))}"
        yield Finding(
            ("shop", "timezone"),
            f"{shop.timezone} is {kind}, but the shop is in {shop.country}",
            hint=f"write {' or '.join(zones[:3])}" if zones else "write the IANA zone of the warehouse",
        )


@rule(
    CodeInfo(
        code="LEG005",
        name="insecure-link",
        severity="warning",
        summary="A web address uses http:// instead of https://.",
        why="Browsers warn about plain http pages, and legal pages or return portals reached over it can be "
        "altered on the way; agents prefer https links.",
        example="returns_url: http://shop.example/returns",
        instead="returns_url: https://shop.example/returns",
    )
)
def insecure_link(given: RuleInput) -> Iterator[Finding]:
    for path, text in policy_strings(given.policy):
        if text.lower().startswith("http://"):
            yield Finding(path, f"{text} is not an https address", hint=f"write https://{text[7:]}")


@rule(
    CodeInfo(
        code="LEG006",
        name="dispute-body-not-named",
        severity="warning",
        summary="The shop takes part in dispute resolution but does not name the body.",
        why="The statement must name the competent consumer arbitration body with its address or website "
        "(in Germany VSBG § 36); a bare yes tells the buyer nothing.",
        example="dispute_resolution: {participates: true}",
        instead="dispute_resolution: {participates: true, body: Universalschlichtungsstelle des Bundes, "
        "url: https://www.universalschlichtungsstelle.de}",
    )
)
def dispute_body_not_named(given: RuleInput) -> Iterator[Finding]:
    legal = given.policy.legal
    statement = legal.dispute_resolution if legal else None
    if statement is not None and statement.participates and not statement.body:
        yield Finding(
            ("legal", "dispute_resolution"),
            "the shop takes part in dispute resolution but names no body",
            hint="add body (and url) of the consumer arbitration board",
        )


@rule(
    CodeInfo(
        code="LEG007",
        name="vat-id-country-mismatch",
        severity="warning",
        summary="The VAT id does not start with the prefix of the shop's home country.",
        why="A VAT id of another country usually means a copied or mistyped id; invoices and imprints "
        "must carry the right one.",
        example="address: {country: DE}\nvat_id: AT123456789",
        instead="address: {country: DE}\nvat_id: DE123456789",
    )
)
def vat_id_country_mismatch(given: RuleInput) -> Iterator[Finding]:
    shop = given.policy.shop
    if shop.vat_id is None:
        return
    prefix = {"GR": "EL"}.get(shop.country, shop.country)
    written = shop.vat_id.replace(" ", "").upper()
    if written[:2].isalpha() and written[:2] != prefix and not (shop.country == "GB" and written[:2] == "XI"):
        yield Finding(
            ("shop", "vat_id"),
            f"the VAT id {shop.vat_id} starts with {written[:2]}, but the shop is in {shop.country}",
            hint=f"give the VAT id of the seat, starting with {prefix}",
        )


@rule(
    CodeInfo(
        code="LEG008",
        name="home-country-not-sold-to",
        severity="info",
        summary="`shop.sells_to` does not include the shop's own country.",
        why="Shops usually sell at home too; a `sells_to` without it is often written as 'the other "
        "countries', which leaves home buyers without delivery or return terms.",
        example="address: {country: DE}\nsells_to: [AT, CH]",
        instead="address: {country: DE}\nsells_to: [DE, AT, CH]",
    )
)
def home_country_not_sold_to(given: RuleInput) -> Iterator[Finding]:
    shop = given.policy.shop
    if shop.country not in shop.sells_to:
        yield Finding(
            ("shop", "sells_to"),
            f"the shop is in {shop.country} but does not list it in sells_to",
            hint=f"add {shop.country} if the shop sells there",
        )
