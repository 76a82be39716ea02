"""The human-readable terms page: one HTML file per language the shop uses and we have wording for.

The first such language of `shop.languages` is written to index.html, the others to index.<lang>.html;
each page links the others and carries the same JSON-LD, so search engines read one set of facts.
The page is self-contained (inline style, no scripts, no external requests) and prints cleanly.
"""

from __future__ import annotations

from importlib import resources

from babel import Locale, UnknownLocaleError

from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.jsonld_files import POLICY_FILE, jsonld_script
from shopterms.policy.documents.markup import Markup, element, join, link
from shopterms.policy.documents.terms_page.formatter import Formatter
from shopterms.policy.documents.terms_page.performance import performance_section
from shopterms.policy.documents.terms_page.phrases import (
    FALLBACK_LANGUAGE,
    Phrases,
    has_wording,
    primary_subtag,
)
from shopterms.policy.documents.terms_page.returns import returns_section
from shopterms.policy.documents.terms_page.service import legal_section, payment_section, support_section
from shopterms.policy.documents.terms_page.shipping import shipping_section
from shopterms.policy.evidence.figures import DeliveryPerformance
from shopterms.policy.model import Address, Policy

SECTIONS = ("shipping", "performance", "returns", "payment", "support", "legal")


def terms_page_files(build: BuildInput, script: Markup | None = None) -> dict[str, bytes]:
    """Every page; `script` is the JSON-LD element to embed when the caller has written it already."""
    pages = page_files(build.policy)
    script = script if script is not None else jsonld_script(build.document)
    return {
        name: render_page(build.policy, tag, pages, script, build.performance).encode("utf-8")
        for tag, name in pages.items()
    }


def page_files(policy: Policy) -> dict[str, str]:
    """Language tag → file name, primary language first."""
    tags: list[str] = []
    for tag in policy.shop.languages:
        if has_wording(tag) and primary_subtag(tag) not in {primary_subtag(t) for t in tags}:
            tags.append(tag)
    tags = tags or [FALLBACK_LANGUAGE]
    return {
        tag: "index.html" if i == 0 else f"index.{primary_subtag(tag)}.html" for i, tag in enumerate(tags)
    }


def render_page(
    policy: Policy,
    tag: str,
    pages: dict[str, str],
    script: Markup,
    performance: DeliveryPerformance | None = None,
) -> str:
    say = Phrases(tag)
    fmt = Formatter(tag, policy.shop.currency, say)
    shop = policy.shop
    sections = {
        "shipping": shipping_section(policy, fmt),
        "performance": performance_section(policy, performance, fmt),
        "returns": returns_section(policy, fmt),
        "payment": payment_section(policy, fmt),
        "support": support_section(policy, fmt),
        "legal": legal_section(policy, fmt),
    }
    present = [name for name in SECTIONS if sections[name]]
    contents = element(
        "nav",
        element(
            "ol", [element("li", element("a", say(f"section.{name}"), href=f"#{name}")) for name in present]
        ),
        class_="contents",
        aria_label=say("contents"),
    )
    head = element(
        "head",
        Markup('<meta charset="utf-8">'),
        element("meta", name="viewport", content="width=device-width, initial-scale=1"),
        element("title", f"{shop.name} \u2013 {say('title')}"),
        element("meta", name="description", content=say("lede", shop=shop.name)),
        [element("link", rel="alternate", hreflang=other, href=name) for other, name in pages.items()],
        element("style", Markup(_style())),
        script,
    )
    masthead = element(
        "header",
        _language_switch(tag, pages, say),
        element("h1", shop.name),
        element("p", say("title"), class_="subtitle"),
        element("p", say("lede", shop=shop.name), class_="lede"),
        class_="masthead",
    )
    body = element(
        "body",
        element(
            "div",
            masthead,
            contents,
            element("main", [sections[name] for name in present]),
            _footer(policy, say),
            class_="page",
        ),
    )
    return "<!doctype html>\n" + element("html", head, body, lang=tag) + "\n"


def _language_switch(current: str, pages: dict[str, str], say: Phrases) -> Markup | None:
    if len(pages) < 2:
        return None
    items = []
    for tag, name in pages.items():
        label = _autonym(tag)
        if tag == current:
            items.append(element("span", label, aria_current="page", lang=tag))
        else:
            items.append(element("a", label, href=name, hreflang=tag, lang=tag))
    return element("nav", items, class_="languages", aria_label=say("language"))


def _autonym(tag: str) -> str:
    try:
        name = Locale.parse(tag, sep="-").get_display_name(Locale.parse(tag, sep="-"))
    except (UnknownLocaleError, ValueError):
        return tag
    return name[:1].upper() + name[1:] if name else tag


def _footer(policy: Policy, say: Phrases) -> Markup:
    shop = policy.shop
    identity = [shop.legal_name or shop.name, _address_line(shop.address)]
    vat = f"{say('vat_id')} {shop.vat_id}" if shop.vat_id else None
    return element(
        "footer",
        element(
            "p",
            join(part + (" · " if i < len(identity) - 1 else "") for i, part in enumerate(identity) if part),
        ),
        element("p", vat) if vat else None,
        element("p", say("machine_readable"), ": ", link(POLICY_FILE, POLICY_FILE)),
        element("p", say("generated")),
    )


def _address_line(address: Address) -> str:
    locality = " ".join(part for part in (address.postal_code, address.city) if part)
    return ", ".join(part for part in (address.street, locality, address.region, address.country) if part)


def _style() -> str:
    stylesheet = resources.files(__package__ or "shopterms.policy.documents.terms_page").joinpath("terms.css")
    return stylesheet.read_text(encoding="utf-8")
