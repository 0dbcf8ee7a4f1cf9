"""Who may do what: the one home of the account roles and what each allows (issue 16).

A newsroom splits the work: a ``reviewer`` answers readers' reports, an ``editor``
approves and edits boxes (and sees the reports that prompt an edit), an ``admin`` also
manages accounts, publishers and their settings. A ``reader`` may log in and nothing more.
The database checks roles against ``ROLES``; the web asks ``allows`` and never compares
role names itself.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["PERMISSIONS", "ROLES", "Permission", "Role", "allows"]

#: Account roles, weakest first.
Role = Literal["reader", "reviewer", "editor", "admin"]
#: ``review``: see and decide readers' reports; ``edit``: approve and change boxes;
#: ``administer``: accounts, publishers, API keys and settings.
Permission = Literal["review", "edit", "administer"]

ROLES: tuple[str, ...] = get_args(Role)

PERMISSIONS: dict[str, frozenset[str]] = {
    "reader": frozenset(),
    "reviewer": frozenset({"review"}),
    "editor": frozenset({"review", "edit"}),
    "admin": frozenset({"review", "edit", "administer"}),
}


def allows(role: str, permission: Permission) -> bool:
    """Whether an account with ``role`` may do ``permission`` (unknown roles may not)."""
    return permission in PERMISSIONS.get(role, frozenset())
