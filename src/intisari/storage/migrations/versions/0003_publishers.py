"""Publishers as tenants: every summary and every newsroom account belongs to one.

The existing summaries go to the default publisher (id 1, the instance's own pages), which
this migration creates; accounts made before it stay instance-wide (``publisher_id``
NULL).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    publishers = op.create_table(
        "publishers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("slug", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("publish_mode", sa.String(16), nullable=False),
        sa.Column("allowed_origins", sa.JSON(), nullable=False),
        sa.Column("notices", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.bulk_insert(
        publishers,
        [
            {
                "id": 1,
                "slug": "default",
                "name": "Intisari",
                "publish_mode": "auto",
                "allowed_origins": [],
                "notices": {},
                "created_at": datetime.now(UTC),
            }
        ],
    )
    if op.get_bind().dialect.name == "postgresql":
        # The explicit id 1 did not advance the sequence: the next publisher must get 2.
        op.execute("SELECT setval('publishers_id_seq', (SELECT max(id) FROM publishers))")
    # Batch mode: SQLite cannot add a foreign key to an existing table in place.
    with op.batch_alter_table("summaries") as batch:
        batch.add_column(
            sa.Column("publisher_id", sa.Integer(), nullable=False, server_default="1")
        )
        batch.create_foreign_key(
            "fk_summaries_publisher", "publishers", ["publisher_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index("ix_summaries_publisher_id", ["publisher_id"])
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("publisher_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_accounts_publisher", "publishers", ["publisher_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index("ix_accounts_publisher_id", ["publisher_id"])


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_index("ix_accounts_publisher_id")
        batch.drop_constraint("fk_accounts_publisher", type_="foreignkey")
        batch.drop_column("publisher_id")
    with op.batch_alter_table("summaries") as batch:
        batch.drop_index("ix_summaries_publisher_id")
        batch.drop_constraint("fk_summaries_publisher", type_="foreignkey")
        batch.drop_column("publisher_id")
    op.drop_table("publishers")
