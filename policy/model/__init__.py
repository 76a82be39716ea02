"""The policy model: re-exports only."""

from policy.model.common import DateRange, DayRange, Destination
from policy.model.legal import Legal
from policy.model.payment import Payment
from policy.model.policy import SCHEMA_VERSION, Policy
from policy.model.returns import Returns, Terms
from policy.model.shipping import Handling, RateRule, Service, Shipping
from policy.model.shop import Address, Shop
from policy.model.support import Support, SupportChannel

__all__ = [
    "SCHEMA_VERSION",
    "Address",
    "DateRange",
    "DayRange",
    "Destination",
    "Handling",
    "Legal",
    "Payment",
    "Policy",
    "RateRule",
    "Returns",
    "Service",
    "Shipping",
    "Shop",
    "Support",
    "SupportChannel",
    "Terms",
]
