"""The API keeps the promises of its own OpenAPI document, checked by schemathesis against the app.

Both layouts are checked: one shop at the root, and a directory of shops (examples/) under /shops/{shop_id}.
"""

from __future__ import annotations

import schemathesis
from schemathesis.config import SchemathesisConfig

from shopterms.server.http_app import create_app
from shopterms.server.state import open_registry
from tests.conftest import EXAMPLES_DIR
from tests.server.http_harness import EXAMPLE

# Every check, with schemathesis' own expectations: a request of the documented form is never refused
# (a country the shop does not serve is a 404, not-covered), one outside it is always refused.
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"enabled": True}, "generation": {"max-examples": 40, "deterministic": True}}
)


single = schemathesis.openapi.from_asgi("/openapi.json", create_app(open_registry(EXAMPLE)), config=CONFIG)
many = schemathesis.openapi.from_asgi("/openapi.json", create_app(open_registry(EXAMPLES_DIR)), config=CONFIG)


@single.parametrize()
def test_one_shop_conforms_to_its_openapi_document(case: schemathesis.Case) -> None:
    case.call_and_validate()


@many.parametrize()
def test_many_shops_conform_to_their_openapi_document(case: schemathesis.Case) -> None:
    case.call_and_validate()
