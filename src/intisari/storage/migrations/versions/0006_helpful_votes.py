"""Readers' "Helpful?" votes on a box: one per client (keyed hash) and summary.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "helpful_votes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "summary_id",
            sa.String(32),
            sa.ForeignKey("summaries.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("client_hash", sa.String(64), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("voted_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("summary_id", "client_hash", name="uq_helpful_votes_summary_client"),
    )
    op.create_index("ix_helpful_votes_summary_id", "helpful_votes", ["summary_id"])


def downgrade() -> None:
    op.drop_index("ix_helpful_votes_summary_id", table_name="helpful_votes")
    op.drop_table("helpful_votes")
