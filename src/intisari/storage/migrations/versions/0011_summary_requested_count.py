"""A summary keeps the number of takeaways its caller asked for (``count``, 1-5), or none
for the box the engine sized to the article: an article's box is found again by its
cleaned text (``same_article_summary``), and a box of an explicit count must never be
the answer to a request for the automatic one, nor the other way round (a new user's
trial: the API took no ``count`` though the CLI, Python and batch records do).

Summaries stored before this migration were all sized by the engine: theirs is none.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("summaries", sa.Column("requested_count", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("summaries", "requested_count")
