"""Catalogue entries for the properties Google's structured-data documentation recommends (GOOG04x),
reported as warnings, and the map from their shapes in schemas/google-shapes.ttl to these codes.

Google marks each property of ShippingService, ShippingConditions, ServicePeriod, OfferShippingDetails
and MerchantReturnPolicy as required or recommended; a missing required one is an error elsewhere in
the GOOG catalogue, a missing recommended one is one of these warnings. docs/jsonld-checks.md maps every
rule to its code.
"""

from __future__ import annotations

from shopterms.policy.diagnostics import CodeInfo, Severity


def code_info(
    code: str, name: str, summary: str, why: str, example: str, instead: str, severity: Severity = "error"
) -> CodeInfo:
    return CodeInfo(code, name, severity, summary, why, example, instead)


_SHOWN_WHY = "Google's pages recommend the property; without it Search shows the shopper less of the terms."

GOOG_RECOMMENDED_CODES: tuple[CodeInfo, ...] = (
    code_info(
        "GOOG040",
        "shipping-service-recommended",
        "A ShippingService lacks a property Google recommends: name, fulfillmentType or handlingTime.",
        _SHOWN_WHY,
        '{"@type": "ShippingService", "shippingConditions": {"@type": "ShippingConditions"}}',
        '{"@type": "ShippingService", "name": "Standard", "fulfillmentType": "FulfillmentTypeDelivery", '
        '"handlingTime": {"@type": "ServicePeriod", "duration": {"@type": "QuantitativeValue", '
        '"maxValue": 1, "unitCode": "DAY"}}}',
        severity="warning",
    ),
    code_info(
        "GOOG041",
        "shipping-conditions-recommended",
        "ShippingConditions lack a property Google recommends: shippingDestination, and (unless "
        "doesNotShip is true) shippingRate and transitTime.",
        "Without destination, rate and transit time Google cannot say what shipping costs or how long it "
        "takes.",
        '{"@type": "ShippingConditions", "shippingRate": {"@type": "MonetaryAmount", "value": 4.95, '
        '"currency": "EUR"}}',
        '{"@type": "ShippingConditions", "shippingDestination": {"@type": "DefinedRegion", '
        '"addressCountry": "DE"}, "shippingRate": {"@type": "MonetaryAmount", "value": 4.95, '
        '"currency": "EUR"}, "transitTime": {"@type": "ServicePeriod", "duration": '
        '{"@type": "QuantitativeValue", "minValue": 1, "maxValue": 2, "unitCode": "DAY"}}}',
        severity="warning",
    ),
    code_info(
        "GOOG042",
        "service-period-recommended",
        "A ServicePeriod lacks businessDays, or a handling time lacks cutoffTime.",
        "Business days and the cut-off decide which calendar days the handling and transit days fall on.",
        '{"handlingTime": {"@type": "ServicePeriod", "duration": {"@type": "QuantitativeValue", '
        '"maxValue": 1, "unitCode": "DAY"}}}',
        '{"handlingTime": {"@type": "ServicePeriod", "businessDays": ["Monday", "Tuesday", "Wednesday", '
        '"Thursday", "Friday"], "cutoffTime": "14:00:00+01:00", "duration": {"@type": '
        '"QuantitativeValue", "maxValue": 1, "unitCode": "DAY"}}}',
        severity="warning",
    ),
    code_info(
        "GOOG043",
        "return-policy-recommended",
        "A return policy that takes returns lacks a property Google recommends: returnFees, returnMethod, "
        "returnPolicyCountry or refundType, or returnShippingFeesAmount with ReturnShippingFees.",
        _SHOWN_WHY,
        '{"@type": "MerchantReturnPolicy", "applicableCountry": "DE", "returnPolicyCategory": '
        '"MerchantReturnFiniteReturnWindow", "merchantReturnDays": 30}',
        '{"@type": "MerchantReturnPolicy", "applicableCountry": "DE", "returnPolicyCountry": "DE", '
        '"returnPolicyCategory": "MerchantReturnFiniteReturnWindow", "merchantReturnDays": 30, '
        '"returnFees": "FreeReturn", "returnMethod": "ReturnByMail", "refundType": "FullRefund"}',
        severity="warning",
    ),
    code_info(
        "GOOG044",
        "offer-delivery-time-recommended",
        "An offer's deliveryTime lacks handlingTime or transitTime.",
        "Google adds the two to show a delivery date; with one missing it shows none.",
        '{"deliveryTime": {"@type": "ShippingDeliveryTime", "transitTime": {"@type": '
        '"QuantitativeValue", "minValue": 1, "maxValue": 2, "unitCode": "DAY"}}}',
        '{"deliveryTime": {"@type": "ShippingDeliveryTime", "handlingTime": {"@type": '
        '"QuantitativeValue", "minValue": 0, "maxValue": 1, "unitCode": "DAY"}, "transitTime": '
        '{"@type": "QuantitativeValue", "minValue": 1, "maxValue": 2, "unitCode": "DAY"}}}',
        severity="warning",
    ),
)

# Shape local name (in schemas/google-shapes.ttl) → code.
GOOG_RECOMMENDED_CODE_BY_SHAPE: dict[str, str] = {
    "ServiceNameGiven": "GOOG040",
    "ServiceFulfillmentGiven": "GOOG040",
    "ServiceHandlingGiven": "GOOG040",
    "ConditionsDestinationGiven": "GOOG041",
    "ConditionsRateGiven": "GOOG041",
    "ConditionsTransitGiven": "GOOG041",
    "PeriodBusinessDays": "GOOG042",
    "HandlingCutoffGiven": "GOOG042",
    "ReturnFeesGiven": "GOOG043",
    "ReturnMethodGiven": "GOOG043",
    "ReturnPolicyCountryGiven": "GOOG043",
    "ReturnRefundTypeGiven": "GOOG043",
    "ReturnShippingFeesAmountGiven": "GOOG043",
    "OfferHandlingGiven": "GOOG044",
    "OfferTransitGiven": "GOOG044",
}
