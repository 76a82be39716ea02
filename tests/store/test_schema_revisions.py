"""The revisions a store is checked against are Alembic's own history, and upgrading is idempotent."""

from __future__ import annotations

from alembic.config import Config
from alembic.script import ScriptDirectory

from shopterms.store.engine import create_engine_for, create_schema
from shopterms.store.location import parse_store
from shopterms.store.revisions import HEAD, MIGRATIONS, REVISIONS


def test_the_known_revisions_are_the_alembic_history_oldest_first() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    history = [revision.revision for revision in script.walk_revisions()]
    assert tuple(reversed(history)) == REVISIONS
    assert script.get_current_head() == HEAD


def test_upgrading_creates_the_schema_once_and_then_does_nothing(store_url: str) -> None:
    location = parse_store(store_url)
    engine = create_engine_for(location, read_only=False)
    try:
        assert create_schema(engine, location) == (None, HEAD)
        assert create_schema(engine, location) == (HEAD, HEAD)
    finally:
        engine.dispose()
