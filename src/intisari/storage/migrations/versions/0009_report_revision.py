"""A report keeps the box's revision the reader saw: the bullet it keeps (0007) is read in
that revision, and a reviewer must be able to tell which box the reader had in front of
them when editors changed it since (an editor's trial: the report, its export and the
dashboard named the bullet but not the box it was in).

Reports stored before this migration, and reports whose client did not say, have none.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reports", sa.Column("revision", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("reports", "revision")
