"""Draft facts from schema.org markup: a shop page's JSON-LD, microdata and RDFa, or a JSON-LD document
such as the one `shopterms build` writes (schema.org plus our vocabulary, schemas/shopterms.ttl).

What our own JSON-LD states comes back whole: a policy compiled to JSON-LD and drafted again compiles
to the same graph. From other shops' pages, whatever schema.org alone states is read. Each section has
its reader (`markup_shop`, `markup_returns`, `markup_shipping`, `markup_payment`, `markup_support`);
this module runs them over the organisation that carries the terms.
"""

from __future__ import annotations

from shopterms.policy.drafting.draft import SourceDraft
from shopterms.policy.drafting.markup_graph import MarkupGraph
from shopterms.policy.drafting.markup_payment import draft_payment
from shopterms.policy.drafting.markup_returns import draft_returns
from shopterms.policy.drafting.markup_shipping import draft_shipping
from shopterms.policy.drafting.markup_shop import draft_identity, draft_legal, home_country, shop_node
from shopterms.policy.drafting.markup_support import draft_support
from shopterms.policy.drafting.problems import ImportProblem

POST_PURCHASE_TYPES = (
    "Organization",
    "MerchantReturnPolicy",
    "ShippingService",
    "OfferShippingDetails",
    "ContactPoint",
    "PaymentMethod",
)


def draft_from_markup(
    graph: MarkupGraph, source: str, syntax: str, notes: list[str] | None = None
) -> SourceDraft:
    """The facts the markup states; `syntax` names it in messages ("the page's markup", "JSON-LD")."""
    out = SourceDraft(source)
    out.notes.extend(notes or [])
    shop = shop_node(graph)
    home = home_country(graph, shop)
    draft_identity(graph, shop, out)
    draft_legal(graph, shop, out)
    sells_to: list[str] = next((fact.value for fact in out.facts if fact.path == ("shop", "sells_to")), [])
    draft_returns(graph, shop, out, sells_to, home)
    draft_shipping(graph, shop, out, home)
    draft_payment(graph, shop, out)
    draft_support(graph, shop, out)
    if not any(fact.path != ("shop", "currency") for fact in out.facts):
        found = [name for name in POST_PURCHASE_TYPES if graph.of_type(name)]
        raise ImportProblem(
            f"the {syntax} names no shop, return policy, shipping service or contact point "
            f"(found: {', '.join(found) or 'no post-purchase types'})"
        )
    return out
