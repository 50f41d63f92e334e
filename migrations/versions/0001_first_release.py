"""The schema of the first release that had no migrations: history tables (users,
subscriptions, deliveries, admin actions, content versions) and the fact tables, with an
index on every foreign key, and on SQLite the full-text tables of that release.

A database that release made already has all of this: `db.migrations` marks it as being
at this revision without running it.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admin_actions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("admin_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_kind", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("alias_kind", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_aliases_entity_kind"), "aliases", ["entity_kind"], unique=False)
    op.create_table(
        "bot_users",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "broadcasts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("admin_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("audience_kind", sa.String(length=20), nullable=False),
        sa.Column("audience_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "content_entities",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "id"),
    )
    op.create_table(
        "content_loads",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("file_count", sa.Integer(), nullable=False),
        sa.Column("files_json", sa.Text(), nullable=True),
        sa.Column("admin_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=100), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "reason", "ref", "key"),
    )
    op.create_index(op.f("ix_deliveries_status"), "deliveries", ["status"], unique=False)
    op.create_index(op.f("ix_deliveries_user_id"), "deliveries", ["user_id"], unique=False)
    op.create_table(
        "places",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("file", sa.String(length=255), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "kind", "entity_id"),
    )
    op.create_index(op.f("ix_subscriptions_user_id"), "subscriptions", ["user_id"], unique=False)
    op.create_table(
        "topics",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "user_languages",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_table(
        "works",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("series", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("short_title", sa.Text(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.Column("date_precision", sa.String(length=10), nullable=False),
        sa.Column("date_inferred", sa.Boolean(), nullable=False),
        sa.Column("date_note", sa.Text(), nullable=True),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("place_id", sa.String(length=100), nullable=True),
        sa.Column("source_id", sa.String(length=100), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "organizations",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("short_name", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("city_id", sa.String(length=100), nullable=True),
        sa.Column("parent_id", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["city_id"],
            ["places.id"],
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("patronymic", sa.String(length=100), nullable=True),
        sa.Column("city_id", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["city_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "event_cities",
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("place_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("event_id", "place_id"),
    )
    op.create_table(
        "event_organizations",
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("organization_id", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
        ),
        sa.PrimaryKeyConstraint("event_id", "organization_id", "role"),
    )
    op.create_table(
        "event_relations",
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("related_event_id", sa.String(length=100), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.ForeignKeyConstraint(
            ["related_event_id"],
            ["events.id"],
        ),
        sa.PrimaryKeyConstraint("event_id", "related_event_id"),
    )
    op.create_table(
        "event_works",
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("work_id", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.ForeignKeyConstraint(
            ["work_id"],
            ["works.id"],
        ),
        sa.PrimaryKeyConstraint("event_id", "work_id"),
    )
    op.create_table(
        "participations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("person_id", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("city_id", sa.String(length=100), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["city_id"],
            ["places.id"],
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "person_id"),
    )
    op.create_table(
        "work_organizations",
        sa.Column("work_id", sa.String(length=100), nullable=False),
        sa.Column("organization_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["work_id"],
            ["works.id"],
        ),
        sa.PrimaryKeyConstraint("work_id", "organization_id"),
    )
    op.create_table(
        "participation_topics",
        sa.Column("participation_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["participation_id"],
            ["participations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
        ),
        sa.PrimaryKeyConstraint("participation_id", "topic_id"),
    )
    op.create_table(
        "person_positions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("participation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.String(length=100), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["participation_id"],
            ["participations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_events_place_id", "events", ["place_id"])
    op.create_index("ix_events_source_id", "events", ["source_id"])
    op.create_index("ix_organizations_city_id", "organizations", ["city_id"])
    op.create_index("ix_organizations_parent_id", "organizations", ["parent_id"])
    op.create_index("ix_people_city_id", "people", ["city_id"])
    op.create_index("ix_event_cities_event_id", "event_cities", ["event_id"])
    op.create_index("ix_event_cities_place_id", "event_cities", ["place_id"])
    op.create_index("ix_event_organizations_event_id", "event_organizations", ["event_id"])
    op.create_index(
        "ix_event_organizations_organization_id", "event_organizations", ["organization_id"]
    )
    op.create_index("ix_event_relations_event_id", "event_relations", ["event_id"])
    op.create_index("ix_event_relations_related_event_id", "event_relations", ["related_event_id"])
    op.create_index("ix_event_works_event_id", "event_works", ["event_id"])
    op.create_index("ix_event_works_work_id", "event_works", ["work_id"])
    op.create_index("ix_participations_city_id", "participations", ["city_id"])
    op.create_index("ix_participations_event_id", "participations", ["event_id"])
    op.create_index("ix_participations_person_id", "participations", ["person_id"])
    op.create_index(
        "ix_work_organizations_organization_id", "work_organizations", ["organization_id"]
    )
    op.create_index("ix_work_organizations_work_id", "work_organizations", ["work_id"])
    op.create_index(
        "ix_participation_topics_participation_id", "participation_topics", ["participation_id"]
    )
    op.create_index("ix_participation_topics_topic_id", "participation_topics", ["topic_id"])
    op.create_index("ix_person_positions_organization_id", "person_positions", ["organization_id"])
    op.create_index(
        "ix_person_positions_participation_id", "person_positions", ["participation_id"]
    )
    op.create_index("ix_aliases_entity", "aliases", ["entity_kind", "entity_id"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, entity_id UNINDEXED, "
            "label UNINDEXED, name_forms UNINDEXED, names, details, body, "
            "tokenize = 'unicode61')"
        )
        op.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_vocab")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("person_positions")
    op.drop_table("participation_topics")
    op.drop_table("work_organizations")
    op.drop_table("participations")
    op.drop_table("event_works")
    op.drop_table("event_relations")
    op.drop_table("event_organizations")
    op.drop_table("event_cities")
    op.drop_table("people")
    op.drop_table("organizations")
    op.drop_table("events")
    op.drop_table("works")
    op.drop_table("user_languages")
    op.drop_table("topics")
    op.drop_table("subscriptions")
    op.drop_table("sources")
    op.drop_table("places")
    op.drop_table("deliveries")
    op.drop_table("content_loads")
    op.drop_table("content_entities")
    op.drop_table("broadcasts")
    op.drop_table("bot_users")
    op.drop_table("aliases")
    op.drop_table("admin_actions")
