"""The `shopterms` command line. Subcommands live in their own modules and are imported only when run,
so `shopterms validate` never pays for fastapi, mcp, rdflib or extruct."""

from __future__ import annotations

import importlib

import click

# name → "module:function"; each module defines one click command.
COMMAND_PATHS_BY_NAME: dict[str, str] = {
    "build": "shopterms.validators.commands.build:build_command",
    "check": "shopterms.validators.commands.check:check_command",
    "compare": "shopterms.validators.commands.compare:compare_command",
    "deadline": "shopterms.validators.commands.deadline:deadline_command",
    "diff": "shopterms.validators.commands.diff:diff_command",
    "estimate": "shopterms.validators.commands.estimate:estimate_command",
    "evidence": "shopterms.validators.commands.evidence:evidence_command",
    "explain": "shopterms.validators.commands.explain:explain_command",
    "init": "shopterms.validators.commands.init:init_command",
    "export": "shopterms.validators.commands.export:export_command",
    "history": "shopterms.validators.commands.history:history_command",
    "keys": "shopterms.validators.commands.keys:keys_command",
    "mcp": "shopterms.validators.commands.mcp_stdio:mcp_command",
    "normalize": "shopterms.validators.commands.normalize:normalize_command",
    "publish": "shopterms.validators.commands.publish:publish_command",
    "schema": "shopterms.validators.commands.schema:schema_command",
    "serve": "shopterms.validators.commands.serve:serve_command",
    "score": "shopterms.validators.commands.score:score_command",
    "store": "shopterms.validators.commands.store:store_command",
    "validate": "shopterms.validators.commands.validate:validate_command",
    "verify": "shopterms.validators.commands.verify:verify_command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_PATHS_BY_NAME)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        path = COMMAND_PATHS_BY_NAME.get(cmd_name)
        if path is None:
            return None
        module_name, _, attribute = path.partition(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="shopterms")
def main() -> None:
    """Make a shop's post-purchase terms machine-readable: validate, build, serve."""
