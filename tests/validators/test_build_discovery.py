"""`shopterms build` writes llms.txt, the API catalog and the UCP profile for static hosting."""

from __future__ import annotations

import json

from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.discovery_files import CATALOG_FILE, LLMS_FILE, UCP_FILE, discovery_files
from shopterms.policy.loader import read_policy
from tests.conftest import EXAMPLES_DIR

POLICY = read_policy(EXAMPLES_DIR / "nordlicht-mode.yaml")


def test_the_build_writes_three_discovery_files_for_the_shop_origin() -> None:
    files = discovery_files(BuildInput(POLICY, "nordlicht-mode.yaml"))
    assert sorted(files) == sorted([LLMS_FILE, CATALOG_FILE, UCP_FILE])
    catalog = json.loads(files[CATALOG_FILE])["linkset"]
    assert catalog[0]["anchor"] == "https://nordlicht-mode.example/.well-known/api-catalog"
    assert catalog[1]["describedby"][0]["href"] == "https://nordlicht-mode.example/policy.jsonld"


def test_static_llms_txt_links_the_built_files_not_the_api() -> None:
    text = discovery_files(BuildInput(POLICY, "nordlicht-mode.yaml"))[LLMS_FILE].decode("utf-8")
    assert "## Files" in text
    assert "(https://nordlicht-mode.example/index.html)" in text
    assert "/shipping?country=" not in text


def test_the_static_ucp_profile_links_the_policies_and_names_the_mcp_endpoint_of_the_server_card() -> None:
    profile = json.loads(discovery_files(BuildInput(POLICY, "nordlicht-mode.yaml"))[UCP_FILE])
    (binding,) = profile["ucp"]["services"]["dev.shopterms.terms"]
    assert binding["transport"] == "mcp"
    assert binding["endpoint"] == "https://nordlicht-mode.example/mcp/"
    types = [link["type"] for link in binding["config"]["links"]]
    assert types[:2] == ["shipping_policy", "refund_policy"]
