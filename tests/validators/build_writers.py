"""Artefact writers used by the build tests to stand in for writers added later."""

from __future__ import annotations

from shopterms.policy.documents.artefacts import BuildInput


def notes(build: BuildInput) -> dict[str, bytes]:
    return {"notes/readme.txt": f"Terms of {build.policy.shop.name}\n".encode()}


def broken(build: BuildInput) -> dict[str, bytes]:
    raise RuntimeError("the writer fell over")


def clashing(build: BuildInput) -> dict[str, bytes]:
    return {"policy.jsonld": b"{}"}
