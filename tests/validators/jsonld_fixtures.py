"""Hand-made JSON-LD documents in tests/validators/jsonld/ and their expected findings (golden files).

Rewrite the golden files deliberately with `pytest --update-goldens` and review the diff.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from shopterms.policy.diagnostics import Diagnostic
from tests.conftest import updating_goldens

JSONLD_DIR = Path(__file__).resolve().parent / "jsonld"
EXPECTED_DIR = JSONLD_DIR / "expected"
GOOD_DOCUMENTS = ("good-organization", "good-offer")


def document(name: str) -> str:
    return (JSONLD_DIR / f"{name}.jsonld").read_text(encoding="utf-8")


def broken_documents(prefix: str) -> list[str]:
    return sorted(p.stem for p in JSONLD_DIR.glob(f"{prefix}-*.jsonld"))


def render(findings: list[Diagnostic]) -> str:
    lines = []
    for finding in findings:
        lines.append(f"{finding.code} {finding.severity}: {finding.message}")
        if finding.hint:
            lines.append(f"  hint: {finding.hint}")
    return "\n".join(lines) + "\n"


def assert_matches_golden(name: str, findings: list[Diagnostic]) -> None:
    path = EXPECTED_DIR / f"{name}.txt"
    text = render(findings)
    if updating_goldens():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"{path.name} is missing; run pytest --update-goldens and review it"
    assert text == path.read_text(encoding="utf-8")


def refuse_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """From now on every attempt to resolve a name or open a connection fails; the list records them."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
