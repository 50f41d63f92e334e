"""Search rows in a plain table (each process builds its own full-text index from them, on
SQLite and PostgreSQL alike); Telegram ids as 64-bit integers; when a delivery was claimed.

The old full-text tables are dropped and every stored version is marked as not loaded, so
the next start loads content/ again and fills the new table (the facts stay the same, so
nobody is told about anything).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (table, column, nullable) holding a Telegram user id.
TELEGRAM_IDS = (
    ("admin_actions", "admin_id", True),
    ("broadcasts", "admin_id", False),
    ("bot_users", "id", False),
    ("content_loads", "admin_id", True),
    ("deliveries", "user_id", False),
    ("subscriptions", "user_id", False),
    ("user_languages", "user_id", False),
)


def upgrade() -> None:
    op.create_table(
        "search_rows",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("name_forms", sa.Text(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_search_rows_entity", "search_rows", ["kind", "entity_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_vocab")
        op.execute("DROP TABLE IF EXISTS search_fts")
    # On SQLite the table is copied with the new declared type (its integers already had 64
    # bits); elsewhere the column is altered in place. Rows are kept either way.
    for table, column, nullable in TELEGRAM_IDS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                column,
                type_=sa.BigInteger(),
                existing_type=sa.Integer(),
                existing_nullable=nullable,
            )
    op.add_column("deliveries", sa.Column("claimed_at", sa.DateTime(), nullable=True))
    # Load content/ again at the next start: that fills search_rows.
    op.execute("UPDATE content_loads SET content_hash = ''")


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("claimed_at")
    for table, column, nullable in TELEGRAM_IDS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                column,
                type_=sa.Integer(),
                existing_type=sa.BigInteger(),
                existing_nullable=nullable,
            )
    op.drop_index("ix_search_rows_entity", table_name="search_rows")
    op.drop_table("search_rows")
    op.execute("UPDATE content_loads SET content_hash = ''")
