"""Checking a page: its structured data against schema.org and Google's rules, block by block, and (with
a policy) against the policy's facts. Every finding is located at the block it comes from."""

from __future__ import annotations

from dataclasses import replace

from shopterms.policy.codes import diagnostic
from shopterms.policy.diagnostics import Diagnostic, Location
from shopterms.policy.loader import LoadResult
from shopterms.validators.fetch.limits import DEFAULT_LIMITS, Limits
from shopterms.validators.fetch.page import FetchedPage as Page
from shopterms.validators.page.blocks import Block, PageData, page_data
from shopterms.validators.page.comparison import Comparison, Found, PolicyFacts
from shopterms.validators.page.facts import ContactFact, GraphFacts, ReturnFact, ShippingFact


def _located(items: list[Diagnostic], page: Page, at: Location) -> list[Diagnostic]:
    return [replace(item, file=page.name, location=at) for item in items]


def policy_facts(result: LoadResult) -> PolicyFacts:
    """The facts of a valid policy, read back from its own compiled JSON-LD."""
    from shopterms.policy.jsonld import compile_policy
    from shopterms.validators.jsonld_graph import parse_jsonld

    assert result.policy is not None
    facts = GraphFacts(parse_jsonld(compile_policy(result.policy)))
    return PolicyFacts(list(facts.returns()), list(facts.shipping()), list(facts.contacts()))


def inspect_page(
    page: Page, policy: LoadResult | None = None, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Diagnostic], list[str]]:
    """Diagnostics for the page, and the post-purchase types its structured data holds."""
    from shopterms.validators.conformance import check_conformance
    from shopterms.validators.jsonld_graph import JsonLdError, parse_jsonld
    from shopterms.validators.shapes import check_google_rules

    data = page_data(page.text, page.base_url, limits)
    found: list[Diagnostic] = _reading_notes(page, data)
    found += [
        diagnostic(
            "PAGE002",
            f"this JSON-LD script is not valid JSON: {bad.reason}",
            page.name,
            location=bad.location,
            hint="fix the JSON syntax; readers skip the whole block",
        )
        for bad in data.unreadable
    ]
    facts: list[Found] = []
    types: set[str] = set()
    for block in data.blocks:
        try:
            graph = parse_jsonld(block.document, base=page.base_url)
        except JsonLdError as error:
            found.append(
                diagnostic(
                    "LD007",
                    f"cannot read this {_name(block)} as JSON-LD: {error}",
                    page.name,
                    location=block.location,
                )
            )
            continue
        if len(graph) == 0:  # an empty block ({} or only a context) states nothing to check
            continue
        found += _located(check_conformance(graph, source=page.name), page, block.location)
        found += _located(check_google_rules(graph, source=page.name), page, block.location)
        reader = GraphFacts(graph)
        types.update(reader.types_present())
        stated: list[ReturnFact | ShippingFact | ContactFact] = [
            *reader.returns(),
            *reader.shipping(),
            *reader.contacts(),
        ]
        facts += [Found(fact, block.location) for fact in stated]
    found += _odr_links(page)
    if not types:
        found.append(
            diagnostic(
                "PAGE003",
                "the page's structured data states no returns, shipping, contact or organisation",
                page.name,
                location=Location(1, 1, 1, 2),
                hint="paste the JSON-LD snippet from shopterms build into the page",
            )
        )
    if policy is not None and policy.policy is not None:
        from shopterms.validators.rules.rule import RuleInput

        comparison = Comparison(page.name, RuleInput(policy.policy, policy), policy_facts(policy), page.text)
        found += comparison.run(facts)
    ordered = sorted(
        found, key=lambda d: (d.location.line, d.location.column, d.code) if d.location else (0, 0, d.code)
    )
    return ordered, sorted(types)


def _reading_notes(page: Page, data: PageData) -> list[Diagnostic]:
    """What was passed over while reading: a structured-data limit reached, an unknown charset."""
    found = [
        diagnostic(
            "PAGE014",
            over.reason,
            page.name,
            location=over.location,
            hint="split the data into fewer, flatter blocks; --limit raises the bounds (docs/reliability.md)",
        )
        for over in data.over_limit
    ]
    if page.warning:
        found.append(
            diagnostic(
                "PAGE015",
                page.warning,
                page.name,
                location=Location(1, 1, 1, 2),
                hint='declare a WHATWG encoding label such as "utf-8" in Content-Type and <meta charset>',
            )
        )
    return found


def _odr_links(page: Page) -> list[Diagnostic]:
    from shopterms.policy.locate import position_of
    from shopterms.validators.rules.eu import ODR_LINK

    found = []
    for match in ODR_LINK.finditer(page.text):
        line, column = position_of(page.text, match.start())
        found.append(
            diagnostic(
                "EU008",
                f"{match.group(0)} links to the EU ODR platform, which was discontinued in July 2025",
                page.name,
                location=Location(line, column, line, column + len(match.group(0))),
                hint="remove the link from the page",
            )
        )
    return found


def _name(block: Block) -> str:
    return {"json-ld": "JSON-LD script", "microdata": "microdata item", "rdfa": "RDFa data"}[block.syntax]
