"""bench/scale.py judges each figure against its target; the verdicts follow the targets."""

from __future__ import annotations

from bench.scale_checks import Row


def test_a_start_up_slower_than_the_target_is_marked_missed() -> None:
    assert Row.startup(1.3, 1.0, 10, "").mark == "MISSED"
    assert Row.startup(1.1, 1.0, 10, "").mark == "ok"


def test_memory_that_grows_with_the_shops_touched_is_marked_missed() -> None:
    assert Row.memory(90, 100, 150, 10, 100, 5, "").mark == "MISSED"
    assert Row.memory(90, 100, 104, 10, 100, 5, "").mark == "ok"


def test_a_publisher_slower_after_the_reader_change_is_marked_missed() -> None:
    assert Row.publish({"ruamel": (5.0, 20.0), "libyaml": (6.0, 16.0)}, 10, 2).mark == "MISSED"
    assert Row.publish({"ruamel": (5.0, 20.0), "libyaml": (4.0, 30.0)}, 10, 2).mark == "ok"
