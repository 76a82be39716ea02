"""Return terms as UCP `dev.ucp.shopping.policy.return` policies: narrowing, writing and reading back.

UCP states return terms per response, not per country, so the export groups buyers' countries into
markets that share one return policy; the business serves a market's policies to its buyers. Goods
that cannot be returned become final-sale policies, to attach with applies_to to matching items.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from shopterms.policy.export import coarsening
from shopterms.policy.export.facts import Returns, ReturnTerms
from shopterms.policy.export.loss import LossLog
from shopterms.policy.export.money import from_minor, to_minor
from shopterms.policy.export.ucp_rules import RETURN_TYPE
from shopterms.policy.export.ucp_targets import catalog_target

ANCHOR_BY_EVENT = {"delivery": "delivered", "order": "purchased", "shipment": "shipped"}
METHOD_BY_NAME = {"mail": "by_mail", "in_store": "in_store", "kiosk": "kiosk"}
RESOLUTION_BY_REFUND = {
    "original_payment": "original_payment_method",
    "store_credit": "store_credit",
    "bank_transfer": "bank_transfer",
}
REFUND_TEXT = {
    "original_payment": "the original payment method",
    "store_credit": "store credit",
    "bank_transfer": "a bank account",
    "choice": "a method the buyer chooses",
}
FEE_BY_COST = {"free": "free", "customer_pays": "customer_responsibility", "fixed": "fixed_fee"}


def narrow(returns: Returns, log: LossLog) -> Returns:
    terms = tuple(_narrow_terms(t, returns.currency, log) for t in returns.terms)
    if returns.defective:
        log.add(
            f"returns.defective ({', '.join(returns.defective)})",
            "UCP return policies have no terms for defective goods",
        )
    returnable = any(t.window != "none" for t in terms)
    narrowed = Returns(
        terms=terms, exclusions=returns.exclusions if returnable else (), currency=returns.currency
    )
    return narrowed.model_copy(update={"currency": coarsening.returns_currency(narrowed)})


def _narrow_terms(terms: ReturnTerms, currency: str | None, log: LossLog) -> ReturnTerms:
    where = coarsening.where(terms)
    if terms.window == "finite" and terms.days == 0:
        log.add(
            f"{where}: window 0 days",
            "a UCP return window lasts at least a day; the export states no returns",
        )
        terms = ReturnTerms(countries=terms.countries, window="none", exchange=terms.exchange)
    if terms.window == "none":
        if terms.exchange:
            log.add(f"{where}: exchange", "a UCP final-sale policy cannot offer exchanges")
        return ReturnTerms(countries=terms.countries, window="none")
    for season in terms.seasonal:
        log.add(f"{where}: seasonal '{season.name}'", "UCP return policies have no windows by order date")
    if terms.label:
        log.add(
            f"{where}: label {terms.label}",
            "UCP return policies do not say where the return label comes from",
        )
    if terms.refund_days is not None:
        log.add(
            f"{where}: refund within {terms.refund_days} days after {terms.refund_after}",
            "UCP return policies state no refund time",
        )
    refund_to = terms.refund_to
    if refund_to == "choice":
        log.add(f"{where}: refund to the buyer's choice", "UCP resolutions cannot say that the buyer chooses")
        refund_to = None
    if terms.restocking_amount is not None:
        log.add(
            f"{where}: restocking_fee_amount {terms.restocking_amount}",
            "a flat UCP restocking fee is charged per returned unit, the policy's per return",
        )
    percent = terms.restocking_percent
    if percent is not None and percent * 100 % 1:
        log.add(
            f"{where}: restocking_fee {percent}%",
            "UCP states restocking fees in whole basis points; it is rounded",
        )
        percent = round(percent, 2)
    others = [c for c in terms.item_conditions if c != "new"]
    if others:
        log.add(
            f"{where}: item_conditions {', '.join(others)}", "UCP return policies do not name item conditions"
        )
    methods = coarsening.carrier_methods(terms.methods)
    cost, amount = (terms.cost, terms.cost_amount) if "mail" in methods else (None, None)
    if amount is not None and currency and to_minor(amount, currency) is None:
        log.add(f"{where}: cost {amount}", f"the amount has no exact value in minor units of {currency}")
        cost, amount = None, None
    return ReturnTerms(
        countries=terms.countries,
        window=terms.window,
        days=terms.days,
        anchor=terms.anchor,
        cost=cost,
        cost_amount=amount,
        methods=methods,
        restocking_percent=percent,
        refund_to=refund_to,
        exchange=True if terms.exchange else None,
    )


def _text(terms: ReturnTerms, currency: str | None) -> str:
    if terms.window == "none":
        return "Returns are not accepted."
    parts = [
        f"Returns within {terms.days} days after {terms.anchor}."
        if terms.window == "finite"
        else "Returns without a time limit."
    ]
    if terms.cost == "fixed" and terms.cost_amount is not None:
        parts.append(f"Return shipping costs {coarsening.money(terms.cost_amount, currency)}.")
    elif terms.cost is not None:
        parts.append(
            "Return shipping is free." if terms.cost == "free" else "The buyer pays return shipping."
        )
    if terms.methods:
        ways = {"mail": "by mail", "in_store": "in store", "kiosk": "at a kiosk"}
        parts.append(f"Send returns {' or '.join(ways[m] for m in terms.methods)}.")
    if terms.restocking_percent is not None:
        parts.append(f"A restocking fee of {terms.restocking_percent:f}% is deducted.")
    if terms.refund_to:
        parts.append(f"Refunds go to {REFUND_TEXT[terms.refund_to]}.")
    if terms.exchange:
        parts.append("Exchanges are offered.")
    return " ".join(parts)


def write_policy(terms: ReturnTerms, currency: str | None, url: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": RETURN_TYPE, "description": {"plain": _text(terms, currency)}}
    if url:
        body["url"] = url
    if terms.window == "none":
        body["final_sale"] = True
        return body
    if terms.window == "finite":
        body["window"] = {"days": terms.days, "anchor": ANCHOR_BY_EVENT[terms.anchor or "delivery"]}
    resolutions = [RESOLUTION_BY_REFUND[terms.refund_to]] if terms.refund_to else []
    if terms.exchange:
        resolutions.append("exchange")
    if resolutions:
        body["supported_resolutions"] = resolutions
    if terms.methods:
        body["methods"] = [_method(m, terms, currency) for m in terms.methods]
    if terms.restocking_percent is not None:
        body["restocking_fee"] = {"percentage_bps": int(terms.restocking_percent * 100)}
    return body


def _method(name: str, terms: ReturnTerms, currency: str | None) -> dict[str, Any]:
    method: dict[str, Any] = {"type": METHOD_BY_NAME[name]}
    if name == "mail" and terms.cost is not None:  # the return cost is the cost of shipping it back
        method["fee"] = {"type": FEE_BY_COST[terms.cost]}
        if terms.cost == "fixed" and terms.cost_amount is not None and currency:
            method["fee"]["amount"] = to_minor(terms.cost_amount, currency)
    return method


def write_final_sale(items: str, url: str | None) -> dict[str, Any]:
    text = f"{items[:1].upper()}{items[1:]} cannot be returned."
    policy: dict[str, Any] = {"type": RETURN_TYPE, "description": {"plain": text}}
    policy["applies_to"] = [catalog_target(items)]
    if url:
        policy["url"] = url
    policy["final_sale"] = True
    return {"items": items, "policy": policy}


def read_policy(body: dict[str, Any], countries: tuple[str, ...], currency: str | None) -> ReturnTerms:
    if body.get("final_sale"):
        return ReturnTerms(countries=countries, window="none")
    window = body.get("window")
    resolutions = body.get("supported_resolutions", [])
    refund = {v: k for k, v in RESOLUTION_BY_REFUND.items()}
    methods = {m["type"]: m for m in body.get("methods", [])}
    fee = methods.get("by_mail", {}).get("fee")
    cost = {v: k for k, v in FEE_BY_COST.items()}[fee["type"]] if fee else None
    bps = body.get("restocking_fee", {}).get("percentage_bps")
    return ReturnTerms(
        countries=countries,
        window="finite" if window else "unlimited",
        days=window["days"] if window else None,
        anchor={v: k for k, v in ANCHOR_BY_EVENT.items()}[window["anchor"]] if window else None,
        cost=cost,
        cost_amount=from_minor(fee["amount"], currency) if fee and "amount" in fee and currency else None,
        methods=tuple(name for name, kind in METHOD_BY_NAME.items() if kind in methods),
        restocking_percent=(Decimal(bps) / 100).normalize() if bps is not None else None,
        refund_to=next((refund[r] for r in resolutions if r in refund), None),
        exchange=True if "exchange" in resolutions else None,
    )
