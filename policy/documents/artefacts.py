"""The files `shopterms build` writes, as a registry of artefact writers.

A writer takes the BuildInput and returns {relative file name: bytes}; it writes nothing itself, so
the build can check every file before any reaches the output directory. Writers are named by
"module:function" and imported only when a build runs, so adding one is a single line here and its
imports cost nothing to other commands.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from shopterms.policy.evidence.figures import DeliveryPerformance
from shopterms.policy.jsonld import compile_offer_shipping_details, compile_policy
from shopterms.policy.jsonld.performance import with_performance
from shopterms.policy.model import Policy

ARTEFACTS_BY_NAME: dict[str, str] = {
    "jsonld": "shopterms.policy.documents.jsonld_files:jsonld_files",
    "terms-page": "shopterms.policy.documents.terms_page.page:terms_page_files",
    "mcp-discovery": "shopterms.policy.documents.mcp_files:mcp_files",
    "discovery": "shopterms.policy.documents.discovery_files:discovery_files",
}

ArtefactWriter = Callable[["BuildInput"], Mapping[str, bytes]]


@dataclass(frozen=True)
class BuildInput:
    """What every writer may use; the compiled documents are made once and shared."""

    policy: Policy
    source_file: str
    performance: DeliveryPerformance | None = None
    """Measured figures to publish beside the terms (the JSON-LD and the terms page), if any."""

    @cached_property
    def document(self) -> dict[str, Any]:
        return with_performance(compile_policy(self.policy), self.policy, self.performance)

    @cached_property
    def offer_document(self) -> dict[str, Any]:
        return compile_offer_shipping_details(self.policy)


class ArtefactError(Exception):
    """A writer failed or two writers claimed one file name."""


def load_writer(name: str) -> ArtefactWriter:
    module_name, _, attribute = ARTEFACTS_BY_NAME[name].partition(":")
    writer: ArtefactWriter = getattr(importlib.import_module(module_name), attribute)
    return writer


def render_artefacts(build: BuildInput, names: list[str] | None = None) -> dict[str, bytes]:
    """Every file of the named artefacts (default: all), keyed by relative path."""
    files: dict[str, bytes] = {}
    owners: dict[str, str] = {}
    for name in names or list(ARTEFACTS_BY_NAME):
        try:
            produced = load_writer(name)(build)
        except Exception as error:  # a writer's fault must reach the user as a message, not a traceback
            raise ArtefactError(
                f"the {name} artefact could not be written: {type(error).__name__}: {error}"
            ) from error
        for path, data in produced.items():
            if path in owners:
                raise ArtefactError(f"the {name} and {owners[path]} artefacts both write {path}")
            owners[path] = name
            files[path] = data
    return files
