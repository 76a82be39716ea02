"""Answers to the questions a shopping agent asks about a shop's terms; re-exports only.

Each function takes a loaded policy and returns a pydantic model. The HTTP API and the MCP server both
call these functions, so both give the same answer in the same shape.
"""

from shopterms.policy.answers.dates import DeliveryEstimates, deadline_for_return, delivery_estimates
from shopterms.policy.answers.payment import PaymentTerms, payment_terms
from shopterms.policy.answers.returns import ReturnTerms, return_terms
from shopterms.policy.answers.shipping import ShippingOptions, shipping_options
from shopterms.policy.answers.summary import PolicySummary, policy_summary
from shopterms.policy.answers.support import SupportContacts, support_contacts
from shopterms.policy.answers.values import NotPublishedError

__all__ = [
    "DeliveryEstimates",
    "NotPublishedError",
    "PaymentTerms",
    "PolicySummary",
    "ReturnTerms",
    "ShippingOptions",
    "SupportContacts",
    "deadline_for_return",
    "delivery_estimates",
    "payment_terms",
    "policy_summary",
    "return_terms",
    "shipping_options",
    "support_contacts",
]
