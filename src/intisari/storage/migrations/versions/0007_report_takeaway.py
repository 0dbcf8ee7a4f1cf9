"""A report keeps the bullet as the reader saw it: editors may reorder, shorten or remove
bullets after the report, and an index alone then named another bullet (the dashboard,
the export of regression cases and the webhooks each told a different one).

Reports stored before this migration have none; their index is read as before.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reports", sa.Column("takeaway", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("reports", "takeaway")
