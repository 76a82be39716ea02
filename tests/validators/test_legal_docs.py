"""The policy format's `legal` section names the rules that ask for its keys, as the rules say them."""

from __future__ import annotations

import inspect
import re

from shopterms.validators.catalogue import load_catalogue
from shopterms.validators.rules import eu
from tests.conftest import REPO_ROOT

DOC = (REPO_ROOT / "docs" / "policy-format.md").read_text(encoding="utf-8")
ROW = re.compile(
    r"^\| (eu|de|uk|us)\b.*?\| `?([a-z_ ]+?)`?(?: of [^|]*| anywhere[^|]*)? \| ([A-Z]{2}\d{3}) \((\w+)\) \|$",
    re.M,
)


def test_every_rule_the_legal_section_names_exists_with_that_severity() -> None:
    catalogue = load_catalogue()
    rows = ROW.findall(DOC)
    assert len(rows) == 6 and "| EU008 (error) |" in DOC
    for pack, _, code, severity in rows:
        assert code in catalogue, code
        assert catalogue[code].severity == severity, code
        assert code.lower().startswith(pack), code


def test_every_legal_key_a_rule_asks_for_is_in_the_table() -> None:
    keys = {key for _, key, _, _ in ROW.findall(DOC)}
    asked = set(re.findall(r'\("legal", "(\w+)"\)', inspect.getsource(eu)))
    assert asked <= keys | {"dispute_resolution"}, asked - keys
