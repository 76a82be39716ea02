"""linkinator, a link checker nobody here wrote, crawls the server's HTML from its entry points.

Recursive within the server, anchors (#fragments) checked, every address elsewhere skipped (tests
send nothing beyond loopback). The JSON and Markdown discovery documents are crawled by our own
checker (tests/server/test_links.py), which reads those formats too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.external.toolchain import LINKINATOR, run_node

STARTS = ["/", "/docs", "/llms.txt"]


def test_linkinator_finds_no_broken_link(served: tuple[str, str], tmp_path: Path) -> None:
    layout, base = served
    options = ["--recurse", "--check-fragments", "--skip", f"^(?!{re.escape(base)})", "--format", "json"]
    run = run_node([str(LINKINATOR), *(base + start for start in STARTS), *options], home=tmp_path)
    report = json.loads(run.stdout)
    broken = [
        (link["url"], link["status"], link.get("parent"))
        for link in report["links"]
        if link["state"] == "BROKEN"
    ]
    assert broken == [], broken
    assert report["passed"] is True and run.returncode == 0
    checked = [link for link in report["links"] if link["state"] == "OK"]
    assert len(checked) >= (4 if layout == "file" else 6), report["links"]
