"""Every command of the CLI run in-process on a valid policy file: none may end in a traceback.

`COMMAND_RECIPES` says how each command is asked about one file and which exit statuses are answers
(2 is a refused argument, e.g. a destination only reachable with a postal code). Commands that take no
policy file are listed in `NOT_ABOUT_ONE_FILE` with the reason; a test holds the two lists to the CLI's
own list of commands, so a new command joins the stage or says why not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from shopterms.policy.model import Policy
from shopterms.validators.cli import main
from tests.fuzz.questions import DAYS, MOMENTS, countries, destinations

Invocation = tuple[list[str], frozenset[int]]
ANSWERS = frozenset({0})
OR_REFUSED = frozenset({0, 2})


@dataclass(frozen=True)
class Asked:
    """What a recipe needs: the file, the policy in it, a scratch folder, which turn this is, and how
    much to ask: every command for every file (`all_commands`, the long bench) or the costly ones in
    turn (the test run); every destination, moment and day (`all_values`) or one of each in turn."""

    path: Path
    policy: Policy
    work: Path
    turn: int
    all_commands: bool
    all_values: bool = False

    def some(self, values: list[str], count: int = 1) -> list[str]:
        if self.all_values or len(values) <= count:
            return values
        start = self.turn % len(values)
        return [values[(start + i) % len(values)] for i in range(count)]

    def every(self, period: int) -> bool:
        """Whether a costly command runs for this input (always with `all_commands`)."""
        return self.all_commands or self.turn % period == 0


def _validate(asked: Asked) -> list[Invocation]:
    return [(["validate", str(asked.path)], ANSWERS)] if asked.every(3) else []


def _normalize(asked: Asked) -> list[Invocation]:
    return [(["normalize", str(asked.path)], ANSWERS)] if asked.every(2) else []


def _build(asked: Asked) -> list[Invocation]:
    if not asked.every(5):
        return []
    return [(["build", str(asked.path), "-o", str(asked.work / "site")], ANSWERS)]


def _check(asked: Asked) -> list[Invocation]:
    # The terms page build wrote, checked against its own policy: it must agree with it.
    if not asked.every(25):
        return []
    site = asked.work / "site"
    built = [] if (site / "index.html").exists() else [(["build", str(asked.path), "-o", str(site)], ANSWERS)]
    return [*built, (["check", str(site / "index.html"), "--policy", str(asked.path)], ANSWERS)]


def _export(asked: Asked) -> list[Invocation]:
    targets = asked.some(["google", "ucp", "openai-feed"])
    # With --allow-lossy a target still refuses what it needs and the file lacks (the OpenAI feed needs
    # a return policy page): exit 1 with the reason, an answer.
    refusable = frozenset({0, 1})
    return [(["export", "--to", target, str(asked.path), "--allow-lossy"], refusable) for target in targets]


def _estimate(asked: Asked) -> list[Invocation]:
    return [
        (["estimate", str(asked.path), "--to", place, "--at", moment, "--format", "json"], OR_REFUSED)
        for place in asked.some(destinations(asked.policy))
        for moment in asked.some(MOMENTS, 1)
    ]


def _deadline(asked: Asked) -> list[Invocation]:
    return [
        (
            ["deadline", str(asked.path), "--country", country, "--delivered", day, "--ordered", day],
            OR_REFUSED,
        )
        for country in asked.some(countries(asked.policy))
        for day in asked.some(DAYS, 1)
    ]


def _score(asked: Asked) -> list[Invocation]:
    return [(["score", str(asked.path)], ANSWERS)] if asked.every(2) else []


def _compare(asked: Asked) -> list[Invocation]:
    if not asked.every(4):
        return []
    return [
        (["compare", str(asked.path), "--to", place], OR_REFUSED)
        for place in asked.some(destinations(asked.policy), 1)
    ]


def _diff(asked: Asked) -> list[Invocation]:
    example = Path(__file__).resolve().parents[2] / "examples" / "nordlicht-mode.yaml"
    # Like diff(1): 0 when nothing changed, 1 when something did.
    return [(["diff", str(example), str(asked.path)], frozenset({0, 1}))] if asked.every(4) else []


def _publish(asked: Asked) -> list[Invocation]:
    if not asked.every(8):
        return []
    # One store for the batch (its schema is created once); each file publishes as a shop of its own.
    store = f"sqlite:///{asked.work.parent / 'store.db'}"
    shop = asked.path.stem
    return [
        (["publish", str(asked.path), "--store", store, "--shop", shop], ANSWERS),
        (["history", shop, "--store", store], ANSWERS),
    ]


def _evidence(asked: Asked) -> list[Invocation]:
    if not asked.every(10):
        return []
    output = str(asked.work / "parcels.csv")
    return [
        (
            [
                "evidence",
                "simulate",
                str(asked.path),
                "--parcels",
                "40",
                "--until",
                "2026-06-30",
                "-o",
                output,
            ],
            ANSWERS,
        )
    ]


COMMAND_RECIPES: dict[str, Callable[[Asked], list[Invocation]]] = {
    "validate": _validate,
    "normalize": _normalize,
    "build": _build,
    "check": _check,
    "export": _export,
    "estimate": _estimate,
    "deadline": _deadline,
    "score": _score,
    "compare": _compare,
    "diff": _diff,
    "publish": _publish,
    "history": _publish,
    "evidence": _evidence,
}
NOT_ABOUT_ONE_FILE: dict[str, str] = {
    "serve": "runs the HTTP API: its endpoints are asked in-process by the HTTP stage",
    "mcp": "runs the MCP server over stdio: its tools are called in-process by the MCP stage",
    "explain": "prints the catalogue entry of a code; takes no policy",
    "schema": "prints the JSON Schema; takes no policy",
    "init": "an interview that writes a new file; takes no policy",
    "keys": "creates a signing key; takes no policy",
    "store": "creates and inspects a store; takes no policy",
    "verify": "checks signed versions from a store or a server; takes no policy file",
}


def cli_calls(asked: Asked) -> list[Invocation]:
    seen: set[tuple[str, ...]] = set()
    calls = []
    for recipe in dict.fromkeys(COMMAND_RECIPES.values()):
        for arguments, allowed in recipe(asked):
            if tuple(arguments) not in seen:
                seen.add(tuple(arguments))
                calls.append((arguments, allowed))
    return calls


def run_cli(asked: Asked) -> tuple[int, list[str]]:
    """Run every command on the file; the number of runs and the faults (tracebacks, other exits)."""
    runner = CliRunner()
    faults = []
    calls = cli_calls(asked)
    for arguments, allowed in calls:
        result = runner.invoke(main, arguments)
        raised = result.exception is not None and not isinstance(result.exception, SystemExit)
        if raised or result.exit_code not in allowed:
            shown = " ".join(arguments).replace(str(asked.work), "WORK").replace(str(asked.path), "FILE")
            cause = (
                f"{type(result.exception).__name__}: {result.exception}" if raised else result.output[-300:]
            )
            faults.append(f"shopterms {shown}: exit {result.exit_code}; {cause}")
    return len(calls), faults
