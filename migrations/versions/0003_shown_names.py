"""The name shown beside a place's (its first other name) and an organization's abbreviation
as columns: every card shows them, and reading them from the aliases table cost a query for
each place and organization on the card.

Filled from the aliases already stored, so no reload is needed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (table, new column, entity kind, alias kind): the column holds the entity's first alias of
# that kind, as the cards showed it before.
SHOWN = (
    ("places", "other_name", "place", "other_name"),
    ("organizations", "abbreviation", "organization", "abbreviation"),
)


def upgrade() -> None:
    for table, column, entity_kind, alias_kind in SHOWN:
        op.add_column(table, sa.Column(column, sa.Text(), nullable=True))
        op.execute(
            f"UPDATE {table} SET {column} = (SELECT aliases.alias FROM aliases "
            f"WHERE aliases.entity_kind = '{entity_kind}' AND aliases.alias_kind = '{alias_kind}' "
            f"AND aliases.entity_id = {table}.id ORDER BY aliases.id LIMIT 1)"
        )


def downgrade() -> None:
    for table, column, _, _ in SHOWN:
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
