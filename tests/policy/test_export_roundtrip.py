"""Every example against every target: exported or refused as documented, stable, and read back intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopterms.policy.export import EXPORTERS_BY_NAME, ExportError, LossyExport, export, read_facts
from shopterms.policy.loader import read_policy
from tests.conftest import REPO_ROOT, example_files

DOCS = (REPO_ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
CASES = [(path, name) for path in example_files() for name in sorted(EXPORTERS_BY_NAME)]
IDS = [f"{path.stem}-{name}" for path, name in CASES]


@pytest.mark.parametrize(("path", "name"), CASES, ids=IDS)
def test_every_example_exports_or_is_refused_with_a_documented_message(path: Path, name: str) -> None:
    try:
        result = export(read_policy(path), EXPORTERS_BY_NAME[name], allow_lossy=True)
    except ExportError as error:
        assert not isinstance(error, LossyExport)
        assert str(error) in DOCS, f"the refusal is not documented in docs/exports.md: {error}"
        return
    assert result.payload


@pytest.mark.parametrize(("path", "name"), CASES, ids=IDS)
def test_export_then_read_back_gives_the_facts_the_target_can_state(path: Path, name: str) -> None:
    target = EXPORTERS_BY_NAME[name]
    try:
        result = export(read_policy(path), target, allow_lossy=True)
    except ExportError:
        pytest.skip("refused (see the documented-message test)")
    for fmt in target.formats:
        text = target.render(result.payload, fmt)
        assert target.read(target.parse(text, fmt)) == result.narrowed.only(target.families), fmt


@pytest.mark.parametrize(("path", "name"), CASES, ids=IDS)
def test_export_is_deterministic(path: Path, name: str) -> None:
    target = EXPORTERS_BY_NAME[name]
    try:
        first = export(read_policy(path), target, allow_lossy=True)
    except ExportError:
        pytest.skip("refused")
    second = export(read_policy(path), target, allow_lossy=True)
    for fmt in target.formats:
        assert target.render(first.payload, fmt) == target.render(second.payload, fmt)
    assert first.losses == second.losses


@pytest.mark.parametrize(("path", "name"), CASES, ids=IDS)
def test_strict_export_refuses_exactly_the_losses_a_lossy_export_lists(path: Path, name: str) -> None:
    target = EXPORTERS_BY_NAME[name]
    policy = read_policy(path)
    try:
        lossy = export(policy, target, allow_lossy=True)
    except ExportError:
        pytest.skip("refused")
    if not lossy.losses:
        assert export(policy, target).payload == lossy.payload
        return
    with pytest.raises(LossyExport) as refused:
        export(policy, target)
    assert refused.value.losses == lossy.losses
    assert all(loss.target == name for loss in lossy.losses)


@pytest.mark.parametrize("path", example_files(), ids=lambda p: Path(p).stem)
def test_narrowing_keeps_only_what_a_target_can_state(path: Path) -> None:
    facts = read_facts(read_policy(path))
    for name, target in EXPORTERS_BY_NAME.items():
        try:
            result = export(read_policy(path), target, allow_lossy=True)
        except ExportError:
            continue
        narrowed = result.narrowed.only(target.families)
        # A family the target covers but the policy lacks stays absent; nothing is invented.
        for family in target.families:
            if getattr(facts, family) is None:
                assert getattr(narrowed, family) is None, (name, family)
