"""The export targets by the name `shopterms export --to NAME` takes."""

from __future__ import annotations

from shopterms.policy.export.google import GoogleTarget
from shopterms.policy.export.openai_feed import OpenAiFeedTarget
from shopterms.policy.export.target import Target
from shopterms.policy.export.ucp import UcpTarget

EXPORTERS_BY_NAME: dict[str, Target] = {
    target.name: target for target in (GoogleTarget(), UcpTarget(), OpenAiFeedTarget())
}
