"""Exporting a policy to the formats shopping platforms and agents already read (re-exports only)."""

from policy.export.facts import Facts
from policy.export.loss import ExportError, Loss, LossyExport
from policy.export.reading import read_facts
from policy.export.registry import EXPORTERS_BY_NAME
from policy.export.target import Export, Target, export

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
