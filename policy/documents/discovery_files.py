"""The discovery files of a build: llms.txt, the RFC 9727 API catalog and the UCP business profile.

A build is static: its documents link the published files, not computed answers. They assume the
files are served at the root of the shop's own origin, the only place /.well-known/ files mean
anything; the MCP endpoint is named where the build's server card puts it (<origin>/mcp/).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from shopterms.policy.documents.api_catalog import api_catalog
from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.llms_text import llms_text
from shopterms.policy.documents.server_card import default_mcp_url
from shopterms.policy.documents.site import Site
from shopterms.policy.documents.ucp_profile import ucp_profile

LLMS_FILE = "llms.txt"
CATALOG_FILE = ".well-known/api-catalog"
UCP_FILE = ".well-known/ucp"


def _json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def static_site(build: BuildInput) -> Site:
    parts = urlsplit(build.policy.shop.url)
    return Site(f"{parts.scheme}://{parts.netloc}", api=False, mcp_url=default_mcp_url(build.policy))


def discovery_files(build: BuildInput) -> dict[str, bytes]:
    site = static_site(build)
    return {
        LLMS_FILE: llms_text(build.policy, site).encode("utf-8"),
        CATALOG_FILE: _json(api_catalog([site], site.url("/" + CATALOG_FILE))),
        UCP_FILE: _json(ucp_profile(build.policy, site)),
    }
