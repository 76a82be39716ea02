"""Facts a draft can derive once its sources are merged, each marked as derived so the merchant checks it.

Only facts that follow from others with little doubt: the countries sold to (where the services deliver
and returns come from), and the time zone and currency of a country that has one of each.
"""

from __future__ import annotations

from shopterms.policy.drafting import guesses
from shopterms.policy.drafting.draft import Draft, Fact, Origin


def _derived(where: str) -> Origin:
    return Origin("init", where, None, answered=True)


def derive(draft: Draft) -> None:
    data = draft.data()
    shop = data.get("shop", {})
    if "sells_to" not in shop:
        countries: list[str] = []
        for service in data.get("shipping", {}).get("services", []):
            for place in service.get("to", []) if isinstance(service, dict) else []:
                code = place if isinstance(place, str) else place.get("country", "")
                countries.append(str(code).split("-")[0].upper())
        countries += [str(c).upper() for c in data.get("returns", {}).get("countries", [])]
        home = shop.get("address", {}).get("country") if isinstance(shop.get("address"), dict) else None
        found = sorted(set(countries), key=lambda code: (code != home, code))
        if found:
            draft.add(
                Fact(
                    ("shop", "sells_to"),
                    found,
                    _derived("derived: where the services deliver and returns come from"),
                )
            )
    country = shop.get("address", {}).get("country") if isinstance(shop.get("address"), dict) else None
    if isinstance(country, str):
        zones = guesses.time_zones(country)
        if "timezone" not in shop and zones:
            note = (
                "guessed from the country"
                if len(zones) == 1
                else f"guessed: the most populous of {len(zones)} zones"
            )
            draft.add(Fact(("shop", "timezone"), zones[0], _derived(f"{note} {country}")))
        money = guesses.currency(country)
        if "currency" not in shop and money:
            draft.add(Fact(("shop", "currency"), money, _derived(f"guessed from the country {country}")))
