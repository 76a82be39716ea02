"""Alembic's environment: migrations run on the connection `shopterms store upgrade` hands over.

There is no alembic.ini: store.revisions builds the configuration in code and passes the connection
in `config.attributes["connection"]`, so the same migrations run against SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import context

from shopterms.store.revisions import VERSION_TABLE

connection = context.config.attributes["connection"]
context.configure(connection=connection, version_table=VERSION_TABLE, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
