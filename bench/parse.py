"""Reading policy files: libyaml's scanner against ruamel.yaml's alone, and validation time per 100 KB.

    python bench/parse.py [--repeat 5]

For each file (the examples, and generated files of 10 to 250 KB: many services, many closures, many
postal codes, and broken versions of them) it times, best of `--repeat` runs:

- `before`: the YAML layer as it was, ruamel.yaml's pure-Python scanner alone (`_read_with_ruamel`);
- `after`: `read_document`, which scans with libyaml where it reads the text alike and lets ruamel.yaml
  read (and explain) the rest;
- `validate`: everything `shopterms validate` does with the text (YAML, model, rule packs, the full
  rendering of every finding), in ms and per 100 KB of file (judged on files of 10 KB and more).

It prints the ratio before/after per file, the geometric mean over the valid files, and whether
validation stays under 1 s per 100 KB for every file (broken ones included).
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from shopterms.policy.document import _read_with_ruamel, read_document
from shopterms.policy.loader import load_policy_text
from shopterms.validators.file_report import check_loaded
from shopterms.validators.render import RENDERERS_BY_NAME

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (REPO_ROOT / "examples" / "nordlicht-mode.yaml").read_text(encoding="utf-8")
TARGET_SECONDS_PER_100_KB = 1.0
# The per-100-KB target is judged on files of at least this size; below it a fixed cost dominates.
LARGE_KB = 10


def _services(count: int, rate: str = "4.95") -> str:
    lines = "".join(
        f"    - {{id: s{i}, name: Service {i}, to: [DE], transit: 1-{i % 5 + 1}, rate: {rate}}}\n"
        for i in range(count)
    )
    return EXAMPLE.replace("  services:\n", "  services:\n" + lines, 1)


def _closures(count: int) -> str:
    days = ", ".join(f"{2030 + i // 300}-{i % 12 + 1:02d}-{i % 28 + 1:02d}" for i in range(count))
    return EXAMPLE.replace("closed: [2026-12-24..2027-01-01]", f"closed: [{days}]", 1)


def _postal_codes(count: int) -> str:
    codes = ", ".join(f'"{10000 + i}"' for i in range(count))
    return EXAMPLE.replace("      to: [DE]\n", f"      to: [{{country: DE, postal_codes: [{codes}]}}]\n", 1)


def files() -> dict[str, str]:
    examples = sorted((REPO_ROOT / "examples").glob("*.yaml"))
    found = {path.name: path.read_text(encoding="utf-8") for path in examples}
    for count in (100, 1000, 2500):
        found[f"{count} services"] = _services(count)
    found["3000 closures"] = _closures(3000)
    found["20000 postal codes"] = _postal_codes(20000)
    found["2500 services, each with a bad rate"] = _services(2500, rate="{AT: abc}")
    found["2500 services, one bad at the end"] = _services(2500) + "shop: twice\n"
    return found


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def validate(text: str) -> None:
    report = check_loaded(load_policy_text(text, "bench.yaml"), None)
    RENDERERS_BY_NAME["full"](list(report.diagnostics), {report.file: report.source})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    header = f"{'file':38s} {'KB':>6s} {'before ms':>10s} {'after ms':>9s} {'ratio':>6s}"
    print(header + f" {'validate ms':>12s} {'s/100KB':>8s}")
    ratios, worst = [], 0.0
    for name, text in files().items():
        size = len(text.encode("utf-8")) / 1024
        read_document(text, "warm.yaml")  # caches (zone list, resolver memory) filled once, as in a server
        before = best(lambda text=text: _read_with_ruamel(text, "bench.yaml"), options.repeat)
        after = best(lambda text=text: read_document(text, "bench.yaml"), options.repeat)
        validate(text)  # rule packs' tables loaded once, as in a long-running process
        checked = best(lambda text=text: validate(text), max(1, options.repeat // 2))
        per_100_kb = checked / size * 100
        if size >= LARGE_KB:
            worst = max(worst, per_100_kb)
        clean = not read_document(text, "bench.yaml").diagnostics
        if clean:
            ratios.append(before / after)
        print(
            f"{name[:38]:38s} {size:6.0f} {before * 1e3:10.1f} {after * 1e3:9.1f} {before / after:5.1f}x "
            f"{checked * 1e3:12.1f} {per_100_kb:8.3f}"
        )
    mean = math.exp(statistics.fmean(math.log(ratio) for ratio in ratios))
    print(f"\nYAML reading, valid files: {mean:.1f}x faster (geometric mean), before = ruamel.yaml alone")
    verdict = "met" if worst <= TARGET_SECONDS_PER_100_KB else "missed"
    print(
        f"validation of files >= {LARGE_KB} KB: at most {worst:.3f} s per 100 KB; "
        f"target <= {TARGET_SECONDS_PER_100_KB} s {verdict}"
    )


if __name__ == "__main__":
    main()
