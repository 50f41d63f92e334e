"""Reviewing a draft in the chat, end to end: the admin sends an article's address, checks
each fact with the buttons, corrects some by replying, drops one, sees the changes and
publishes; users are answered from the new facts at once. A review survives a restart of
the bot, and nobody else can act on it. The article is written for these tests."""

from __future__ import annotations

import re

import yaml
from aiogram.methods import AnswerCallbackQuery

from bot.factory import create_bot, create_dispatcher
from drafting.model import Draft, DraftOrganization, DraftPerson, DraftPlace, DraftPosition
from drafting.review import Action, EventField, Group, Review, Verdict, parse_date, review_of
from tests.conftest import ADMIN_ID, TODAY, USER_ID, Chatter, RecordingSession, Reply
from tests.test_drafting import link_chat, page_url  # noqa: F401  (fixtures)
from views.callbacks import ReviewStep


def _step(replies: list[Reply], label: str) -> str:
    """The callback data of the button labelled `label` among the replies (the last one)."""
    found = [data for r in replies for text, data in r.buttons if text == label]
    assert found, (label, [b for r in replies for b in r.buttons])
    return found[-1]


def _group(replies: list[Reply], heading: str) -> Reply:
    return next(r for r in replies if r.text.startswith(f"<b>{heading}</b>"))


async def test_review_in_the_chat_publishes_the_checked_facts(
    link_chat: Chatter,  # noqa: F811
    page_url: str,  # noqa: F811
    settings,
    session_maker,
    content_service,
) -> None:
    replies = await link_chat.say(f"{page_url}/news/round-table", user_id=ADMIN_ID)
    assert any("Проверим его по фактам" in r.text for r in replies)
    assert link_chat.session.sent_documents[-1][0].endswith(".draft.yaml")  # still offered
    event = _group(replies, "Событие")
    assert "Соседи без границ" in event.text and "круглый стол" in event.text
    people = _group(replies, "Люди")
    assert "Арман Сейткалиев" in people.text and "Ольга Берестова" in people.text
    every = replies

    # Nothing can be published before every fact is checked.
    left = await link_chat.press(_step(every, "🏁 Готово"), user_id=ADMIN_ID)
    assert "Пока нельзя опубликовать" in left[-1].text
    assert "не проверено" in left[-1].text

    # Another user cannot act on the review.
    refused = await link_chat.press(_step(every, "✅ 1"), user_id=USER_ID)
    assert not any("✅" in r.text for r in refused)

    # A correction that is not understood is said so; a good one is taken.
    date_edit = ReviewStep.unpack(_step([event], "✏️ 4"))
    prompt = await link_chat.press(date_edit.pack(), user_id=ADMIN_ID)
    assert "28.11.2019" in prompt[-1].text  # how to write it
    bad = await link_chat.say("на прошлой неделе", user_id=ADMIN_ID)
    assert "дату не понял" in bad[-1].text
    good = await link_chat.say("05.03.2025", user_id=ADMIN_ID)
    assert "✏️ 4. дата: 5 марта 2025" in good[-1].text

    # A correction asked for and then left for another button is let go: the next text is
    # a question again, not the title.
    await link_chat.press(_step([event], "✏️ 1"), user_id=ADMIN_ID)
    await link_chat.press(_step([event], "✅ 2"), user_id=ADMIN_ID)
    asked = await link_chat.say("Кто организовал круглый стол?", user_id=ADMIN_ID)
    assert not any("название:" in r.text for r in asked)

    # The organization a position names in brackets is the review's or a new one.
    await link_chat.press(_step([people], "✏️ 1"), user_id=ADMIN_ID)
    fixed = await link_chat.say(
        "Арман Сейткалиев — директор (Северный центр гражданских инициатив)", user_id=ADMIN_ID
    )
    assert "директор (Северный центр гражданских инициатив)" in fixed[-1].text

    # A summary in the admin's own words.
    await link_chat.press(_step([event], "✏️ 7"), user_id=ADMIN_ID)
    summary = await link_chat.say(
        "Общественники двух областей обсудили совместные проекты.", user_id=ADMIN_ID
    )
    assert "резюме: Общественники двух областей" in summary[-1].text

    # Every other fact: accepted.
    review_id = date_edit.review
    for group, count in (
        (Group.EVENT, 6),
        (Group.PEOPLE, 2),
        (Group.ORGANIZATIONS, 10),
        (Group.CITIES, 10),
    ):
        for index in range(count):
            step = ReviewStep(review=review_id, group=group, index=index, action=Action.ACCEPT)
            if (group, index) not in ((Group.EVENT, 3), (Group.PEOPLE, 0)):
                await link_chat.press(step.pack(), user_id=ADMIN_ID)
    cities = _group(replies, "Города")
    prompt = await link_chat.press(_step([cities], "➕ Добавить"), user_id=ADMIN_ID)
    assert "Город, KZ" in prompt[-1].text
    added = await link_chat.say("Омск, RU", user_id=ADMIN_ID)
    assert "Омск, Россия" in added[-1].text
    # The other person's answer is dropped then restored: the last verdict counts.
    drop = ReviewStep(review=review_id, group=Group.PEOPLE, index=1, action=Action.DROP)
    dropped = await link_chat.press(drop.pack(), user_id=ADMIN_ID)
    assert dropped[-1].edited and "<s>❌ 2." in dropped[-1].text
    await link_chat.press(
        drop.model_copy(update={"action": Action.ACCEPT}).pack(), user_id=ADMIN_ID
    )

    # A restart loses nothing: a new dispatcher over the same database goes on.
    dp = create_dispatcher(
        settings.with_changes(fetch_allowed_hosts=frozenset({"127.0.0.1"})),
        session_maker,
        content_service,
        today=lambda: TODAY,
    )
    recording = RecordingSession()
    restarted = Chatter(dp, create_bot("123:test", settings, session=recording), recording)
    finish = ReviewStep(review=review_id, group=Group.EVENT, index=0, action=Action.FINISH)
    ready = await restarted.press(finish.pack(), user_id=ADMIN_ID)
    assert "Опубликовать эти изменения?" in ready[-1].text, ready[-1].text
    assert "➕ event" in ready[-1].text
    published = await restarted.press(_step(ready, "📤 Опубликовать"), user_id=ADMIN_ID)
    assert "сохранён и загружен" in published[-1].text
    assert "Исправлено, убрано или добавлено пунктов при проверке: 4" in published[-1].text

    answer = await restarted.ask("Кто выступал на круглом столе в Петропавловске?")
    assert "Арман Сейткалиев" in answer and "Ольга Берестова" in answer
    answer = await restarted.ask("Когда прошёл круглый стол «Соседи без границ»?")
    assert "5 марта 2025" in answer
    answer = await restarted.ask("Какие города участвовали в круглом столе «Соседи без границ»?")
    assert "Омск" in answer

    # The file in content/ says it was reviewed and holds no TODO and no article sentence.
    written = [p for p in content_service.content_dir.glob("*.yaml") if "sosedi" in p.name]
    assert len(written) == 1
    text = written[0].read_text("utf-8")
    assert "TODO" not in text and "«" not in text.split("title:")[0]
    assert yaml.safe_load(text)["review"] == "reviewed"

    # Published, the review takes no more steps.
    again = await restarted.press(_step(ready, "📤 Опубликовать"), user_id=ADMIN_ID)
    alert = recording.requests[-1]
    assert not again and isinstance(alert, AnswerCallbackQuery)
    assert "уже нет или он опубликован" in (alert.text or "")
    await restarted.bot.session.close()


def _draft() -> Draft:
    return Draft(
        source_file="a.txt",
        title="Встреча в Омске",
        kind="meeting",
        date={"year": 2024, "month": 5},
        date_sentence=None,
        format="unknown",
        people=[
            DraftPerson(
                "ivanov-ivan",
                "Иван",
                "Иванов",
                False,
                positions=[DraftPosition("директор", "fond-step", "")],
            ),
            DraftPerson("petrova", None, "Петрова", False),
        ],
        organizations=[DraftOrganization("fond-step", "Фонд «Степь»", [], False, "")],
        places=[
            DraftPlace("omsk", "Омск", True),
            DraftPlace("shchuchinsk", "Щучинск", False, "", None),
        ],
        place="omsk",
    )


def test_a_review_lists_what_keeps_it_from_publishing() -> None:
    review = review_of(_draft(), "a.txt", "Статья", {"fond-step": ("civil-alliance", "ГАК")})
    codes = {(g, i, p) for g, i, p in review.problems()}
    assert (Group.PEOPLE, 1, "no_first_name") in codes  # a person needs a first name
    assert (Group.CITIES, 1, "no_country") in codes  # a new city needs its country
    assert sum(1 for *_, p in codes if p == "pending") == 7 + 2 + 1 + 2
    for group in Group:
        for index in range(len(review.items(group))):
            review.decide(group, index, Action.ACCEPT)
    assert review.correct(Group.PEOPLE, 1, "Анна Петрова") is None
    assert review.correct(Group.CITIES, 1, "Щучинск, KZ") is None
    assert review.problems() == []
    # The organization offered as existing takes its id everywhere it was used.
    assert review.decide(Group.ORGANIZATIONS, 0, Action.SAME)
    assert review.people[0].positions[0].organization == "civil-alliance"
    content = yaml.safe_load(review.content_yaml())
    assert "organizations" not in content  # nothing new: the known one is used
    [event] = content["events"]
    assert event["organizations"] == [{"organization": "civil-alliance", "role": "participant"}]
    assert {"id": "shchuchinsk", "name": "Щучинск", "country": "KZ"} in content["places"]
    assert review.actions() == 2


def test_dropped_facts_leave_no_reference_behind() -> None:
    review = review_of(_draft(), "a.txt", "Статья", {})
    review.decide(Group.ORGANIZATIONS, 0, Action.DROP)
    review.decide(Group.CITIES, 0, Action.DROP)
    review.decide(Group.EVENT, list(EventField).index(EventField.DATE), Action.DROP)
    assert not review.decide(Group.EVENT, 0, Action.DROP)  # a title is corrected, not dropped
    content = yaml.safe_load(review.content_yaml())
    [event] = content["events"]
    assert "place" not in event and "date" not in event and "organizations" not in event
    assert event["participants"][0]["positions"] == [{"title": "директор"}]
    assert review.event[0].verdict is Verdict.PENDING


def test_corrections_are_read_or_refused() -> None:
    review = review_of(_draft(), "a.txt", "Статья", {})
    date = list(EventField).index(EventField.DATE)
    assert review.correct(Group.EVENT, date, "31.02.2024") == "date"
    assert review.correct(Group.EVENT, date, "март 2023") is None
    assert review.date == {"year": 2023, "month": 3}
    kind = list(EventField).index(EventField.KIND)
    assert review.correct(Group.EVENT, kind, "пикник") == "kind"
    assert review.correct(Group.EVENT, kind, "Круглый стол") is None
    assert review.kind == "round_table"
    assert review.correct(Group.PEOPLE, 0, "Иванов") == "person"
    assert review.correct(Group.PEOPLE, 0, "Иван Иванов [ведущий]") == "role"
    assert review.correct(Group.PEOPLE, 0, "Иван Иванов — директор [модератор]") is None
    assert review.people[0].role == "moderator"
    assert [p.title for p in review.people[0].positions] == ["директор"]
    assert review.correct(Group.PEOPLE, 0, "Иван Иванов — [участник]") is None
    assert review.people[0].positions == [] and review.people[0].role == "participant"
    assert review.correct(Group.ORGANIZATIONS, 0, "Фонд «Степь», KZ, организатор") is None
    assert (review.organizations[0].country, review.organizations[0].role) == ("KZ", "organizer")
    place = list(EventField).index(EventField.PLACE)
    assert review.correct(Group.EVENT, place, "Павлодар, KZ") is None
    assert review.city_name(review.place) == "Павлодар"
    assert review.correct(Group.PEOPLE, 5, "Анна Петрова") == "gone"
    # A fact the draft missed is added as a correction is typed.
    assert review.add(Group.PEOPLE, "Олег Ким — директор (Фонд «Степь»)") is None
    assert review.people[-1].positions[0].organization == "fond-step"
    assert review.add(Group.ORGANIZATIONS, "Союз «Бірлік», KZ, партнёр") is None
    assert (review.organizations[-1].name, review.organizations[-1].role) == (
        "Союз «Бірлік»",
        "partner",
    )
    assert review.add(Group.CITIES, "") == "empty"
    # A city content already holds is that city, whichever of its names is typed.
    review.known_places = {
        "астана": ("astana", "Астана", "KZ"),
        "нур-султан": ("astana", "Астана", "KZ"),
    }
    assert review.add(Group.CITIES, "Нур-Султан, KZ") is None
    assert (review.cities[-1].id, review.cities[-1].known) == ("astana", True)
    assert review.add(Group.CITIES, "Астана") == "duplicate"
    assert review.add(Group.EVENT, "что-то") == "gone"
    assert parse_date("28 ноября 2019 года") == {"year": 2019, "month": 11, "day": 28}
    assert parse_date("2019-11-28") == {"year": 2019, "month": 11, "day": 28}
    assert parse_date("11.2019") == {"year": 2019, "month": 11}
    assert parse_date("завтра") is None
    assert parse_date("21.10") == {"month": 10, "day": 21}  # no year written
    assert parse_date("21 октября") == {"month": 10, "day": 21}
    assert parse_date("2019?") == {"year": 2019, "inferred": 1}
    assert parse_date("21.10?") is None  # nothing to infer
    assert parse_date("30.02") is None
    assert re.fullmatch(r"[a-z0-9-]+\.yaml", review.file_name())
    assert Review.model_validate_json(review.model_dump_json()) == review


def test_a_review_never_publishes_what_it_did_not_mean() -> None:
    draft = _draft()
    draft.people[1] = DraftPerson("petrov-ivan", "Иван", "Петров", True)  # content's person
    review = review_of(draft, "a.txt", "Статья", {"ivanov-ivan": ("petrov-ivan", "Иван Петров")})
    # An event's title, kind and status are corrected, never dropped.
    for field in (EventField.TITLE, EventField.KIND, EventField.STATUS):
        assert not review.decide(Group.EVENT, list(EventField).index(field), Action.DROP)
    # «It is that person» cannot make two facts one.
    assert not review.decide(Group.PEOPLE, 0, Action.SAME)
    # Content's person given another name is another person, with an id of their own.
    assert review.correct(Group.PEOPLE, 1, "Олег Смирнов — директор") is None
    renamed = review.people[1]
    assert (renamed.known, renamed.id) == (False, "smirnov-oleg")
    # Ids content already gives others are never reused; the file has a name of its own.
    review.free_ids({"ivanov-ivan", "fond-step", "2024-vstrecha-v-omske"})
    assert review.people[0].id == "ivanov-ivan-2"
    assert review.people[0].positions[0].organization == review.organizations[0].id == "fond-step-2"
    assert review.event_id() == "2024-vstrecha-v-omske-2"
    review.id = 7
    assert review.file_name().endswith("-r7.yaml")
    # Too long a text is refused, not written.
    assert review.correct(Group.CITIES, 1, "Щ" * 400 + ", KZ") == "too_long"
    assert review.correct(Group.PEOPLE, 0, "Иван Иванов — " + "д" * 400) == "too_long"
    summary = list(EventField).index(EventField.SUMMARY)
    assert review.correct(Group.EVENT, summary, "с" * 1600) == "summary_too_long"


def test_pasted_texts_have_sources_of_their_own() -> None:
    first, second = (review_of(_draft(), "message.txt", "Статья", {}) for _ in range(2))
    first.id, second.id = 1, 2
    assert first.source_id() != second.source_id()
    page = review_of(_draft(), "https://example.org/news/1", "Статья", {})
    assert page.source_id().startswith("article-https-example-org")


def test_what_content_holds_under_the_same_name_is_linked_not_doubled() -> None:
    review = review_of(_draft(), "a.txt", "Статья", {})
    assert review.add(Group.ORGANIZATIONS, "Гражданский альянс Казахстана, KZ, партнёр") is None
    names = {
        "organizations": {
            "гражданский альянс казахстана": ("civil-alliance-kz", "Гражданский альянс Казахстана"),
            "фонд степь": ("fond-step-kz", "Фонд «Степь»"),
        },
        "people": {"иван иванов": ("ivanov-ivan-kz", "Иван Иванов")},
    }
    review.link_known(names)
    orgs = {o.name: (o.id, o.known) for o in review.organizations}
    assert orgs["Гражданский альянс Казахстана"] == ("civil-alliance-kz", True)
    assert orgs["Фонд «Степь»"] == ("fond-step-kz", True)  # quotes aside, the same name
    assert review.people[0].positions[0].organization == "fond-step-kz"
    assert (review.people[0].id, review.people[0].known) == ("ivanov-ivan-kz", True)
    content = yaml.safe_load(_publishable(review).content_yaml())
    assert "organizations" not in content and content["people"] == [
        {"id": "petrova-anna", "first_name": "Анна", "last_name": "Петрова"}
    ]


def _publishable(review: Review) -> Review:
    for group in Group:
        for index in range(len(review.items(group))):
            review.decide(group, index, Action.ACCEPT)
    review.correct(Group.PEOPLE, 1, "Анна Петрова")
    review.correct(Group.CITIES, 1, "Щучинск, KZ")
    assert review.problems() == []
    return review


def test_an_organization_the_article_names_twice_is_published_once() -> None:
    draft = _draft()
    draft.organizations.append(DraftOrganization("fond", "Фонд «Степь»", [], False, ""))
    draft.people[0].positions = [DraftPosition("директор", "fond", "")]
    review = _publishable(review_of(draft, "a.txt", "Статья", {}))
    review.organizations[1].role = "organizer"
    review.link_known({})  # at «Готово» and when publishing
    kept, twin = review.organizations
    assert (kept.id, kept.role, twin.verdict) == ("fond-step", "organizer", Verdict.DROPPED)
    assert review.people[0].positions[0].organization == "fond-step"
    content = yaml.safe_load(review.content_yaml())
    assert [o["id"] for o in content["organizations"]] == ["fond-step"]
    [event] = content["events"]
    assert event["organizations"] == [{"organization": "fond-step", "role": "organizer"}]


def test_one_press_gives_every_organization_without_a_country_the_same() -> None:
    from dataclasses import replace

    from views import review as view

    draft = _draft()
    draft = replace(
        draft,
        organizations=[
            DraftOrganization("fond-step", "Фонд «Степь»", [], False, ""),
            DraftOrganization("hor", "Хор ветеранов", [], False, ""),
            DraftOrganization("akimat", "Акимат области", [], False, "", country="KZ"),
        ],
    )
    review = review_of(draft, "a.txt", "Статья", {})
    assert review.without_country() == [0, 1]
    pressed = [
        button.text
        for row in view.chunk_buttons(review, Group.ORGANIZATIONS, 0, False).inline_keyboard
        for button in row
    ]
    assert any("всем без страны" in text and "Казахстан" in text for text in pressed), pressed
    assert review.decide(Group.ORGANIZATIONS, 0, Action.ALL_KZ)
    assert [o.country for o in review.organizations] == ["KZ", "KZ", "KZ"]
    assert [o.verdict for o in review.organizations[:2]] == [Verdict.ACCEPTED] * 2
    assert review.organizations[2].verdict is Verdict.PENDING  # it had its own: still to check
    assert review.actions() == 1  # one press
    assert not review.decide(Group.ORGANIZATIONS, 0, Action.ALL_RU)  # none is left without
    assert not any(
        "всем без страны" in button.text
        for row in view.chunk_buttons(review, Group.ORGANIZATIONS, 0, False).inline_keyboard
        for button in row
    )
