"""OpenAI / ACP product-feed rows and UCP policy bodies as draft facts (the inverses of our exports).

Feed rows: the shop-level columns every product row repeats (seller_name, seller_url, seller_tos,
seller_privacy_policy, return_policy, accepts_returns, return_deadline_in_days, accepts_exchanges,
shipping entries `country:region:service_class:price`). Rows that state these columns differently
become separate sources, so the first row wins and the others show as conflicts.

UCP: what `shopterms export --to ucp` writes (markets of return policies, the shop's shipping policy,
links, payment terms), or a `policies` list of `dev.ucp.shopping.policy.return` entries.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.from_facts import Places, draft_facts
from shopterms.policy.drafting.problems import ImportProblem
from shopterms.policy.export.facts import Facts, Returns, ReturnTerms
from shopterms.policy.export.openai_feed import read_shipping
from shopterms.policy.export.openai_feed_rules import COLUMNS
from shopterms.policy.export.ucp import UcpTarget
from shopterms.policy.export.ucp_rules import RETURN_TYPE
from shopterms.policy.export.ucp_targets import policy_items

FEED_COLUMNS = frozenset(COLUMNS) | {"return_window"}
_FEED_SIGNS = {"seller_name", "return_policy", "accepts_returns", "return_deadline_in_days", "shipping"}


def feed_rows(text: str) -> list[dict[str, Any]] | None:
    """The rows of a feed file (CSV, TSV, JSON array or JSON lines), or None when it is no feed."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        return None
    if stripped[0] in "[{":
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            try:
                data = [json.loads(line) for line in stripped.splitlines() if line.strip()]
            except json.JSONDecodeError:
                return None
        rows = data if isinstance(data, list) else [data]
        if rows and all(isinstance(row, dict) for row in rows) and any(_FEED_SIGNS & set(r) for r in rows):
            return rows
        return None
    header = stripped.splitlines()[0]
    delimiter = "\t" if "\t" in header else ","
    reader = csv.DictReader(io.StringIO(stripped), delimiter=delimiter)
    if not reader.fieldnames or not (_FEED_SIGNS & {name.strip() for name in reader.fieldnames}):
        return None
    return [{key.strip(): value for key, value in row.items() if key} for row in reader]


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in FEED_COLUMNS:
        value = row.get(column)
        if value is None or value == "":
            continue
        if column in ("accepts_returns", "accepts_exchanges") and isinstance(value, str):
            value = value.strip().lower() in ("true", "yes", "1")
        elif column in ("return_deadline_in_days", "return_window") and isinstance(value, str):
            value = int(value.strip()) if value.strip().isdigit() else value
        elif column == "shipping" and isinstance(value, str):
            value = [entry.strip() for entry in value.split(";") if entry.strip()]
        values[column] = value
    return values


def read_feed(rows: list[dict[str, Any]], source: str) -> list[SourceDraft]:
    """One draft per distinct set of shop-level columns, labelled with the first row that has it."""
    seen: dict[str, int] = {}
    parts: list[SourceDraft] = []
    for number, row in enumerate(rows, start=1):
        values = _typed(row)
        key = json.dumps(values, sort_keys=True, default=str)
        if not values or key in seen:
            continue
        seen[key] = number
        label = source if number == 1 else f"{source} row {number}"
        parts.append(_row(values, label))
    if not parts:
        raise ImportProblem("the feed has no seller, return or shipping columns with values")
    return parts


def _row(values: dict[str, Any], label: str) -> SourceDraft:
    out = SourceDraft(label)
    out.add(("shop", "name"), values.get("seller_name"), "seller_name")
    out.add(("shop", "url"), values.get("seller_url"), "seller_url")
    out.add(("legal", "terms_url"), values.get("seller_tos"), "seller_tos")
    out.add(("legal", "privacy_url"), values.get("seller_privacy_policy"), "seller_privacy_policy")
    out.add(("legal", "returns_url"), values.get("return_policy"), "return_policy")
    days = values.get("return_deadline_in_days", values.get("return_window"))
    column = "return_deadline_in_days" if "return_deadline_in_days" in values else "return_window"
    if values.get("accepts_returns") is False:
        out.add(("returns", "window"), "no returns", "accepts_returns")
    elif isinstance(days, int):
        out.add(("returns", "window"), f"{days} days after delivery", column)
    elif days is not None:
        out.skip(f"{column} '{days}' is not a number of days; left out")
    out.add(("returns", "exchange"), values.get("accepts_exchanges"), "accepts_exchanges")
    entries = values.get("shipping") or []
    good = [entry for entry in entries if isinstance(entry, str) and _entry_ok(entry)]
    for entry in entries:
        if entry not in good:
            out.skip(f"shipping entry '{entry}' is not country:region:service_class:price; left out")
    if good:
        shipping = read_shipping(good)
        draft_facts(Facts(shipping=shipping), out, Places(shipping="shipping", services=["shipping"] * 99))
    return out


def _entry_ok(entry: str) -> bool:
    parts = entry.split(":")
    if len(parts) != 4 or len(parts[0]) != 2:
        return False
    amount, _, currency = parts[3].strip().partition(" ")
    try:
        float(amount)
    except ValueError:
        return False
    return len(currency) == 3


def is_ucp(payload: Any) -> bool:
    if not isinstance(payload, dict):
        return False
    if "markets" in payload or "payment_terms" in payload or "item_policies" in payload:
        return True
    policies = payload.get("policies")
    return isinstance(policies, list) and any(
        isinstance(p, dict) and str(p.get("type", "")).startswith(("dev.ucp.", "")) and "description" in p
        for p in policies
    )


def read_ucp(payload: dict[str, Any], source: str) -> SourceDraft:
    if "markets" not in payload and isinstance(payload.get("policies"), list):
        # A response's merged policies[]: return policies for the whole response are the terms; a
        # final-sale one that applies_to some goods only names goods that cannot be returned.
        returns = [p for p in payload["policies"] if isinstance(p, dict) and p.get("type") == RETURN_TYPE]
        scoped = [p for p in returns if p.get("applies_to") and p.get("final_sale")]
        wide = [p for p in returns if p not in scoped]
        others = [p for p in payload["policies"] if p not in returns]
        payload = {**payload, "policies": others}
        if wide or scoped:
            payload["markets"] = [{"countries": [], "policies": wide}] if wide else []
            items = [{"items": policy_items(p) or " ".join(p["applies_to"]), "policy": p} for p in scoped]
            payload["item_policies"] = [*payload.get("item_policies", []), *items]
    try:
        facts = UcpTarget().read(payload)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ImportProblem(f"this UCP body cannot be read: {type(error).__name__} {error}") from None
    out = SourceDraft(source)
    where = {tuple(m.get("countries", [])): f"markets[{i}]" for i, m in enumerate(payload.get("markets", []))}
    places = Places(
        links="links",
        payment="payment_terms",
        shipping="policies (shipping)",
        services=[f"policies (shipping).services[{i}]" for i in range(len(facts.shipping.services))]
        if facts.shipping
        else [],
        terms=lambda terms: where.get(terms.countries, "markets"),
        exclusions="item_policies",
        warranty="policies (warranty)",
    )
    draft_facts(facts, out, places)
    return out


__all__ = ["ReturnTerms", "Returns", "feed_rows", "is_ucp", "read_feed", "read_ucp"]
