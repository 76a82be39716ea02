"""One module per schema revision; Alembic reads them by file, in the order their down_revision links."""
