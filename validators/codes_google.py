"""Catalogue entries for Google's structured-data rules (GOOG###), registered on import, and the map from
the shapes in schemas/google-shapes.ttl to these codes.

Codes are never renumbered or reused; a retired code keeps its entry. Several shapes may share a code
when they enforce one rule in different places (handling and transit times, for example).
"""

from __future__ import annotations

from shopterms.policy.codes import register
from shopterms.policy.diagnostics import CodeInfo
from shopterms.validators.codes_google_recommended import (
    GOOG_RECOMMENDED_CODE_BY_SHAPE,
    GOOG_RECOMMENDED_CODES,
    code_info,
)

SHAPES_NAMESPACE = "https://shopterms.org/shapes/google#"


_code = code_info


_RETURNS_WHY = "Google shows return terms in Search only from policies that follow its return-policy rules."
_SHIPPING_WHY = "Google shows shipping cost and speed only from markup that follows its shipping rules."

GOOG_CODES: tuple[CodeInfo, ...] = (
    _code(
        "GOOG001",
        "return-policy-incomplete",
        "A MerchantReturnPolicy has neither applicableCountry with returnPolicyCategory "
        "nor merchantReturnLink.",
        _RETURNS_WHY,
        '{"@type": "MerchantReturnPolicy", "merchantReturnDays": 30}',
        '{"@type": "MerchantReturnPolicy", "applicableCountry": "DE", "returnPolicyCategory": '
        '"MerchantReturnFiniteReturnWindow", "merchantReturnDays": 30}',
    ),
    _code(
        "GOOG002",
        "return-country-code",
        "applicableCountry (or returnPolicyCountry) is not a two-letter ISO 3166-1 country code.",
        "Google matches the policy to shoppers by country code; names, 'UK' or 'EU' match nobody.",
        '{"applicableCountry": "UK"}',
        '{"applicableCountry": "GB"}',
    ),
    _code(
        "GOOG003",
        "return-country-limit",
        "A return policy lists more than 50 countries in applicableCountry.",
        "Google reads at most 50 countries per policy.",
        '{"applicableCountry": ["AD", "AE", "…51 codes"]}',
        "Two MerchantReturnPolicy nodes, each with at most 50 countries.",
    ),
    _code(
        "GOOG004",
        "return-days-missing",
        "returnPolicyCategory is MerchantReturnFiniteReturnWindow but merchantReturnDays is missing.",
        "A finite window without its length tells the shopper nothing.",
        '{"returnPolicyCategory": "MerchantReturnFiniteReturnWindow"}',
        '{"returnPolicyCategory": "MerchantReturnFiniteReturnWindow", "merchantReturnDays": 30}',
    ),
    _code(
        "GOOG005",
        "return-fees-unsupported",
        "returnFees is not FreeReturn, ReturnFeesCustomerResponsibility or ReturnShippingFees.",
        _RETURNS_WHY,
        '{"returnFees": "RestockingFees"}',
        '{"returnFees": "ReturnShippingFees"}',
    ),
    _code(
        "GOOG006",
        "return-shipping-amount-without-fees",
        "returnShippingFeesAmount is given but returnFees is not ReturnShippingFees.",
        "Google reads the amount only as the cost of ReturnShippingFees; otherwise the two contradict.",
        '{"returnFees": "FreeReturn", "returnShippingFeesAmount": {"value": 6.95, "currency": "EUR"}}',
        '{"returnFees": "ReturnShippingFees", '
        '"returnShippingFeesAmount": {"value": 6.95, "currency": "EUR"}}',
    ),
    _code(
        "GOOG007",
        "return-method-unsupported",
        "returnMethod is not ReturnByMail, ReturnInStore or ReturnAtKiosk.",
        _RETURNS_WHY,
        '{"returnMethod": "KeepProduct"}',
        '{"returnMethod": "ReturnByMail"}',
    ),
    _code(
        "GOOG008",
        "return-category-unsupported",
        "returnPolicyCategory is not MerchantReturnFiniteReturnWindow, MerchantReturnNotPermitted or "
        "MerchantReturnUnlimitedWindow, or is given more than once.",
        _RETURNS_WHY,
        '{"returnPolicyCategory": "MerchantReturnUnspecified"}',
        '{"returnPolicyCategory": "MerchantReturnUnlimitedWindow"}',
    ),
    _code(
        "GOOG010",
        "shipping-conditions-missing",
        "A ShippingService has no shippingConditions.",
        "The conditions carry destinations, rates and transit times; a service without them says nothing.",
        '{"@type": "ShippingService", "name": "Standard"}',
        '{"@type": "ShippingService", "shippingConditions": {"@type": "ShippingConditions", '
        '"shippingDestination": {"@type": "DefinedRegion", "addressCountry": "DE"}, '
        '"shippingRate": {"@type": "MonetaryAmount", "value": 4.95, "currency": "EUR"}}}',
    ),
    _code(
        "GOOG011",
        "shipping-time-kind",
        "A shipping handlingTime or transitTime is neither a ServicePeriod nor a QuantitativeValue.",
        _SHIPPING_WHY,
        '{"handlingTime": "1-2 days"}',
        '{"handlingTime": {"@type": "ServicePeriod", "duration": {"@type": "QuantitativeValue", '
        '"minValue": 1, "maxValue": 2, "unitCode": "DAY"}}}',
    ),
    _code(
        "GOOG012",
        "shipping-days-unit",
        "A handling or transit time is not counted in days (unitCode DAY or d).",
        "Google reads shipping times only as whole days.",
        '{"@type": "QuantitativeValue", "maxValue": 48, "unitCode": "HUR"}',
        '{"@type": "QuantitativeValue", "maxValue": 2, "unitCode": "DAY"}',
    ),
    _code(
        "GOOG013",
        "shipping-days-bound",
        "A handling or transit time has neither value nor maxValue.",
        _SHIPPING_WHY,
        '{"@type": "QuantitativeValue", "minValue": 1, "unitCode": "DAY"}',
        '{"@type": "QuantitativeValue", "minValue": 1, "maxValue": 3, "unitCode": "DAY"}',
    ),
    _code(
        "GOOG014",
        "shipping-days-whole",
        "A handling or transit time is not a whole number of days.",
        "Google reads shipping times only as whole days.",
        '{"maxValue": 1.5, "unitCode": "DAY"}',
        '{"maxValue": 2, "unitCode": "DAY"}',
    ),
    _code(
        "GOOG015",
        "cutoff-time-offset",
        "cutoffTime has no UTC offset (or is not a time).",
        "Without the offset the cut-off is ambiguous for shoppers and for Google.",
        '{"cutoffTime": "14:00"}',
        '{"cutoffTime": "14:00:00+01:00"}',
    ),
    _code(
        "GOOG016",
        "cutoff-time-on-transit",
        "cutoffTime is given on a transitTime.",
        "Google reads the order cut-off only as part of the handling time.",
        '{"transitTime": {"@type": "ServicePeriod", "cutoffTime": "14:00:00+01:00"}}',
        '{"handlingTime": {"@type": "ServicePeriod", "cutoffTime": "14:00:00+01:00"}}',
        severity="warning",
    ),
    _code(
        "GOOG017",
        "fulfillment-type-unsupported",
        "fulfillmentType is not FulfillmentTypeDelivery or FulfillmentTypeCollectionPoint.",
        _SHIPPING_WHY,
        '{"fulfillmentType": "FulfillmentTypePickupInStore"}',
        '{"fulfillmentType": "FulfillmentTypeCollectionPoint"}',
    ),
    _code(
        "GOOG018",
        "member-only-shipping",
        "Every shipping service of the organization is limited by validForMemberTier.",
        "Google needs at least one service open to every shopper before it reads member-only ones.",
        "Only a members' service.",
        "A standard service for everyone, and the members' service besides.",
    ),
    _code(
        "GOOG020",
        "shipping-destination-kind",
        "A shippingDestination is not a DefinedRegion.",
        _SHIPPING_WHY,
        '{"shippingDestination": "Germany"}',
        '{"shippingDestination": {"@type": "DefinedRegion", "addressCountry": "DE"}}',
    ),
    _code(
        "GOOG021",
        "destination-country",
        "A shipping destination lacks addressCountry, has several, or it is not an ISO 3166-1 alpha-2 code.",
        "Google matches destinations by country code.",
        '{"@type": "DefinedRegion", "addressCountry": "Germany"}',
        '{"@type": "DefinedRegion", "addressCountry": "DE"}',
    ),
    _code(
        "GOOG022",
        "region-and-postal-code",
        "A shipping destination names both regions and postal codes.",
        "Google rejects a destination that combines the two.",
        '{"addressCountry": "US", "addressRegion": "CA", "postalCode": "94043"}',
        '{"addressCountry": "US", "addressRegion": "CA"}',
    ),
    _code(
        "GOOG023",
        "region-country-unsupported",
        "A shipping destination uses addressRegion outside the United States, Australia and Japan.",
        "Google reads regions only for those three countries.",
        '{"addressCountry": "DE", "addressRegion": "HH"}',
        '{"addressCountry": "DE"}',
    ),
    _code(
        "GOOG024",
        "postal-code-country-unsupported",
        "A shipping destination uses postal codes outside the United States, Canada and Australia.",
        "Google reads postal codes only for those three countries.",
        '{"addressCountry": "DE", "postalCode": "20457"}',
        '{"addressCountry": "DE"}',
    ),
    _code(
        "GOOG025",
        "origin-country",
        "A shippingOrigin lacks addressCountry, has several, or it is not an ISO 3166-1 alpha-2 code.",
        "Google reads where a shipment starts by its country code.",
        '{"shippingOrigin": {"@type": "DefinedRegion", "addressCountry": "Germany"}}',
        '{"shippingOrigin": {"@type": "DefinedRegion", "addressCountry": "DE"}}',
    ),
    _code(
        "GOOG030",
        "offer-shipping-required",
        "OfferShippingDetails lacks deliveryTime, shippingDestination or shippingRate.",
        _SHIPPING_WHY,
        '{"@type": "OfferShippingDetails", "shippingRate": {"value": 4.95, "currency": "EUR"}}',
        "All three of deliveryTime, shippingDestination and shippingRate.",
    ),
    _code(
        "GOOG031",
        "offer-shipping-one-rate",
        "OfferShippingDetails has more than one shippingRate.",
        "Google reads one rate per OfferShippingDetails; extra rates are ambiguous.",
        '{"shippingRate": [{"value": 4.95}, {"value": 9.95}]}',
        "One OfferShippingDetails per rate.",
    ),
    _code(
        "GOOG032",
        "currency-code",
        "A currency is missing from a shipping rate or is not a three-letter ISO 4217 code.",
        "An amount without its currency cannot be shown.",
        '{"value": 4.95, "currency": "€"}',
        '{"value": 4.95, "currency": "EUR"}',
    ),
    _code(
        "GOOG033",
        "offer-rate-amount",
        "A shippingRate has neither value nor maxValue.",
        _SHIPPING_WHY,
        '{"shippingRate": {"currency": "EUR"}}',
        '{"shippingRate": {"value": 4.95, "currency": "EUR"}}',
    ),
    _code(
        "GOOG036",
        "amount-without-currency",
        "A MonetaryAmount (a rate, a fee, a threshold) has no currency.",
        "Google shows no amount it cannot put a currency to, and drops the fact from the listing.",
        '{"returnShippingFeesAmount": {"@type": "MonetaryAmount", "value": 6.95}}',
        '{"returnShippingFeesAmount": {"@type": "MonetaryAmount", "value": 6.95, "currency": "EUR"}}',
    ),
    _code(
        "GOOG037",
        "amount-without-value",
        "A MonetaryAmount has no amount: neither value nor minValue or maxValue.",
        "A currency alone says nothing about the price; Google needs the number.",
        '{"@type": "MonetaryAmount", "currency": "EUR"}',
        '{"@type": "MonetaryAmount", "value": 6.95, "currency": "EUR"}',
    ),
    _code(
        "GOOG034",
        "offer-shipping-one-delivery-time",
        "OfferShippingDetails has more than one deliveryTime.",
        "Google reads one delivery time per OfferShippingDetails.",
        "Two deliveryTime values.",
        "One OfferShippingDetails per delivery time.",
    ),
    _code(
        "GOOG035",
        "offer-days-range",
        "An offer's handlingTime or transitTime lacks minValue or maxValue.",
        "At offer level Google reads shipping times as a range of days.",
        '{"handlingTime": {"@type": "QuantitativeValue", "maxValue": 1, "unitCode": "DAY"}}',
        '{"handlingTime": {"@type": "QuantitativeValue", "minValue": 0, "maxValue": 1, "unitCode": "DAY"}}',
    ),
    _code(
        "GOOG038",
        "service-period-without-duration",
        "A ServicePeriod (a handling or transit time) has no duration.",
        "The duration carries the number of days; a period without it says nothing about speed.",
        '{"handlingTime": {"@type": "ServicePeriod", "cutoffTime": "14:00:00+01:00"}}',
        '{"handlingTime": {"@type": "ServicePeriod", "cutoffTime": "14:00:00+01:00", "duration": '
        '{"@type": "QuantitativeValue", "minValue": 0, "maxValue": 1, "unitCode": "DAY"}}}',
    ),
    *GOOG_RECOMMENDED_CODES,
)

# Shape local name (in SHAPES_NAMESPACE) → code.
GOOG_CODE_BY_SHAPE: dict[str, str] = {
    "ReturnPolicyOption": "GOOG001",
    "ReturnCountryCode": "GOOG002",
    "ReturnPolicyCountryCode": "GOOG002",
    "ReturnCountryLimit": "GOOG003",
    "ReturnFiniteDays": "GOOG004",
    "ReturnFeesSupported": "GOOG005",
    "ReturnShippingFeesAmount": "GOOG006",
    "ReturnMethodSupported": "GOOG007",
    "ReturnCategorySupported": "GOOG008",
    "ServiceConditions": "GOOG010",
    "ServiceHandlingKind": "GOOG011",
    "ConditionsTransitKind": "GOOG011",
    "ServiceHandlingUnit": "GOOG012",
    "ConditionsTransitUnit": "GOOG012",
    "OfferHandlingUnit": "GOOG012",
    "OfferTransitUnit": "GOOG012",
    "ServiceHandlingBound": "GOOG013",
    "ConditionsTransitBound": "GOOG013",
    "ServiceHandlingWhole": "GOOG014",
    "ConditionsTransitWhole": "GOOG014",
    "OfferHandlingWhole": "GOOG014",
    "OfferTransitWhole": "GOOG014",
    "CutoffOffset": "GOOG015",
    "ConditionsCutoffOnTransit": "GOOG016",
    "ServiceFulfillment": "GOOG017",
    "MemberOnlyShipping": "GOOG018",
    "DestinationKind": "GOOG020",
    "DestinationCountry": "GOOG021",
    "DestinationRegionOrPostal": "GOOG022",
    "DestinationRegionCountry": "GOOG023",
    "DestinationPostalCountry": "GOOG024",
    "OfferDeliveryTime": "GOOG030",
    "OfferDestination": "GOOG030",
    "OfferRate": "GOOG030",
    "OfferOneRate": "GOOG031",
    "CurrencyFormat": "GOOG032",
    "OfferRateCurrency": "GOOG032",
    "OfferRateAmount": "GOOG033",
    "OfferOneDeliveryTime": "GOOG034",
    "AmountCurrency": "GOOG036",
    "AmountValue": "GOOG037",
    "OfferHandlingRange": "GOOG035",
    "OfferTransitRange": "GOOG035",
    "OriginCountry": "GOOG025",
    "PeriodDuration": "GOOG038",
    **GOOG_RECOMMENDED_CODE_BY_SHAPE,
}

register(*GOOG_CODES)
