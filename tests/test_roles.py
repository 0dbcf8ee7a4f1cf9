"""Who may do what (``roles.py``): the newsroom's split of review, edit and administer."""

from __future__ import annotations

import pytest

from intisari.roles import PERMISSIONS, ROLES, allows


def test_every_role_has_its_permissions_and_nothing_else_does() -> None:
    assert set(PERMISSIONS) == set(ROLES)
    assert not allows("owner", "review")


@pytest.mark.parametrize(
    ("role", "review", "edit", "administer"),
    [
        ("reader", False, False, False),
        ("reviewer", True, False, False),
        ("editor", True, True, False),
        ("admin", True, True, True),
    ],
)
def test_roles_allow_what_the_newsroom_expects(
    role: str, review: bool, edit: bool, administer: bool
) -> None:
    assert (allows(role, "review"), allows(role, "edit"), allows(role, "administer")) == (
        review,
        edit,
        administer,
    )
