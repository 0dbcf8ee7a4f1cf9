"""An index on ``summaries (created_at, id)``: the order of the box listings
(``GET /v1/boxes``, the dashboard's ``/review/boxes``), a keyset page at a time. Without
it, every page of published boxes sorted every summary of the publisher.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_summaries_created", "summaries", ["created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_summaries_created", table_name="summaries")
