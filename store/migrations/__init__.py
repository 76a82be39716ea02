"""Alembic migrations of the store's schema, run by `shopterms store upgrade` (store.revisions.upgrade)."""
