"""Every command, in-process, checked for the facts its answer must hold."""

from __future__ import annotations

from datetime import date

import pytest

from bot.console import html_to_text
from tests.conftest import ADMIN_ID, Chatter, reads_facts, recorded_statements

ROUND_TABLE_SPEAKERS = (
    "Бану Нургазиева",
    "Наталья Калашникова",
    "Константин Погорельский",
    "Алибек Тажибаев",
    "Ирина Октябрьская",
)
ORGANIZERS = (
    "Экспертный клуб «Сибирь-Евразия»",
    "Новосибирский государственный университет экономики и управления",
    "Гражданский альянс Казахстана",
    "Евразийский национальный университет",
)


async def test_start_shows_menu(chat: Chatter) -> None:
    [reply] = await chat.say("/start")
    assert "России и Казахстана" in reply.text
    labels = [text for text, _ in reply.buttons]
    assert any("События" in t for t in labels) and any("Предстоящие" in t for t in labels)


async def test_help_lists_commands(chat: Chatter) -> None:
    text = await chat.ask("/help")
    for command in (
        "/events",
        "/speakers",
        "/speaker",
        "/orgs",
        "/org",
        "/cities",
        "/upcoming",
        "/search",
    ):
        assert command in text


async def test_all_events_on_the_first_page(chat: Chatter) -> None:
    [first] = await chat.say("/events")
    assert "стр. 1 из 1" in first.text and "21 апреля 2021" in first.text
    assert "выступивших: 5" in first.text and "только упоминание" in first.text


async def test_events_newest_first_and_paged(chat: Chatter, monkeypatch) -> None:
    import answers.lists

    monkeypatch.setattr(answers.lists, "EVENTS_PAGE_SIZE", 5)
    [first] = await chat.say("/events")
    assert "стр. 1 из 2" in first.text
    # The NGO meeting after the Declaration of 12 November 2025 is the newest event.
    assert first.text.index("Встреча неправительственных") < first.text.index("12 ноября 2025")
    assert "21 апреля" not in first.text
    next_page = [data for text, data in first.buttons if "Старее" in text]
    [second] = await chat.press(next_page[0])
    assert second.edited
    assert "21 апреля 2021" in second.text and "стр. 2 из 2" in second.text


async def test_event_card_from_button(chat: Chatter) -> None:
    [reply] = await chat.press("c:ev:round-table-2021-04")
    text = reply.text
    assert "21 апреля 2021" in text and "онлайн" in text
    assert "Новые механизмы взаимодействия между институтами гражданского общества" in text
    for name in (*ROUND_TABLE_SPEAKERS, *ORGANIZERS):
        assert name in text
    assert "Города-участники (10)" in text
    assert "Петропавловск" in text and "Кемерово" in text
    assert "000_799bb29c9590bbd3.txt" in text  # the source
    assert ("👤 Бану Нургазиева", "c:p:nurgazieva-banu") in reply.buttons
    # Its works and related events (kept per content version, not read per card).
    assert "«Казахи»" in text and "Связанные события:" in text
    assert "Российско-Казахстанский форум гражданских инициатив" in text


async def test_event_command_by_text(chat: Chatter) -> None:
    text = await chat.ask("/event форум гражданских инициатив")
    assert "Российско-Казахстанский форум гражданских инициатив" in text
    assert "июнь 2021" in text and "Астана (Нур-Султан)" in text


async def test_speakers_of_event_and_all(chat: Chatter, session_maker) -> None:
    await chat.ask("/speakers круглый стол")  # the version's facts are read once, here
    with recorded_statements(session_maker) as statements:
        text = await chat.ask("/speakers круглый стол")
    for name in ROUND_TABLE_SPEAKERS:
        assert name in text
    assert not [s for s in statements if reads_facts(s)]  # answered from the read model
    assert "Тополева-Солдунова" not in text
    everyone = await chat.ask("/speakers")
    for name in (
        *ROUND_TABLE_SPEAKERS,
        "Елена Тополева-Солдунова",
        "Ирина Смирнова",
        "Елдар Сапаров",
    ):
        assert name in everyone


async def test_speaker_card_in_oblique_case(chat: Chatter) -> None:
    text = await chat.ask("/speaker Нургазиевой")
    assert "Бану Нургазиева" in text
    assert text.count("президент, Гражданский альянс Казахстана") == 2  # two events
    assert "народная дипломатия" in text  # a topic


@pytest.mark.parametrize(
    ("payload", "table", "shown"),
    [
        ("c:p:nurgazieva-banu", "people", "президент"),
        ("c:o:civil-alliance-kz", "organizations", "Бану Нургазиева"),
        ("c:ev:round-table-2021-04", "events", "Бану Нургазиева"),
    ],
)
async def test_a_card_reads_its_entity_along_with_its_links(
    chat: Chatter, session_maker, payload: str, table: str, shown: str
) -> None:
    """A person's participations, an organization's events and positions, an event's
    participations bring the entity itself along: no statement of its own for it."""
    with recorded_statements(session_maker) as statements:
        [card] = await chat.press(payload)
    assert shown in card.text
    assert statements
    assert not [s for s in statements if f"WHERE {table}.id = ?" in s]


async def test_speaker_with_two_positions(chat: Chatter) -> None:
    text = await chat.ask("/speaker Октябрьская")
    assert "профессор кафедры археологии и этнографии" in text
    assert "ведущий научный сотрудник" in text and "Институт археологии и этнографии СО РАН" in text


async def test_ambiguous_first_name_offers_choice(chat: Chatter) -> None:
    [reply] = await chat.say("/speaker Ирина")
    assert "несколько вариантов" in reply.text
    assert {d for _, d in reply.buttons} == {"c:p:oktyabrskaya-irina", "c:p:smirnova-irina"}


async def test_unknown_speaker(chat: Chatter) -> None:
    text = await chat.ask("/speaker Иванов")
    assert "не найдено" in text and "/speakers" in text


async def test_speaker_without_name_explains(chat: Chatter) -> None:
    assert "/speaker Нургазиева" in await chat.ask("/speaker")


async def test_orgs_all_and_by_event(chat: Chatter) -> None:
    everything = await chat.ask("/orgs")
    assert "Общественная палата Российской Федерации (ОП РФ)" in everything
    text = await chat.ask("/orgs круглый стол")
    organizers = text.split("Организаторы:")[1].split("Участвовали:")[0]
    for name in ORGANIZERS:
        assert name in organizers
    assert "Общественная палата" not in text


async def test_org_by_abbreviation(chat: Chatter) -> None:
    text = await chat.ask("/org ГАК")
    assert "Гражданский альянс Казахстана" in text
    assert "организатор" in text
    for name in ("Бану Нургазиева", "Алибек Тажибаев"):
        assert name in text
    chamber = await chat.ask("/org ОП РФ")
    assert "Елена Тополева-Солдунова" in chamber


async def test_org_card_lists_its_members_and_works(chat: Chatter) -> None:
    """Kept per content version, not read per card: an organization's members (by name)
    and works (by title)."""
    academy = html_to_text(await chat.ask("/org Российская академия наук"))
    members = academy.index("Институт этнологии"), academy.index("Сибирское отделение")
    assert "Подразделения:" in academy and members == tuple(sorted(members))
    ministry = html_to_text(await chat.ask("/org МКИ РК"))
    assert "Комитет по делам гражданского общества" in ministry
    works = ministry.index("«Законопроект о правах"), ministry.index("«Концепция развития")
    assert works == tuple(sorted(works))
    assert "Подразделения:" not in html_to_text(await chat.ask("/org ГАК"))


async def test_cities_of_event_by_country(chat: Chatter) -> None:
    text = await chat.ask("/cities круглый стол")
    kz_line = next(line for line in text.splitlines() if line.startswith("🇰🇿"))
    ru_line = next(line for line in text.splitlines() if line.startswith("🇷🇺"))
    for city in ("Астана (Нур-Султан)", "Алматы (Алма-Ата)", "Павлодар", "Петропавловск", "Актобе"):
        assert city in kz_line
    for city in ("Новосибирск", "Томск", "Кемерово", "Екатеринбург", "Москва"):
        assert city in ru_line


async def test_upcoming_says_none_and_offers_announced(chat: Chatter) -> None:
    text = await chat.ask("/upcoming")
    assert "Предстоящих событий в материалах нет" in text
    assert "23.11.2026" in text
    assert "Российско-Казахстанский форум гражданских инициатив — июнь 2021" in text


async def test_upcoming_judged_against_today(chat: Chatter, today: list[date]) -> None:
    today[0] = date(2021, 5, 1)
    text = await chat.ask("/upcoming")
    assert "Предстоящие события (на 01.05.2021)" in text
    assert "форум гражданских инициатив" in text
    assert "21 апреля" not in text  # already past on 1 May 2021


async def test_search_finds_kinds(chat: Chatter) -> None:
    [reply] = await chat.say("/search экология")
    assert "экология" in reply.text
    assert "c:t:ecology" in {d for _, d in reply.buttons}
    [topic] = await chat.press("c:t:ecology")
    assert "Елена Тополева-Солдунова" in topic.text and "Бану Нургазиева" in topic.text


async def test_search_by_old_city_name(chat: Chatter) -> None:
    [reply] = await chat.say("/search Нур-Султан")
    assert "c:pl:astana" in {d for _, d in reply.buttons}
    [card] = await chat.press("c:pl:astana")
    assert "Наталья Калашникова" in card.text
    assert "форум гражданских инициатив" in card.text


async def test_work_card(chat: Chatter) -> None:
    [card] = await chat.press("c:w:volume-kazakhs")
    text = html_to_text(card.text)
    assert "«Казахи»" in text and "Народы и культуры" in text
    assert "презентация: Международный круглый стол" in text


async def test_unknown_command_and_stale_button(chat: Chatter) -> None:
    assert "/help" in await chat.ask("/nosuchcommand")
    [reply] = await chat.press("c:p:no-such-person")
    assert "больше нет в материалах" in reply.text


async def test_html_in_user_text_is_escaped(chat: Chatter) -> None:
    text = "\n".join(r.text for r in await chat.say("/speaker <b>Иванов</b>"))
    assert "&lt;b&gt;Иванов&lt;/b&gt;" in text and "<b>Иванов" not in text


async def test_reload_for_admin_and_refusal(chat: Chatter, content_dir) -> None:
    refused = await chat.ask("/reload")
    assert "только администраторам" in refused
    unchanged = await chat.say("/reload", user_id=ADMIN_ID)
    assert "изменений нет" in unchanged[0].text
    people = content_dir / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8")
        + ("  - id: ivanov-ivan\n    first_name: Иван\n    last_name: Иванов\n"),
        encoding="utf-8",
    )
    [changed] = await chat.say("/reload", user_id=ADMIN_ID)
    assert "люди: добавлено 1, удалено 0, изменено 0" in changed.text


async def test_reload_with_broken_file_keeps_facts(chat: Chatter, content_dir) -> None:
    (content_dir / "broken.yaml").write_text(
        "people:\n  - id: x\n    first_name: [\n", encoding="utf-8"
    )
    [reply] = await chat.say("/reload", user_id=ADMIN_ID)
    assert "Ничего не изменено" in reply.text and "content/broken.yaml:" in reply.text
    assert "Бану Нургазиева" in await chat.ask("/speaker Нургазиева")


async def test_long_answers_fit_telegram_limits(chat: Chatter) -> None:
    for command in (
        "/events",
        "/speakers",
        "/orgs",
        "/cities",
        "/search форум",
        "/speaker Нургазиева",
        "/org ГАК",
    ):
        for reply in await chat.say(command):
            assert 0 < len(reply.text) <= 4096
            for _, data in reply.buttons:
                assert len(data.encode()) <= 64


async def test_every_card_opens(chat: Chatter) -> None:
    from loading.files import read_content
    from tests.conftest import CONTENT

    content = read_content(CONTENT)
    kinds = {
        "ev": content.events,
        "p": content.people,
        "o": content.organizations,
        "pl": content.places,
        "t": content.topics,
        "w": content.works,
    }
    for kind, items in kinds.items():
        for item in items:
            replies = await chat.press(f"c:{kind}:{item.id}")
            assert replies, item.id
            for reply in replies:
                assert "ошибка" not in reply.text, item.id
                assert 0 < len(reply.text) <= 4096


async def test_search_results_are_paged(chat: Chatter) -> None:
    [first] = await chat.say("/search Казахстан")
    assert "стр. 1 из" in first.text
    more = [data for text, data in first.buttons if "Ещё" in text]
    [second] = await chat.press(more[0])
    assert second.edited and "стр. 2 из" in second.text
    assert second.text.split("\n")[2].startswith("9.")  # numbering continues
    assert await chat.press("sp:0123456789:1") == []  # forgotten query: an alert, no message
    alert = chat.session.requests[-1]
    assert "устарели" in alert.text and alert.show_alert


async def test_typo_in_name_asks_did_you_mean(chat: Chatter) -> None:
    [reply] = await chat.say("/speaker Калашникава")
    assert "Возможно, вы имели в виду" in reply.text and "Наталья Калашникова" in reply.text
    assert ("👤 Наталья Калашникова", "c:p:kalashnikova-natalya") in reply.buttons


async def test_every_city_is_listed_once(chat: Chatter, content_service) -> None:
    [reply] = await chat.say("/cities")
    lines = [line for line in html_to_text(reply.text).splitlines() if ":" in line][1:]
    names = [name.strip() for line in lines for name in line.split(":", 1)[1].split(",")]
    assert names and len(names) == len(set(names)), names
    assert len(reply.buttons) == len(names)
