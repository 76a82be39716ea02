"""Catalogue entries for the schema.org vocabulary check of JSON-LD (LD###), registered on import.

Codes are never renumbered or reused; a retired code keeps its entry.
"""

from __future__ import annotations

from shopterms.policy.codes import register
from shopterms.policy.diagnostics import CodeInfo

LD_CODES: tuple[CodeInfo, ...] = (
    CodeInfo(
        code="LD001",
        name="unknown-type",
        severity="error",
        summary="A node's @type is not a type of schema.org (or of the shopterms vocabulary).",
        why="Readers drop nodes whose type they do not know, and everything inside them with it.",
        example='{"@type": "MerchantReturnPolicies"}',
        instead='{"@type": "MerchantReturnPolicy"}',
    ),
    CodeInfo(
        code="LD002",
        name="unknown-property",
        severity="error",
        summary="A property is not defined by schema.org (or by the shopterms vocabulary).",
        why="An unknown property is ignored; the fact it carries never reaches search engines or agents.",
        example='{"@type": "MerchantReturnPolicy", "returnDays": 30}',
        instead='{"@type": "MerchantReturnPolicy", "merchantReturnDays": 30}',
    ),
    CodeInfo(
        code="LD003",
        name="property-not-on-type",
        severity="error",
        summary="A property is used on a type that schema.org does not list it for (subtypes included).",
        why="Readers look for a property where schema.org puts it; elsewhere it is usually not read.",
        example='{"@type": "ShippingService", "returnFees": "FreeReturn"}',
        instead='{"@type": "MerchantReturnPolicy", "returnFees": "FreeReturn"}',
    ),
    CodeInfo(
        code="LD004",
        name="value-out-of-range",
        severity="error",
        summary="A value is not of a type the property expects (wrong datatype, wrong node type, or text "
        "that is not written as a date, time, number or URL).",
        why="A value of the wrong kind cannot be interpreted: '30 days' is not an Integer, "
        "a ContactPoint is not a MerchantReturnPolicy.",
        example='{"@type": "MerchantReturnPolicy", "merchantReturnDays": "30 days"}',
        instead='{"@type": "MerchantReturnPolicy", "merchantReturnDays": 30}',
    ),
    CodeInfo(
        code="LD005",
        name="not-an-enumeration-member",
        severity="error",
        summary="A property that takes an enumeration has a value that is not one of its members.",
        why="Enumeration values are fixed names; anything else, a near miss included, means nothing.",
        example='{"@type": "MerchantReturnPolicy", "returnFees": "ReturnFeesCustomerResponsability"}',
        instead='{"@type": "MerchantReturnPolicy", "returnFees": "ReturnFeesCustomerResponsibility"}',
    ),
    CodeInfo(
        code="LD006",
        name="superseded-term",
        severity="warning",
        summary="A type, property or value has been superseded by another schema.org term.",
        why="Superseded terms still parse, but readers follow the new term and may stop reading the old one.",
        example='{"@type": "OnlineStore", "contactPoints": []}',
        instead='{"@type": "OnlineStore", "contactPoint": []}',
    ),
    CodeInfo(
        code="LD007",
        name="unreadable-jsonld",
        severity="error",
        summary="The document cannot be read as JSON-LD: it is not JSON, it needs a remote context other "
        "than schema.org, or nothing in it has a @context.",
        why="Nothing in a document that cannot be read is checked, or used by anyone.",
        example='{"@type": "OnlineStore", "name": "Nordlicht Mode"}',
        instead='{"@context": "https://schema.org", "@type": "OnlineStore", "name": "Nordlicht Mode"}',
    ),
    CodeInfo(
        code="LD008",
        name="untyped-node",
        severity="warning",
        summary="A node has properties but no @type.",
        why="Without a type a reader cannot tell what the properties describe; Google ignores untyped nodes.",
        example='{"hasMerchantReturnPolicy": {"merchantReturnDays": 30}}',
        instead='{"hasMerchantReturnPolicy": {"@type": "MerchantReturnPolicy", "merchantReturnDays": 30}}',
    ),
)

register(*LD_CODES)
