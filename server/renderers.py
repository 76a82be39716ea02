"""The documents the server shares with `shopterms build`: the JSON-LD and the human terms pages.

Both come from the build's own writers, so a served page and a built page are the same bytes.
"""

from __future__ import annotations

from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.terms_page.page import terms_page_files
from shopterms.policy.jsonld import compile_policy, dumps
from shopterms.policy.model import Policy


def render_jsonld(policy: Policy) -> str:
    return dumps(compile_policy(policy))


def render_terms_pages(policy: Policy, source_file: str) -> dict[str, str]:
    """index.html in the shop's primary language, and index.<lang>.html for each further language."""
    files = terms_page_files(BuildInput(policy, source_file))
    return {name: data.decode("utf-8") for name, data in files.items()}
