"""Cold-start `shopterms validate` against `check-jsonschema` on the same policy file, in one run.

    python bench/validate.py [--policy examples/voltwerk-electronics.yaml] [--runs 9]

Each run starts a fresh process (what a pre-commit hook or a CI step pays), alternating the two
commands so that disk cache and CPU frequency treat them alike. shopterms does more than the baseline:
YAML 1.2 reading with positions, the pydantic model, and every rule pack that `sells_to` chooses;
check-jsonschema only validates the file against schemas/policy.schema.json. Prints the median wall
time of each and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} exited {done.returncode}:\n{done.stdout.decode()}{done.stderr.decode()}"
        )
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", default="examples/voltwerk-electronics.yaml")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    commands = {
        "shopterms validate": [str(BIN / "shopterms"), "validate", args.policy],
        "check-jsonschema": [
            str(BIN / "check-jsonschema"),
            "--schemafile",
            "schemas/policy.schema.json",
            args.policy,
        ],
    }
    for command in commands.values():  # warm the disk cache and the bytecode caches once
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"policy: {args.policy}, {args.runs} runs each, fresh process per run")
    for name, median in medians.items():
        spread = f"min {min(times[name]) * 1000:.0f} ms, max {max(times[name]) * 1000:.0f} ms"
        print(f"  {name:<20} median {median * 1000:6.0f} ms  ({spread})")
    ratio = medians["shopterms validate"] / medians["check-jsonschema"]
    print(f"  ratio shopterms / check-jsonschema: {ratio:.2f}")


if __name__ == "__main__":
    main()
