"""Where diagnostics and scores link their documentation: pages the user has.

The documentation ships inside the package (`shopterms/docs/*.md` in the wheel; `docs/` of a source
checkout, which editable installs use), so by default links are file URIs to the installed pages,
which work offline and match the installed version. SHOPTERMS_DOCS_URL sets a base address instead,
for reports read elsewhere (GitHub code scanning shows SARIF's helpUri to people without the files),
e.g. https://github.com/ORG/REPO/blob/main/docs.
"""

from __future__ import annotations

import os
from pathlib import Path

DOCS_URL_VARIABLE = "SHOPTERMS_DOCS_URL"


def installed_docs() -> Path:
    """The folder of the installed documentation: beside the shopterms packages, in wheel and checkout."""
    return Path(__file__).resolve().parent.parent / "docs"


def docs_url(page: str, anchor: str = "") -> str:
    """The address of a documentation page (rules.md, score.md), at an anchor when given."""
    base = os.environ.get(DOCS_URL_VARIABLE, "").strip()
    address = f"{base.rstrip('/')}/{page}" if base else (installed_docs() / page).as_uri()
    return f"{address}#{anchor}" if anchor else address
