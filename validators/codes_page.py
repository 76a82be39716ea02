"""Catalogue entries for `shopterms check` (PAGE###): reading a live page, and facts where the page's
structured data and the policy disagree. Registered on import.

Codes are never renumbered or reused; a retired code keeps its entry.
"""

from __future__ import annotations

from shopterms.policy.codes import register
from shopterms.policy.diagnostics import CodeInfo

PAGE_CODES: tuple[CodeInfo, ...] = (
    CodeInfo(
        code="PAGE001",
        name="page-not-read",
        severity="error",
        summary="The page could not be fetched or read (name not resolving, a loopback, private or "
        "link-local address, the total time running out, TLS, HTTP status, too many redirects, over the "
        "size limit, an unknown compression, not HTML, or a missing file).",
        why="Nothing on a page that cannot be read is checked; search engines and agents meet the same "
        "failure.",
        example="shopterms check https://shop.example/typo",
        instead="shopterms check https://shop.example/",
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE002",
        name="unreadable-jsonld-script",
        severity="error",
        summary='A <script type="application/ld+json"> block is not valid JSON.',
        why="Readers drop the whole block, with every fact in it; one stray comma hides the return policy.",
        example='<script type="application/ld+json">{"@type": "MerchantReturnPolicy",}</script>',
        instead='<script type="application/ld+json">{"@type": "MerchantReturnPolicy"}</script>',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE003",
        name="no-post-purchase-data",
        severity="warning",
        summary="The page has no return policy, shipping service, shipping details, contact point or "
        "organisation in its structured data.",
        why="Agents and search engines then read returns and shipping from prose, or not at all.",
        example="(a page whose JSON-LD holds only a BreadcrumbList)",
        instead="(the JSON-LD that shopterms build writes, pasted into the page)",
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE004",
        name="return-window-differs",
        severity="error",
        summary="The page states a different return window (or category) than the policy for a country.",
        why="Buyers and agents get two answers to 'how long can I return this'; the stricter reading "
        "will be held against the shop.",
        example='{"@type": "MerchantReturnPolicy", "applicableCountry": "DE", "merchantReturnDays": 14}',
        instead='{"@type": "MerchantReturnPolicy", "applicableCountry": "DE", "merchantReturnDays": 30}',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE005",
        name="return-fees-differ",
        severity="error",
        summary="The page states different return costs than the policy for a country.",
        why="Whether returns are free is one of the first things buyers check; two answers mislead.",
        example='{"returnFees": "ReturnFeesCustomerResponsibility"}',
        instead='{"returnFees": "FreeReturn"}',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE006",
        name="return-methods-differ",
        severity="warning",
        summary="The page lists different ways to return goods than the policy.",
        why="A buyer told to use a store that the policy does not offer is turned away.",
        example='{"returnMethod": ["ReturnByMail"]}',
        instead='{"returnMethod": ["ReturnByMail", "ReturnInStore"]}',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE007",
        name="return-country-not-in-policy",
        severity="warning",
        summary="The page states return terms for a country the policy's return terms do not cover.",
        why="Either the policy is incomplete or the page promises returns the shop does not take.",
        example='{"@type": "MerchantReturnPolicy", "applicableCountry": "FR"}',
        instead="returns:\n  countries: [DE, AT, FR]",
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE008",
        name="shipping-rate-differs",
        severity="error",
        summary="The page states a shipping price to a country that the policy does not have.",
        why="Price statements must match what checkout charges; agents quote the page.",
        example='{"shippingRate": {"value": 5.95, "currency": "EUR"}}',
        instead='{"shippingRate": {"value": 4.95, "currency": "EUR"}}',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE009",
        name="delivery-time-differs",
        severity="error",
        summary="The page states other handling or transit days to a country than the policy.",
        why="Delivery promises on the page are what buyers hold the shop to.",
        example='{"transitTime": {"minValue": 1, "maxValue": 3, "unitCode": "DAY"}}',
        instead='{"transitTime": {"minValue": 1, "maxValue": 2, "unitCode": "DAY"}}',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE010",
        name="free-shipping-threshold-differs",
        severity="error",
        summary="The page states a different order value for free shipping than the policy.",
        why="A buyer who orders for the threshold on the page and still pays shipping has been misled.",
        example='{"shopterms:freeShippingThreshold": {"value": 40}}',
        instead='{"shopterms:freeShippingThreshold": {"value": 50}}',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE011",
        name="shipping-destination-not-in-policy",
        severity="warning",
        summary="The page states shipping to a country no service of the policy delivers to.",
        why="Either the policy is incomplete or the page promises delivery the shop does not make.",
        example='{"shippingDestination": {"@type": "DefinedRegion", "addressCountry": "FR"}}',
        instead="services:\n  - {id: standard, to: [DE, FR], transit: 1-3, rate: 4.95}",
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE012",
        name="contact-not-in-policy",
        severity="warning",
        summary="The page gives a phone number or e-mail address that no support channel of the policy has.",
        why="Agents pass on the contact they find; an old hotline on the page sends buyers nowhere.",
        example='{"@type": "ContactPoint", "telephone": "+49 40 7654321"}',
        instead='{"@type": "ContactPoint", "telephone": "+49 40 1234567"}',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE013",
        name="policy-fact-not-on-page",
        severity="info",
        summary="The policy has return terms or shipping for a country that the page's structured data "
        "does not state.",
        why="Not an error (a product page may state one country only), but agents reading the page will "
        "not learn these terms there.",
        example="returns:\n  countries: [DE, AT]   # the page states DE only",
        instead="(the page states return terms for DE and AT)",
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE014",
        name="structured-data-over-limit",
        severity="error",
        summary="The page's structured data goes past a reading limit (more JSON-LD scripts or items than "
        "allowed, more JSON-LD text in all, or JSON nested deeper than allowed); what lies past it is not "
        "checked.",
        why="Crawlers give up on such pages too, and a check that stops early cannot vouch for the rest of "
        "the page. The limits and how to raise them are in docs/reliability.md.",
        example='<script type="application/ld+json">[[[[[[[ ... 100,000 levels ... ]]]]]]]</script>',
        instead='<script type="application/ld+json">{"@type": "MerchantReturnPolicy", ...}</script>',
        packs=("page",),
    ),
    CodeInfo(
        code="PAGE015",
        name="unknown-charset",
        severity="warning",
        summary="The server's Content-Type or the page's <meta> declares a character encoding that is not "
        "in the WHATWG Encoding Standard; the page was read as UTF-8 (or windows-1252), as browsers do.",
        why="Browsers ignore a label they do not know and guess; other readers may refuse the page or "
        "garble its accented text.",
        example="Content-Type: text/html; charset=rot13",
        instead="Content-Type: text/html; charset=utf-8",
        packs=("page",),
    ),
)

register(*PAGE_CODES)
