"""A schema.org graph as plain data: what the markup of a page or a JSON-LD document states, node by node.

The readers that draft a policy from markup work on this form, so the core needs no RDF library: the
page adapter (validators.drafting.page) builds it from the graph `shopterms check` reads. Properties
and types are full IRIs, literals their lexical form (`"30"`, `"true"`, `"2027-01-15"`); a node's
schema.org ancestors are known, so an OnlineStore is an Organization.

RDF lists have no order. Nodes are ordered by where the source first names them (its position, which
the adapter finds in the source text), then by what they state; literals by their text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from shopterms.policy.jsonld.vocabulary import SCHEMA_NS, SHOPTERMS_NS

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_TRUE, _FALSE = {"true", "1", "yes"}, {"false", "0", "no"}


@dataclass(frozen=True)
class Node:
    """A node of the graph: its IRI, or a blank node's label (which means nothing outside one graph)."""

    key: str
    blank: bool = False


Value = Node | str


def term(name: str) -> str:
    """A property or class IRI: `returnFees` is schema.org's, `shopterms:timeZone` ours, IRIs stay."""
    if name.startswith(("http://", "https://")):
        return name
    if name.startswith("shopterms:"):
        return SHOPTERMS_NS + name.removeprefix("shopterms:")
    return SCHEMA_NS + name


def short(iri: str) -> str:
    """`returnFees`, `shopterms:timeZone`: a term as the documentation names it."""
    if iri.startswith(SCHEMA_NS):
        return iri[len(SCHEMA_NS) :]
    if iri.startswith(SHOPTERMS_NS):
        return "shopterms:" + iri[len(SHOPTERMS_NS) :]
    return iri


def decimal(text: str | None) -> Decimal | None:
    """A number as markup writes it (`4.95`, `4,95` in microdata), or None; not a number, infinite or
    beyond any amount, count or weight a policy states (1e999999) is none either."""
    try:
        found = None if text is None else Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    if found is None or not found.is_finite() or found.adjusted() > 12:
        return None
    return found


class MarkupGraph:
    """The statements of one source, with typed readers for their values."""

    def __init__(
        self,
        statements: Iterable[tuple[Node, str, Value]],
        ancestors: Mapping[str, frozenset[str]] | None = None,
        positions: Mapping[Node, int] | None = None,
    ) -> None:
        self._by_subject: dict[Node, dict[str, list[Value]]] = {}
        for subject, predicate, value in statements:
            values = self._by_subject.setdefault(subject, {}).setdefault(predicate, [])
            if value not in values:
                values.append(value)
        self._ancestors = dict(ancestors or {})
        self._positions = dict(positions or {})
        self._keys: dict[Node, tuple[int, str]] = {}

    # ------------------------------------------------------------------ nodes

    def __len__(self) -> int:
        return sum(len(values) for props in self._by_subject.values() for values in props.values())

    def states(self, node: Node) -> bool:
        """Whether the graph says anything about the node besides its type."""
        return any(predicate != RDF_TYPE for predicate in self._by_subject.get(node, {}))

    def types(self, node: Node) -> list[str]:
        return sorted(short(kind.key) for kind in self.nodes(node, RDF_TYPE))

    def is_a(self, node: Node, name: str) -> bool:
        wanted = term(name)
        return any(
            kind.key == wanted or wanted in self._ancestors.get(kind.key, frozenset())
            for kind in self.nodes(node, RDF_TYPE)
        )

    def of_type(self, name: str) -> list[Node]:
        return self.ordered(node for node in self._by_subject if self.is_a(node, name))

    def ordered(self, nodes: Iterable[Node]) -> list[Node]:
        return sorted(set(nodes), key=self._sort_key)

    def _sort_key(self, node: Node) -> tuple[int, str]:
        key = self._keys.get(node)
        if key is None:
            content = node.key if not node.blank else self._content(node, 3)
            key = self._keys[node] = (self._positions.get(node, 1 << 60), content)
        return key

    def _content(self, node: Node, depth: int) -> str:
        """What a blank node states, a few levels down: an order that never depends on its label."""
        if depth == 0:
            return "…"
        parts = sorted(
            f"{predicate}={self._shown(item, depth)}"
            for predicate, values in self._by_subject.get(node, {}).items()
            for item in values
        )
        return "{" + "|".join(parts) + "}"

    def _shown(self, item: Value, depth: int) -> str:
        if isinstance(item, str):
            return item
        return self._content(item, depth - 1) if item.blank else item.key

    # ------------------------------------------------------------------ values

    def values(self, node: Node | None, name: str) -> list[Value]:
        if node is None:
            return []
        found = self._by_subject.get(node, {}).get(term(name), [])
        literals = sorted(item for item in found if isinstance(item, str))
        return [*literals, *self.ordered(item for item in found if isinstance(item, Node))]

    def nodes(self, node: Node | None, name: str) -> list[Node]:
        return [item for item in self.values(node, name) if isinstance(item, Node)]

    def node(self, node: Node | None, name: str) -> Node | None:
        found = self.nodes(node, name)
        return found[0] if found else None

    def texts(self, node: Node | None, name: str) -> list[str]:
        """Literal values, and IRIs as IRIs; blank nodes are left out."""
        found = [
            item if isinstance(item, str) else item.key
            for item in self.values(node, name)
            if isinstance(item, str) or not item.blank
        ]
        return [text.strip() for text in found if text.strip()]

    def text(self, node: Node | None, name: str) -> str | None:
        found = self.texts(node, name)
        return found[0] if found else None

    def members(self, node: Node | None, name: str) -> list[str]:
        """Enumeration values by their schema.org name: `FreeReturn` for its IRI or its plain name."""
        return [
            item[len(SCHEMA_NS) :] if item.startswith(SCHEMA_NS) else item for item in self.texts(node, name)
        ]

    def member(self, node: Node | None, name: str) -> str | None:
        found = self.members(node, name)
        return found[0] if found else None

    def number(self, node: Node | None, name: str) -> Decimal | None:
        return decimal(self.text(node, name))

    def integer(self, node: Node | None, name: str) -> int | None:
        found = self.number(node, name)
        return int(found) if found is not None and found == int(found) and found >= 0 else None

    def boolean(self, node: Node | None, name: str) -> bool | None:
        text = (self.member(node, name) or "").lower()
        return True if text in _TRUE else False if text in _FALSE else None

    def date(self, node: Node | None, name: str) -> dt.date | None:
        text = self.text(node, name)
        try:
            return dt.date.fromisoformat(text[:10]) if text else None
        except ValueError:
            return None

    # ------------------------------------------------------------------ provenance

    def where(self, node: Node | None, name: str = "") -> str:
        """`MerchantReturnPolicy #return-policy-AT merchantReturnDays`: a place a merchant can find."""
        if node is None:
            return short(term(name)) if name else ""
        kinds = [kind for kind in self.types(node) if not kind.startswith("http")] or ["Thing"]
        label = ""
        if not node.blank and "#" in node.key:
            label = "#" + node.key.rsplit("#", 1)[1]
        parts = [kinds[0], label, short(term(name)) if name else ""]
        return " ".join(part for part in parts if part)
