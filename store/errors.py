"""What can go wrong with a store, in words a merchant or an operator can act on.

Every database, driver and file-system failure is translated into one of these at the store's edge
(see store.engine), so no command shows a traceback and the CLI knows which exit status to use.
"""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be used as asked: missing, unreachable, corrupt, of another schema, busy.

    The CLI exits 2: the input (the store) is unusable, nothing about the policy is wrong.
    """

    exit_status = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message if hint is None else f"{message} ({hint})")


class SchemaMismatchError(StoreError):
    """The store's schema is missing, older or newer than this version of shopterms reads."""


class PublishConflictError(StoreError):
    """Another publish of the same shop committed after this one read the shop's latest version.

    Nothing was written; publishing again puts this content on top of the other run's version. The CLI
    exits 1: the store works, this publication did not happen.
    """

    exit_status = 1


class UnknownShopError(StoreError):
    """The store has no versions of the named shop."""


class UnknownVersionError(StoreError):
    """A version reference (number, hash or hash prefix) names no version of the shop."""
