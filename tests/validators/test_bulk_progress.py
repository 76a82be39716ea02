"""Progress over many shops: a bar on a terminal, a plain line per tenth (and every few seconds) in logs."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from bench.shop_generator import generate_shops
from shopterms.validators.bulk.progress import Progress

SHOPTERMS = Path(sys.executable).with_name("shopterms")


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_log_gets_a_line_per_tenth_of_the_shops_and_one_at_the_end() -> None:
    stream = io.StringIO()
    with Progress("build", 25, stream=stream, clock=_Clock()) as progress:
        for number in range(25):
            progress.advance(failed=number == 4)
    assert stream.getvalue().splitlines() == [
        f"build: {done}/25 shops ({0 if done < 5 else 1} failed)"
        for done in (3, 6, 9, 12, 15, 18, 21, 24, 25)
    ]


def test_a_slow_run_still_gets_a_line_every_few_seconds() -> None:
    stream, clock = io.StringIO(), _Clock()
    with Progress("publish", 1000, stream=stream, every_seconds=10, clock=clock) as progress:
        for _ in range(3):
            clock.now += 6
            progress.advance(failed=False)
    assert stream.getvalue().splitlines() == [
        "publish: 2/1000 shops (0 failed)",
        "publish: 3/1000 shops (0 failed)",
    ]


def test_an_interrupted_run_writes_no_final_line() -> None:
    stream = io.StringIO()
    try:
        with Progress("publish", 100, stream=stream, clock=_Clock()) as progress:
            progress.advance(failed=False)
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert stream.getvalue() == ""


def test_a_terminal_gets_a_progress_bar_with_the_count_of_failures(tmp_path: Path) -> None:
    generate_shops(3, tmp_path / "shops", seed=8, broken=1)
    terminal, terminal_side = pty.openpty()
    process = subprocess.Popen(
        [
            str(SHOPTERMS),
            "publish",
            str(tmp_path / "shops"),
            "--store",
            str(tmp_path / "s.db"),
            "--jobs",
            "2",
        ],
        stdout=subprocess.PIPE,
        stderr=terminal_side,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(terminal_side)
    shown = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the other side closed: Linux reports EIO
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    stdout, _ = process.communicate()
    text = shown.decode()
    assert process.returncode == 1
    assert "publish  [####################################]  4/4  1 failed" in text.replace("\r", "\n")
    assert "publish: 4/4 shops" not in text  # no log lines on a terminal
    assert stdout.decode().startswith("published 3 shops, 1 failed")
