"""`shopterms init [-o shop.yaml]`: a policy file from a merchant's answers or from the terms they have.

On a terminal it asks the questions that matter, in order, each answer checked as the loader checks
it. `--answers FILE` and `--set KEY=VALUE` answer them without a terminal; `--from SOURCE...` drafts
the file from shop pages, Merchant API, Shopify, WooCommerce, UCP and product-feed exports, with the
source of every fact; on a terminal it then asks for each required fact no source had, and writes a TODO
line for every one still unanswered.

Exit status: 0 the file is written and validates; 1 it is written but still has TODOs or errors;
2 nothing is written (a source or the answers cannot be used, the file exists, wrong usage).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from shopterms.validators.commands.fetch_options import fetch_options

if TYPE_CHECKING:
    from shopterms.validators.fetch.limits import Limits

STDOUT = "-"


@click.command("init")
@click.option(
    "-o", "--output", default="shop.yaml", show_default=True, help="File to write; - for standard output."
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option(
    "--from", "from_sources", is_flag=True, help="Draft from the SOURCE arguments instead of asking."
)
@click.argument("sources", nargs=-1, metavar="[SOURCE]...")
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="YAML file of answers by question key (see docs/init.md); unanswered questions take their defaults.",
)
@click.option(
    "--set", "settings", multiple=True, metavar="KEY=VALUE", help="Answer one question (repeatable)."
)
@click.option("--no-input", is_flag=True, help="Never prompt, even on a terminal.")
@fetch_options
def init_command(
    output: str,
    force: bool,
    from_sources: bool,
    sources: tuple[str, ...],
    answers_file: Path | None,
    settings: tuple[str, ...],
    no_input: bool,
    limits: Limits,
) -> None:
    """Write a policy file: ask on a terminal, take --answers/--set, or draft --from SOURCE... (pages,
    Merchant API, Shopify, WooCommerce, UCP and product-feed exports)."""
    from shopterms.policy.drafting.compose import compose
    from shopterms.policy.drafting.derive import derive
    from shopterms.policy.drafting.draft import Draft
    from shopterms.validators.drafting.interview import AnswerError, Interview
    from shopterms.validators.drafting.output import finish, refuse_existing
    from shopterms.validators.drafting.sources import SourceProblem, read_source

    if sources and not from_sources:
        raise click.UsageError("give --from before the sources to draft from, e.g. init --from shop.html")
    if from_sources and not sources:
        raise click.UsageError("--from needs at least one SOURCE (a page address or an export file)")
    refuse_existing(output, force)
    given = _given(answers_file, settings)
    draft = Draft()
    if from_sources:
        parts = []
        for source in sources:
            try:
                parts.extend(read_source(source, limits))
            except SourceProblem as problem:
                _fail(f"{problem.source}: {problem.message}")
        if given:
            # The merchant's own answers come first: they win over what a source says.
            try:
                draft.merge(Interview(given=given, only_given=True).run())
            except AnswerError as error:
                _fail(f"answers: {error}")
        for part in parts:
            draft.merge(part)
        derive(draft)
        if not no_input and sys.stdin.isatty():
            _complete(draft)
    else:
        interactive = not no_input and not given and sys.stdin.isatty()
        if not interactive and not given:
            _fail(
                "init asks its questions on a terminal, and there is none here (or --no-input was given); "
                "answer them with --answers FILE or --set KEY=VALUE, or draft with --from SOURCE"
            )
        try:
            draft.merge(_interview(given, interactive))
        except AnswerError as error:
            _fail(f"answers: {error}")
    composed = compose(draft, "shop.yaml" if output == STDOUT else output, comments=True)
    raise SystemExit(finish(composed, draft, output, force))


def _interview(given: dict[str, Any], interactive: bool) -> Any:
    from shopterms.validators.drafting import terminal
    from shopterms.validators.drafting.interview import Interview

    if interactive:
        click.echo(
            "Answer each question; Enter takes the default in [brackets]. Ctrl-C stops without writing.",
            err=True,
        )
        return Interview(ask=terminal.ask, confirm=terminal.confirm, announce=terminal.announce).run()
    return Interview(given=given).run()


def _complete(draft: Any) -> None:
    """On a terminal, ask for the required facts no source had (the interview's questions and checks)."""
    from shopterms.validators.drafting import terminal
    from shopterms.validators.drafting.completion import complete

    complete(
        draft,
        lambda question, default, check: terminal.ask(question, default, check, leave_todo=True),
        lambda text: click.echo(text, err=True),
    )


def _given(answers_file: Path | None, settings: tuple[str, ...]) -> dict[str, Any]:
    from shopterms.validators.drafting.answers import AnswersError, read_answers, read_settings

    try:
        given = read_answers(answers_file) if answers_file else {}
        given.update(read_settings(settings))
    except AnswersError as error:
        _fail(str(error))
    return given


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    raise SystemExit(2)
