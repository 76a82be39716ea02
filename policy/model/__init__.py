"""The policy model: re-exports only."""

from shopterms.policy.model.common import DateRange, DayRange, Destination
from shopterms.policy.model.legal import Legal
from shopterms.policy.model.payment import Payment
from shopterms.policy.model.policy import SCHEMA_VERSION, Policy
from shopterms.policy.model.returns import Returns, Terms
from shopterms.policy.model.shipping import Handling, RateRule, Service, Shipping
from shopterms.policy.model.shop import Address, Shop
from shopterms.policy.model.support import Support, SupportChannel

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
