"""schema.org JSON-LD from a policy: re-exports only."""

from shopterms.policy.jsonld.document import compile_offer_shipping_details, compile_policy, dumps
from shopterms.policy.jsonld.vocabulary import CONTEXT, SHOPTERMS_NS

__all__ = ["CONTEXT", "SHOPTERMS_NS", "compile_offer_shipping_details", "compile_policy", "dumps"]
