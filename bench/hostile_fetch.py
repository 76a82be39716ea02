"""`check` and `compare` against every case of the hostile test server, each in its own process.

    python bench/hostile_fetch.py [--timeout 20]

The server (tests/validators/hostile_http.py) listens on 127.0.0.1 only, and each command is given
`--allow-network 127.0.0.1/32`, so nothing but that one address is ever reached. For each case the
script prints the exit status, the wall time, the peak resident memory of the process (os.wait4) and
the first line of output; the baseline is the same command on a small, well-behaved page in the same
run, and the ratios are against it. The default --timeout is the documented total deadline.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.validators.hostile_http import hostile_server  # noqa: E402  (after the path is set)

CASES = (
    "/page",  # the baseline
    "/slow-body",
    "/slow-headers",
    "/endless",
    "/huge",
    "/gzip-bomb",
    "/stacked-bomb",
    "/triple-deflate",
    "/brotli",
    "/huge-headers",
    "/loop",
    "/redirect?to=http://169.254.169.254/latest/meta-data/",
    "/redirect?to=http://10.0.0.1/",
    "/redirect?to=http://[::ffff:10.0.0.1]/",
    "/redirect?to=http://2130706434/",  # 127.0.0.2: loopback other than the allowed address
    "/redirect?to=file:///etc/passwd",
    "/many-blocks",
    "/deep",
    "/deep-microdata",
    "/policy",
    "/rot13",
)
RUNNER = "import sys; from shopterms.validators.cli import main; main(sys.argv[1:], prog_name='shopterms')"


def measured(arguments: list[str]) -> tuple[int, float, float, str]:
    """Exit status, seconds, peak RSS in MB and first output line of one CLI run in a fresh process."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNER, *arguments],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    output = process.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    first = next((line for line in output.splitlines() if line.strip()), "")
    return process.returncode, seconds, usage.ru_maxrss / 1024, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", default="20")
    args = parser.parse_args()
    with hostile_server() as server:
        for command in ("check", "compare"):
            print(f"\n{command} (--timeout {args.timeout}):")
            print(f"{'case':<58} {'exit':>4} {'seconds':>8} {'x base':>7} {'peak MB':>8} {'x base':>7}")
            base: tuple[float, float] | None = None
            for case in CASES:
                arguments = [command, server.url(case), "--timeout", args.timeout]
                arguments += ["--allow-network", "127.0.0.1/32"]
                arguments += ["--format", "concise"] if command == "check" else ["--to", "DE"]
                status, seconds, peak, first = measured(arguments)
                base = base or (seconds, peak)
                print(
                    f"{case[:58]:<58} {status:>4} {seconds:>8.2f} {seconds / base[0]:>7.2f} "
                    f"{peak:>8.1f} {peak / base[1]:>7.2f}  {first.replace(server.base, '')[:90]}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
