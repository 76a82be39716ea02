"""`shopterms evidence ingest|report|simulate`: measured delivery and refund performance.

    shopterms evidence ingest orders.csv --shop nordlicht-mode --map shopify
    shopterms evidence report nordlicht-mode            # figures, a table, and an HTML report
    shopterms evidence simulate shop.yaml --parcels 100000 -o export.csv

Each subcommand lives in its own module and imports the store only when it runs.
"""

from __future__ import annotations

import click

from shopterms.validators.commands.evidence_ingest import ingest_command
from shopterms.validators.commands.evidence_report import report_command
from shopterms.validators.commands.evidence_simulate import simulate_command


@click.group("evidence", context_settings={"help_option_names": ["-h", "--help"]})
def evidence_command() -> None:
    """Measure whether the shop keeps its delivery and refund promises, from its own records."""


evidence_command.add_command(ingest_command)
evidence_command.add_command(report_command)
evidence_command.add_command(simulate_command)
