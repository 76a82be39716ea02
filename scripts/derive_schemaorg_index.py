"""Derive the compact schema.org index and local JSON-LD context under schemas/ from the published
vocabulary files, so that checking JSON-LD never reads the full vocabulary or the network.

    python scripts/derive_schemaorg_index.py [--vocab-dir ../shared/vocab] [--release 30.0] [--check]

Reads   <vocab-dir>/schemaorg-current-https.jsonld  (classes, properties, enumeration members)
        <vocab-dir>/schemaorgcontext.jsonld          (which terms take IRIs as values)
Writes  schemas/schemaorg-index.json and schemas/schemaorg-context.jsonld.
With --check nothing is written; the exit status is 1 when a committed file differs from a fresh derivation.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shopterms.schemas.generated import write_or_check

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VOCAB_DIR = REPO_ROOT.parent / "shared" / "vocab"
VOCABULARY_FILE = "schemaorg-current-https.jsonld"
CONTEXT_FILE = "schemaorgcontext.jsonld"
INDEX_OUT = REPO_ROOT / "schemas" / "schemaorg-index.json"
CONTEXT_OUT = REPO_ROOT / "schemas" / "schemaorg-context.jsonld"
DEFAULT_RELEASE = "30.0"
COMMAND = "python scripts/derive_schemaorg_index.py --vocab-dir ../shared/vocab"
SCHEMA_PREFIX = "schema:"
SCHEMA_IRI = "https://schema.org/"
# isPartOf names the extension a term belongs to; terms without it are core.
AREA_BY_HOST = {
    "https://pending.schema.org": "pending",
    "https://health-lifesci.schema.org": "health-lifesci",
    "https://auto.schema.org": "auto",
    "https://bib.schema.org": "bib",
    "https://meta.schema.org": "meta",
}
META_TYPES = {"rdfs:Class", "rdf:Property"}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _schema_names(refs: Any) -> list[str]:
    """Local names of the schema.org terms referenced; references to other vocabularies are dropped."""
    names = {
        ref["@id"][len(SCHEMA_PREFIX) :] for ref in _as_list(refs) if ref["@id"].startswith(SCHEMA_PREFIX)
    }
    return sorted(names)


def _area(node: dict[str, Any]) -> str:
    parts = [AREA_BY_HOST.get(ref["@id"], ref["@id"]) for ref in _as_list(node.get("schema:isPartOf"))]
    return parts[0] if parts else "core"


def _common(node: dict[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {"area": _area(node)}
    superseded = _schema_names(node.get("schema:supersededBy"))
    if superseded:
        facts["supersededBy"] = superseded[0] if len(superseded) == 1 else superseded
    return facts


def _ancestors(name: str, parents: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(parents.get(name, []))
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(parents.get(current, []))
    return seen


def derive_index(vocabulary: dict[str, Any], release: str) -> dict[str, Any]:
    classes: dict[str, dict[str, Any]] = {}
    properties: dict[str, dict[str, Any]] = {}
    members: dict[str, dict[str, Any]] = {}
    datatype_roots: set[str] = set()
    for node in vocabulary["@graph"]:
        if not node["@id"].startswith(SCHEMA_PREFIX):
            continue
        name = node["@id"][len(SCHEMA_PREFIX) :]
        types = set(_as_list(node["@type"]))
        if "schema:DataType" in types:
            datatype_roots.add(name)
            types.discard("schema:DataType")
        if "rdfs:Class" in types:
            classes[name] = {"subClassOf": _schema_names(node.get("rdfs:subClassOf")), **_common(node)}
        if "rdf:Property" in types:
            properties[name] = {
                "domainIncludes": _schema_names(node.get("schema:domainIncludes")),
                "rangeIncludes": _schema_names(node.get("schema:rangeIncludes")),
                **_common(node),
            }
        instance_of = sorted(
            t[len(SCHEMA_PREFIX) :] for t in types - META_TYPES if t.startswith(SCHEMA_PREFIX)
        )
        if instance_of:
            members[name] = {"type": instance_of, **_common(node)}

    parents = {name: facts["subClassOf"] for name, facts in classes.items()}
    ancestors = {name: _ancestors(name, parents) for name in classes}
    # Text, Number, Boolean, Date, DateTime, Time are instances of DataType; URL, Integer, ... subclass them.
    datatypes = sorted(n for n in classes if n in datatype_roots or ancestors[n] & datatype_roots)
    enumeration_classes = [n for n in classes if "Enumeration" in ancestors[n]]
    enumerations: dict[str, list[str]] = {}
    for enum in sorted(enumeration_classes):
        # A member of a sub-enumeration is also a member of every enumeration above it.
        found = sorted(
            m
            for m, facts in members.items()
            if any(enum == t or enum in ancestors.get(t, ()) for t in facts["type"])
        )
        if found:
            enumerations[enum] = found
    return {
        "generatedBy": COMMAND,
        "release": release,
        "source": VOCABULARY_FILE,
        "license": "Facts derived from the schema.org vocabulary, CC BY-SA 3.0 (https://schema.org/docs/terms.html).",
        "legend": {
            "area": "core, or the extension the term belongs to: pending, auto, bib, health-lifesci, meta",
            "enumerations": "members of each Enumeration subclass, including members of its sub-enumerations",
            "members": "named instances (enumeration members, True/False) with their types",
        },
        "datatypes": datatypes,
        "classes": dict(sorted(classes.items())),
        "properties": dict(sorted(properties.items())),
        "enumerations": enumerations,
        "members": dict(sorted(members.items())),
    }


def derive_context(official: dict[str, Any], release: str) -> dict[str, Any]:
    """@vocab and prefix on https, the keyword aliases, and every term whose values are IRIs (@type @id)."""
    source = official["@context"]
    context: dict[str, Any] = {"@vocab": SCHEMA_IRI, "schema": SCHEMA_IRI}
    for term, definition in sorted(source.items()):
        if isinstance(definition, str) and definition.startswith("@"):
            context[term] = definition
    for term, definition in sorted(source.items()):
        if isinstance(definition, dict) and definition.get("@type") == "@id":
            context[term] = {"@id": definition["@id"], "@type": "@id"}
    return {"generatedBy": COMMAND, "release": release, "@context": context}


def _lines(items: Iterable[tuple[str, Any]], indent: str) -> str:
    rows = [
        f"{indent}{json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in items
    ]
    return ",\n".join(rows)


def render(document: dict[str, Any]) -> str:
    """One line per term: small diffs between releases, still plain JSON."""
    blocks = []
    for key, value in document.items():
        head = json.dumps(key)
        if (
            isinstance(value, dict)
            and value
            and all(isinstance(v, dict | list | str) for v in value.values())
        ):
            blocks.append(f"  {head}: {{\n{_lines(value.items(), '    ')}\n  }}")
        else:
            blocks.append(f"  {head}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


def derive(vocab_dir: Path, release: str) -> dict[Path, str]:
    vocabulary = json.loads((vocab_dir / VOCABULARY_FILE).read_text(encoding="utf-8"))
    official = json.loads((vocab_dir / CONTEXT_FILE).read_text(encoding="utf-8"))
    return {
        INDEX_OUT: render(derive_index(vocabulary, release)),
        CONTEXT_OUT: render(derive_context(official, release)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vocab-dir", type=Path, default=DEFAULT_VOCAB_DIR)
    parser.add_argument("--release", default=DEFAULT_RELEASE)
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed files, write nothing"
    )
    args = parser.parse_args(argv)
    missing = [name for name in (VOCABULARY_FILE, CONTEXT_FILE) if not (args.vocab_dir / name).is_file()]
    if missing:
        print(f"error: {args.vocab_dir} lacks {', '.join(missing)}", file=sys.stderr)
        return 2
    outputs = derive(args.vocab_dir, args.release)
    return write_or_check(outputs, root=REPO_ROOT, command=COMMAND, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
