"""Which rule packs apply to a policy: core always, legal packs by the countries the shop sells to."""

from __future__ import annotations

from collections.abc import Iterable

from shopterms.policy.model import Policy

# Member states of the European Union (ISO 3166-1 alpha-2; Greece is GR here, EL only in VAT ids).
_EU = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK"
EU_MEMBER_STATES: frozenset[str] = frozenset(_EU.split(" "))
PACK_NAMES: tuple[str, ...] = ("core", "eu", "de", "uk", "us")


def packs_for(policy: Policy) -> list[str]:
    """core, then eu (any EU member state sold to), de (DE), uk (GB) and us (US)."""
    countries = set(policy.shop.sells_to) or {policy.shop.country}
    chosen = ["core"]
    if countries & EU_MEMBER_STATES:
        chosen.append("eu")
    chosen += [pack for pack, country in (("de", "DE"), ("uk", "GB"), ("us", "US")) if country in countries]
    return chosen


class UnknownPackError(ValueError):
    """A --rules value names a pack that does not exist."""


def parse_packs(text: str) -> list[str]:
    """`core,eu,de` → ["core", "eu", "de"]; unknown names raise UnknownPackError naming the known ones."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in PACK_NAMES]
    if unknown or not names:
        raise UnknownPackError(
            f"unknown rule pack {', '.join(unknown) or '(none given)'}; choose from {', '.join(PACK_NAMES)}"
        )
    return list(dict.fromkeys(names))


def pack_countries(policy: Policy, members: Iterable[str]) -> list[str]:
    """The countries sold to that belong to `members`, in the file's order."""
    wanted = set(members)
    return [country for country in policy.shop.sells_to if country in wanted]
