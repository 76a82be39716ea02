"""Exporting a policy to the formats shopping platforms and agents already read (re-exports only)."""

from shopterms.policy.export.facts import Facts
from shopterms.policy.export.loss import ExportError, Loss, LossyExport
from shopterms.policy.export.reading import read_facts
from shopterms.policy.export.registry import EXPORTERS_BY_NAME
from shopterms.policy.export.target import Export, Target, export

__all__ = [
    "EXPORTERS_BY_NAME",
    "Export",
    "ExportError",
    "Facts",
    "Loss",
    "LossyExport",
    "Target",
    "export",
    "read_facts",
]
