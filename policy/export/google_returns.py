"""Return terms as Merchant API v1 OnlineReturnPolicy bodies: narrowing, writing and reading back.

One policy per distinct set of terms (its countries), plus one labelled NO_RETURNS exception policy
per group of goods that cannot be returned; products join an exception through their return policy
label in the product data.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from shopterms.policy.export import coarsening
from shopterms.policy.export.facts import Returns, ReturnTerms, Seasonal
from shopterms.policy.export.google_rules import Date
from shopterms.policy.export.loss import LossLog
from shopterms.policy.export.money import from_micros, to_micros

LABEL_LIMIT = 50
METHOD_BY_NAME = {"mail": "BY_MAIL", "in_store": "IN_STORE", "kiosk": "AT_A_KIOSK"}
CONDITION_BY_NAME = {"new": "NEW", "used": "USED"}
LABEL_SOURCE_BY_NAME = {
    "download": "DOWNLOAD_AND_PRINT",
    "in_box": "IN_THE_PACKAGE",
    "customer": "CUSTOMER_RESPONSIBILITY",
}
WINDOW_BY_TYPE = {
    "finite": "NUMBER_OF_DAYS_AFTER_DELIVERY",
    "none": "NO_RETURNS",
    "unlimited": "LIFETIME_RETURNS",
}


def narrow(returns: Returns, log: LossLog) -> Returns:
    terms = tuple(_narrow_terms(t, log) for t in returns.terms)
    labels: list[str] = []
    # Exclusions matter only where something can be returned at all.
    returnable = any(t.window != "none" for t in terms)
    for items in returns.exclusions if returnable else ():
        label = items[:LABEL_LIMIT]
        if label != items:
            log.add(
                f"returns.not_returnable '{items}'",
                f"return policy labels hold {LABEL_LIMIT} characters; the exception is labelled '{label}'",
            )
        if label in labels:
            log.add(
                f"returns.not_returnable '{items}'", "its label repeats another exclusion's; it is left out"
            )
            continue
        labels.append(label)
    if returns.defective:
        log.add(
            f"returns.defective ({', '.join(returns.defective)})",
            "Merchant API return policies have no separate terms for defective goods",
        )
    narrowed = Returns(terms=terms, exclusions=tuple(sorted(labels)), currency=returns.currency)
    return narrowed.model_copy(update={"currency": coarsening.returns_currency(narrowed)})


def _narrow_terms(terms: ReturnTerms, log: LossLog) -> ReturnTerms:
    where = coarsening.where(terms)
    update: dict[str, Any] = {"methods": coarsening.carrier_methods(terms.methods), "refund_to": None}
    if terms.window == "finite" and terms.anchor != "delivery":
        log.add(
            f"{where}: window {coarsening.window_text(terms)}",
            f"the Merchant API counts return days from delivery only; the export states {terms.days} days "
            "after delivery",
        )
        update["anchor"] = "delivery"
    if terms.restocking_percent is not None and terms.restocking_amount is not None:
        log.add(
            f"{where}: restocking_fee_amount {terms.restocking_amount}",
            "a Merchant API restocking fee is either a percentage or an amount; the percentage is kept",
        )
        update["restocking_amount"] = None
    if terms.restocking_percent is not None and terms.restocking_percent * 1_000_000 % 1:
        log.add(
            f"{where}: restocking_fee {terms.restocking_percent}%",
            "the Merchant API holds percentages to six decimals; the fee is rounded",
        )
        update["restocking_percent"] = round(terms.restocking_percent, 6)
    if terms.refund_days is not None and terms.refund_after != "arrival":
        log.add(
            f"{where}: refund within {terms.refund_days} days after {terms.refund_after}",
            "the Merchant API states refund processing days only, counted from the goods' arrival",
        )
        update["refund_days"] = update["refund_after"] = None
    if terms.refund_to not in (None, "original_payment"):
        log.add(
            f"{where}: refund to {terms.refund_to}",
            "the Merchant API cannot say where a refund goes (buyers assume the original payment)",
        )
    # Return policies know new and used goods; refurbished and damaged goods are not new, so used.
    used = {"used" if condition != "new" else "new" for condition in terms.item_conditions}
    update["item_conditions"] = tuple(c for c in CONDITION_BY_NAME if c in used)
    kept: list[Seasonal] = []
    for season in terms.seasonal:
        if any(season.start <= other.end and other.start <= season.end for other in kept):
            log.add(f"{where}: seasonal '{season.name}'", "Merchant API seasonal overrides must not overlap")
            continue
        kept.append(season)
    update["seasonal"] = tuple(kept)
    return terms.model_copy(update=update)


def _price(amount: Decimal, currency: str) -> dict[str, str]:
    return {"amountMicros": str(to_micros(amount)), "currencyCode": currency}


def _date(day: dt.date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def write(returns: Returns, url: str) -> list[dict[str, Any]]:
    bodies = [_write_terms(terms, url, returns.currency) for terms in returns.terms]
    countries = sorted({c for t in returns.terms if t.window != "none" for c in t.countries})
    for label in returns.exclusions if countries else ():
        bodies.append(
            {"label": label, "countries": countries, "policy": {"type": "NO_RETURNS"}, "returnPolicyUri": url}
        )
    return bodies


def _write_terms(terms: ReturnTerms, url: str, currency: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "countries": list(terms.countries),
        "policy": {"type": WINDOW_BY_TYPE[terms.window]},
    }
    if terms.window == "finite":
        body["policy"]["days"] = str(terms.days)
    if terms.seasonal:
        body["seasonalOverrides"] = [_write_season(season) for season in terms.seasonal]
    if terms.restocking_percent is not None:
        body["restockingFee"] = {"microPercent": int(terms.restocking_percent * 1_000_000)}
    elif terms.restocking_amount is not None and currency:
        body["restockingFee"] = {"fixedFee": _price(terms.restocking_amount, currency)}
    if terms.methods:
        body["returnMethods"] = [METHOD_BY_NAME[m] for m in terms.methods]
    if terms.item_conditions:
        body["itemConditions"] = [CONDITION_BY_NAME[c] for c in terms.item_conditions]
    if terms.cost == "customer_pays":
        body["returnShippingFee"] = {"type": "CUSTOMER_PAYING_ACTUAL_FEE"}
    elif terms.cost is not None and currency:
        body["returnShippingFee"] = {
            "type": "FIXED",
            "fixedFee": _price(terms.cost_amount or Decimal(0), currency),
        }
    elif terms.cost == "free":
        body["returnShippingFee"] = {"type": "FIXED"}  # FIXED without an amount reads as free
    body["returnPolicyUri"] = url
    if terms.refund_days is not None:
        body["processRefundDays"] = terms.refund_days
    if terms.exchange is not None:
        body["acceptExchange"] = terms.exchange
    if terms.label is not None:
        body["returnLabelSource"] = LABEL_SOURCE_BY_NAME[terms.label]
    return body


def _write_season(season: Seasonal) -> dict[str, Any]:
    body: dict[str, Any] = {
        "label": season.name,
        "startDate": _date(season.start),
        "endDate": _date(season.end),
    }
    if season.until is not None:
        body["returnUntilDate"] = _date(season.until)
    else:
        body["returnDays"] = season.days
    return body


def _reverse(mapping: dict[str, str]) -> dict[str, str]:
    return {value: key for key, value in mapping.items()}


def read(bodies: list[dict[str, Any]]) -> tuple[Returns | None, str | None]:
    """The return facts and the return policy page of exported OnlineReturnPolicy bodies."""
    if not bodies:
        return None, None
    terms = [_read_terms(body) for body in bodies if not body.get("label")]
    exclusions = tuple(body["label"] for body in bodies if body.get("label"))
    currencies = {fee["currencyCode"] for body in bodies for fee in _prices(body)}
    returns = Returns(
        terms=tuple(sorted(terms, key=lambda t: t.countries)),
        exclusions=exclusions,
        currency=currencies.pop() if currencies else None,
    )
    return returns, bodies[0]["returnPolicyUri"]


def _prices(body: dict[str, Any]) -> list[dict[str, Any]]:
    fees = [body.get("restockingFee", {}).get("fixedFee"), body.get("returnShippingFee", {}).get("fixedFee")]
    return [fee for fee in fees if fee and int(fee["amountMicros"])]


def _read_terms(body: dict[str, Any]) -> ReturnTerms:
    window = _reverse(WINDOW_BY_TYPE)[body["policy"]["type"]]
    if window == "none":
        return ReturnTerms(
            countries=tuple(body["countries"]), window="none", exchange=body.get("acceptExchange")
        )
    fee = body.get("returnShippingFee")
    fixed = fee.get("fixedFee") if fee else None
    amount = from_micros(fixed["amountMicros"]) if fixed else Decimal(0)
    restocking = body.get("restockingFee", {})
    refund_days = body.get("processRefundDays")
    return ReturnTerms(
        countries=tuple(body["countries"]),
        window=window,
        days=int(body["policy"]["days"]) if window == "finite" else None,
        anchor="delivery" if window == "finite" else None,
        cost=None
        if fee is None
        else "customer_pays"
        if fee["type"] != "FIXED"
        else "fixed"
        if amount
        else "free",
        cost_amount=amount if amount else None,
        methods=tuple(
            m
            for m in coarsening.carrier_methods(
                tuple(_reverse(METHOD_BY_NAME)[m] for m in body.get("returnMethods", []))
            )
        ),
        label=_reverse(LABEL_SOURCE_BY_NAME).get(body.get("returnLabelSource", "")),
        restocking_percent=(Decimal(restocking["microPercent"]) / 1_000_000).normalize()
        if "microPercent" in restocking
        else None,
        restocking_amount=from_micros(restocking["fixedFee"]["amountMicros"])
        if "fixedFee" in restocking
        else None,
        seasonal=tuple(_read_season(s) for s in body.get("seasonalOverrides", [])),
        refund_days=refund_days,
        refund_after="arrival" if refund_days is not None else None,
        exchange=body.get("acceptExchange"),
        item_conditions=tuple(_reverse(CONDITION_BY_NAME)[c] for c in body.get("itemConditions", [])),
    )


def _read_season(body: dict[str, Any]) -> Seasonal:
    until = body.get("returnUntilDate")
    return Seasonal(
        name=body["label"],
        start=Date(**body["startDate"]).as_date(),
        end=Date(**body["endDate"]).as_date(),
        until=Date(**until).as_date() if until else None,
        days=body.get("returnDays"),
    )
