"""The cooperation network: who met whom across the border and where, from the card's button,
from questions in three languages, as a picture, and on the web."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiogram.methods import SendDocument

from db.kinds import EntityKind
from facts.edition import current_edition
from facts.network import meetings, network_of
from loading.service import ContentService
from tests.conftest import Chatter

ORG, PERSON, PLACE = EntityKind.ORGANIZATION, EntityKind.PERSON, EntityKind.PLACE

# Invented: a Kazakh fund met two Russian bodies in Omsk in 2021 and one of them again in
# Pavlodar in 2023; a third Russian body was only mentioned; a body of no known country and
# a person whose side is not known were there too.
NETWORK = """\
review: reviewed
sources:
- {id: s1, file: https://example.org/1, title: Первая статья}
- {id: s2, file: https://example.org/2, title: Вторая статья}
places:
- {id: omsk-x, name: Омск, country: RU}
- {id: pavlodar-x, name: Павлодар, country: KZ}
organizations:
- {id: fund-kz, name: Фонд «Степной мост», country: KZ}
- {id: union-ru, name: Союз «Сибирский тракт», country: RU}
- {id: centre-ru, name: Центр «Иртыш», country: RU}
- {id: named-ru, name: Институт «Только упомянут», country: RU}
- {id: nowhere, name: Клуб без страны}
- {id: other-kz, name: Ассоциация «Жайлау», country: KZ}
people:
- {id: aliya-x, first_name: Алия, last_name: Сапарова, city: pavlodar-x}
- {id: ivan-x, first_name: Иван, last_name: Громов, city: omsk-x}
- {id: nobody-x, first_name: Пётр, last_name: Безместный}
- {id: mover-x, first_name: Жан, last_name: Переездов}
- {id: dollar-x, first_name: "$x^", last_name: "$ Долларов"}
events:
- id: meet-2021
  kind: meeting
  status: held
  title: Встреча в Омске
  date: {year: 2021, month: 5, day: 4}
  place: omsk-x
  cities: [omsk-x, pavlodar-x]
  source: s1
  organizations:
  - {organization: fund-kz, role: organizer}
  - {organization: union-ru, role: participant}
  - {organization: centre-ru, role: partner}
  - {organization: named-ru, role: mentioned}
  - {organization: nowhere, role: participant}
  - {organization: other-kz, role: participant}
  participants:
  - {person: aliya-x, role: speaker, positions: [{title: директор, organization: fund-kz}]}
  - {person: ivan-x, role: participant}
  - {person: nobody-x, role: participant}
  - {person: mover-x, role: participant, city: omsk-x}
  - {person: dollar-x, role: participant, city: omsk-x}
- id: meet-2023
  kind: forum
  status: held
  title: Форум в Павлодаре
  date: {year: 2023, month: 9, day: 1}
  place: pavlodar-x
  source: s2
  organizations:
  - {organization: fund-kz, role: organizer}
  - {organization: union-ru, role: participant}
  participants:
  - {person: aliya-x, role: speaker}
  - {person: mover-x, role: participant, city: pavlodar-x}
"""


@pytest.fixture
async def facts(tmp_path: Path, session_maker):
    content = tmp_path / "network"
    content.mkdir()
    (content / "network.yaml").write_text(NETWORK, encoding="utf-8")
    await ContentService(content, session_maker).reload()
    async with session_maker() as session:
        return (await current_edition(session)).facts


async def test_partners_are_those_of_another_country_who_were_there(facts) -> None:
    network = network_of(facts, ORG, "fund-kz")
    assert network is not None
    found = {p.node.id: [e.id for e in p.events] for p in network.partners}
    # mentioned only, no known country, or the same country: no partner
    assert found == {"union-ru": ["meet-2023", "meet-2021"], "centre-ru": ["meet-2021"]}
    assert network.partners[0].node.id == "union-ru"  # who met most often first
    assert [p.node.id for p in network_of(facts, ORG, "fund-kz", year=2023).partners] == [
        "union-ru"
    ]
    assert network_of(facts, ORG, "fund-kz", country="KZ").partners == ()
    assert network_of(facts, ORG, "named-ru").partners == ()  # it was not there
    assert network_of(facts, ORG, "nowhere").partners == ()  # its side is not known
    assert network_of(facts, ORG, "no-such-org") is None
    # people by their city at the event; a person whose side is not known meets nobody
    # across it, and a side is never borrowed from another event
    aliya = {
        (p.node.id, p.node.country, len(p.events))
        for p in network_of(facts, PERSON, "aliya-x").partners
    }
    assert aliya == {("ivan-x", "RU", 1), ("mover-x", "RU", 1), ("dollar-x", "RU", 1)}
    assert network_of(facts, PERSON, "nobody-x").partners == ()
    # in Omsk from Russia, in Pavlodar from Kazakhstan: met Aliya only where they were apart
    mover = network_of(facts, PERSON, "mover-x")
    assert [(p.node.id, [e.id for e in p.events]) for p in mover.partners] == [
        ("aliya-x", ["meet-2021"])
    ]
    # cities: where it was held and the cities that joined
    assert [p.node.id for p in network_of(facts, PLACE, "pavlodar-x").partners] == ["omsk-x"]


async def test_every_network_can_be_drawn(facts) -> None:
    """A partner of the subject's nominal country (the subject was on the other side at that
    event) and a name with «$» (maths to matplotlib) are drawn like any other."""
    from views.network import network_picture

    for kind, entity_id in ((PERSON, "mover-x"), (PERSON, "aliya-x"), (PERSON, "dollar-x"),
                            (ORG, "fund-kz"), (PLACE, "omsk-x"), (ORG, "nowhere")):  # fmt: skip
        network = network_of(facts, kind, entity_id)
        assert network is not None
        assert network_picture(network, "png").startswith(b"\x89PNG")
        assert b"<svg" in network_picture(network, "svg")


async def test_meetings_of_two_countries(facts) -> None:
    pairs = {
        (m.first.id, m.second.id, len(m.events)) for m in meetings(facts, first="RU", second="KZ")
    }
    assert pairs == {
        ("union-ru", "fund-kz", 2),
        ("union-ru", "other-kz", 1),
        ("centre-ru", "fund-kz", 1),
        ("centre-ru", "other-kz", 1),
    }
    in_2023 = meetings(facts, first="KZ", year=2023)
    assert [(m.first.id, m.second.id) for m in in_2023] == [("fund-kz", "union-ru")]
    # without countries each pair comes once
    assert len(meetings(facts)) == len(pairs)


@pytest.mark.parametrize(
    ("question", "language", "expected", "absent"),
    [
        ("С кем сотрудничает ГАК в России?", None, ["Экспертный клуб «Урал-Евразия»",
         "партнёры в стране «Россия»"], ["Евразийский национальный университет"]),
        ("Who did the Civil Alliance of Kazakhstan cooperate with?", "en",
         ["partners abroad", "Russia"], []),
        ("ГАК Ресейде кіммен ынтымақтасады?", "kk", ["серіктестері"], []),
        ("Какие российские организации встречались с казахстанскими в 2021 году?", None,
         ["Встречи организаций (Россия — Казахстан) в 2021 г.", "Гражданский альянс Казахстана"],
         ["2025 г."]),
        ("Which Russian organizations met Kazakh ones in 2021?", "en",
         ["Meetings of organizations (Russia — Kazakhstan) in 2021"], []),
        ("Ресейдің қандай ұйымдары 2021 жылы қазақстандық ұйымдармен кездесті?", "kk",
         ["Ұйымдардың кездесулері (Ресей — Қазақстан) 2021 ж."], []),
        ("Кто из России встречался с казахстанцами?", None,
         ["Встречи людей (Россия — Казахстан)", "Ирина Октябрьская (Россия)"], []),
    ],
)  # fmt: skip
async def test_questions_about_partners(
    chat: Chatter, question: str, language: str | None, expected: list[str], absent: list[str]
) -> None:
    text = await chat.ask(question, language_code=language)
    for part in expected:
        assert part in text, text
    for part in absent:
        assert part not in text, text


async def test_a_card_s_partners_and_their_picture(chat: Chatter) -> None:
    card = await chat.press("c:o:civil-alliance-kz")
    buttons = dict((text, data) for r in card for text, data in r.buttons)
    partners = await chat.press(buttons["🤝 Партнёры"])
    assert "Общественная палата Российской Федерации" in partners[0].text
    picture = dict(partners[-1].buttons)["🖼 Схема сети"]
    before = len(chat.session.requests)
    await chat.press(picture)
    [sent] = [m for m in chat.session.requests[before:] if isinstance(m, SendDocument)]
    data = sent.document.data  # type: ignore[union-attr]
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
    assert "партнёров: " in (sent.caption or "")
