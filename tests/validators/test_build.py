"""`shopterms build`: every artefact for every example, byte for byte repeatable, the JSON-LD in the
pages equal as a graph to policy.jsonld, and an output directory that changes all at once or not at all."""

from __future__ import annotations

import json
import os
import socket
import stat
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from shopterms.policy.documents.artefacts import ARTEFACTS_BY_NAME
from shopterms.policy.jsonld import compile_offer_shipping_details, compile_policy, dumps
from shopterms.policy.loader import read_policy
from shopterms.schemas.data import data_text
from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR, example_files

CORE_FILES = {"policy.jsonld", "jsonld-snippet.html", "offer-shipping-details.jsonld", "index.html"}
NORDLICHT = EXAMPLES_DIR / "nordlicht-mode.yaml"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON-LD processing must never fetch a context; any connection attempt fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a test tried to use the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def build(policy: Path, out: Path) -> Result:
    return CliRunner().invoke(main, ["build", str(policy), "-o", str(out)])


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def graph_of(document: dict[str, Any]) -> Any:
    """The RDF graph of a compiled document, with schema.org's context read from schemas/ (no network)."""
    from rdflib import Graph

    raw = json.loads(data_text("schemaorg-context.jsonld"))
    local = {
        **document,
        "@context": [raw["@context"] if c == "https://schema.org" else c for c in document["@context"]],
    }
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib(\.|$)")
        return Graph().parse(data=json.dumps(local), format="json-ld")


def extracted(html: bytes) -> list[dict[str, Any]]:
    import extruct

    found: list[dict[str, Any]] = extruct.extract(html.decode("utf-8"), syntaxes=["json-ld"])["json-ld"]
    return found


def write_policy(tmp_path: Path, name: str, change: dict[str, Any]) -> Path:
    """A copy of the Nordlicht example with parts of `shop` replaced (written as JSON, which YAML reads)."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(NORDLICHT.read_text("utf-8"))
    data["shop"].update(change)
    path = tmp_path / name
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    return path


@pytest.mark.parametrize("policy", example_files(), ids=lambda p: p.name)
def test_build_writes_every_artefact_and_repeats_byte_for_byte(policy: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert build(policy, first).exit_code == 0
    assert build(policy, second).exit_code == 0
    files = tree(first)
    assert set(files) >= CORE_FILES
    assert files == tree(second)
    loaded = read_policy(policy)
    assert files["policy.jsonld"].decode() == dumps(compile_policy(loaded))
    assert files["offer-shipping-details.jsonld"].decode() == dumps(compile_offer_shipping_details(loaded))


@pytest.mark.parametrize("policy", example_files(), ids=lambda p: p.name)
def test_jsonld_in_every_page_and_the_snippet_is_the_same_graph_as_policy_jsonld(
    policy: Path, tmp_path: Path
) -> None:
    from rdflib.compare import isomorphic

    out = tmp_path / "site"
    assert build(policy, out).exit_code == 0
    expected = graph_of(json.loads((out / "policy.jsonld").read_text("utf-8")))
    assert len(expected) > 20
    carriers = [out / "jsonld-snippet.html", *sorted(out.glob("index*.html"))]
    for page in carriers:
        documents = extracted(page.read_bytes())
        assert len(documents) == 1, page.name
        assert isomorphic(graph_of(documents[0]), expected), page.name


def test_markup_characters_in_the_policy_are_escaped_in_the_page_and_survive_in_the_jsonld(
    tmp_path: Path,
) -> None:
    policy = write_policy(tmp_path, "odd.yaml", {"name": "Löwe & <Söhne> </script>"})
    out = tmp_path / "site"
    assert build(policy, out).exit_code == 0
    page = (out / "index.html").read_text("utf-8")
    assert "<Söhne>" not in page and page.count("</script>") == 1
    assert "Löwe &amp; &lt;Söhne&gt; &lt;/script&gt;" in page
    assert extracted(page.encode())[0]["@graph"][0]["name"] == "Löwe & <Söhne> </script>"


def test_first_shop_language_is_the_main_page_and_the_others_are_linked(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert build(NORDLICHT, out).exit_code == 0
    german, english = (out / "index.html").read_text("utf-8"), (out / "index.en.html").read_text("utf-8")
    assert '<html lang="de">' in german and '<html lang="en">' in english
    assert 'href="index.en.html"' in german and 'href="index.html"' in english
    assert "4,95\xa0€" in german and "€4.95" in english
    assert "Rückgabefrist" in german and "Return window" in english

    english_first = write_policy(tmp_path, "en.yaml", {"languages": ["en", "de"]})
    assert build(english_first, tmp_path / "en").exit_code == 0
    assert '<html lang="en">' in (tmp_path / "en" / "index.html").read_text("utf-8")
    assert (tmp_path / "en" / "index.de.html").is_file()


def test_languages_without_wording_fall_back_to_one_english_page(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, "fr.yaml", {"languages": ["fr"]})
    out = tmp_path / "site"
    assert build(policy, out).exit_code == 0
    assert sorted(p.name for p in out.glob("index*.html")) == ["index.html"]
    assert '<html lang="en">' in (out / "index.html").read_text("utf-8")


def test_broken_policy_prints_located_diagnostics_exits_1_and_leaves_the_directory_as_it_was(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    assert build(NORDLICHT, out).exit_code == 0
    (out / "extra.txt").write_text("kept", encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        NORDLICHT.read_text("utf-8").replace("currency: EUR", "currency: EURO"), encoding="utf-8"
    )
    before, listing = tree(out), sorted(os.listdir(tmp_path))
    result = build(broken, out)
    assert result.exit_code == 1
    assert f"{broken}:" in result.stderr and "error[" in result.stderr
    assert "Traceback" not in result.output
    assert tree(out) == before
    assert sorted(os.listdir(tmp_path)) == listing


def test_unreadable_policy_exits_2(tmp_path: Path) -> None:
    result = build(tmp_path / "missing.yaml", tmp_path / "site")
    assert result.exit_code == 2
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("where", ["below-a-file", "a-file"])
def test_unwritable_target_exits_2_and_leaves_everything_as_it_was(where: str, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory", encoding="utf-8")
    out = blocker / "site" if where == "below-a-file" else blocker
    listing = sorted(os.listdir(tmp_path))
    result = build(NORDLICHT, out)
    assert result.exit_code == 2
    assert result.stderr.startswith("shopterms build: ")
    assert "Traceback" not in result.output
    assert sorted(os.listdir(tmp_path)) == listing
    assert blocker.read_text("utf-8") == "not a directory"


def test_a_directory_the_build_did_not_write_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.txt").write_text("years of work", encoding="utf-8")
    result = build(NORDLICHT, out)
    assert result.exit_code == 2
    assert "did not write" in result.stderr
    assert tree(out) == {"thesis.txt": b"years of work"}


def test_rebuild_replaces_the_whole_directory_keeps_its_mode_and_leaves_no_temporary_directories(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    assert build(NORDLICHT, out).exit_code == 0
    (out / "stale.html").write_text("old", encoding="utf-8")
    out.chmod(0o750)
    assert build(NORDLICHT, out).exit_code == 0
    assert "stale.html" not in tree(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert os.listdir(tmp_path) == ["site"]


def test_an_empty_existing_directory_is_filled(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    assert build(NORDLICHT, out).exit_code == 0
    assert set(tree(out)) >= CORE_FILES


def test_adding_an_artefact_is_one_registry_entry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(ARTEFACTS_BY_NAME, "notes", "tests.validators.build_writers:notes")
    out = tmp_path / "site"
    assert build(NORDLICHT, out).exit_code == 0
    assert (out / "notes" / "readme.txt").read_text("utf-8") == "Terms of Nordlicht Mode\n"


@pytest.mark.parametrize(
    ("writer", "message"), [("broken", "fell over"), ("clashing", "both write policy.jsonld")]
)
def test_a_failing_or_clashing_writer_exits_2_and_changes_nothing(
    writer: str, message: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert build(NORDLICHT, out).exit_code == 0
    before = tree(out)
    monkeypatch.setitem(ARTEFACTS_BY_NAME, "extra", f"tests.validators.build_writers:{writer}")
    result = build(NORDLICHT, out)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert tree(out) == before
    assert os.listdir(tmp_path) == ["site"]


# What a policy leaves unsaid stays unsaid in its JSON-LD, and Google's recommended-property checks
# say so: the smallest example names no refund form and no order cut-off.
RECOMMENDED_BUT_UNSAID = {
    "kleinkram.yaml": [("GOOG042", "HandlingCutoffGiven"), ("GOOG043", "ReturnRefundTypeGiven")]
}


@pytest.mark.parametrize("policy", example_files(), ids=lambda p: p.name)
def test_built_jsonld_passes_the_vocabulary_check_and_googles_rules(policy: Path, tmp_path: Path) -> None:
    from shopterms.validators.conformance import check_jsonld_conformance
    from shopterms.validators.shapes import check_jsonld_google_rules

    out = tmp_path / "site"
    assert build(policy, out).exit_code == 0
    warnings: list[tuple[str, str]] = []
    for name in ("policy.jsonld", "offer-shipping-details.jsonld"):
        text = (out / name).read_text("utf-8")
        assert check_jsonld_conformance(text, source=name) == []
        findings = check_jsonld_google_rules(text, source=name)
        assert [f for f in findings if f.severity != "warning"] == []
        warnings += [(f.code, str(f.detail).rsplit("#", 1)[-1]) for f in findings]
    assert sorted(warnings) == RECOMMENDED_BUT_UNSAID.get(policy.name, [])
