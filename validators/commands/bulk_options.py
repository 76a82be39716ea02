"""The options of commands that run over a directory of policy files: how many processes."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def jobs_option(function: F) -> F:
    decorated: F = click.option(
        "-j",
        "--jobs",
        "jobs",
        type=click.IntRange(min=1),
        default=None,
        help="With a directory: how many processes work on its files at once. Default: one per core.",
    )(function)
    return decorated


def chosen_jobs(jobs: int | None) -> int:
    return jobs if jobs is not None else os.cpu_count() or 1
