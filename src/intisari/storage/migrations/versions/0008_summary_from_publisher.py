"""A summary knows whether its publisher asked for it (its key, or a staff account) or an
anonymous caller did: the embed shows only the first kind. Anonymous summaries are the
default publisher's, and an anonymous caller could name any ``article_id`` or send HTML
with any canonical address, so its invented box became the newest for a single-site
install's real article in the embed (a security trial).

Summaries stored before this migration cannot be told apart and keep being shown.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "summaries",
        sa.Column("from_publisher", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def downgrade() -> None:
    op.drop_column("summaries", "from_publisher")
