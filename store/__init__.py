"""The store of published terms versions (SQLite or PostgreSQL): imported by the CLI and the server, never
by the core. Modules that need SQLAlchemy, Alembic or a JOSE library import them themselves, so the
server can use the content and timeline modules without loading any of them."""
