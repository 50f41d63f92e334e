"""Drafting's reading of names, positions and organizations, on sentences written for these
tests: names to the nominative in any case and order, initials, positions after a name or in
an oblique case, a unit kept in the title, two positions joined by «и», and page furniture
that is no organization."""

from __future__ import annotations

import pytest

from drafting.event import event_title_and_kind
from drafting.extract import draft_article
from drafting.model import Draft
from drafting.names import Context, nominative, split_initials
from drafting.nlp import analyse
from drafting.positions import title_nominative

pytestmark = pytest.mark.one_database


def _positions(draft: Draft) -> dict[str, list[tuple[str, str | None]]]:
    """Each person's positions as (title, organization's name), by full name."""
    orgs = {o.id: o.name for o in draft.organizations}
    return {
        p.full_name: [(q.title, orgs.get(q.organization or "")) for q in p.positions]
        for p in draft.people
    }


def _roles(draft: Draft) -> dict[str, str]:
    """Each organization's role at the event, by name."""
    return {o.name: draft.role_of(o) for o in draft.organizations}


@pytest.mark.parametrize(
    ("written", "context", "expected"),
    [
        ("Дарьи Лебедевой", Context(), "Дарья Лебедева"),  # genitive, a woman
        ("Тимуру Сейсенову", Context(), "Тимур Сейсенов"),  # dative
        ("Галиной Орловой", Context(), "Галина Орлова"),  # instrumental
        ("Асылжана Кенеса", Context(subject=False), "Асылжан Кенес"),  # a Kazakh name
        ("Меруерт Абдыкаримовой", Context(), "Меруерт Абдыкаримова"),  # her name never changes
        ("Бекзат Нурланулы", Context(), "Бекзат Нурланулы"),  # -улы never changes
        ("Нины Шевченко", Context(), "Нина Шевченко"),  # -енко never changes
        ("Ахмет-Жаном Сулеевым", Context(), "Ахмет-Жан Сулеев"),  # the last part changes
        ("Антона Сергеевича Валиева", Context(), "Антон Сергеевич Валиев"),
        ("Ковальской Инне Петровне", Context(), "Ковальская Инна Петровна"),
        # Initials tell no gender: the clause's role does.
        ("Р. Мамедова", Context(subject=True), "Р. Мамедова"),  # «Р. Мамедова отметила»
        ("Р. Мамедова", Context(subject=False), "Р. Мамедов"),  # «письмо Р. Мамедова»
        ("Р. Мамедова", Context(gender="femn"), "Р. Мамедова"),
    ],
)
def test_names_are_read_in_the_nominative(written: str, context: Context, expected: str) -> None:
    assert " ".join(nominative(written.split(), context)) == expected


def test_initials_are_split_from_surnames_in_any_order() -> None:
    assert split_initials("К.Жумагулов") == ["К.", "Жумагулов"]
    assert split_initials("Е. А. Соколова") == ["Е.А.", "Соколова"]
    assert split_initials("Жумагулов К.Т.") == ["Жумагулов", "К.Т."]


ARTICLE = """Главная   Новости   Общество   Культура
ПОДЕЛИТЬСЯ

В Петропавловске обсудили работу молодёжных НКО

12 апреля в Петропавловске прошёл круглый стол о молодёжных инициативах.
Открыла встречу Дарья Лебедева, председатель правления общественного фонда «Северный ветер».
По словам Тимура Сейсенова, руководителя отдела молодёжной политики акимата
Кызылжарского района, сёла ждут волонтёров.
Меруерт Абдыкаримова, являющаяся директором областного ресурсного центра «Бірлік»,
рассказала о грантах.
Слово взял Антон Валиев, председатель клуба «Диалог» и член Общественной палаты Омской области.
Экспертом выступил К.Жумагулов из Кокшетау.
"""


def test_a_draft_reads_positions_wherever_they_are_written() -> None:
    draft = draft_article(ARTICLE, "petropavlovsk.txt")
    orgs = {o.id: o.name for o in draft.organizations}
    people = _positions(draft)
    assert people["Дарья Лебедева"] == [
        ("председатель правления", "Общественный фонд «Северный ветер»")
    ]
    # A unit inside an organization stays in the title; the title is in the nominative.
    assert people["Тимур Сейсенов"] == [
        ("руководитель отдела молодёжной политики", "Акимат Кызылжарского района")
    ]
    assert people["Меруерт Абдыкаримова"] == [("директор", "Областной ресурсный центр «Бірлік»")]
    assert people["Антон Валиев"] == [
        ("председатель", "Клуб «Диалог»"),
        ("член", "Общественная палата Омской области"),
    ]
    assert "К. Жумагулов" in people or any(p.last_name == "Жумагулов" for p in draft.people)
    # The site's menu is no organization.
    assert not any("Новости" in name or "Культура" in name for name in orgs.values())


DATED = """Новости   Регионы   Общество
Курган, 14 июня 2024 г. | Рубрика: Общество
Поделиться

Вчера в Кургане прошёл форум «Соседи по степи».
Форум собрал общественников Курганской и Северо-Казахстанской областей.
"""


def test_the_page_date_is_furniture_and_dates_what_happened_yesterday() -> None:
    draft = draft_article(DATED, "kurgan.txt")
    assert draft.date == {"year": 2024, "month": 6, "day": 13, "inferred": 1}
    assert draft.title is not None and "Рубрика" not in draft.title
    assert not any("Новости" in o.name for o in draft.organizations)


FRAGMENTS = """В Уральске прошла встреча с Генеральным консульством РФ в РК.
Директор Уральского областного центра «Достык» Сергей Белокур- ский представил Устав центра.
"""


def test_whom_a_theatre_or_a_street_is_named_after_is_no_one_at_the_event() -> None:
    text = (
        "В театре имени Ф. М. Достоевского на улице Карла Маркса выступил директор "
        "школы им. М. Ростроповича Иван Петров.\n"
    )
    names = [p.full_name for p in draft_article(text, "omsk.txt").people]
    assert names == ["Иван Петров"], names


def test_a_body_called_by_its_kind_takes_the_name_in_quotes_after_it() -> None:
    text = (
        "В форуме приняла участие Детская общественная организация Курганской области "
        "«Открытый мир», а в библиотеке прошла конференция «Казахстан и Россия».\n"
    )
    names = {o.name for o in draft_article(text, "kurgan.txt").organizations}
    assert names == {"Детская общественная организация Курганской области «Открытый мир»"}, names


def test_a_mission_or_a_branch_of_a_body_is_the_employer() -> None:
    text = (
        "Гостей поприветствовала руководитель представительства Россотрудничества в Казахстане "
        "Анна Миронова. Выступил председатель Курганского регионального отделения Ассамблеи "
        "народов России Иван Петров.\n"
    )
    positions = _positions(draft_article(text, "astana.txt"))
    assert positions["Анна Миронова"] == [
        ("руководитель", "Представительство Россотрудничества в Казахстане")
    ], positions
    assert positions["Иван Петров"] == [
        ("председатель", "Курганское региональное отделение Ассамблеи народов России")
    ], positions


def test_a_city_the_tagger_leaves_in_an_oblique_case_is_named_in_the_nominative() -> None:
    from drafting.nlp import Span
    from drafting.places import city_name

    def named(written: str) -> str:  # the tagger's normal form left as written
        return city_name(Span("LOC", 0, len(written), written, written))

    assert named("Уральска") == "Уральск"
    assert named("Кызылорды") == "Кызылорда"
    assert named("Усть-Каменогорска") == "Усть-Каменогорск"
    assert named("Нижний Новгород") == "Нижний Новгород"  # as the tagger gave it


def test_a_city_called_by_its_nickname_is_that_city_in_its_country() -> None:
    text = (
        "Приём прошёл в Южной столице. Его организовало Генеральное консульство Российской "
        "Федерации в Южной столице.\n"
    )
    draft = draft_article(text, "almaty.txt")
    assert [(p.name, p.country) for p in draft.places] == [("Алматы", "KZ")]


def test_a_mission_or_a_house_is_named_with_the_city_it_serves_and_keeps_its_country() -> None:
    text = (
        "Концерт подготовили Русский дом в Астане и Посольство Республики Казахстан в Москве. "
        "Гостей встретили в Казахском культурном центре г. Омска.\n"
    )
    draft = draft_article(text, "astana.txt")
    countries = {o.name: o.country for o in draft.organizations}
    assert countries.get("Русский дом в Астане", "absent") is None, countries
    assert countries.get("Посольство Республики Казахстан в Москве") == "KZ", countries
    assert {"Астана", "Москва"} <= {p.name for p in draft.places}, draft.places


def test_a_news_feed_s_heading_is_page_furniture() -> None:
    text = (
        "Новости культуры\n\nЛента новостей\n\nВ Омске прошёл концерт ансамбля «Сарыарка». "
        "Выступил директор Дома дружбы Иван Петров.\n"
    )
    names = {o.name for o in draft_article(text, "omsk.txt").organizations}
    assert names == {"Дом дружбы", "Ансамбль «Сарыарка»"}, names


def test_fragments_are_no_organizations() -> None:
    draft = draft_article(FRAGMENTS, "uralsk.txt")
    names = [o.name for o in draft.organizations]
    assert not any(name.startswith(("Рф", "РФ в", "Устав")) for name in names), names
    assert any(p.last_name == "Белокурский" for p in draft.people)  # a word broken at «- »
    # a kind of body alone, said of one named before, names none
    alone = draft_article("Ассоциация провела концерт в Омске. Общество поддержало проект.\n", "a")
    assert alone.organizations == [], alone.organizations


def test_an_organization_s_country_comes_from_the_places_its_name_holds() -> None:
    from drafting.organizations import org_country

    assert org_country("Общественная палата Оренбургской области", []) == "RU"
    assert org_country("Управление внутренней политики Астаны", []) == "KZ"
    assert org_country("Барнаульский педагогический колледж", []) == "RU"  # Барнаул|ь|ский
    # a mission is of the country it comes from, not of where it serves
    assert org_country("Представительство Россотрудничества в Республике Казахстан", []) == "RU"
    assert org_country("Генеральное консульство Республики Казахстан в Омске", []) == "KZ"
    # a people is no country when a place is named: the Kazakh centre is in Astrakhan
    assert org_country("Астраханская общественная организация казахской культуры", []) == "RU"
    assert org_country("Совет российских соотечественников г. Нур-Султан", []) == "KZ"
    assert org_country("Российско-казахстанский клуб дружбы", []) is None
    # a federal body is Russia's, and so is its centre of science and culture abroad
    assert org_country("Федеральное агентство по делам национальностей", []) == "RU"
    assert org_country("Российский центр науки и культуры в Алматы", []) == "RU"
    assert org_country("Фонд «Степь»", []) is None  # nothing tells: the admin decides


def test_a_region_a_name_holds_and_a_name_in_kazakh_tell_the_country() -> None:
    from drafting.organizations import org_country

    # a republic, a region no city names, a region's abbreviation
    assert org_country("Министерство культуры Республики Башкортостан", []) == "RU"
    assert org_country("Жамбылский областной театр", []) == "KZ"
    assert org_country("Забайкальское общество дружбы", []) == "RU"
    assert org_country("Ассамблея народа Казахстана ЗКО", []) == "KZ"
    assert org_country("Совет ветеранов СКО", []) == "KZ"
    # «российский» and a name in Kazakh letters tell no country: a Russian choir of Pavlodar,
    # a Kazakh ensemble of Kurgan, a Belarusian or a Tatar name
    assert org_country("Российское общество дружбы «Астана» города Павлодара", []) == "KZ"
    assert org_country("Российско-Таджикский славянский университет", []) is None
    assert org_country("волонтёрский штаб «Сенім»", []) is None
    assert org_country("белорусское общество «Радзіма»", []) is None
    assert org_country("ансамбль «Гөлҗимеш»", []) is None
    # what the quotes hold is the body's own name, not its place
    assert org_country("челябинский хор «Уральские зори»", []) == "RU"
    assert org_country("ансамбль «Уральские зори»", []) is None
    # a people is no region: a society of its culture may be anywhere
    assert org_country("Общество башкирской культуры «Агидель»", []) is None
    assert org_country("Дагестанский культурный центр", []) is None
    assert org_country("Общество «Чуваши»", []) is None


def test_a_society_of_the_kazakh_diaspora_is_in_russia() -> None:
    from drafting.organizations import org_country

    assert org_country("Казахский национально-культурный центр «Жулдыз»", []) == "RU"
    assert org_country("Клуб казахской культуры «Арман»", []) == "RU"
    assert org_country("Союз казахов Поволжья", []) == "RU"
    # a world body of Kazakhs is Kazakhstan's, and Russian societies are on both sides
    assert org_country("Всемирная ассоциация казахов", []) is None
    assert org_country("Общество русской культуры «Лад»", []) is None
    # a place named still comes first
    assert org_country("Казахский культурный центр Павлодара", []) == "KZ"


def test_a_legal_form_one_country_has_tells_the_country() -> None:
    from drafting.organizations import org_country

    assert org_country("ОО «Славянский центр»", []) == "KZ"
    assert org_country("Общественное объединение «Дружба»", []) == "KZ"
    assert org_country("Аппарат акима района", []) == "KZ"
    assert org_country("АНО «Мост дружбы»", []) == "RU"
    assert org_country("Национально-культурная автономия казахов", []) == "RU"
    # a place named wins over a form: a Kazakh society registered in Samara
    assert org_country("Самарская региональная общественная организация «Туган тел»", []) == "RU"
    assert org_country("Общественная организация «Степь»", []) is None  # both have them


def test_a_local_body_that_names_no_place_is_in_the_event_s_city() -> None:
    text = (
        "В Костанае прошёл круглый стол о народной дипломатии. Его открыл главный редактор "
        "областной газеты «Заря» Ержан Омаров.\n"
    )
    draft = draft_article(text, "kostanay.txt")
    paper = next(o for o in draft.organizations if "Заря" in o.name)
    assert paper.country == "KZ"
    # with no city for the event, nothing tells where «the region» is
    unplaced = draft_article(text.replace("В Костанае прошёл", "Прошёл"), "nowhere.txt")
    assert next(o for o in unplaced.organizations if "Заря" in o.name).country is None


def test_an_event_in_a_city_with_no_word_of_being_online_was_held_in_person() -> None:
    assert draft_article(DATED, "kurgan.txt").format == "offline"
    online = DATED.replace("прошёл форум", "прошёл в режиме видеосвязи форум")
    assert draft_article(online, "kurgan.txt").format == "online"
    # a telebridge is held online, wherever its studio is
    bridge = DATED.replace("прошёл форум", "прошёл в формате телемоста форум")
    assert draft_article(bridge, "kurgan.txt").format == "online"
    # something else online, or a meeting online another time, says nothing of this one
    for aside in (
        "Участники предложили создать общий онлайн-календарь событий.",
        "Технику передали школам для онлайн-обучения.",
        "Следующую встречу организаторы планируют провести в формате онлайн-моста.",
    ):
        assert draft_article(f"{DATED}\n{aside}\n", "kurgan.txt").format == "offline", aside
    # some joining online from afar a meeting held in a city: both; all of them: online
    some = f"{DATED}\nЧасть участников подключилась по видеосвязи из Тюмени.\n"
    assert draft_article(some, "kurgan.txt").format == "hybrid"
    everyone = f"{DATED}\nВсе участники подключались по видеосвязи.\n"
    assert draft_article(everyone, "kurgan.txt").format == "online"


def test_the_event_s_own_name_is_its_title() -> None:
    concert = (
        "12.05.2023 В Доме дружбы прошёл концерт под названием «Голоса степи и тайги», "
        "собравший артистов двух стран. Организатором выступил областной центр «Достык»."
    )
    assert draft_article(concert, "a.txt").title == "Голоса степи и тайги"
    inside = (
        "Соседи договорились о встречах\n\n"
        "В рамках фестиваля «Песни Иртыша» прошёл круглый стол «Культура без границ». "
        "Его участники обсудили гастроли."
    )
    assert draft_article(inside, "b.txt").title == "Культура без границ"


def test_quoted_names_stay_as_written_and_share_buttons_name_nothing() -> None:
    article = (
        "Поделиться   ВКонтакте   Telegram\n\n"
        "В Караганде прошёл форум НКО «Степные соседи».\n"
        "Председатель ОО «Центр гражданских инициатив» Нурлан Абенов рассказал о грантах.\n"
    )
    draft = draft_article(article, "a.txt")
    names = [o.name for o in draft.organizations]
    assert "ОО «Центр гражданских инициатив»" in names, names
    assert not any("ВКонтакте" in n or "Степные соседи" in n for n in names), names


PAGE = "\n".join(
    [
        "Версия для слабовидящих",
        "Акимат Павлодарской области",
        "Главная / Новости",
        "12 апреля 2023, 10:15 | Общество",
        "",
        "На берегу Иртыша встретились соседи",
        "",
        "Вчера в Павлодаре прошёл международный фестиваль народной песни «Голоса Прииртышья», "
        "который собрал коллективы из Омской и Павлодарской областей. Организаторами стали "
        "управление культуры акимата Павлодарской области и Дома дружбы народов Омской области.",
        "",
        "Фестиваль открыл Заслуженный деятель Казахстана, художественный руководитель областной "
        "филармонии Нуржан Сейткали. На встрече заместителя акима Павлодарской области Бекова "
        "Ерлана Маратовича с гостями выступила и.о. руководителя управления внутренней политики "
        "акимата Павлодарской области Аманова Динара Кенесовна.",
        "Заведующая кафедрой Т. В. Морозова представила сборник песен. Призы вручены "
        "руководителю хора «Сибирячка» Зуевой Галине Петровне. Доклад сделал профессор Олег "
        "Рябов. По словам заместителя директора филармонии Ольги Ким, фестиваль станет "
        "ежегодным. Среди гостей были НКО Омской и Фонды.",
    ]
)


def test_a_page_is_read_by_its_structure() -> None:
    draft = draft_article(PAGE, "pavlodar.txt")
    # the site's name is no headline, and the festival's own name beats the headline
    assert draft.title == "Голоса Прииртышья"
    orgs = {o.id: o.name for o in draft.organizations}
    people = {p.full_name: p for p in draft.people}
    positions = {
        name: [(q.title, orgs.get(q.organization or "")) for q in p.positions]
        for name, p in people.items()
    }
    # adjectives and honours stay in the title; two titles before a name are two
    assert positions["Нуржан Сейткали"] == [
        ("заслуженный деятель Казахстана", None),
        ("художественный руководитель", "Областная филармония"),
    ]
    # a surname-first name after a title in the genitive, read in the nominative
    assert "Ерлан Маратович Беков" in people
    # «и.о.» keeps its genitive; a department of an akimat stays in the title
    assert positions["Динара Кенесовна Аманова"] == [
        (
            "и.о. руководителя управления внутренней политики",
            "Акимат Павлодарской области",
        )
    ]
    # a woman's title in the nominative says the name after it is hers, as written
    assert "Т.В. Морозова" in people
    # a surname the tagger cut from the name after it is one person again
    assert "Галина Петровна Зуева" in people
    # «доклад сделал» and «по словам заместителя …» are said by the person named
    assert people["Олег Рябов"].role == "speaker"
    assert people["Ольга Ким"].role == "speaker"
    # only the head of an organization's name changes case; fragments are no organizations
    assert "Дом дружбы народов Омской области" in orgs.values()
    assert not {"НКО Омской", "Фонды"} & set(orgs.values()), orgs


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # «в минувшее воскресенье» before a Monday's page: the day before
        (
            "Пн, 11 марта 2019 | Подписка | Архив\n\nЗаголовок новости\n\n"
            "В минувшее воскресенье в Уральске прошёл праздник «Широкая Масленица» для всех.",
            {"year": 2019, "month": 3, "day": 10, "inferred": 1},
        ),
        # «в выходные» before an agency's dateline: the Saturday; the dateline is no event date
        (
            "06.07.2015 18:42 | Культура\n\nЗаголовок\n\nКОСТАНАЙ, 6 июля – ИА «Вести». В "
            "выходные в Костанае прошёл фестиваль «Созвездие». Его посетили гости.",
            {"year": 2015, "month": 7, "day": 4, "inferred": 1},
        ),
        # «с 8 по 10 июля» is the 8th; the year from the page's stamp with its counters
        (
            "15 июля 2022, 09:30 · Просмотры: 527 · Поделиться\n\nЗаголовок\n\n"
            "С 8 по 10 июля в селе Илек прошёл форум «Ветер степи». Участников было много.",
            {"year": 2022, "month": 7, "day": 8, "inferred": 1},
        ),
        # a stamp with no year: the year from the anniversary the report is for
        (
            "14 декабря | Просмотров: 89 | Печать\n\nК 30-летию Независимости Республики "
            "Казахстан в библиотеке прошла конференция «Книга и время». Пришли читатели.",
            {"year": 2021, "month": 12, "inferred": 1},
        ),
        # no date at all: the year of the anniversary, from when the body was founded or
        # from a year every reader knows
        (
            "Центр «Славяне» отметил 20 летний юбилей.\n\nЦентр образован 19 июля 1997г. и "
            "объединяет двести человек.",
            {"year": 2017, "inferred": 1},
        ),
        (
            "В Алматы прошла конференция в честь 80-летия Победы. Её участники вспомнили героев.",
            {"year": 2025, "inferred": 1},
        ),
        # a year written after the month with nothing after it is that date's, not a year
        # the text recalls
        (
            "(21 мая 2015) Делегация из Казани находится с визитом в Астане. Напомним, в 2004 "
            "году города подписали меморандум.",
            {"year": 2015, "month": 5, "day": 21},
        ),
        # a city's dateline opening a release dates the release: the month and year only
        (
            "Омск. 12 марта 2020 года. В Омске обсудили работу казахских центров региона на "
            "встрече с гостями из Павлодара.",
            {"year": 2020, "month": 3},
        ),
        # so does a date with the hour it was posted, run into the text
        (
            "Общее наследие 3 апреля 2021 г. 18:05 Иван Петров В Кургане прошла выставка "
            "мастеров двух стран, её открыли гости из Костаная.",
            {"year": 2021, "month": 4},
        ),
        # when the host was founded is no date of the event
        (
            "Клуб «Истоки» основан 3 мая 2004 года. 15 ноября клуб собрал друзей на вечер "
            "песни, в гости приехали ансамбли из Омска.",
            {"month": 11, "day": 15},
        ),
        # «управление образования» tells of no founding
        (
            "15 ноября в Омске прошла встреча учителей, её подготовило управление образования.",
            {"month": 11, "day": 15},
        ),
        # an announcement's hour is the event's: its day stays
        (
            "Фестиваль дружбы пройдёт 20 мая 2023 года, 18:00, в Доме дружбы. Приглашаются все.",
            {"year": 2023, "month": 5, "day": 20},
        ),
        # a word that is no city before the date: the event's day
        (
            "Сегодня, 5 октября 2022 года, в Астане открылся форум общественников двух стран.",
            {"year": 2022, "month": 10, "day": 5},
        ),
    ],
)
def test_a_date_is_read_from_the_page_and_the_words_around_it(page: str, expected: dict) -> None:
    assert draft_article(page, "dated.txt").date == expected


def test_a_consul_serves_the_mission_his_sentence_names() -> None:
    """A title that names whom and where the holder serves stands alone; a consul written
    with no mission serves the one his colleague's title names, drafted for him."""
    text = (
        "В празднике приняли участие Генеральный консул Республики Казахстан в г. Омске "
        "А. С. Бекмуханов и консул Т. Е. Жанабилов. Праздник прошёл весело."
    )
    draft = draft_article(text, "omsk.txt")
    orgs = {o.id: o.name for o in draft.organizations}
    positions = {
        p.last_name: [(q.title, orgs.get(q.organization or "")) for q in p.positions]
        for p in draft.people
    }
    mission = "Генеральное консульство Республики Казахстан в г. Омске"
    assert positions["Бекмуханов"] == [("генеральный консул Республики Казахстан в г. Омске", None)]
    assert positions["Жанабилов"] == [("консул", mission)]


@pytest.mark.parametrize(
    ("text", "mission"),
    [
        (
            "Его организовало посольство РК в Российской Федерации.",
            "посольство РК в Российской Федерации",
        ),
        (
            "Гостей принимали в генеральном консульстве РФ в Усть-Каменогорске.",
            "генеральное консульство РФ в Усть-Каменогорске",
        ),
        ("Сотрудники этого посольства России пришли.", "посольство России"),
        (
            "Встреча прошла перед генеральным консульством Казахстана в Омске.",
            "генеральное консульство Казахстана в Омске",
        ),
    ],
)
def test_a_mission_in_lower_case_is_read_whole(text: str, mission: str) -> None:
    from drafting.organizations import state_body_spans

    spans = state_body_spans(text)
    assert [s.normal for s in spans] == [mission]
    assert all(text[s.start : s.stop] == s.text for s in spans)


def test_a_consul_serves_the_mission_his_sentence_writes_in_lower_case() -> None:
    text = (
        "Праздник организовало генеральное консульство России в Уральске, гостей "
        "приветствовал консул Иван Петров.\n"
    )
    positions = _positions(draft_article(text, "uralsk.txt"))
    assert positions["Иван Петров"] == [("консул", "Генеральное консульство России в Уральске")]


def test_a_mission_is_named_only_by_a_title_that_heads_one() -> None:
    from drafting.positions import mission_of

    assert mission_of("вице-консул России в Омске") == "Консульство России в Омске"
    assert mission_of("посол по особым поручениям") is None
    assert mission_of("заведующий консульским отделом посольства России") is None


def test_a_mission_is_drafted_where_the_text_names_it_not_from_a_title() -> None:
    text = (
        "В павильоне «Казахстан» отпраздновали Наурыз. Мероприятие организовало посольство "
        "Казахстана в России. Гостей приветствовал посол Казахстана в России Ермек "
        "Кошербаев.\n"
    )
    draft = draft_article(text, "vdnh.txt")
    mission = next(o for o in draft.organizations if "посольств" in o.name.casefold())
    assert mission.name.casefold() == "посольство казахстана в россии"
    assert draft.role_of(mission) == "organizer"
    assert _positions(draft)["Ермек Кошербаев"] == [
        ("посол Казахстана в России", "Посольство Казахстана в России")
    ]
    # a title alone is no sign that the article speaks of the mission
    alone = draft_article(
        "На празднике в Уральске выступил консул России в Уральске Иван Петров.\n", "u.txt"
    )
    assert not any("консульств" in o.name.casefold() for o in alone.organizations)


REFERRED = (  # one line per paragraph, as pages give them
    "В Семее прошёл вечер, посвящённый 25-летию общественного объединения «Русская община "
    "«Лад»». Грамоты главы города были вручены председателю объединения Соколовой Ирине "
    "Павловне и руководителю хора «Рябинушка» Лаптевой Нине Ивановне.\n"
    "Из Барнаула приехала делегация АНО «Алтайский дом дружбы» во главе с его директором "
    "Гусевым Олегом Петровичем. Ответственный секретарь Общества дружбы «Россия — Казахстан» "
    "Вера Кольцова прочла стихи.\n"
    "С докладом выступил председатель ОО «Восточно-Казахстанский центр народной дипломатии» "
    "(ВКЦНД) Ерлан Сабитов; позже председатель ВКЦНД Е. Сабитов вручил награды. Заведующий "
    "секретариатом ассамблеи Жаксыбеков Нурлан Серикулы, доцент университета, рассказал об "
    "истории общины.\n"
    "Завершила вечер О.Н. Карпова, кандидат исторических наук, доцент Семейского университета.\n"
)


def test_a_title_finds_the_body_named_before_and_every_position_after_a_name() -> None:
    draft = draft_article(REFERRED, "semey.txt")
    orgs = {o.id: o.name for o in draft.organizations}
    people = _positions(draft)
    # «председателю объединения»: the union named before; the verb before it is another clause
    assert people["Ирина Павловна Соколова"] == [
        ("председатель", "Общественное объединение «Русская община «Лад»»")
    ]
    # «его директором»: the body named earlier in the sentence
    assert people["Олег Петрович Гусев"] == [("директор", "АНО «Алтайский дом дружбы»")]
    # a dash inside a quoted name ends no title
    assert people["Вера Кольцова"] == [
        ("ответственный секретарь", "Общество дружбы «Россия — Казахстан»")
    ]
    # an abbreviation the article spells out is that organization, under its full name
    assert ("председатель", "ОО «Восточно-Казахстанский центр народной дипломатии»") in people[
        "Ерлан Сабитов"
    ]
    assert not any(name == "ВКЦНД" for name in orgs.values())
    # «-улы» beside a first name and a surname is the father's name
    assert any(
        (p.first_name, p.patronymic, p.last_name) == ("Нурлан", "Серикулы", "Жаксыбеков")
        for p in draft.people
    )
    # every position after a name, not only the first
    assert [title for title, _ in people["О.Н. Карпова"]] == [
        "кандидат исторических наук",
        "доцент",
    ]
    # a unit alone («отделом», «кафедрой») is never an organization
    assert not any(name.casefold().startswith(("отдел", "кафедр")) for name in orgs.values())


def test_a_headline_above_its_date_and_an_event_described_when_there_is_none() -> None:
    stamped = (
        "Союз казахов Приуралья\n+7 (3532) 11-22-33\n\n"
        "В Орске пройдут Дни казахской культуры\n\n14 Мар 2019\n\n"
        "15 марта 2019 г. в Орске откроется праздник, на который приедут "
        "артисты и мастера из Актобе и Костаная.\n"
    )
    # the headline says what will happen; the event's name is its phrase
    assert draft_article(stamped, "orsk.txt").title == "Дни казахской культуры"
    described = (
        "В середине мая с дружеским визитом в Тарский район прибыли гости из Павлодара. "
        "Они посетили школу искусств и музей.\n"
    )
    assert draft_article(described, "tara.txt").title == "Дружеский визит в Тарский район"


def test_any_noun_for_a_person_begins_a_title_and_a_group_s_leader_leads_it() -> None:
    text = (
        "В Доме культуры села Ковыльное гостей встретила звукорежиссёр, член совета ветеранов "
        "села, солистка народного ансамбля «Жаворонки» Раиса Петровна Голубева. На празднике "
        "выступил детский хор «Капель» под руководством Марины Лысенко из Костаная. Экспертами "
        "станут Н. И. Жукова и Е. В. Попов – представители молодёжных центров Курганской "
        "области.\n"
    )
    draft = draft_article(text, "kovylnoe.txt")
    orgs = {o.id: o.name for o in draft.organizations}
    people = _positions(draft)
    assert people["Раиса Петровна Голубева"] == [
        ("звукорежиссёр", None),
        ("член совета ветеранов села", None),  # which council is not said
        ("солистка", "Народный ансамбль «Жаворонки»"),
    ]
    assert people["Марина Лысенко"] == [("руководитель", "Детский хор «Капель»")]
    # several centres are no one organization
    assert not any("центры" in name.casefold() for name in orgs.values())


def test_a_short_quoted_name_an_honorary_title_and_a_leader_with_a_title() -> None:
    text = (
        "Праздник подготовило общественное объединение «Клуб любителей песни «Ручеёк»». "
        "Гостей приветствовали председатель «Ручейка», депутат городского маслихата Пётр "
        "Ильич Захаров и профессор, Заслуженный деятель науки Республики Казахстан Асель "
        "Нурланова. Выступил ансамбль «Сарыарка» под руководством Народной артистки "
        "Казахстана Гульнар Сейтовой.\n"
    )
    draft = draft_article(text, "club.txt")
    people = _positions(draft)
    assert (
        "председатель",
        "Общественное объединение «Клуб любителей песни «Ручеёк»»",
    ) in people["Пётр Ильич Захаров"]
    assert ("заслуженный деятель науки Республики Казахстан", None) in people["Асель Нурланова"]
    assert ("руководитель", "Ансамбль «Сарыарка»") in people["Гульнар Сейтова"]


def test_an_organization_s_name_in_the_nominative_keeps_its_capitals() -> None:
    from drafting.words import head_in_nominative, phrase_nominative

    assert phrase_nominative("Западно-Казахстанского государственного университета") == (
        "Западно-Казахстанский государственный университет"
    )
    assert (
        phrase_nominative("рабочим визитом в Омутинский район")
        == "рабочий визит в Омутинский район"
    )
    # a number before a hyphen stays; a Roman ordinal is no abbreviation to keep as written
    assert phrase_nominative("20-летнему юбилею общества") == "20-летний юбилей общества"
    assert phrase_nominative("XV Форума молодёжи") == "XV Форум молодёжи"
    # the tagger's own reading, where it left a word as written
    assert (
        head_in_nominative("Окуневском Доме культуры", "Окуневском Дом культуры")
        == "Окуневский Дом культуры"
    )
    # … or left the head itself as written, in a case no nominative shares
    assert (
        head_in_nominative("Консульстве Казахстана", "Консульстве Казахстана")
        == "Консульство Казахстана"
    )
    assert head_in_nominative("Синода округа", "Синода округа") == "Синод округа"


def test_what_is_not_a_title_stays_out_of_one() -> None:
    text = (
        "Областной центр «Достар»\nГлавная | Новости\n\n"
        "В Доме дружбы состоялся праздничный вечер, посвящённый 25-летию общественного "
        "объединения «Русская община». Гостей встретила пенсионерка из посёлка Белогорье Анна "
        "Петровна Шульц. Свой первый визит в качестве президента ассоциации совершил Марат "
        "Есимов.\n"
    )
    draft = draft_article(text, "evening.txt")
    assert draft.title == (
        "Праздничный вечер, посвящённый 25-летию общественного объединения «Русская община»"
    )
    titles = {p.full_name: [q.title for q in p.positions] for p in draft.people}
    assert titles["Анна Петровна Шульц"] == ["пенсионерка"]  # where from is no title
    # «свой первый визит» is no title; «в качестве президента» is one
    assert not any("визит" in t for t in titles.get("Марат Есимов", []))


def test_the_publisher_is_not_among_the_organizations() -> None:
    text = (
        "Степь-Инфо · информационное агентство\nЛента | Регионы\n\n"
        "В Петропавловске прошёл фестиваль дружбы\n\n"
        "ПЕТРОПАВЛОВСК, 3 июля – ИА «Степь-Инфо». В субботу в городском парке прошёл "
        "фестиваль национальных культур, организованный ОО «Центр «Достык»». Его открыл "
        "председатель центра Ержан Омаров.\n"
    )
    names = [o.name for o in draft_article(text, "steppe.txt").organizations]
    assert not any("Степь-Инфо" in name for name in names), names
    assert any("Достык" in name for name in names)


def test_an_anniversary_the_page_reports_on_is_its_title() -> None:
    text = (
        "Новости | Культура\n\n"
        "В Доме дружбы отметили 25-летие общественного объединения «Немецкий культурный центр "
        "«Возрождение»». Поздравить коллектив пришли гости из Омска и Павлодара.\n"
    )
    assert draft_article(text, "jubilee.txt").title == (
        "25-летие общественного объединения «Немецкий культурный центр «Возрождение»»"
    )
    # a headline that says who celebrated it names whose anniversary it was
    celebrated = (
        "Культурный центр «Славяне» отметил 20-летний юбилей.\n\nЦентр образован в 1997 году. "
        "Поздравить коллектив пришли гости.\n"
    )
    assert draft_article(celebrated, "jubilee.txt").title == (
        "20-летний юбилей культурного центра «Славяне»"
    )
    by_a_person = celebrated.replace("Культурный центр «Славяне» отметил", "Иван Петров отметил")
    assert draft_article(by_a_person, "jubilee.txt").title == "20-летний юбилей"
    # a headline that names the body only by its kind: the body's first sentences name it
    by_kind = "Центр отметил юбилей\n\nКазахский центр «Мирас» отметил 20-летие. Пришли гости.\n"
    assert draft_article(by_kind, "jubilee.txt").title == "Юбилей казахского центра «Мирас»"
    # a headline typed with spaces for hyphens and inside quotes, and a body that names the
    # anniversary by the centre's kind
    typed = (
        "Историко — краеведческий клуб «Шежире » Павлодарской области отметили 15 летний "
        "юбилей.\n\nКлуб создан в 2009 году. На юбилей клуба пришли гости.\n"
    )
    assert draft_article(typed, "jubilee.txt").title == (
        "15-летний юбилей историко-краеведческого клуба «Шежире» Павлодарской области"
    )
    # the body saying more of the anniversary than the headline names it
    more = "Общество отметило юбилей\n\nПоводом стало 15-летие хора казахского общества «Достык».\n"
    assert draft_article(more, "jubilee.txt").title == "15-летие хора казахского общества «Достык»"
    # «5 летних лагерей» are five summer camps, «тепло — солнечный» no compound
    from drafting.extract import _spacing_mended

    assert _spacing_mended("открылись 5 летних лагерей, к 30 летию") == (
        "открылись 5 летних лагерей, к 30-летию"
    )
    assert _spacing_mended("Было тепло — солнечный день") == "Было тепло — солнечный день"
    # a region's «обл.» is read in full, in its adjective's case
    region = "Выступил аким Павлодарской обл. Асет Ерланов.\n"
    assert _positions(draft_article(region, "region.txt"))["Асет Ерланов"] == [
        ("аким Павлодарской области", None)
    ]
    assert _spacing_mended("в Павлодарскую обл, а затем") == "в Павлодарскую область, а затем"


def test_a_venue_is_mentioned_and_in_the_event_s_country() -> None:
    from drafting.review import review_of

    text = (
        "В Костанае прошёл круглый стол о народной дипломатии.\n"
        "Встреча прошла в Областном доме дружбы. Её открыл председатель общественного "
        "объединения «Центр «Достык»» Ержан Омаров.\n"
    )
    draft = draft_article(text, "kostanay.txt")
    venue = next(o for o in draft.organizations if "дом дружбы" in o.name.casefold())
    assert venue.venue and venue.country == "KZ"
    roles = {o.name: o.role for o in review_of(draft, "a.txt", "Статья", {}).organizations}
    assert roles[venue.name] == "mentioned"
    assert roles["Общественное объединение «Центр «Достык»»"] == "participant"


def test_a_kind_of_place_written_before_a_quoted_name_makes_it_the_venue() -> None:
    text = (
        "В Уральске прошёл фестиваль казахской песни. Открытие фестиваля прошло в центре "
        "искусств «Атамекен». Гостей приветствовал аким города Ерлан Сатыбалдиев.\n"
        "В тот же день на телеканале «Уральск 24» прошёл круглый стол о народной дипломатии. "
        "В нём участвовал председатель общества «Достык» Иван Петров, а на Ассамблее народа "
        "Казахстана выступил её заместитель.\n"
    )
    draft = draft_article(text, "uralsk.txt")
    venues = {o.name for o in draft.organizations if o.venue}
    assert venues == {"Центр искусств «Атамекен»", "Телеканал «Уральск 24»"}, venues
    roles = {o.name: draft.role_of(o) for o in draft.organizations}
    assert roles["Центр искусств «Атамекен»"] == "mentioned", roles
    # a body written with a capital after «на» is its session, not a place
    assert roles.get("Ассамблея народа Казахстана") != "mentioned", roles


def test_a_body_whose_service_channel_or_photo_the_report_is_is_mentioned() -> None:
    text = (
        "В Костанае прошёл круглый стол о народной дипломатии. В нём участвовали представители "
        "общества «Достык». Об этом сообщает пресс-служба акимата Костанайской области.\n"
        "На фото: гости из центра «Жігер».\n"
        "Фото:\n"
        "Ансамбль «Сары арка» Регионального центра имени Курмангазы выступил на концерте.\n"
        "Концерт прошёл в Астане, сообщает телеграм-канал Русского дома в Астане. Новость "
        "передаёт сайт Kazinform.\n"
    )
    draft = draft_article(text, "kostanay.txt")
    roles = {o.name: draft.role_of(o) for o in draft.organizations}
    assert roles["Акимат Костанайской области"] == "mentioned", roles
    assert roles["Русский дом в Астане"] == "mentioned", roles
    # who is in a photo took part; a «Фото:» alone on its line credits nothing below it
    assert roles["Центр «Жігер»"] == "participant", roles
    assert roles["Ансамбль «Сары арка»"] == "participant", roles
    assert roles["Общество «Достык»"] == "participant", roles
    assert not any("kazinform" in name.casefold() for name in roles), roles  # the agency


def test_a_body_is_the_venue_only_where_its_clause_says_something_took_place_there() -> None:
    text = (
        "В Уральске прошла акция «Чистый берег». В акции приняли участие волонтёры, "
        "занимающиеся в клубе «Патриот», и школьники, обучающиеся в лицее «Дарын».\n"
        "Депутаты обсудили итоги на комитете «Наследие». Репортаж показали на телеканале "
        "«Хабар».\n"
        "Студенты университета «Алатау» встретились с ветеранами. Встреча прошла в "
        "университете «Алатау».\n"
    )
    draft = draft_article(text, "uralsk.txt")
    venues = {o.name for o in draft.organizations if o.venue}
    assert not venues, venues
    roles = {o.name: draft.role_of(o) for o in draft.organizations}
    assert "mentioned" not in roles.values(), roles
    # named as where the meeting was, it still says the meeting was held in person
    text = (
        "Студенты университета «Алатау» встретились с ветеранами. Встреча прошла в "
        "университете «Алатау».\n"
    )
    assert draft_article(text, "a.txt").format == "offline"


def test_a_venue_is_read_from_what_its_word_hangs_from_not_from_the_punctuation() -> None:
    venues = [
        "Круглый стол о дружбе народов прошёл в Караганде, в университете «Болашак».",
        "Семинар для волонтёров прошёл 15.03.2024 в университете «Болашак».",
        "Конференция прошла в г. Астане в университете «Болашак».",
        "В центре «Атамекен», который расположен в старом здании, прошла встреча с ветеранами.",
        "Ансамбль «Ак жол» выступил в театре «Жастар».",
        # described again, or credited with the photo, it is still only the place
        "Семинар прошёл в университете «Болашак». Университет «Болашак» был основан в 1992 году.",
        "Семинар прошёл в университете «Болашак». Фото предоставлено пресс-службой университета "
        "«Болашак».",
    ]
    # named as doing anything else, it took part
    for text in [
        "Турнир прошёл в университете «Туран». Команда университета «Туран» заняла первое место.",
        "Праздник прошёл в Доме дружбы. Участники поблагодарили Дом дружбы за организацию.",
        "Праздник прошёл в университете «Туран». Университетом «Туран» была подготовлена "
        "праздничная программа.",
    ]:
        draft = draft_article(text + "\n", "a.txt")
        assert "mentioned" not in {draft.role_of(o) for o in draft.organizations}, text
    for text in venues:
        draft = draft_article(text + "\n", "a.txt")
        roles = {o.name: draft.role_of(o) for o in draft.organizations}
        place = next(
            name for name in roles if "Болашак" in name or "Атамекен" in name or "Жастар" in name
        )
        assert roles[place] == "mentioned" and draft.format == "offline", (text, roles)


def test_a_body_credited_with_the_report_and_said_to_do_more_is_not_only_mentioned() -> None:
    text = (
        "В Омске прошла акция «Добрые дела». По информации пресс-службы Омского дома дружбы в "
        "акции участвовали его сотрудники.\n"
        "Об этом сообщает пресс-служба Ассамблеи народа Казахстана, организовавшей акцию.\n"
        "Мероприятие, как сообщает пресс-служба совместно с обществом «Русь» провёл Русский "
        "дом.\n"
    )
    roles = {o.name: o for o in draft_article(text, "omsk.txt").organizations}
    assert not any(o.spoken_of for o in roles.values()), roles
    # a clause that hangs from another word is not about the body
    text = (
        "Как сообщает пресс-служба акимата Павлодарской области, на празднике, который прошёл "
        "в парке, выступили ансамбли.\n"
    )
    draft = draft_article(text, "pavlodar.txt")
    assert [draft.role_of(o) for o in draft.organizations] == ["mentioned"], draft.organizations
    # nor one that only says what the body is
    text = (
        "В Астане прошёл форум молодёжи. Об этом сообщает пресс-служба Министерства "
        "информации, курирующего молодёжную политику.\n"
    )
    draft = draft_article(text, "astana.txt")
    assert [draft.role_of(o) for o in draft.organizations] == ["mentioned"], draft.organizations


def test_a_clause_inside_the_holder_s_phrase_names_no_holder() -> None:
    text = (
        "В Омске прошёл фестиваль «Дружба».\n"
        "Общество «Лад», созданное при Доме дружбы в 1995 году, совместно с центром «Достык» "
        "провело фестиваль.\n"
    )
    draft = draft_article(text, "omsk.txt")
    roles = {o.name: draft.role_of(o) for o in draft.organizations}
    assert roles["Общество «Лад»"] == roles["Центр «Достык»"] == "organizer", roles
    assert roles["Дом дружбы"] != "organizer", roles


def test_an_event_written_before_its_verb_of_holding_held_nothing() -> None:
    def roles(text: str) -> dict[str, str]:
        draft = draft_article(f"В Уральске прошёл праздник. {text}\n", "uralsk.txt")
        return {o.name: draft.role_of(o) for o in draft.organizations}

    # parsed with the event as the subject, or with two objects: the body held it
    assert roles("Фестиваль организовал Дом дружбы.") == {"Дом дружбы": "organizer"}
    assert roles(
        "Праздник уже в пятнадцатый раз организовало ЗКОО «Общество славянской культуры»."
    ) == {"ЗКОО «Общество славянской культуры»": "organizer"}
    # a body that held something else did not hold the event
    assert roles("Фестиваль посетил Дом дружбы, а экскурсию организовал музей «Атамекен».") == {
        "Дом дружбы": "participant",
        "Музей «Атамекен»": "participant",
    }


def test_who_held_it_with_the_holder_is_a_body_not_a_person_s_title() -> None:
    def roles(text: str) -> dict[str, str]:
        draft = draft_article(f"В Омске прошёл конкурс чтецов. {text}\n", "omsk.txt")
        return {o.name: draft.role_of(o) for o in draft.organizations}

    held = roles("Общество «Достык» вместе с центром «Русь» провело конкурс.")
    assert held == {"Общество «Достык»": "organizer", "Центр «Русь»": "organizer"}, held
    with_a_person = roles(
        "Общество «Достык» вместе с директором школы № 5 Иваном Петровым провело конкурс."
    )
    assert with_a_person["Общество «Достык»"] == "organizer", with_a_person
    assert with_a_person["Школа № 5"] != "organizer", with_a_person
    # bodies before the verb that the parser read as its second object held it too
    pair = draft_article(
        "Евразийский университет и Республиканский центр языков провели в Астане форум.\n",
        "astana.txt",
    )
    assert set(map(pair.role_of, pair.organizations)) == {"organizer"}


def test_a_list_of_holders_runs_up_to_its_verb_however_it_is_parsed() -> None:
    from types import SimpleNamespace

    from drafting.nlp import children_of
    from drafting.roles import _up_to_the_verb

    # «Фонд , созданный акиматом , совместно с центром , союзом и директором школы стали
    # организаторами»
    words = [
        ("1", "Фонд", "nsubj", "9"),
        ("2", ",", "punct", "3"),
        ("3", "созданный", "acl", "1"),
        ("4", "акиматом", "obl", "3"),
        ("5", ",", "punct", "3"),
        ("6", "совместно", "advmod", "9"),
        ("7", "с", "case", "8"),
        ("8", "центром", "obl", "6"),
        ("10", ",", "punct", "11"),
        ("11", "союзом", "obl", "4"),  # hung by the parser from a word of the clause
        ("13", "и", "cc", "14"),
        ("14", "директором", "conj", "8"),  # a person, with the body of their title
        ("15", "школы", "nmod", "14"),
        ("9", "стали", "root", "0"),
        ("12", "организаторами", "xcomp", "9"),
    ]
    tokens, at = [], 0
    for id_, text, rel, head in words:
        pos = "NOUN" if text in ("Фонд", "акиматом", "центром", "союзом", "директором") else "X"
        tokens.append(SimpleNamespace(id=id_, text=text, rel=rel, head_id=head, start=at, pos=pos))
        tokens[-1].stop = at + len(text)
        at += len(text) + 1
    written = " ".join(w[1] for w in words)
    runs = _up_to_the_verb(tokens[0], tokens, children_of(tokens))
    said = " … ".join(written[r.start : r.stop] for r in runs)
    assert "Фонд" in said and "центром" in said and "союзом" in said, said
    assert not {"акиматом", "директором", "школы", "стали"} & set(said.split()), said


def test_titles_that_run_on_into_the_next_name_are_that_person_s() -> None:
    text = (
        "На праздник пригласили акима района Серика Жумабаева, а также консула Российской "
        "Федерации в Уральске Олега Петрова, председателя Фонда развития казачьей культуры, "
        "почётного председателя общества «Лад» Ивана Сорокина. Гостей встретил глава "
        "администрации.\n"
    )
    titles = {
        p.last_name: [q.title for q in p.positions]
        for p in draft_article(text, "guests.txt").people
    }
    assert "председатель" not in titles.get("Петров", [])
    assert "председатель" in titles["Сорокин"] and "почётный председатель" in titles["Сорокин"]


def test_bodies_described_in_the_plural_are_each_person_s_title() -> None:
    text = (
        "В Самаре отметили Наурыз. В празднике приняли участие лидеры национальных "
        "объединений Рустам Алиев, Пётр Гвоздев. Гостей приветствовал министр области "
        "Иван Сомов.\n"
    )
    draft = draft_article(text, "samara.txt")
    people = _positions(draft)
    assert people["Рустам Алиев"] == [("лидер национального объединения", None)]
    assert people["Пётр Гвоздев"] == [("лидер национального объединения", None)]
    assert people["Иван Сомов"] == [("министр области", None)]  # no ministry named
    assert not draft.organizations, [o.name for o in draft.organizations]


def test_a_plural_title_is_singular_for_each_person() -> None:
    from drafting.positions import singular_title

    assert singular_title("представители молодёжных организаций") == (
        "представитель молодёжной организации"
    )
    assert singular_title("историки и этнологи") == "историк и этнолог"
    assert singular_title("члены Общественной палаты") == "член Общественной палаты"  # a name
    assert singular_title("члены совета ветеранов") == "член совета ветеранов"  # one council


def test_a_surname_declined_as_an_adjective_is_read_in_the_nominative() -> None:
    text = (
        "Гостей принял председатель городской думы Александр Каменский, а затем встречу "
        "продолжил рассказ Матвея Полонского. Выступил историк Иван Дурново.\n"
    )
    names = {p.full_name for p in draft_article(text, "spb.txt").people}
    assert {"Александр Каменский", "Матвей Полонский", "Иван Дурново"} <= names, names


def test_a_name_stands_in_the_case_of_the_title_before_it() -> None:
    text = (
        "На выставке побывал ректор Самарского университета Павел Котов, который беседовал с "
        "директором музея истории Актюбинской области Серикжаном Тажибаевым. Гостей встретила "
        "председатель Самарского союза волонтёров Анна Берестова.\n"
    )
    names = {p.full_name for p in draft_article(text, "meeting.txt").people}
    assert {"Павел Котов", "Серикжан Тажибаев", "Анна Берестова"} <= names, names


@pytest.mark.parametrize(
    "page",
    [
        "Гости из Омска\n\nПАВЛОДАР. ВЕСТНИК - Фестиваль прошёл в Павлодаре. Его провёл "
        "Союз молодёжи «Жас Отан».\n",
        "Гости из Омска\n\nПавлодар. 28 ноября. ИНТЕРФАКС - Фестиваль прошёл в Павлодаре. Его "
        "провёл Союз молодёжи «Жас Отан».\n",
        "Фестиваль прошёл в Павлодаре. Его провёл Союз молодёжи «Жас Отан».\n\nРедакция "
        "портала «Вестник»\n",
    ],
)
def test_an_agency_s_dateline_and_byline_name_no_one_who_took_part(page: str) -> None:
    names = {o.name for o in draft_article(page, "x.txt").organizations}
    assert not any("естник" in n or "ИНТЕРФАКС" in n for n in names), names
    assert any("Жас Отан" in n for n in names), names


def test_a_body_before_a_dash_at_the_start_of_a_line_is_no_agency() -> None:
    text = "Фонд «Степь» - организатор праздника. Праздник прошёл в Омске.\n"
    assert [o.name for o in draft_article(text, "x.txt").organizations] == ["Фонд «Степь»"]


def test_a_unit_s_parent_body_is_the_organization_and_a_news_source_is_none() -> None:
    text = (
        "В Омске прошла конференция соотечественников, передаёт Omsknews.ru. С приветствием "
        "выступил начальник Управления по связям с диаспорами Россотрудничества Олег Панов, "
        "а также руководитель Управления культуры Омской области Ирина Белова.\n"
    )
    draft = draft_article(text, "omsk.txt")
    people = _positions(draft)
    assert people["Олег Панов"] == [
        ("начальник Управления по связям с диаспорами", "Россотрудничество")
    ]
    # a unit that names only where it is is an organization of its own
    assert people["Ирина Белова"] == [("руководитель", "Управление культуры Омской области")]
    assert not any("omsknews" in o.name.casefold() for o in draft.organizations)


def test_an_exclaimed_headline_is_no_title_and_the_body_s_event_phrase_is() -> None:
    text = (
        "Дружба крепнет!\n\n"
        "Во время рабочей поездки в Костанайскую область атташе посольства Алексей Бородин "
        "побывал в школе села Кушмурун и поговорил с учителями русского языка.\n"
    )
    assert draft_article(text, "visit.txt").title == "Рабочая поездка в Костанайскую область"
    opening = (
        "Вчера в Кургане состоялось открытие Почётного консульства Республики Казахстан, на "
        "котором выступил губернатор области Вадим Шумков и другие гости торжества.\n"
    )
    title = draft_article(opening, "opening.txt").title or ""
    assert title.startswith("Открытие Почётного консульства Республики Казахстан"), title
    # a meeting of two: both whose it was; two events joined by «и» stay apart
    met = (
        "В Доме дружбы прошла встреча министра культуры Омской области Ивана Лаптева и "
        "акима Павлодара Серика Ахметова. Концерт и выставка продолжились вечером.\n"
    )
    title = draft_article(met, "met.txt").title or ""
    assert title.startswith("Встреча министра культуры Омской области") and "акима" in title
    two = "В Кургане прошли концерт и выставка мастеров из Костаная.\n"
    assert draft_article(two, "two.txt").title == "Концерт"


def test_what_a_body_is_known_for_names_no_event() -> None:
    # a sentence with no verb tells what the club is, not what was held
    text = (
        "Клуб «Берёзка» отметил 15-летие.\n\nКлуб создан в 2009 году. Клуб «Берёзка» – это "
        "Масленица, Троица и День славянской письменности. На юбилей клуба приехали гости из "
        "Омска.\n"
    )
    # (the anniversary the headline says the club celebrated is the event)
    assert draft_article(text, "club.txt").title == "15-летие клуба «Берёзка»"


def test_a_frame_or_an_occasion_names_the_event_only_when_nothing_else_does() -> None:
    # the forum it was part of, then the concert held there
    framed = (
        "В рамках Дней культуры Павлодарской области в Омском драматическом театре прошёл "
        "Гала-концерт народных коллективов Прииртышья, его посетили сотни зрителей.\n"
    )
    assert (
        draft_article(framed, "framed.txt").title == "Гала-концерт народных коллективов Прииртышья"
    )
    # what was marked, then the evening that marked it
    marked = (
        "Общество «Родник» отметило 15-летие. В Костанае прошёл праздничный вечер, "
        "посвящённый 15-летнему юбилею общества, на него пришли друзья из Кургана.\n"
    )
    assert draft_article(marked, "marked.txt").title == (
        "Праздничный вечер, посвящённый 15-летнему юбилею общества"
    )
    # with nothing else named, the frame is the event; a Roman ordinal stays as written
    only = (
        "Курганские ансамбли выступят в рамках VII Форума приграничного сотрудничества "
        "в Костанае, сообщили в управлении культуры области.\n"
    )
    assert draft_article(only, "only.txt").title == (
        "VII Форум приграничного сотрудничества в Костанае"
    )


def test_a_day_that_tells_the_time_is_no_event() -> None:
    text = (
        "На сегодняшний день в обществе «Достык» двести членов. В субботу они провели в "
        "Кургане фестиваль казахской культуры, на него приехали гости из Костаная.\n"
    )
    assert draft_article(text, "day.txt").title == "Фестиваль казахской культуры"


def test_the_desk_that_signs_a_page_is_no_headline() -> None:
    text = (
        "Концерт дружбы прошёл в Петропавловске\n\n"
        "Редакция портала «Голос Прииртышья»\n"
        "05.11.2025\n\n"
        "Концерт дружбы прошёл в областной филармонии, сообщает пресс-служба Русского дома. "
        "На сцену вышли коллективы из Кургана и Петропавловска.\n"
    )
    assert draft_article(text, "desk.txt").title == "Концерт дружбы"


def test_adjectives_before_a_person_noun_begin_a_title_not_an_organization() -> None:
    text = (
        "Вчера в Кургане открылось Почётное консульство. В церемонии принял участие "
        "Чрезвычайный и Полномочный Посол Республики Казахстан в Российской Федерации Ержан "
        "Оспанов.\n"
    )
    draft = draft_article(text, "kurgan.txt")
    assert _positions(draft)["Ержан Оспанов"] == [
        ("Чрезвычайный и Полномочный Посол Республики Казахстан в Российской Федерации", None)
    ]
    assert not any(o.name.startswith("Полномочный") for o in draft.organizations)


def test_only_settlements_are_cities() -> None:
    text = (
        "Фестиваль в Кургане собрал гостей из Бурятии, Туркмении и Королевства Таиланд. "
        "Прошёл и телемост Курган-Костанай. Ансамбль приехал из села Алтынжар.\n"
    )
    names = {p.name for p in draft_article(text, "kurgan.txt").places}
    assert "Курган" in names and "Алтынжар" in names, names
    assert not names & {"Бурятия", "Туркмения", "Королевство Таиланд", "Курган-Костанай"}, names


def test_the_city_the_lede_names_is_where_it_was_when_no_sentence_names_an_event() -> None:
    text = (
        "В Павлодаре начало работу почётное консульство России.\n\n"
        "Ленту перерезали аким области Асаин Байханов и почётный консул Игорь Сомов, "
        "прибывший из Омска.\n"
    )
    draft = draft_article(text, "pavlodar.txt")
    assert draft.place is not None
    assert next(p for p in draft.places if p.id == draft.place).name == "Павлодар"
    assert draft.format == "offline"


def _venue(text: str) -> str | None:
    draft = draft_article(text + "\n", "venue.txt")
    return next((p.name for p in draft.places if p.id == draft.place), None)


def test_places_and_organizations_keep_the_yo_the_article_writes() -> None:
    draft = draft_article(
        "Форум прошёл в селе Берёзовка. Гости приехали из Королёва. Выступил директор "
        "Берёзовского дома культуры Пётр Ёлкин.\n",
        "x.txt",
    )
    assert {p.name for p in draft.places} == {"Берёзовка", "Королёв"}
    assert [o.name for o in draft.organizations] == ["Берёзовский дом культуры"]


def test_where_the_event_was_is_the_city_said_as_where_not_any_city_named() -> None:
    # where from, and where they went after, are not where it was
    assert _venue("На фестиваль в Тобольске приехали гости из Кургана и Ишима.") == "Тобольск"
    assert (
        _venue("Гости из Самары приняли участие в празднике. Праздник прошёл в Актобе.") == "Актобе"
    )
    assert (
        _venue(
            "На форуме выступила Гульнара Сеитова, вернувшаяся накануне в Алматы. "
            "Форум прошёл в селе Луговое."
        )
        == "Луговое"
    )
    # a city in someone's title is where they work
    assert _venue("На встрече выступил Генеральный консул России в Уральске Иван Орлов.") is None
    # a city only named, as a body's or a person's, is where it was only when it is the one
    # city the telling of the event names, and no one came from it
    assert _venue("Почётный гражданин Павлодара открыл выставку.") == "Павлодар"
    assert (
        _venue("На выставке побывала делегация Оренбурга. Выставку открыл мэр Уральска.")
        == "Уральск"
    )
    assert _venue("Мэр Омска и аким Павлодара открыли фестиваль.") is None
    # what a place is, not where the event was
    assert (
        _venue("Конференцию открыла Анна Ким, участница мероприятий Русского дома в Вашингтоне.")
        is None
    )


def test_where_a_visit_went_and_a_city_after_adjectives_are_where_it_was() -> None:
    assert _venue("Делегация Курганской области прибыла с визитом в Костанай.") == "Костанай"
    assert _venue("Делегация посетила город Петропавловск.") == "Петропавловск"
    assert _venue("Праздник Наурыз прошёл в приграничном Павлодаре.") == "Павлодар"
    # the first said as where, in telling of the event, rather than where one came from
    assert _venue("В Омске открылся фестиваль. На него приехали ансамбли из Павлодара.") == "Омск"


def test_a_name_written_once_in_full_and_once_with_an_initial_is_one_person() -> None:
    text = (
        "В Омске побывал консул Казахстана Бауыржан Сейтказин. Он посетил Дом дружбы.\n"
        "Затем Б. Сейтказин встретился с активом объединений. Выступили также А.Мурзин и "
        "Артём Мурзин, а за ним Борис Сейтказин.\n"
    )
    names = sorted(p.full_name for p in draft_article(text, "omsk.txt").people)
    # two full first names that differ are two people
    assert names == ["Артём Мурзин", "Бауыржан Сейтказин", "Борис Сейтказин"], names


def test_soft_sign_names_come_back_to_the_nominative() -> None:
    from drafting.names import Context, read_name

    assert read_name(["Игорем", "Дегтярём"], Context(False, None, "ablt"))[0] == [
        "Игорь",
        "Дегтярь",
    ]
    assert read_name(["Сергея", "Дегтяря"], Context(False, None, "gent"))[0] == [
        "Сергей",
        "Дегтярь",
    ]
    assert read_name(["Сергеем", "Шалем"])[0] == ["Сергей", "Шаль"]  # never «Шалй»
    assert read_name(["Ася", "Петрова"])[0] == ["Ася", "Петрова"]


def test_those_with_the_subject_did_what_it_did() -> None:
    text = (
        "В Омске открылась выставка казахских ремёсел. Вместе с вице-мэром города Игорем "
        "Дегтярём и депутатом городского совета Сергеем Корепановым консул осмотрел "
        "экспозицию.\n"
    )
    roles = {p.full_name: p.role for p in draft_article(text, "tyumen.txt").people}
    assert roles == {"Игорь Дегтярь": "participant", "Сергей Корепанов": "participant"}, roles


def test_a_plural_title_after_a_list_is_each_listed_person_s() -> None:
    text = (
        "В Омске прошёл форум. Экспертами стали О. В. Кравец, Сейтов Б. К. и И.П.Лунина – "
        "руководители молодёжных клубов Омской и Павлодарской областей. Итоги подвёл "
        "Иван Рябов.\n"
    )
    people = _positions(draft_article(text, "omsk.txt"))
    for name in ("О.В. Кравец", "Б.К. Сейтов", "И.П. Лунина"):
        assert people[name] == [("руководитель молодёжного клуба", None)], people
    assert people["Иван Рябов"] == []  # named after the list, not in it


def test_a_plural_title_agrees_with_each_person_it_is_shared_by() -> None:
    text = (
        "В Павлодаре прошёл вечер дружбы. На сцену вышли народные артисты Гульнара Ахметова "
        "и Пётр Симонов, а также заведующие клубами Айжан Сарсенова и Олег Бурцев. Вечер "
        "открыли депутаты маслихата Марина Ковалёва и Ержан Айтов.\n"
    )
    people = _positions(draft_article(text, "pavlodar.txt"))
    assert people["Гульнара Ахметова"] == [("народная артистка", None)], people
    assert people["Пётр Симонов"] == [("народный артист", None)], people
    assert people["Айжан Сарсенова"] == [("заведующая клубами", None)], people
    assert people["Олег Бурцев"] == [("заведующий клубами", None)], people
    # an office keeps its one form: «депутат», never «депутатка»
    assert [t for t, _ in people["Марина Ковалёва"]] == ["депутат маслихата"], people


def test_a_title_said_of_a_woman() -> None:
    from drafting.positions import for_a_woman

    assert for_a_woman("оперный певец") == "оперная певица"
    assert for_a_woman("Заслуженный артист России") == "Заслуженная артистка России"
    acting = "исполняющий обязанности директора"
    assert for_a_woman(acting) == "исполняющая обязанности директора"
    for same in ("ведущий специалист", "руководитель центра", "первый заместитель акима"):
        assert for_a_woman(same) == same


def test_an_official_title_keeps_its_capitals() -> None:
    text = (
        "Гостей приветствовал Чрезвычайный и Полномочный Посол Республики Казахстан в "
        "Российской Федерации Ерлан Абдуллаев. Слово взял Генеральный консул России в "
        "Уральске Иван Петров.\n"
    )
    titles = {n: [t for t, _ in p] for n, p in _positions(draft_article(text, "a.txt")).items()}
    assert titles["Ерлан Абдуллаев"][0].startswith("Чрезвычайный и Полномочный Посол"), titles
    assert titles["Иван Петров"][0].startswith("генеральный консул"), titles


def test_a_surname_with_initials_the_tagger_missed_is_a_person_of_their_own() -> None:
    text = (
        "На юбилей центра в Актобе приехали гости: председатель совета соотечественников "
        "Белов ВА, депутат Мажилиса Парламента Сарсенбаева НК. Выступил также АБРАМОВ К.Е.\n"
    )
    people = _positions(draft_article(text, "aktobe.txt"))
    # the deputy's title is hers, never the man's before her
    assert people["Н.К. Сарсенбаева"] == [("депутат", "Мажилис Парламента")], people
    assert all(title != "депутат" for title, _ in people["В.А. Белов"]), people
    assert "К.Е. Абрамов" in people, people


def test_a_short_quoted_name_and_a_compound_event_word_title_the_event() -> None:
    festival = (
        "Праздник собрал гостей\n\n"
        "В Троицком районе состоялся областной фестиваль-конкурс «Ак жол». На него приехали "
        "коллективы из соседних аулов.\n"
    )
    assert draft_article(festival, "chesma.txt").title == "Ак жол"
    forum = (
        "В Омске открылся III российско-казахстанский медиафорум, в работе которого "
        "участвуют редакторы районных газет.\n"
    )
    assert draft_article(forum, "omsk.txt").title == "III российско-казахстанский медиафорум"


def test_an_acting_head_s_title_is_whole() -> None:
    text = (
        "В Самаре открылась выставка. Исполняющий обязанности министра культуры Самарской "
        "области Олег Рудин поблагодарил мастеров. Слово дали и временно исполняющей "
        "обязанности главы района Марине Соколовой.\n"
    )
    people = _positions(draft_article(text, "astrakhan.txt"))
    assert people["Олег Рудин"] == [
        ("исполняющий обязанности министра культуры Самарской области", None)
    ]
    assert people["Марина Соколова"] == [("временно исполняющая обязанности главы района", None)]


def test_a_non_breaking_hyphen_is_a_hyphen() -> None:
    text = (
        "В Омске прошёл медиафорум. Журналистов встретила пресс\u2011секретарь губернатора "
        "области Анна Белова.\n"
    )
    people = _positions(draft_article(text, "omsk.txt"))
    assert people["Анна Белова"] == [("пресс-секретарь губернатора области", None)], people


def test_an_abbreviation_takes_the_kind_written_before_it() -> None:
    text = (
        "В Омске прошёл медиафорум. Выступили генеральный директор агентства КАЗИНФОРМ Андрей "
        "Коваль и заведующий кафедрой социального и экономического управления КГУ Павел "
        "Носов.\n"
    )
    people = _positions(draft_article(text, "omsk.txt"))
    assert people["Андрей Коваль"] == [("генеральный директор", "Агентство КАЗИНФОРМ")]
    # a field of study before an abbreviation is no kind of body
    assert people["Павел Носов"] == [
        ("заведующий кафедрой социального и экономического управления", "КГУ")
    ], people


def test_a_name_and_patronymic_with_no_surname_is_the_person_named_before() -> None:
    text = (
        "В Павлодаре прошла встреча. Гостей принимала директор центра Н.П. Орехова, а "
        "приветствие прочитал аким города Ержан Тулеуов.\n"
        "— Мы рады гостям, — сказала Нина Петровна.\n"
        "Ержан Болатович пожелал участникам успехов. Песню исполнила Алия Маратовна.\n"
    )
    draft = draft_article(text, "pavlodar.txt")
    people = {p.full_name: p for p in draft.people}
    # the later mention completes the name: no person «Нина Нина» or «Ержан Ержан»
    assert set(people) == {"Нина Петровна Орехова", "Ержан Болатович Тулеуов"}, set(people)
    assert people["Нина Петровна Орехова"].role == "speaker"


def test_an_abbreviation_of_an_organization_s_quoted_name_is_that_organization() -> None:
    text = (
        "В Кургане побывали представители Курганской региональной общественной организации "
        "«Казахский культурный центр Зауралья»: заместитель председателя ККЦЗ Зауралья Айдос "
        "Мукашев и руководитель вокального коллектива «Шолпан» Роза Ахметова.\n"
    )
    people = _positions(draft_article(text, "kurgan.txt"))
    deputy = dict(people["Айдос Мукашев"])["заместитель председателя"]
    assert deputy and "«Казахский культурный центр Зауралья»" in deputy, people
    # a quoted name after a kind of body the tagger missed is that body
    assert people["Роза Ахметова"] == [("руководитель", "Вокальный коллектив «Шолпан»")], people


def test_a_headline_that_is_a_clause_gives_the_event_s_own_phrase() -> None:
    page = (
        "Новости района\n\n"
        "Делегация из Шемонаихи приняла участие в фестивале народного творчества\n\n"
        "Он прошёл 12–14 июня в Рубцовске\n\n"
        "Мероприятие состоялось в рамках сотрудничества приграничных территорий двух стран, "
        "организатором выступил дом дружбы Алтайского края, которым руководит О.П. Белова.\n"
    )
    draft = draft_article(page, "rubtsovsk.txt")
    # the headline, not the subheading that refers back to it; the event, not who came
    assert draft.title == "Фестиваль народного творчества", draft.title
    assert _positions(draft)["О.П. Белова"] == [("руководитель", "Дом дружбы Алтайского края")]


def test_words_that_name_no_organization_stay_in_the_title() -> None:
    text = (
        "В Рудном прошла встреча. Выступили почётный гражданин города Рудного, краевед "
        "Н.П. Гаврилов и журналист, лауреат премии «Золотое перо Оренбуржья» Андрей Лукин.\n"
    )
    people = _positions(draft_article(text, "rudny.txt"))
    assert ("почётный гражданин города Рудного", None) in people["Н.П. Гаврилов"], people
    assert ("лауреат премии «Золотое перо Оренбуржья»", None) in people["Андрей Лукин"], people


def test_an_organization_s_country_is_guessed_only_from_the_two_countries_places() -> None:
    text = (
        "В Оренбурге прошёл вечер дружбы. Гостей из Дома дружбы Актобе встретил председатель "
        "краевой общественной организации «Алтайский союз мастеров» Иван Белов.\n"
    )
    countries = {o.name: o.country for o in draft_article(text, "orenburg.txt").organizations}
    assert countries.get("Дом дружбы Актобе") == "KZ", countries  # the city in its name
    # «Алтай» is also a city in China: a guess from a place is only RU or KZ
    assert all(country in ("RU", "KZ", None) for country in countries.values()), countries


def test_a_city_one_of_the_two_countries_shares_a_name_with_is_given_no_country() -> None:
    from drafting.gazetteer import country_of

    # a town in Kazakhstan and a bigger city in China: either may be meant, the admin says
    assert country_of("Алтай") is None
    assert (country_of("Ташкент"), country_of("Омск")) == ("UZ", "RU")
    text = "В Семее прошёл фестиваль. Приехали мастера из г. Алтай и из Ташкента.\n"
    places = {p.name: p.country for p in draft_article(text, "semey.txt").places}
    assert places.get("Алтай", "none drafted") is None, places
    assert places["Ташкент"] == "UZ", places


def test_an_action_glued_words_and_an_event_s_name_are_no_organizations() -> None:
    text = (
        "Новости Индии\n\nФотоМужчина с флагом\n\n"
        "Развитие межрегиональных связей России и Казахстана обсудили на форуме «Созвездие» в "
        "Омске. Выступил председатель общественного объединения «Достык» Ерлан Сагатов.\n"
    )
    names = {o.name for o in draft_article(text, "omsk.txt").organizations}
    assert names == {"Общественное объединение «Достык»"}, names


def test_what_only_happens_in_person_is_held_in_person() -> None:
    visit = "Официальная делегация области посетит соседей в апреле.\n"
    assert draft_article(visit, "orenburg.txt").format == "offline"
    online = "Делегация Актюбинской области провела онлайн-встречу с коллегами.\n"
    assert draft_article(online, "aktobe.txt").format == "online"
    nothing = "Общественники обсудили планы на следующий год.\n"
    assert draft_article(nothing, "plans.txt").format == "unknown"
    feast = "Казахская диаспора отпраздновала Наурыз вместе с соседями.\n"
    assert draft_article(feast, "feast.txt").format == "offline"
    # a venue named, though no city is
    hall = "Встреча общественников с депутатами прошла в Доме дружбы народов.\n"
    assert draft_article(hall, "hall.txt").format == "offline"


def test_a_participle_describes_the_noun_it_agrees_with() -> None:
    # the parser hangs «организованном» from «представителями», after it; it agrees with
    # «празднике»: the centre held the festival
    text = (
        "Министр побывал на ежегодном празднике «Алтын дән», организованном ОО «Центр казахской "
        "культуры» АНК СКО, встретился с представителями областной Ассамблеи, руководителями "
        "национальных центров области и КГУ «Қоғамдық келісім».\n"
    )
    roles = {o.name: o.role for o in draft_article(text, "a.txt").organizations}
    assert roles["ОО «Центр казахской культуры» АНК СКО"] == "organizer", roles
    # one that agrees with a body, not an event, held nothing
    text = (
        "На празднике министр встретился с руководителями центров, организованных обществом "
        "«Русь» в прошлом году.\n"
    )
    roles = {o.name: o.role for o in draft_article(text, "a.txt").organizations}
    assert roles.get("Общество «Русь»") is None, roles


def test_what_brackets_hold_after_a_place_is_none_of_its_name() -> None:
    text = (
        "Филиал Ассоциации славянских организаций Казахстана г. Алматы (АСОК) провёл праздник "
        "в республиканском Доме дружбы.\n"
    )
    draft = draft_article(text, "a.txt")
    assert [(p.name, p.country) for p in draft.places] == [("Алматы", "KZ")], draft.places
    # a city in brackets after a body is the body's city
    text = (
        "В форуме участвовали общество «Русь» (Павлодар), центр «Достык» (г. Омск) и ансамбль "
        "«Калинка» (Иванова).\n"
    )
    countries = {o.name: o.country for o in draft_article(text, "a.txt").organizations}
    assert countries == {
        "Общество «Русь»": "KZ",
        "Центр «Достык»": "RU",
        "Ансамбль «Калинка»": None,  # its leader's name, not Иваново
    }, countries
    # a performer's city in brackets is where they come from, a venue's where it was
    guests = "Праздник прошёл в Доме дружбы. Выступил ансамбль «Калинка» (Ташкент).\n"
    draft = draft_article(guests, "a.txt")
    assert draft.place is None and {o.country for o in draft.organizations} == {None}, draft
    for there, place in [
        ("Форум молодёжи прошёл в университете «Болашак» (г. Караганда).", "karaganda"),
        ("Концерт прошёл в Доме культуры им. Ленина (Караганда).", "karaganda"),
        ("Встреча состоялась в клубе «Играй, гармонь!» (Омск).", "omsk"),
        ("Фестиваль «Радуга» (Омск) собрал более 500 участников.", "omsk"),
        ("Акция «Бессмертный полк» (Омск) собрала тысячи горожан.", "omsk"),
        ("В жюри конкурса – народный артист Иван Петров (Астана).", None),
    ]:
        assert draft_article(there + "\n", "a.txt").place == place, there
    # a village is not the foreign town of its name
    village = "Праздник прошёл в селе Ивановка Омской области.\n"
    assert [p.country for p in draft_article(village, "a.txt").places] == [None]


def test_a_pronoun_for_the_event_named_earlier_in_its_sentence_names_who_held_it() -> None:
    text = "Семинар для волонтёров прошёл в Караганде, его организовал университет «Болашак».\n"
    roles = {o.name: o.role for o in draft_article(text, "a.txt").organizations}
    assert roles["Университет «Болашак»"] == "organizer", roles
    # the pronoun of something else held nothing
    text = "Директор центра «Достык» рассказал о проекте, его поддержал фонд «Мир».\n"
    roles = {o.name: o.role for o in draft_article(text, "a.txt").organizations}
    assert "organizer" not in roles.values(), roles
    # «их» is the pupils', not the concert's
    text = "Концерт посетили 200 школьников, их организовал отдел образования акимата «Павлодар».\n"
    roles = {o.name: o.role for o in draft_article(text, "a.txt").organizations}
    assert "organizer" not in roles.values(), roles


def test_who_held_the_event_and_who_supported_it_are_read_from_the_sentence() -> None:
    text = (
        "В Кургане прошёл форум «Соседи», организованный общественным фондом «Степь» совместно "
        "с Ассоциацией казахов Зауралья при поддержке Фонда президентских грантов. На форуме "
        "выступил директор библиотеки «Родник» Иван Белов.\n"
    )
    draft = draft_article(text, "kurgan.txt")
    roles = _roles(draft)
    assert roles == {
        "Общественный фонд «Степь»": "organizer",
        "Ассоциация казахов Зауралья": "organizer",
        "Фонд президентских грантов": "partner",
        "Библиотека «Родник»": "participant",
    }, roles


def test_who_held_an_event_named_only_as_an_event_held_it() -> None:
    text = (
        "В Омске прошли Дни культуры. Мероприятие организовали Союз художников Омской области "
        "и Фонд «Степь». Свои работы показал Союз мастеров.\n"
    )
    draft = draft_article(text, "omsk.txt")
    roles = _roles(draft)
    assert roles.get("Союз художников Омской области") == "organizer", roles
    assert roles.get("Фонд «Степь»") == "organizer", roles
    assert roles.get("Союз мастеров") != "organizer", roles
    # the holder in lower case, named as a body elsewhere
    lower = (
        "Посол Казахстана в России Иван Петров поздравил гостей с Наурызом. Мероприятие "
        "организовало посольство Казахстана в России.\n"
    )
    draft = draft_article(lower, "moscow.txt")
    roles = _roles(draft)
    assert roles.get("Посольство Казахстана в России") == "organizer", roles


def test_a_quoted_name_after_a_word_for_an_event_a_programme_or_a_work_is_no_body() -> None:
    text = (
        "Молодые казахстанцы учатся по Президентской программе «Болашак». В программу вошли "
        "шествие «Дружба» и песня «Менің Қазақстаным». Директор центра «Достык» Иван Петров "
        "открыл праздник казахской культуры «Наурыз-2015». Выступил ансамбль «Сарыарка».\n"
    )
    names = {o.name for o in draft_article(text, "x.txt").organizations}
    assert not names & {"Болашак", "Дружба", "Менің Қазақстаным", "Наурыз-2015"}, names
    assert {"Центр «Достык»", "Ансамбль «Сарыарка»"} <= names, names


def test_who_invited_the_guests_is_their_host() -> None:
    text = (
        "По приглашению Министерства культуры Омской области ансамбль «Сарыарка» дал концерт в "
        "филармонии. Ансамбль приехал по приглашению земляков.\n"
    )
    draft = draft_article(text, "omsk.txt")
    roles = _roles(draft)
    assert roles.get("Министерство культуры Омской области") == "organizer", roles
    assert roles.get("Ансамбль «Сарыарка»") != "organizer", roles


def test_a_venue_and_a_body_named_only_in_someone_s_words_are_mentioned() -> None:
    text = (
        "В областном Доме дружбы прошёл вечер казахской поэзии. Выступил председатель "
        "общества «Жолдастык» Ербол Каримов: «Благодарим Министерство культуры Омской области "
        "за поддержку нашего вечера». Затем на площадке Центра «Евразия» открылась выставка.\n"
    )
    draft = draft_article(text, "omsk.txt")
    roles = _roles(draft)
    assert roles.get("Дом дружбы") == "mentioned", roles
    assert roles.get("Министерство культуры Омской области") == "mentioned", roles
    assert roles.get("Центр «Евразия»") == "mentioned", roles
    assert roles.get("Общество «Жолдастык»") == "participant", roles
    stage = (
        "Артисты ансамбля «Сарыарка» вышли на сцену Дворца культуры «Нефтяник». В фойе "
        "Драматического театра «Глобус» открылась выставка.\n"
    )
    draft = draft_article(stage, "stage.txt")
    roles = _roles(draft)
    assert roles.get("Дворец культуры «Нефтяник»") == "mentioned", roles
    assert roles.get("Драматический театр «Глобус»") == "mentioned", roles
    assert roles.get("Ансамбль «Сарыарка»") == "participant", roles


def test_a_body_from_a_city_is_of_that_city_s_country() -> None:
    text = (
        "На праздник приехали гости из Самары – казачий ансамбль «Вольница», а Гран-при "
        "получил народный хор «Степные напевы» из Уральска.\n"
    )
    draft = draft_article(text, "fest.txt")
    countries = {o.name: o.country for o in draft.organizations}
    assert countries.get("Казачий ансамбль «Вольница»") == "RU", countries
    assert countries.get("Народный хор «Степные напевы»") == "KZ", countries
    listed = (
        "На ярмарке были такие курганские фирмы, как ЗАО «Тобол», ООО «Зауралье» и ООО «Кетово».\n"
    )
    countries = {o.name: o.country for o in draft_article(listed, "fair.txt").organizations}
    assert set(countries.values()) == {"RU"}, countries
    venue = "Выставка открылась в павлодарском Доме Дружбы при участии гостей.\n"
    countries = {o.name: o.country for o in draft_article(venue, "fair.txt").organizations}
    assert countries.get("Дом Дружбы") == "KZ", countries


def test_a_body_named_in_part_is_the_one_named_in_full() -> None:
    text = (
        "Делегацию принял председатель Тюменской областной Думы Сергей Корепанов. Депутаты "
        "областной Думы рассказали о законах. Гостей поблагодарило Министерство культуры "
        "Омской области. Министерство культуры подарило гостям книги.\n"
    )
    draft = draft_article(text, "tyumen.txt")
    names = sorted(o.name for o in draft.organizations)
    assert names == ["Министерство культуры Омской области", "Тюменская областная Дума"], names


def test_two_titles_joined_by_a_dash_are_one_office() -> None:
    text = (
        "На заседании выступил Сергей Калмыков, заместитель главы администрации – руководитель "
        "аппарата администрации города Оренбурга. Слово дали заместителю председателя "
        "правительства – министру финансов Омской области Петру Сидорову. Иван Петров – "
        "директор школы – рассказал о планах.\n"
    )
    people = _positions(draft_article(text, "orenburg.txt"))
    assert people["Сергей Калмыков"] == [
        (
            "заместитель главы администрации – руководитель аппарата",
            "Администрация города Оренбурга",
        )
    ], people
    assert people["Пётр Сидоров"] == [
        ("заместитель председателя правительства – министр финансов Омской области", None)
    ], people
    assert people["Иван Петров"] == [("директор школы", None)], people
    # a word that tells nothing of what she does joins no title
    other = "Выступила Анна Белова, участница – представитель общества «Родник».\n"
    titles = [t for t, _ in _positions(draft_article(other, "a.txt"))["Анна Белова"]]
    assert not any("участница" in t for t in titles), titles


def test_the_body_whose_head_alone_opened_the_event_hosted_it() -> None:
    def roles(text: str) -> dict[str, str]:
        draft = draft_article(text, "rudny.txt")
        return {o.name: draft.role_of(o) for o in draft.organizations}

    alone = "Конференцию открыла директор библиотеки «Достык» Гульнара Сейтова.\n"
    assert roles(alone) == {"Библиотека «Достык»": "organizer"}, roles(alone)
    together = (
        "Форум открыли председатель общества «Евразия» Айдар Исмагилов и директор центра "
        "«Мирас» Елена Корнеева.\n"
    )
    assert "organizer" not in roles(together).values(), roles(together)


def test_an_orchestra_of_a_body_and_whom_the_body_is_named_after() -> None:
    text = (
        "Вечер завершил камерный оркестр Государственной филармонии им. Нургисы Тлендиева под "
        "аплодисменты зала.\n"
    )
    draft = draft_article(text, "gala.txt")
    names = {o.name for o in draft.organizations}
    assert "Камерный оркестр Государственной филармонии им. Нургисы Тлендиева" in names, names
    assert "Государственная филармония им. Нургисы Тлендиева" in names, names
    assert draft.people == []  # whom the body is named after took no part


def test_a_position_in_brackets_or_before_a_colon_and_a_choir_under_its_conductor() -> None:
    text = (
        "Область представляли ремесленники – Звягинцева Евгения (мастер по резьбе по дереву) и "
        "Жанар Келгембаева. Выступил Оренбургский камерный хор под управлением Ольги Серовой. "
        "Слово взял генеральный консул Республики Казахстан Асхат Нурланов: «Спасибо всем».\n"
    )
    people = _positions(draft_article(text, "festival.txt"))
    assert ("мастер по резьбе по дереву", None) in people["Евгения Звягинцева"], people
    assert all("мастер" not in title for title, _ in people["Жанар Келгембаева"]), people
    assert people["Ольга Серова"] == [("руководитель", "Оренбургский камерный хор")], people
    [(title, _)] = people["Асхат Нурланов"]
    assert title == "генеральный консул Республики Казахстан", people


def test_a_headline_above_a_photo_caption_or_a_dated_stamp() -> None:
    captioned = (
        "В Омске завершились Дни культуры Павлодара\n\n"
        "cover Фото: пресс-служба акимата\n\n"
        "Организовали мероприятие акимат Павлодара и мэрия Омска при поддержке генерального "
        "консульства, сообщает пресс-служба.\n"
    )
    assert draft_article(captioned, "omsk.txt").title == "Дни культуры Павлодара"
    stamped = (
        "5 мая в Кургане прошёл форум соседей.\n\n"
        "5 мая 2019 г., пятница\n\n"
        "Представители общественных палат двух регионов собрались на встречу, чтобы обсудить "
        "планы совместной работы на следующий год.\n"
    )
    assert draft_article(stamped, "kurgan.txt").title == "Форум соседей"


def test_an_address_line_is_no_headline_and_a_verb_names_no_event() -> None:
    text = (
        "Краснознаменский район, п.Краснознаменский, пл.Ленина, 2\n\n"
        "Новости района\n\n"
        "На прошлой неделе район посетила делегация из Казахстана. Прибывших встречали глава "
        "администрации МО «Краснознаменский район» Иван Петров и депутаты.\n"
    )
    draft = draft_article(text, "visit.txt")
    assert draft.title != "Краснознаменский район", draft.title
    assert "Краснознаменский район" not in (draft.title or ""), draft.title
    from drafting.page import is_page_line

    assert is_page_line("г. Омск, ул. Ленина, д. 5")
    assert not is_page_line("В Омске открылся центр на ул. Ленина, 5")


def test_a_headline_that_tells_what_was_done_names_the_event() -> None:
    def title(headline: str) -> str | None:
        body = "Гостей встретили хлебом и солью. Праздник продолжался до вечера.\n"
        return draft_article(f"{headline}\n\n{body}", "page.txt").title

    assert title("В Кургане открылся офис почётного консула Республики Казахстан.") == (
        "Открытие офиса почётного консула Республики Казахстан в Кургане"
    )
    assert title("Аким Павлодара встретился с делегацией Омской области") == (
        "Встреча акима Павлодара с делегацией Омской области"
    )
    assert title("Айгуль Сапарова встретилась с молодёжью Тюмени") == (
        "Встреча Айгуль Сапаровой с молодёжью Тюмени"
    )
    # a short passive participle is the headline's verb too, whatever the tagger calls it
    assert title("Подписан меморандум о сотрудничестве двух ассоциаций") == (
        "Подписание меморандума о сотрудничестве двух ассоциаций"
    )
    assert title("Открыт Дом дружбы в Кокшетау") == "Открытие Дома дружбы в Кокшетау"
    assert title("Создана ассоциация казахов Алтая") == "Создание ассоциации казахов Алтая"
    # and the verb is no part of the body's name
    founded = draft_article(
        "Создана ассоциация казахов Алтая\n\nВ Барнауле прошла учредительная конференция, "
        "на которой создана ассоциация казахов Алтая. Её возглавил Канат Ахметов.\n",
        "altai.txt",
    )
    assert [o.name for o in founded.organizations] == ["Ассоциация казахов Алтая"]
    # a word the dictionary only guesses is no verb to cut: the page's lines stay apart
    feast = draft_article(
        "Татарское общество встретило Наурыз\n\nГордость общества – праздник «Сабантуй», "
        "который прошёл в Омске. Его открыл председатель общества Ильдар Хасанов.\n",
        "omsk.txt",
    )
    assert not any("Гордость" in o.name for o in feast.organizations), feast.organizations
    # an event's kind alone names none; the parser's loop in the phrase is no end of it
    assert title("Открыта выставка казахского прикладного искусства") == (
        "Открытие выставки казахского прикладного искусства"
    )


def test_a_visit_named_by_its_kind_alone_is_whose_and_where_to() -> None:
    text = (
        "На прошлой неделе с рабочим визитом в Кизильский район прибыла делегация из "
        "Казахстана. Гостей встретили хлебом и солью.\n"
    )
    assert draft_article(text, "visit.txt").title == (
        "Рабочий визит делегации из Казахстана в Кизильский район"
    )
    # a festival is no one's: only a visit takes whose it was
    feast = "В Уральске с праздником жителей поздравил аким области Марат Жанибеков.\n"
    assert "Жанибеков" not in (draft_article(feast, "feast.txt").title or "")


def test_who_said_quoted_words_and_a_name_with_initials_after_it_spoke() -> None:
    def roles(text: str) -> dict[str, str]:
        return {p.full_name: p.role for p in draft_article(text + "\n", "x.txt").people}

    quoted = roles(
        "«Сотрудничество продолжится», — сказал на церемонии открытия офиса вице-губернатор "
        "края Пётр Соколов. Офис открылся в Барнауле."
    )
    assert quoted == {"Пётр Соколов": "speaker"}, quoted
    rooted = roles(  # the parser roots the sentence in the quoted words themselves
        "Форум прошёл в Павлодаре. «Вы, молодежь, локомотив перемен в стране», - заявил, "
        "обращаясь к участникам форума, аким области Иван Петров."
    )
    assert rooted == {"Иван Петров": "speaker"}, rooted
    listed = roles(
        "В библиотеке прошла встреча. С сообщениями выступили заведующая сектором "
        "библиотеки Иванова Анна Петровна и кандидат исторических наук Сагитов Р. Р. "
        "Встреча прошла тепло."
    )
    assert listed == {"Анна Петровна Иванова": "speaker", "Р.Р. Сагитов": "speaker"}, listed
    # who greeted, wished or expressed something said it
    greeted = roles(
        "Гостей вечера поприветствовала директор Дома дружбы Анна Смирнова. Уверенность в "
        "успехе проекта выразил аким района Ерлан Сапаров."
    )
    assert greeted == {"Анна Смирнова": "speaker", "Ерлан Сапаров": "speaker"}, greeted


def test_names_given_as_the_event_s_participants_took_part_whatever_the_verb() -> None:
    def roles(text: str) -> dict[str, str]:
        return {p.full_name: p.role for p in draft_article(text + "\n", "x.txt").people}

    given = roles(
        "По завершении концерта главы регионов выразили признательность за концерт и "
        "побеседовали с его участниками — Розой Ивановой, Марией Петровой, Ренатом Гайсиным."
    )
    assert set(given.values()) == {"participant"}, given
    # as the subject, what the participant did says more; «участник войны» is a title
    assert roles("Участник форума студент Иван Петров рассказал о проекте.") == {
        "Иван Петров": "speaker"
    }
    assert roles(
        "На форуме выступил председатель Союза ветеранов, участник войны Иван Петров."
    ) == {"Иван Петров": "speaker"}


def test_who_performed_or_represented_a_place_took_part_without_a_speech() -> None:
    text = (
        "На гала-концерте выступили певица Алия Нурова и баянист Олег Седов. Район "
        "представляли мастера Инна Белова и Марат Исаев. С приветственным словом на концерте "
        "выступил аким района Ержан Тулеев. С поздравлениями на праздничном концерте выступил "
        "депутат Мажилиса Олжас Беков.\n"
    )
    roles = {p.full_name: p.role for p in draft_article(text, "gala.txt").people}
    assert roles == {
        "Алия Нурова": "participant",
        "Олег Седов": "participant",
        "Инна Белова": "participant",
        "Марат Исаев": "participant",
        "Ержан Тулеев": "speaker",
        "Олжас Беков": "speaker",
    }, roles


def test_a_delegation_s_members_after_a_committee_named_by_what_it_deals_with() -> None:
    text = (
        "На прошлой неделе в Омске побывала делегация в составе секретаря Комитета по "
        "социальным вопросам и молодёжной политике Айдара Сейтова и акима района Ерлана "
        "Жумаева.\n"
    )
    roles = {p.full_name: p.role for p in draft_article(text, "omsk.txt").people}
    assert roles == {"Айдар Сейтов": "participant", "Ерлан Жумаев": "participant"}, roles


def test_state_bodies_in_lower_case_are_organizations_unless_in_a_title() -> None:
    text = (
        "Праздник организовали акимат Костаная и правительство Курганской области. В акимате "
        "города Костаная гостей встретили депутаты Костанайского городского маслихата. "
        "Выступил глава администрации Кетовского района Иван Петров.\n"
    )
    draft = draft_article(text, "kostanay.txt")
    names = {o.name.casefold() for o in draft.organizations}
    assert {"правительство курганской области", "костанайский городской маслихат"} <= names
    from drafting.words import head_in_nominative

    assert head_in_nominative("Маслихата города Астаны", "Маслихата города Астаны") == (
        "Маслихат города Астаны"
    )
    # one akimat, named twice
    assert len(names & {"акимат костаная", "акимат города костаная"}) == 1, names
    # inside a title, the body is the title's employer, not one more organization
    [(title, employer)] = _positions(draft)["Иван Петров"]
    assert title.startswith("глава") and "Кетовского района" in (employer or title), employer


def test_an_embassy_or_a_consulate_is_a_body_not_a_title() -> None:
    text = (
        "Встречу организовало Генеральное консульство Республики Казахстан в Казани. Участие "
        "приняли представители Посольства Российской Федерации в Казахстане.\n"
    )
    names = {o.name for o in draft_article(text, "kazan.txt").organizations}
    assert any(n.startswith("Генеральное консульство Республики Казахстан") for n in names)
    assert any(n.startswith("Посольство Российской Федерации") for n in names), names


def test_a_plural_after_one_name_in_a_list_is_the_next_item_not_his_title() -> None:
    text = (
        "Во встрече участвовали депутат Айдар Сейтов, генеральный консул Республики Казахстан "
        "в Казани Дмитрий Белов, депутаты городского маслихата. Николай Сорокин, Ерлан "
        "Жумаев и Асель Бекова – представители молодёжных клубов.\n"
    )
    people = _positions(draft_article(text, "kazan.txt"))
    assert [t for t, _ in people["Дмитрий Белов"]] == [
        "генеральный консул Республики Казахстан в Казани"
    ], people
    for name in ("Николай Сорокин", "Ерлан Жумаев", "Асель Бекова"):
        assert [t for t, _ in people[name]] == ["представитель молодёжного клуба"], people


def test_a_byline_a_counter_and_the_site_s_name_under_a_headline_are_no_headline() -> None:
    from drafting.page import headline_of

    body = (
        "Гости привезли в город концерты, выставки и конференции, а хозяева показали им "
        "музеи и театры.\n"
    )
    bylined = (
        "В Омске начались Дни культуры Алматы\n\n1511\nЕкатерина Белова\n"
        f"собственный корреспондент по Омской области\n\n{body}"
    )
    assert headline_of(bylined) == "В Омске начались Дни культуры Алматы"
    assert [p.full_name for p in draft_article(bylined, "omsk.txt").people] == []  # the author
    sited = f"Костанай и Курган подписали соглашение\n\nQostanay news\n\n  • 21.04.2025\n\n{body}"
    assert headline_of(sited) == "Костанай и Курган подписали соглашение"
    credited = f"Фото с сайта:\nassembly.spb.ru\n{body}"
    assert headline_of(credited) == ""
    # a lead sentence with its full stop under the headline, which has none
    led = (
        "Главное\nВ Омске открылась неделя казахского кино\n"
        f"Зрители увидят шесть новых фильмов.\n{body}"
    )
    assert headline_of(led) == "В Омске открылась неделя казахского кино"


def test_a_quoted_name_with_commas_inside_is_whole() -> None:
    text = (
        "Гостей приветствовал председатель ОО «Союз мастеров, резчиков, гончаров и ткачей "
        "Прииртышья» Виктор Гладков.\n"
    )
    people = _positions(draft_article(text, "astana.txt"))
    assert people["Виктор Гладков"] == [
        ("председатель", "ОО «Союз мастеров, резчиков, гончаров и ткачей Прииртышья»")
    ], people


def test_the_organization_a_title_speaks_of_is_the_one_named_last() -> None:
    text = (
        "Праздник подготовлен Уральским центром казахской культуры «Ақжол». Руководитель "
        "организации Алтынай Сейтова рассказала о программе.\n"
    )
    people = _positions(draft_article(text, "omsk.txt"))
    assert people["Алтынай Сейтова"] == [
        ("руководитель", "Уральский центр казахской культуры «Ақжол»")
    ], people


def test_a_body_s_name_listing_what_it_does_after_commas_is_one_name() -> None:
    text = (
        "В форуме участвовала директор АНО поддержки молодёжи, спорта, туризма и досуга "
        "«Родничок» Елена Сомова.\n"
    )
    people = _positions(draft_article(text, "kurgan.txt"))
    assert people["Елена Сомова"] == [
        ("директор", "АНО поддержки молодёжи, спорта, туризма и досуга «Родничок»")
    ], people
    other = "Выступили директор школы, руководитель кружка Анна Белова.\n"
    assert _positions(draft_article(other, "a.txt"))["Анна Белова"] == [
        ("директор школы", None),
        ("руководитель кружка", None),
    ]


def test_a_body_is_in_the_country_its_people_s_other_posts_are() -> None:
    text = (
        "В район прибыл депутат Мажилиса Парламента Республики Казахстан, председатель "
        "Фонда развития степных культур Ерлан Садыков.\n"
    )
    countries = {o.name: o.country for o in draft_article(text, "visit.txt").organizations}
    assert countries.get("Фонд развития степных культур") == "KZ", countries


def test_quotes_after_a_body_s_kind_name_the_body_not_the_event() -> None:
    text = (
        "В Астане прошёл праздничный концерт в честь юбилея объединения «Союз казаков степного "
        "края». Гостей встретили песнями.\n"
    )
    title = draft_article(text, "astana.txt").title or ""
    assert title != "Союз казаков степного края", title


def test_whom_a_delegation_met_was_there() -> None:
    text = (
        "На второй день прошла встреча с заместителем акима Костаная Андреем Белкиным, где "
        "говорили о туризме.\n"
    )
    roles = {p.full_name: p.role for p in draft_article(text, "astana.txt").people}
    assert roles == {"Андрей Белкин": "participant"}, roles


def test_a_minister_of_an_unnamed_region_heads_no_ministry_the_draft_invents() -> None:
    text = (
        "Выступил министр культуры региона Алексей Бородин. Слово взяла вице-министр культуры "
        "и информации Айзада Курманова.\n"
    )
    people = _positions(draft_article(text, "a.txt"))
    assert people["Алексей Бородин"] == [("министр культуры региона", None)], people
    assert people["Айзада Курманова"] == [
        ("вице-министр культуры и информации", "Министерство культуры и информации")
    ], people


def test_a_title_cut_off_by_the_end_of_the_page_is_left_out() -> None:
    text = "Район представляли мастера Иван Петров и Есенова Гульмира – ювелир п"
    people = _positions(draft_article(text, "cut.txt"))
    assert people.get("Гульмира Есенова") == [], people


def test_a_name_after_a_title_that_the_tagger_ran_into_an_organization() -> None:
    text = "На встрече выступил руководитель Общества Абзал Сапарбекулы. Он рассказал о планах.\n"
    draft = draft_article(text, "moscow.txt")
    assert [p.full_name for p in draft.people] == ["Абзал Сапарбекулы"], draft.people


def test_greeting_quoting_and_being_named_as_a_performer_or_a_visitor() -> None:
    text = (
        "Гостей праздника поздравили глава района Иван Белов и аким села Ерлан Сагатов. "
        "Марина Шумова, президент центра «Ак Бата»: «Сегодня у нас замечательный день». "
        "Прозвучала песня в исполнении Ержана Токсабанова. Концерт прошёл в рамках визита посла "
        "Даурена Абаева. Свой первый визит Нурлан Ахметов совершил в Омск.\n"
    )
    roles = {p.full_name: p.role for p in draft_article(text, "liman.txt").people}
    assert roles["Иван Белов"] == roles["Ерлан Сагатов"] == "speaker", roles
    assert roles["Марина Шумова"] == "speaker", roles
    assert roles["Ержан Токсабанов"] == roles["Даурен Абаев"] == "participant", roles


def test_a_quoted_name_takes_its_kind_with_the_words_that_describe_it() -> None:
    text = (
        "В Лимане прошёл праздник. Гостей поздравили артисты клуба казахской культуры «Айжан» "
        "и районного общества калмыцкой культуры «Хамдан».\n"
    )
    names = {o.name for o in draft_article(text, "liman.txt").organizations}
    assert "Клуб казахской культуры «Айжан»" in names, names
    assert "Районное общество калмыцкой культуры «Хамдан»" in names, names


def test_a_headline_above_a_caption_with_its_credit_and_an_agency_dateline() -> None:
    page = (
        "Примерное время чтения: 1 минута\n\n"
        "Праздник народов Степи завершил Дни Кургана в Костанае\n\n"
        "Праздник завершил Дни Кургана в Костанае.\n"
        "Праздник завершил Дни Кургана в Костанае. / Иван Петров / АиФ\n"
        "Курган, 20 мая - АиФ-Курган.\n\n"
        "В Костанае ярким концертом завершились Дни Курганской области, на которые приехали "
        "артисты, мастера и руководители общественных организаций соседнего региона.\n"
    )
    assert draft_article(page, "kostanay.txt").title == "Праздник народов Степи"


def test_what_the_text_does_not_say_is_never_drafted() -> None:
    """Readings that looked alike but state nothing: each gave a wrong fact once."""

    def draft(text: str) -> Draft:
        return draft_article(text + "\n", "x.txt")

    assert draft("   \n\t\u00a0").people == []  # spaces alone: nothing, and no failure
    bracketed = draft("Выступила Евгения Звягинцева (мастер по прикладному искусству).")
    assert bracketed.people[0].city is None and bracketed.place is None
    venue = draft("Семинар прошёл в Доме дружбы под руководством Ивана Петрова.")
    assert _positions(venue)["Иван Петров"] == []  # the venue is nobody's body to lead
    verse = draft("Прозвучали песни в исполнении ансамбля «Шаттык» на стихи Абая Кунанбаева.")
    assert [p.role for p in verse.people] == ["mentioned"]
    quoted = draft(
        "Иван Петров и Мария Сидорова получили награды, а председатель жюри отметил: «Успех»."
    )
    assert "speaker" not in {p.role for p in quoted.people}
    named_after = draft("Учитель школы имени Абая Кунанбаева рассказала о празднике.")
    assert named_after.people == []
    theatre = draft("Выступили артисты Русского драматического театра имени Лермонтова.")
    assert {o.country for o in theatre.organizations} <= {None}
    ensemble = draft("Иван Петров, директор центра «Достык», в 1995 году организовал ансамбль.")
    assert {ensemble.role_of(o) for o in ensemble.organizations} <= {"participant"}
    hosted = draft("Встречу провёл председатель фонда «Степь» Иван Петров.")
    assert {hosted.role_of(o) for o in hosted.organizations} <= {"participant"}
    assert draft("Прибыль компании за год выросла, сообщил директор.").format == "unknown"
    brand = draft("Выступил генеральный директор КазМунайГаз Иван Петров.")
    assert _positions(brand)["Иван Петров"] == [("генеральный директор", "КазМунайГаз")]


def test_a_body_s_short_names_are_written_out() -> None:
    """An abbreviation with a place's short form in it and a compound abbreviation name the
    body the article names in full, or the body written out."""
    text = (
        "В Ханты-Мансийске прошла встреча Председателя Городской Думы Нижнего Новгорода Олега "
        "Белова и гостей. В ней участвовали депутаты ГД НН Игорь Лапин и Денис Орлов, а также "
        "секретарь Курского горсовета Анна Руденко и заместитель председателя Облдумы Марат "
        "Ильин.\n"
    )
    people = _positions(draft_article(text, "short.txt"))
    assert people["Игорь Лапин"] == [("депутат", "Городская Дума Нижнего Новгорода")], people
    assert people["Денис Орлов"] == people["Игорь Лапин"]
    assert people["Анна Руденко"] == [("секретарь", "Курский городской Совет")], people
    assert people["Марат Ильин"] == [("заместитель председателя", "Областная Дума")], people


def test_a_shortened_word_the_article_writes_in_full_elsewhere_is_read_in_full() -> None:
    text = (
        "В Усть-Каменогорске прошли Дни Красноярского края.\n"
        "Начальник Управления Красн. края по делам молодёжи Ольга Титова рассказала о планах.\n"
    )
    people = _positions(draft_article(text, "stub.txt"))
    assert people["Ольга Титова"] == [
        ("начальник", "Управление Красноярского края по делам молодёжи")
    ], people
    # what the body is for, after the place it serves, is part of its name; «по приглашению» is not
    text = (
        "Глава Департамента Омской области по делам казачества Пётр Зуев открыл встречу. "
        "Комитет Омской области по приглашению акимата направил делегацию.\n"
    )
    drafted = draft_article(text, "remit.txt")
    assert _positions(drafted)["Пётр Зуев"] == [
        ("глава", "Департамент Омской области по делам казачества")
    ]
    assert not any("приглашени" in o.name for o in drafted.organizations)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("В Уральске подписан меморандум о сотрудничестве двух городов.", "meeting"),
        ("В Омске прошёл первый конгресс казахов области.", "conference"),
        ("Общество отметило 20-летний юбилей.", "other"),
        ("Мероприятие открыло Дни культуры Астаны в Москве.", "other"),
        ("Мероприятие собрало гостей на концерт в Доме дружбы.", "other"),
        ("Участники встречи обсудили планы.", "meeting"),
    ],
)
def test_the_first_word_naming_a_kind_of_event_gives_the_kind(text: str, kind: str) -> None:
    assert event_title_and_kind(text)[1] == kind


def test_a_place_the_tagger_took_for_a_body_stays_in_the_title() -> None:
    text = (
        "Мы всегда тесно сотрудничали, - сказал заместитель акима ВКО Ербол Нургалиев. "
        "Форум открыл аким СКО Иван Петров.\n"
    )
    positions = _positions(draft_article(text, "vko.txt"))
    assert positions["Ербол Нургалиев"] == [("заместитель акима ВКО", None)]
    assert positions["Иван Петров"] == [("аким СКО", None)]


def test_a_city_the_tagger_took_into_the_next_name_stays_with_the_body() -> None:
    text = (
        "С речью выступил руководитель Русского Дома г. Нур-Султан Алексей Анатольевич "
        "Смирнов. Модератором был председатель Молодёжного Совета г. Омск Бекова Айгерим.\n"
    )
    positions = _positions(draft_article(text, "house.txt"))
    assert positions["Алексей Анатольевич Смирнов"] == [
        ("руководитель", "Русский Дом г. Нур-Султан")
    ]
    assert positions["Айгерим Бекова"] == [("председатель", "Молодёжный Совет г. Омск")]


def test_a_body_s_council_is_a_unit_in_the_title() -> None:
    text = (
        "Выступил первый заместитель председателя Совета Ассамблеи народов России Веналий "
        "Амелин. Слово взял член Правления Ассоциации юристов Иван Петров. Гостей приветствовал "
        "председатель Совета ветеранов Пётр Сидоров.\n"
    )
    positions = _positions(draft_article(text, "council.txt"))
    assert positions["Веналий Амелин"] == [
        ("первый заместитель председателя Совета", "Ассамблея народов России")
    ]
    assert positions["Иван Петров"] == [("член Правления", "Ассоциация юристов")]
    assert positions["Пётр Сидоров"] == [("председатель", "Совет ветеранов")]


def test_a_transcript_s_speaker_label_says_who_spoke() -> None:
    text = (
        "В редакции прошёл круглый стол. Участники: историк Булат Султанов, политолог Ригина "
        "Сысоева.\n\nБ. СУЛТАНОВ: Наши страны связывает многое.\n\nВедущий: Спасибо.\n"
    )
    roles = {p.full_name: p.role for p in draft_article(text, "aif.txt").people}
    assert roles["Булат Султанов"] == "speaker"
    assert roles["Ригина Сысоева"] == "participant"


def test_only_adjectives_that_agree_with_a_state_body_are_its_name() -> None:
    from drafting.organizations import state_body_spans

    text = "Спасибо огромное  акимату Актюбинской области!"
    spans = state_body_spans(text)
    assert [s.normal for s in spans] == ["акимат Актюбинской области"]
    assert [text[s.start : s.stop] for s in spans] == [s.text for s in spans]
    names = [
        s.normal for s in state_body_spans("Пришли депутаты Павлодарского городского маслихата.")
    ]
    assert names == ["Павлодарский городской маслихат"]


def test_a_body_named_with_its_region_takes_no_country_after_it() -> None:
    text = (
        "Делегацию приняло Министерство культуры Челябинской области Российской Федерации. "
        "Выступил и представитель Гражданского Альянса Казахстана.\n"
    )
    names = {o.name for o in draft_article(text, "chel.txt").organizations}
    assert "Министерство культуры Челябинской области" in names, names
    # a word that only ends as «края» does is no region
    other = draft_article("Выступил директор Института демократии Казахстана.\n", "d.txt")
    assert "Институт демократии Казахстана" in {o.name for o in other.organizations}
    assert "Гражданский Альянс Казахстана" in names, names


def test_a_preposition_before_a_place_is_no_initial() -> None:
    text = (  # the tagger reads «В Костанае» and «В Семее» here as names
        "В Костанае поговорили о дружбе молодёжи России и Казахстана\n\n"
        "В Семее обсудили дружбу\n\n"
        "В Костанае прошёл форум. Его открыл ректор Нурлан Медетов.\n"
    )
    draft = draft_article(text, "kst.txt")
    assert [p.full_name for p in draft.people] == ["Нурлан Медетов"]
    assert "Костанай" in {p.name for p in draft.places}


def test_two_named_after_joined_by_and_belong_to_the_body() -> None:
    text = "На концерте играл оркестр Саратовского института искусств им. Н. и П. Петровых.\n"
    draft = draft_article(text, "two.txt")
    assert not draft.people
    assert any(o.name.endswith("им. Н. и П. Петровых") for o in draft.organizations), [
        o.name for o in draft.organizations
    ]


def test_words_of_praise_are_no_part_of_a_title() -> None:
    text = (
        "Выступил известный бизнесмен Есымкан Жантасов. Кружок ведёт талантливый педагог "
        "Карлыгаш Караманова.\n"
    )
    positions = _positions(draft_article(text, "praise.txt"))
    assert positions["Есымкан Жантасов"] == [("бизнесмен", None)]
    assert positions["Карлыгаш Караманова"] == [("педагог", None)]


def test_words_of_praise_or_of_being_local_are_no_part_of_a_body_s_name() -> None:
    text = (
        "В селе прошёл праздник. Гостей встретила вокалистка местного фольклорного ансамбля "
        "«Сударушки» Кульчара Рамазанова.\n"
    )
    draft = draft_article(text, "village.txt")
    assert [o.name for o in draft.organizations] == ["Фольклорный ансамбль «Сударушки»"]
    assert _positions(draft)["Кульчара Рамазанова"] == [
        ("вокалистка", "Фольклорный ансамбль «Сударушки»")
    ]


def test_a_remit_after_the_parent_body_belongs_to_the_unit() -> None:
    text = (
        "В Омске собрались общественники. Выступил член комиссии Общественной палаты Омской "
        "области по территориальному развитию Иван Сидоров. Вопросы задавал председатель "
        "Комиссии Общественной палаты РФ по гармонизации межнациональных отношений Олег "
        "Ларин. Итоги подвела начальник Управления Алтайского края по культуре и архивному "
        "делу Анна Петрова.\n"
    )
    positions = _positions(draft_article(text, "remit.txt"))
    assert positions["Иван Сидоров"] == [
        ("член комиссии по территориальному развитию", "Общественная палата Омской области")
    ]
    assert positions["Олег Ларин"] == [
        (
            "председатель Комиссии по гармонизации межнациональных отношений",
            "Общественная палата РФ",
        )
    ]
    # a body that takes a remit of its own keeps it
    association = draft_article(
        "В Омске собрались предприниматели. Выступил член совета Ассоциации предпринимателей "
        "Омской области по защите прав потребителей Иван Лебедев.\n",
        "remit.txt",
    )
    assert _positions(association)["Иван Лебедев"] == [
        ("член совета", "Ассоциация предпринимателей Омской области по защите прав потребителей")
    ]
    assert positions["Анна Петрова"] == [
        ("начальник", "Управление Алтайского края по культуре и архивному делу")
    ]


def test_a_headline_telling_news_of_the_event_gives_way_to_the_event_the_body_names() -> None:
    text = (
        "Председателем землячества избрали омича\n\n"
        "Новым председателем стал омич Арман Жумабаев. Голосование прошло на конференции "
        "казахских организаций Сибири, которая собралась в Омске.\n"
    )
    title, _kind = event_title_and_kind(text)
    assert title == "Конференция казахских организаций Сибири"


def test_the_bodies_a_sentence_calls_organizers_organized_it() -> None:
    text = (
        "В Омске прошёл форум соседей. Организаторы – общество «Достык» при поддержке "
        "посольства Казахстана – рассказали о планах. Организатором концерта выступил центр "
        "«Русь». Председатель общества «Достык» Айгуль Серикова поблагодарила гостей.\n"
    )
    draft = draft_article(text, "organizers.txt")
    roles = _roles(draft)
    # named as the organizer in one sentence, first given a role by a person's title in another
    assert roles["Общество «Достык»"] == "organizer"
    assert roles["Центр «Русь»"] == "organizer"
    # support written inside the organizer's phrase is support
    assert roles["Посольство Казахстана"] == "partner"
    # a holder supporting something else later held this
    held = draft_article(
        "Общество «Достык» организовало в Омске форум соседей. Вечером при поддержке общества "
        "«Достык» прошёл концерт.\n",
        "held.txt",
    )
    assert list(_roles(held).values()) == ["organizer"]


def test_a_name_the_dictionary_does_not_know_is_one_person_in_any_case() -> None:
    text = (
        "В Омске прошёл курултай. Председателем избран Жангельды Сапаров. «Жангельды "
        "Сапарова уважают в области», – сказал гость. Выступила Александра Петрова, потом "
        "Александр Петров.\n"
    )
    people = {p.full_name for p in draft_article(text, "cases.txt").people}
    assert "Жангельды Сапаров" in people
    assert not any(name.startswith("Жангельды Сапарова") for name in people)
    # a first name the dictionary knows was read with its case: two people
    assert {"Александра Петрова", "Александр Петров"} <= people
    # a clause's subject is in the nominative: another person
    pair = draft_article("Выступил Ерлан Мусин. Затем выступила Ерлана Мусина.\n", "pair.txt")
    assert len(pair.people) == 2


def test_a_known_person_is_linked_by_the_whole_name_only() -> None:
    from drafting.suggest import maybe_known
    from loading.files import read_content
    from tests.conftest import CONTENT

    content = read_content(CONTENT)
    text = (
        "В Семее прошёл вечер дружбы. Выступила Наталья Калашникова. Ей ответил директор "
        "школы Сергей Погорельский. Слово взял А. Тажибаев.\n"
    )
    draft = draft_article(text, "known.txt", content)
    people = {p.full_name: p for p in draft.people}
    assert people["Наталья Калашникова"].known
    # another first name is another person, though the surname is known
    assert not people["Сергей Погорельский"].known
    # an initial may be the known one or not: the reviewer is asked
    tajibaev = next(p for p in draft.people if p.last_name == "Тажибаев")
    assert not tajibaev.known
    assert maybe_known(draft, content)[tajibaev.id][1] == "Алибек Тажибаев"


def test_a_bulleted_rubric_under_the_headline_is_no_headline() -> None:
    from drafting.page import headline_of

    page = (
        "Омские казахи встретили гостей из Павлодара\n- 14.05.2024, 10:12\n- Общество\n"
        "14 мая в Омске прошла встреча казахского центра с гостями из Павлодара, они обсудили "
        "планы на лето.\n"
    )
    assert headline_of(page) == "Омские казахи встретили гостей из Павлодара"


def test_a_reception_is_an_event_a_headline_names() -> None:
    text = (
        "В Павлодаре прошёл праздничный приём в честь Дня Республики\n\n"
        "Гостей приветствовал консул, затем выступили артисты областной филармонии и хор.\n"
    )
    assert event_title_and_kind(text)[0] == "Праздничный приём в честь Дня Республики"


def test_whose_invitation_it_was_ends_the_title_before_it() -> None:
    text = (
        "В Омске прошёл вечер. По благословению архиепископа Омского и по приглашению "
        "генерального консула Казахстана в Омске Айдоса Нурова на вечере выступили артисты. "
        "При поддержке депутата маслихата и при участии ректора университета Петра Сидорова "
        "вечер завершился песней.\n"
    )
    positions = _positions(draft_article(text, "invited.txt"))
    assert positions["Айдос Нуров"] == [("генеральный консул Казахстана в Омске", None)]
    assert positions["Пётр Сидоров"] == [("ректор университета", None)]
    # «по информации …» is a department's remit, no circumstance
    titled = _positions(
        draft_article(
            "В Омске прошёл вечер. Выступила начальник отдела по информации и общественным "
            "связям Анна Петрова.\n",
            "remit.txt",
        )
    )
    assert titled["Анна Петрова"] == [
        ("начальник отдела по информации и общественным связям", None)
    ]


def test_a_document_is_no_body_whatever_its_likeliest_reading() -> None:
    text = (
        "В Павлодаре прошло собрание общества «Русь». Председатель общества «Русь» Анна "
        "Котова предложила обновить Устав центра, и собрание приняло Устав Общества.\n"
    )
    names = {o.name for o in draft_article(text, "charter.txt").organizations}
    assert names == {"Общество «Русь»"}


def test_a_clergyman_named_by_his_see_is_no_body() -> None:
    from drafting.organizations import not_a_name_phrase

    # the tagger may take «епископ | Уральский Антоний» for a body
    assert not_a_name_phrase("Уральский Антоний")
    assert not_a_name_phrase("Петропавловский Владимир")
    # a body's kind or a quoted name keeps it a body
    assert not not_a_name_phrase("Фонд Александра Невского")
    assert not not_a_name_phrase("Уральский хор «Антоний»")


def test_a_head_of_state_only_mentioned_is_no_one_who_took_part() -> None:
    text = (
        "В Костанае прошёл форум молодёжи. Форум прошёл по поручению Президента Казахстана "
        "Касым-Жомарта Токаева. Выступил президент ассоциации «Жастар» Ерлан Мусин. Турнир "
        "прошёл по инициативе президента федерации казахской борьбы области Серика Ахметова.\n"
    )
    people = {p.full_name for p in draft_article(text, "state.txt").people}
    assert {"Ерлан Мусин", "Серик Ахметов"} <= people
    assert not any("Токаев" in name for name in people)


def test_a_body_named_again_without_its_place_adjective_is_the_same_body() -> None:
    text = (
        "В Вишневском Доме культуры прошёл вечер казахской песни. В Доме культуры открыли "
        "уголок народного быта.\n"
    )
    names = [o.name for o in draft_article(text, "house.txt").organizations]
    assert names == ["Вишневский Дом культуры"]


def test_events_counted_name_no_event() -> None:
    text = (
        "Клуб «Родник» в Петропавловске растёт\n\n"
        "За год клуб провёл несколько концертов, и много праздников в городе прошло с его "
        "участием. В субботу в клубе состоялась встреча с гостями из Кургана.\n"
    )
    assert event_title_and_kind(text)[0] == "Встреча с гостями из Кургана"


def test_the_body_that_invited_the_guests_hosted_them() -> None:
    text = (
        "В Омске прошёл концерт казахской музыки. Хор «Достар» был приглашён в Омск "
        "генеральным консульством Казахстана. Директор школы Иван Лунин пригласил на "
        "концерт ансамбль «Ақ жол».\n"
    )
    draft = draft_article(text, "invited.txt")
    roles = _roles(draft)
    assert roles["Генеральное консульство Казахстана"] == "organizer"
    # a person who invited: no body is said to have
    assert roles["Ансамбль «Ақ жол»"] == "participant"
    # invited to another event: no host of this one
    later = draft_article(
        "В Омске прошёл вечер песни. В завершение общество «Достык» пригласило всех на летний "
        "фестиваль.\n",
        "later.txt",
    )
    assert list(_roles(later).values()) == ["participant"]


def test_a_parse_that_loops_back_ends() -> None:
    import threading
    from types import SimpleNamespace

    from drafting.roles import _extent

    # the parser may hang two words on each other; the phrase still ends
    a = SimpleNamespace(id="1_1", head_id="1_2", rel="nmod", text="центр", start=0, stop=5)
    b = SimpleNamespace(id="1_2", head_id="1_1", rel="nmod", text="дружбы", start=6, stop=12)
    children = {"1_1": [b], "1_2": [a]}
    found: list[range] = []
    walk = threading.Thread(target=lambda: found.append(_extent(a, children)), daemon=True)
    walk.start()
    walk.join(timeout=10)
    assert found == [range(0, 12)]


def test_a_line_with_no_full_stop_ends_its_sentence() -> None:
    text = (
        "Общественники двух областей подписали соглашение\n\n"
        "Председатель совета Иван Петров и директор центра Ольга Смирнова договорились о "
        "сотрудничестве, сообщает пресс-служба\n"
        "совета.\n"
    )
    sentences = [text[start:stop].strip() for start, stop in analyse(text).sentences]
    assert sentences[0] == "Общественники двух областей подписали соглашение"
    assert sentences[1].startswith("Председатель совета Иван Петров")
    assert sentences[1].endswith("пресс-служба\nсовета.")  # a wrapped line goes on


def test_a_person_named_in_a_quoted_name_is_only_mentioned() -> None:
    text = (
        "Круглый стол «Чокан Валиханов и Омск»\n"
        "В областной библиотеке прошёл круглый стол. С докладом выступил директор "
        "библиотеки Иван Петров.\n"
    )
    parts = {p.full_name: p.role for p in draft_article(text, "quoted.txt").people}
    assert parts == {"Чокан Валиханов": "mentioned", "Иван Петров": "speaker"}


@pytest.mark.parametrize(
    ("topic", "title"),
    [
        ("истории края", "Круглый стол об истории края"),
        ("30-летию независимости Казахстана", "Круглый стол о 30-летии независимости Казахстана"),
    ],
)
def test_a_described_event_is_named_about_its_topic(topic: str, title: str) -> None:
    text = f"В областной библиотеке прошёл круглый стол, посвящённый {topic}.\n"
    assert event_title_and_kind(text) == (title, "round_table")


def test_a_body_named_shortly_before_its_full_name_is_one_body() -> None:
    text = (
        "В Костанае прошёл форум сельской молодёжи. Форум открыл директор фонда «Жер» Иван "
        "Петров. Организатором выступил Костанайский областной фонд поддержки сельских инициатив "
        "«Жер». "
        "Председатель ЗКОО «Славянский центр «Лад»» Ольга Смирнова рассказала о работе "
        "центра. Западно-Казахстанское областное общественное объединение «Славянский центр "
        "«Лад»» приняло участие в форуме впервые. Выступил и руководитель ансамбля «Жер» "
        "Сергей Иванов.\n"
    )
    draft = draft_article(text, "short.txt")
    roles = _roles(draft)
    assert roles["Костанайский областной фонд поддержки сельских инициатив «Жер»"] == "organizer"
    assert "Фонд «Жер»" not in roles and "ЗКОО «Славянский центр «Лад»»" not in roles
    assert "Ансамбль «Жер»" in roles  # another kind of body under the same name
    orgs = {o.id: o.name for o in draft.organizations}
    held = {p.full_name: orgs[q.organization] for p in draft.people for q in p.positions}
    assert held["Иван Петров"] == "Костанайский областной фонд поддержки сельских инициатив «Жер»"
    assert held["Ольга Смирнова"].startswith("Западно-Казахстанское областное")


def test_a_body_named_by_its_innermost_name_and_kind_is_the_body_named_in_full() -> None:
    text = (
        "В Астрахани прошёл форум. Его организовало АРОО «Казахское национально-культурное "
        "общество «Ынтымақ»». Форум открыл председатель АРОО «Ынтымақ» Серик Ахметов.\n"
    )
    orgs = [o.name for o in draft_article(text, "inner.txt").organizations]
    assert orgs == ["АРОО «Казахское национально-культурное общество «Ынтымақ»»"]


def test_with_whom_a_remit_is_belongs_to_the_name() -> None:
    text = (
        "В Омске прошла конференция. Выступил заместитель начальника Управления Президента "
        "РФ по межрегиональным и культурным связям с зарубежными странами Игорь Соколов, "
        "а также директор Центра по работе с молодёжью Иван Петров.\n"
    )
    names = {o.name for o in draft_article(text, "remit.txt").organizations}
    assert (
        "Управление Президента РФ по межрегиональным и культурным связям с зарубежными странами"
        in names
    )


def test_a_surname_alone_after_the_full_name_is_that_person() -> None:
    text = (
        "В Кургане прошёл слёт национальных обществ. Вице-мэр города Виктор Лаптев прибыл на "
        "слёт. «Таких встреч должно быть больше, – отметил Лаптев. – Город открыт для "
        "гостей». Лаптев вручил дипломы волонтёрам.\n"
    )
    people = draft_article(text, "surname.txt").people
    assert [(p.full_name, p.role) for p in people] == [("Виктор Лаптев", "speaker")]


def test_one_given_the_floor_or_passing_on_greetings_spoke() -> None:
    text = (
        "В Семее прошла конференция. Слово было предоставлено доктору исторических наук, "
        "профессору университета из Семея Ахметову Серику Болатовичу. Приветствие от "
        "руководства региона передал заместитель председателя комитета Роман Дьяченко. "
        "Поздравительное письмо прислал посол Иван Петров.\n"
    )
    parts = {p.full_name: p.role for p in draft_article(text, "floor.txt").people}
    assert parts == {
        "Серик Болатович Ахметов": "speaker",
        "Роман Дьяченко": "speaker",
        "Иван Петров": "mentioned",
    }


def test_a_body_named_as_where_it_was_is_a_venue() -> None:
    text = (
        "В конференц-зале отеля «Алтын Тау» собрались гости праздничного вечера. В ДК "
        "«Сибиряк» прошёл праздник. На площадке районного Дома культуры прошла выставка. "
        "Гостей приветствовал председатель общества «Достык» Иван Петров.\n"
    )
    roles = _roles(draft_article(text, "venue.txt"))
    assert roles["Отель «Алтын Тау»"] == "mentioned"
    assert roles["ДК «Сибиряк»"] == "mentioned"
    assert roles["Дом культуры"] == "mentioned"
    assert roles["Общество «Достык»"] == "participant"


def test_whom_a_body_is_attached_to_and_whose_people_it_serves_belong_to_its_name() -> None:
    text = (
        "В Актау прошёл круглый стол. Выступили директор филиала Академии государственного "
        "управления при Президенте Республики Казахстан Сауле Жумабаева и председатель "
        "Федеральной национально-культурной автономии казахов России Болат Сейтказин. "
        "Организатор – Фонд развития культурных связей при поддержке посольства России.\n"
    )
    names = {o.name for o in draft_article(text, "attached.txt").organizations}
    assert {
        "Академия государственного управления при Президенте Республики Казахстан",
        "Федеральная национально-культурная автономия казахов России",
        "Фонд развития культурных связей",
    } <= names


def test_each_name_of_a_list_after_a_plural_kind_has_the_kind() -> None:
    text = (
        "В Кызылорде отметили юбилей центра. При центре создали молодёжную группу «Радуга», "
        "появились вокальные группы «Ласточки», «Рябинка» и «Берёзка». Выступили фольклорные "
        "ансамбли «Жайна» и «Шашу». Приём прошёл в отеле «Алтын Тау».\n"
    )
    names = {o.name for o in draft_article(text, "groups.txt").organizations}
    assert {
        "Молодёжная группа «Радуга»",
        "Вокальная группа «Ласточки»",
        "Вокальная группа «Рябинка»",
        "Вокальная группа «Берёзка»",
        "Фольклорный ансамбль «Жайна»",
        "Фольклорный ансамбль «Шашу»",
        "Отель «Алтын Тау»",
    } <= names


def test_a_photo_credit_under_the_standfirst_is_no_headline() -> None:
    text = (
        "Песни над Уралом\n\nАнна Козлова\nкорреспондент по области\n\n"
        "В Уральске открылся праздник народной песни «Жайық әуендері».\n\nфото автора\n"
        "– Мы рады гостям, – сказал заместитель акима области Ерлан Мусин. – Фестиваль "
        "проходит в шестой раз, и он собрал коллективы из пяти регионов России.\n"
    )
    draft = draft_article(text, "credit.txt")
    assert [p.full_name for p in draft.people] == ["Ерлан Мусин"]


def test_authors_after_the_stamp_of_a_page_with_no_line_breaks_are_no_people() -> None:
    text = (
        "Мост дружбы 12 марта 2023 г. 10:05 1432 Анна Козлова, Ирина Белова Неделя казахской "
        "книги идёт в Омске. Её открыл посол Иван Петров. "
        "22 ноября 2019 г. Ерлан Мусин открыл первый фестиваль.\n"
    )
    people = {p.full_name for p in draft_article(text, "byline.txt").people}
    assert people == {"Иван Петров", "Ерлан Мусин"}


def test_the_quoted_name_of_an_event_that_names_no_kind_is_its_title() -> None:
    text = (
        "Праздник дружбы пройдёт в Самаре\n\n3 октября в филармонии состоится праздничное "
        "мероприятие «Степь и Волга», посвящённое юбилею автономии.\n"
    )
    assert event_title_and_kind(text)[0] == "Степь и Волга"


def test_every_city_listed_after_from_is_where_people_came_from() -> None:
    text = (
        "В городской библиотеке прошла конференция «Казахстан и Россия». К участникам онлайн "
        "присоединились коллеги из Челябинска и Магнитогорска.\n"
    )
    assert draft_article(text, "from.txt").place is None


def test_a_capital_of_respect_inside_a_title_is_written_small() -> None:
    text = (
        "В Кокшетау обсудили работу молодёжных клубов. Гостей поздравили чрезвычайный и "
        "полномочный Посол Российской Федерации в Республике Казахстан Иван Петров и "
        "Чрезвычайный и Полномочный Посол Республики Казахстан в Российской Федерации Ерлан "
        "Мусин.\n"
    )
    titles = {
        p.full_name: [q.title for q in p.positions]
        for p in draft_article(text, "respect.txt").people
    }
    assert titles == {
        "Иван Петров": [
            "чрезвычайный и полномочный посол Российской Федерации в Республике Казахстан"
        ],
        "Ерлан Мусин": [
            "Чрезвычайный и Полномочный Посол Республики Казахстан в Российской Федерации"
        ],
    }


def test_names_after_nested_quotes_closed_once_are_outside_them() -> None:
    text = (
        "В Омске прошёл круглый стол. Выступил председатель РОО «Казахский культурный центр "
        "«Достык» Иван Петров. Участники круглого стола «Абай Кунанбаев и Пушкин» обсудили "
        "переводы.\n"
    )
    parts = {p.full_name: p.role for p in draft_article(text, "nested.txt").people}
    assert parts["Иван Петров"] == "speaker"
    assert parts.get("Абай Кунанбаев", "mentioned") == "mentioned"


def test_the_rules_for_names_of_bodies_do_not_reach_too_far() -> None:
    text = (
        "В Омске прошёл форум. Сотрудники Управления по делам молодёжи с интересом обсудили "
        "проекты. Фонд «Нива» и «Российская газета» провели конкурс. Выступил председатель "
        "Омской РОО «Казахский культурный центр «Достык» Иван Петров, а затем руководитель "
        "молодёжного центра «Достык» Ольга Смирнова. В РОО «Жастар» состоялось собрание.\n"
    )
    draft = draft_article(text, "reach.txt")
    roles = _roles(draft)
    assert "Управление по делам молодёжи" in roles
    assert not any(name.endswith("с интересом") for name in roles)
    assert "Фонд «Российская газета»" not in roles
    orgs = {o.id: o.name for o in draft.organizations}
    held = {p.full_name: orgs.get(q.organization) for p in draft.people for q in p.positions}
    assert held["Ольга Смирнова"] == "Молодёжный центр «Достык»"
    assert roles["РОО «Жастар»"] != "mentioned"  # a body, not a house of culture


def test_the_floor_and_the_lines_do_not_reach_too_far() -> None:
    text = (
        "Круглый стол о дружбе\n\nВ Омске прошёл круглый стол. На\nвстрече выступил "
        "заместитель председателя комитета\nИван Петров. Слово было предоставлено Ольге "
        "Смирновой, после чего ветеран труда Ерлан Мусин вручил награды. Слово предоставили "
        "доктору исторических наук, профессору университета Серику Ахметову. К участникам "
        "присоединились коллеги из Костанайской области и Кургана.\n"
    )
    draft = draft_article(text, "floor2.txt")
    parts = {p.full_name: p.role for p in draft.people}
    assert parts["Иван Петров"] == "speaker"
    assert parts["Ерлан Мусин"] == "participant"
    assert parts["Серик Ахметов"] == "speaker"
    titles = {p.full_name: [q.title for q in p.positions] for p in draft.people}
    assert titles["Иван Петров"] == ["заместитель председателя комитета"]
    assert draft.place == "omsk"


def test_a_frame_named_in_quotes_is_no_title_and_an_interview_is_no_byline() -> None:
    text = (
        "В рамках мероприятия «Дни Казахстана в Самаре» в филармонии прошёл концерт «Степь поёт».\n"
    )
    assert event_title_and_kind(text)[0] == "Степь поёт"
    page = (
        "Итоги года 5 октября 2022 г. 23:21 Ерлан Мусин: «Мы рады гостям» Председатель "
        "общества Ерлан Мусин рассказал о фестивале в Омске.\n"
    )
    assert [p.full_name for p in draft_article(page, "interview.txt").people] == ["Ерлан Мусин"]


def test_a_word_hung_on_the_organizer_from_further_on_is_not_its_name() -> None:
    text = (
        "Консул побывал на традиционном фестивале «Дружба», организованном ОО «Центр казахской "
        "культуры» Ассамблеи народа Казахстана СКО, встретился с активистами областной "
        "Ассамблеи, руководителями национальных обществ района и КГУ «Келісім».\n"
    )
    roles = _roles(draft_article(text, "extent.txt"))
    assert roles["КГУ «Келісім»"] != "organizer"
    assert "organizer" in roles.values()


def test_an_event_named_only_by_its_kind_is_named_by_what_was_discussed() -> None:
    text = (
        "Молодёжь говорит о будущем\n\n"
        "В Костанае в библиотеке имени Гайдара прошёл круглый стол. Его вела Анна Котова. "
        "Студенты из Кургана и Костаная обсудили новые формы волонтёрской работы в приграничье.\n"
    )
    title = event_title_and_kind(text)[0]
    assert title == "Круглый стол о новых формах волонтёрской работы в приграничье", title
    # passive: what «обсуждались»; a topic says nothing of a kind that has a name
    passive = (
        "Гости собрались в Омске\n\nВ Омске состоялся международный форум. Обсуждались вопросы "
        "сохранения родного языка.\n"
    )
    assert event_title_and_kind(passive)[0] == (
        "Международный форум о вопросах сохранения родного языка"
    )
    named = (
        "Гости собрались в Омске\n\nВ Омске состоялся форум «Степной диалог». "
        "Участники обсудили гранты.\n"
    )
    assert event_title_and_kind(named)[0] == "Степной диалог"


def test_where_someone_is_from_is_no_title_and_new_is_no_part_of_one() -> None:
    text = (
        "Новым председателем ассамблеи молодёжи области стал омич Даурен Садыков. На встрече "
        "выступила казахстанка Алия Нурланова и уроженец Кургана Пётр Зотов, ветеран труда.\n"
    )
    draft = draft_article(text, "residents.txt")
    titles = {p.full_name: [q.title for q in p.positions] for p in draft.people}
    assert titles["Даурен Садыков"] == ["председатель"], titles
    assert titles["Алия Нурланова"] == [], titles
    assert "уроженец" not in " ".join(titles["Пётр Зотов"]), titles


def test_a_space_inside_quotes_is_no_part_of_a_name() -> None:
    text = "Общественный культурный центр «Родник » Павлодарской обл отметил 10 летний юбилей.\n"
    names = [o.name for o in draft_article(text, "spaces.txt").organizations]
    assert any("«Родник»" in name for name in names), names


def test_the_words_after_a_quote_say_who_spoke_whatever_follows_the_name() -> None:
    text = (
        "В Омске прошёл слёт молодёжи. «Вы – наше будущее», – заявил, обращаясь к гостям "
        "слёта, аким района Ерлан Мусин, добавив, что молодые специалисты и студенты получают "
        "поддержку государства.\n"
    )
    assert _roles_of_people(draft_article(text, "said.txt")) == {"Ерлан Мусин": "speaker"}
    # what a gerund after the quote governs is no speaker
    given = (
        "В Омске прошёл слёт. «Спасибо всем», – отметил председатель, вручив награду Ивану "
        "Петрову.\n"
    )
    assert _roles_of_people(draft_article(given, "given.txt"))["Иван Петров"] != "speaker"


def _roles_of_people(draft: Draft) -> dict[str, str]:
    return {p.full_name: p.role for p in draft.people}


def test_a_body_s_own_gathering_or_anniversary_is_held_by_it() -> None:
    cases = {
        "В Омске прошёл съезд Ассоциации казахов Сибири «Алаш». Делегаты избрали новый совет.\n": (
            "Ассоциация казахов Сибири «Алаш»"
        ),
        "Вчера в рамках заседания Омского клуба экспертов прошёл круглый стол о молодёжной "
        "политике. Выступил профессор Иван Петров.\n": "Омский клуб экспертов",
        "Общество «Лад» отметило 30-летний юбилей. На праздник пришли ветераны.\n": (
            "Общество «Лад»"
        ),
    }
    for text, body in cases.items():
        assert _roles(draft_article(text, "own.txt")).get(body) == "organizer", text
    # a gathering for a body's anniversary is not held by it for that
    for text in (
        "В Кургане прошёл концерт в честь 30-летия общества «Лад». Выступили ансамбли города.\n",
        "К юбилею общества «Лад» в Кургане прошла выставка. Её открыл директор Иван Петров.\n",
    ):
        assert _roles(draft_article(text, "for.txt")).get("Общество «Лад»") != "organizer", text


def test_links_to_other_news_and_holidays_are_no_one_s() -> None:
    text = (
        "В Кургане отметили Наурыз мейрамы\n\n"
        "Вчера в областном Доме дружбы отпраздновали Наурыз мейрамы. Праздник организовал "
        "Курганский центр казахской культуры «Туган жер». С приветственным словом выступил "
        "председатель центра Ерлан Мусин. Гостей угостили национальными блюдами, а вечером "
        "прошёл концерт, где прозвучали песни о весне. На празднике Ивана Купала летом центр "
        "обещал собрать гостей снова.\n"
        "Читайте также:\n"
        "- Губернатор Иван Петров поздравил жителей с праздником\n"
        "- В ТРЦ «Мега» прошла ярмарка\n"
    )
    draft = draft_article(text, "links.txt")
    assert [p.full_name for p in draft.people] == ["Ерлан Мусин"]
    names = [o.name for o in draft.organizations]
    assert not any("Наурыз" in n or "Мега" in n for n in names), names
    # a menu of the same words at the top of a page is no end of its article
    assert len(_RELATED_AT_TOP) < 300
    top = draft_article(_RELATED_AT_TOP + text, "top.txt")
    assert "Ерлан Мусин" in [p.full_name for p in top.people]
    # holidays listed together are no one either; a surname made of one is a person's
    text = (
        "Центр «Лад» известен праздниками: Масленица, Святки Ивана Купала. Песни исполнил Иван "
        "Святкин.\n"
    )
    assert [p.full_name for p in draft_article(text, "lad.txt").people] == ["Иван Святкин"]


_RELATED_AT_TOP = "Главная\nПо теме\nНовости\n"


def test_a_holiday_a_camp_and_a_quoted_headline_title_the_event() -> None:
    holiday = (
        "Масленица – праздник проводов зимы. 5 марта центр «Русь» широко отпраздновал "
        "Масленицу в Доме дружбы Павлодара, пригласив гостей из разных этнокультурных "
        "объединений.\n"
    )
    assert event_title_and_kind(holiday)[0] == "Масленица"
    camp = (
        "Итоги лета\n\nЛетний молодёжный лагерь «Берега дружбы» прошёл под Курганом. "
        "Его участники приехали из трёх областей.\n"
    )
    assert event_title_and_kind(camp) == ("Берега дружбы", "other")
    # a children's camp is also a place: its name is no event's
    venue = (
        "В селе Илек на базе детского лагеря «Ромашка» прошёл молодёжный форум «Степь». "
        "Его провело общество «Жастар».\n"
    )
    assert any("Ромашка" in o.name for o in draft_article(venue, "venue.txt").organizations)
    quoted = (
        "«Степной диалог»: студенты двух стран обсудят экологию\n\n"
        "В Омске студенты Омска и Павлодара обсудят экологию степи.\n"
    )
    title = draft_article(quoted, "quoted.txt").title or ""
    assert title.count("«") == title.count("»"), title


def test_a_district_named_by_its_town_s_adjective_is_no_city() -> None:
    text = (
        "Создан союз казахских обществ\n\nУчредительное собрание союза прошло в пятницу. Его "
        "члены живут в основном в Новоузенском и Краснокутском районах.\n"
    )
    draft = draft_article(text, "districts.txt")
    names = [p.name for p in draft.places]
    assert "Новоузенск" not in names and "Красный Кут" not in names, names
    assert draft.place is None
    # a town of such a name stays one
    town = "В Рудном прошёл праздник. Гости приехали из Рудного и Житикары.\n"
    assert "Рудный" in [p.name for p in draft_article(town, "town.txt").places]


def test_a_room_the_event_was_held_in_says_it_was_in_person() -> None:
    text = (
        "Создано общество\n\nУчредительное собрание общества прошло 5 мая в помещении "
        "комиссии по делам молодёжи. Председателем избран Иван Петров.\n"
    )
    assert draft_article(text, "room.txt").format == "offline"


def test_a_council_with_no_name_of_its_own_is_the_body_s_named_before() -> None:
    text = (
        "В Омске прошёл вечер Казахского культурного центра «Мерей». Председатель совета "
        "центра Ерлан Мусин поздравил гостей. Председатель попечительского совета, директор "
        "библиотеки Ольга Котова вручила награды.\n"
    )
    draft = draft_article(text, "council.txt")
    positions = _positions(draft)
    assert positions["Ерлан Мусин"] == [
        ("председатель совета", "Казахский культурный центр «Мерей»")
    ], positions
    assert ("председатель попечительского совета", None) in positions["Ольга Котова"], positions
    assert not any("совет" in o.name.casefold() for o in draft.organizations)


def test_a_town_named_after_the_word_for_it_is_a_city_whatever_the_tagger_says() -> None:
    text = (
        "В Костанае прошёл слёт молодёжи. Приехали делегации из г.Житикары, г.Лисаковск и "
        "г.Рудный. Председатель молодёжного совета г. Костанай Ерлан Мусин открыл слёт. В 1998 г. "
        "Ольга Котова основала этот совет.\n"
    )
    draft = draft_article(text, "towns.txt")
    names = {p.name for p in draft.places}
    assert {"Лисаковск", "Рудный"} <= names, names
    assert "Житикары" not in {p.full_name for p in draft.people}
    assert {"Ерлан Мусин", "Ольга Котова"} <= {p.full_name for p in draft.people}


def test_this_stop_s_rules_do_not_reach_too_far() -> None:
    # links in the middle of an article: only the links go
    middle = (
        "В Омске прошёл круглый стол\n\n" + "В Доме дружбы Омска прошёл круглый стол о связях "
        "России и Казахстана в образовании и культуре. Его организовал центр «Достык». В нём "
        "участвовали представители общественных объединений, вузов и органов власти региона, "
        "а также гости из соседних областей двух стран.\n\n"
        "Читайте также:\nВ Павлодаре открылся фестиваль «Шанырак»\n\n"
        "С приветственным словом выступил председатель центра Нурлан Бекмуратов.\n"
    )
    assert "Нурлан Бекмуратов" in [p.full_name for p in draft_article(middle, "m.txt").people]
    # a name made of a holiday's is a person's; a holiday only told of is no title
    named = (
        "Встреча со студентами\n\nВ Петропавловске прошла встреча студентов с ветераном труда "
        "Наурызбаем Тулеуовым. С приветственным словом выступил председатель центра Наурызбек "
        "Айтбай.\n"
    )
    draft = draft_article(named, "n.txt")
    assert {"Наурызбек Айтбай"} <= {p.full_name for p in draft.people}
    assert "Тулеу" not in (draft.title or "")
    told = (
        "Школьникам рассказали о Наурызе\n\nВ Оренбурге прошла встреча школьников с ветеранами.\n"
    )
    assert event_title_and_kind(told)[0] != "Наурыз"
    # another clause's name after a quote did not speak
    quote = (
        "В Омске завершился визит делегации. «Мы рады соседям», — сказал вице-губернатор Андрей "
        "Зайцев, а ректор университета Ержан Кудайбергенов вручил ему подарок.\n"
    )
    assert _roles_of_people(draft_article(quote, "q.txt"))["Ержан Кудайбергенов"] != "speaker"
    # a gathering talked of, or whose anniversary is the occasion, was not held by its body
    for text in (
        "В Омске прошёл круглый стол. Участники обсудили решения съезда Ассамблеи народа "
        "Казахстана.\n",
        "В Омске состоялся вечер по случаю 30-летия общества «Лад». Вечер провёл университет.\n",
    ):
        assert (
            "organizer"
            not in {
                name: role
                for name, role in _roles(draft_article(text, "g.txt")).items()
                if "Ассамбле" in name or "Лад" in name
            }.values()
        ), text
    # what others discussed elsewhere names no event; a name in a topic keeps its case
    others = (
        "Литература объединяет\n\nВо вторник в Омске прошёл круглый стол. Накануне депутаты "
        "областного собрания рассмотрели проект бюджета.\n"
    )
    assert event_title_and_kind(others)[0] == "Круглый стол"
    talk = (
        "Молодёжь говорит о будущем\n\nВ Омске прошёл круглый стол. Его участники обсудили "
        "доклад профессора Ивана Петрова.\n"
    )
    assert event_title_and_kind(talk)[0] == "Круглый стол о докладе профессора Ивана Петрова"
    # towns whose names look like adjectives stay towns beside a district
    towns = (
        "В Костанае прошёл праздник. Приехали делегации из Рудного и Карабалыкского района и "
        "из Магнитогорска и Агаповского района.\n"
    )
    assert {"Рудный", "Магнитогорск"} <= {p.name for p in draft_article(towns, "t.txt").places}
    # a camp the event was held in is neither its title nor its kind
    camp = (
        "Летняя школа языка\n\nВ загородном лагере «Солнечный» под Омском прошла летняя школа "
        "казахского языка. На базе детского лагеря «Ромашка» прошёл и молодёжный форум.\n"
    )
    assert event_title_and_kind(camp) == ("Летняя школа языка", "forum")


def test_a_first_name_taken_into_a_body_s_name_is_the_person_s() -> None:
    text = (
        "В Омске прошёл вечер. Член совета Ассоциации казахов Сибири Айдар Серикович Жумабаев "
        "поздравил гостей.\n"
    )
    draft = draft_article(text, "first.txt")
    assert _positions(draft) == {
        "Айдар Серикович Жумабаев": [("член совета", "Ассоциация казахов Сибири")]
    }, _positions(draft)


def _titles(text: str) -> dict[str, list[tuple[str, str | None]]]:
    draft = draft_article(text, "a.txt")
    names = {o.id: o.name for o in draft.organizations}
    return {
        p.full_name: [(q.title, names.get(q.organization or "")) for q in p.positions]
        for p in draft.people
    }


def test_a_body_named_only_by_its_kind_is_the_one_such_body_named_before() -> None:
    # a body has one chairman: the second is another society's, which the text does not name
    titles = _titles(
        "В Омске прошёл вечер дружбы\n\nНа вечере выступил председатель татарского общества "
        "«Туган тел» Ильдар Ибрагимов. Затем слово взял председатель общества Кайрат Мусин, "
        "который рассказал о казахских обычаях.\n"
    )
    assert titles["Кайрат Мусин"] == [("председатель общества", None)], titles
    # two societies named before: either may be hers
    titles = _titles(
        "В Омске прошёл вечер дружбы\n\nВечер провели казахское общество «Мирас» и татарское "
        "общество «Яшьлек». Заместитель председателя общества Асель Нурланова провела викторину.\n"
    )
    assert titles["Асель Нурланова"] == [("заместитель председателя общества", None)], titles
    # one: hers
    titles = _titles(
        "В Омске прошёл вечер дружбы\n\nВечер провело казахское общество «Мирас». Заместитель "
        "председателя общества Асель Нурланова провела викторину.\n"
    )
    assert titles["Асель Нурланова"] == [("заместитель председателя", "Казахское общество «Мирас»")]
    # a centre named in the quotes after its legal form is a centre
    titles = _titles(
        "В Челябинске прошёл круглый стол\n\nКруглый стол провела Челябинская областная "
        "общественная организация «Казахский культурный центр». Председатель центра Жандос "
        "Сагинтаев рассказал о планах.\n"
    )
    assert titles["Жандос Сагинтаев"][0][1] == (
        "Челябинская областная общественная организация «Казахский культурный центр»"
    ), titles
    # his own society, named with him before, whoever else chaired it
    titles = _titles(
        "Общество «Достык» выбрало председателя\n\nКазахское общество «Достык» провело "
        "собрание. Председатель общества Марат Кенжебаев отчитался о работе.\n\nНовым "
        "председателем общества «Достык» избран Серик Абдулин. Председатель общества Серик "
        "Абдулин поблагодарил за доверие.\n"
    )
    assert len(titles["Серик Абдулин"]) == 1 and titles["Серик Абдулин"][0][1], titles
    # an ensemble of a society is no society
    titles = _titles(
        "В Тюмени прошёл концерт\n\nАнсамбль «Сазген» казахского общества под руководством "
        "Гульнары Досмухамбетовой исполнил народные песни. На концерте выступил председатель "
        "общества Ербол Жумагалиев.\n"
    )
    assert titles["Ербол Жумагалиев"] == [("председатель общества", None)], titles


def test_our_body_is_no_body_called_ours() -> None:
    text = (
        "В Актобе прошёл круглый стол\n\nВ Доме дружбы прошёл круглый стол о русском языке. "
        "Участников приветствовала председатель нашего объединения Ирина Ковалёва.\n"
    )
    draft = draft_article(text, "a.txt")
    assert not any("наш" in o.name.casefold() for o in draft.organizations), draft.organizations
    assert _titles(text)["Ирина Ковалёва"] == [("председатель нашего объединения", None)]
    # named before by its kind: that one
    text = text.replace(
        "В Доме дружбы", "Общественное объединение «Светлица» провело в Доме дружбы"
    ).replace("прошёл круглый стол о", "круглый стол о")
    assert _titles(text)["Ирина Ковалёва"] == [
        ("председатель", "Общественное объединение «Светлица»")
    ], _titles(text)


def test_a_remit_after_a_body_that_takes_none_is_the_title_s() -> None:
    text = (
        "В Омске прошёл круглый стол\n\nКруглый стол провёл Омский государственный университет. "
        "Выступил проректор университета по международной работе Игорь Семёнов.\n"
    )
    assert _titles(text)["Игорь Семёнов"] == [
        ("проректор по международной работе", "Омский государственный университет")
    ], _titles(text)
    # no university named before: no body, and none called «Университет по …»
    alone = _titles(text.replace("Круглый стол провёл Омский государственный университет. ", ""))
    assert alone["Игорь Семёнов"] == [("проректор университета по международной работе", None)]


def test_who_moderated_is_told_by_a_word_for_moderating_not_by_moderators_met() -> None:
    def role(sentence: str) -> str:
        text = f"В Омске прошёл круглый стол «Соседи». {sentence}\n"
        return {p.last_name: p.role for p in draft_article(text, "omsk.txt").people}["Петров"]

    assert role("Дискуссию модерировал директор центра «Диалог» Иван Петров.") == "moderator"
    assert role("Модератором выступил директор центра «Диалог» Иван Петров.") == "moderator"
    met = "Перед его началом с участниками и модераторами встретился аким области Иван Петров."
    assert role(met) != "moderator"
    thanked = "Аким области Иван Петров поблагодарил модераторов за работу."
    assert role(thanked) != "moderator"

    def roles(sentence: str) -> dict[str, str]:
        text = f"В Омске прошёл круглый стол «Соседи». {sentence}\n"
        return {p.last_name: p.role for p in draft_article(text, "omsk.txt").people}

    # the word is said of the name after it, not of the first one in the sentence
    assert roles(
        "На круглом столе выступил аким области Асан Байжанов, а модератором стал депутат "
        "маслихата Ерлан Жумабаев."
    ) == {"Байжанов": "speaker", "Жумабаев": "moderator"}
    assert roles(
        "Вице-аким Ерлан Ильясов поприветствовал участников круглого стола, модератором "
        "которого выступил профессор Нурлан Кенжин."
    ) == {"Ильясов": "speaker", "Кенжин": "moderator"}
    # all of a list, and a name right after the word whatever governs it
    assert roles("Модераторами выступили политолог Андрей Ковалёв и журналист Дана Есенова.") == {
        "Ковалёв": "moderator",
        "Есенова": "moderator",
    }
    assert roles(
        "Организаторы выразили благодарность модераторам Ольге Смирновой и Канату Ибраеву."
    ) == {
        "Смирнова": "moderator",
        "Ибраев": "moderator",
    }
    assert roles("Дискуссия прошла под модерацией эксперта Асель Нурпеисовой.") == {
        "Нурпеисова": "moderator"
    }
    # the word as a title after the name, but not a past one
    assert role("Иван Петров, модератор сессии, отметил важность диалога.") == "moderator"
    former = "Иван Петров, бывший модератором прошлого форума, выступил с докладом."
    assert role(former) == "speaker"


def test_who_hosted_spoke_or_was_awarded_is_told_by_what_the_sentence_says_of_them() -> None:
    def roles(sentence: str) -> dict[str, str]:
        text = f"В Уральске прошёл форум «Соседи». {sentence}\n"
        return {p.last_name: p.role for p in draft_article(text, "uralsk.txt").people}

    # one who led the meeting moderated it, whichever comes first
    assert roles("Круглый стол вели журналист Дана Есенова и волонтёр Олег Ким.") == {
        "Есенова": "moderator",
        "Ким": "moderator",
    }
    assert roles("Вела встречу председатель общества Асель Нурпеисова.") == {
        "Нурпеисова": "moderator"
    }
    assert roles("Ведущей вечера была актриса Анна Смирнова.") == {"Смирнова": "moderator"}
    assert roles("Иван Петров работает ведущим специалистом отдела.") == {"Петров": "participant"}
    # named as its experts or speakers, they speak there; met with experts, one does not
    assert roles(
        "Экспертами площадок станут профессор Ерлан Жумабаев и доцент Мария Ковалёва."
    ) == {"Жумабаев": "speaker", "Ковалёва": "speaker"}
    assert roles("С экспертами встретился аким области Асан Байжанов.") == {
        "Байжанов": "participant"
    }
    # given an award there, one was there; one who sent a letter was not
    assert roles(
        "Благодарственные письма были вручены председателю центра Корниенко Людмиле "
        "Андреевне. Поздравление прислал посол Сергей Сидоров."
    ) == {"Корниенко": "participant", "Сидоров": "mentioned"}
    # a subject is in the nominative, however else its first name may be read («Каирлы» is
    # also the genitive of «Каирла»)
    assert roles("Каирлы Едресов подчеркнул важность диалога.") == {"Едресов": "speaker"}
    # a headline that gives someone's words names a speaker
    for headline in (
        "«Соседи должны дружить»: Ерлан Нуров о форуме",
        "Ерлан Нуров: «Соседи должны дружить»",
    ):
        text = f"{headline}\n\nВ Уральске прошёл форум. В нём принял участие аким Ерлан Нуров.\n"
        assert {p.last_name: p.role for p in draft_article(text, "x.txt").people} == {
            "Нуров": "speaker"
        }, headline
    # «по словам» before a long title with a place's adjective in it
    assert roles(
        "По словам доцента кафедры русской филологии Актюбинского педагогического "
        "университета Жанар Ибраевой, интерес к классике растёт."
    ) == {"Ибраева": "speaker"}


def test_a_body_named_again_after_a_dash_is_one_body_with_both_names() -> None:
    from loading.files import read_content
    from tests.conftest import CONTENT

    text = (
        "В Костанае прошла сессия НКО. Слово взял Марат Исаев, руководитель Гражданского "
        "альянса – ресурсного центра поддержки НКО Костанайской области, объединяющего сто "
        "организаций.\n"
    )
    draft = draft_article(text, "kostanay.txt", read_content(CONTENT))
    orgs = {o.id: o for o in draft.organizations}
    (isaev,) = draft.people
    body = orgs[isaev.positions[0].organization]
    # not the country's alliance the content knows by its short name, and in the nominative
    assert not body.known, body
    assert body.name == "Гражданский альянс – ресурсный центр поддержки НКО Костанайской области"
    # in the nominative a dash says what a body is: no name of it
    said = (
        "В Омске прошёл праздник. Дом дружбы – центр притяжения для всех народов региона. "
        "Праздник открыл директор Дома дружбы Иван Петров.\n"
    )
    assert [o.name for o in draft_article(said, "omsk.txt").organizations] == ["Дом дружбы"]


def test_a_name_joined_to_another_stands_in_its_case() -> None:
    def people(sentence: str) -> dict[str, str]:
        text = f"В Омске прошёл круглый стол. {sentence}\n"
        return {p.full_name: p.role for p in draft_article(text, "omsk.txt").people}

    thanked = people("Аким поблагодарил Ерлана Жумабаева и Каната Ибраева за помощь.")
    assert set(thanked) == {"Ерлан Жумабаев", "Канат Ибраев"}, thanked
    assert set(thanked.values()) == {"mentioned"}, thanked
    mixed = people("Организаторы наградили Ольгу Смирнову и Каната Ибраева.")
    assert set(mixed) == {"Ольга Смирнова", "Канат Ибраев"}, mixed


def test_the_rcnk_is_the_centre_named_in_full_in_the_headline_or_the_body() -> None:
    # an abbreviation leaves out where a mission serves, and a body the tagger ran across a
    # blank line (the headline's «РЦНК» into the body's full name) is one per paragraph
    for text in (
        "Конкурс в РЦНК\n\nРоссийский центр науки и культуры в Ташкенте провёл конкурс юных "
        "художников. Руководитель РЦНК в Ташкенте Алексей Белов вручил призы.\n",
        "Концерт в Ташкенте\n\nВ Российском центре науки и культуры в Ташкенте прошёл концерт. "
        "Гостей приветствовал директор РЦНК Иван Петров.\n",
    ):
        draft = draft_article(text, "tashkent.txt")
        (centre,) = draft.organizations
        assert centre.name == "Российский центр науки и культуры в Ташкенте", centre
        assert draft.people[0].positions[0].organization == centre.id
        if "провёл" in text:
            assert draft.role_of(centre) == "organizer"
    # a headline that tells something of a body is no body's name
    told = draft_article(
        "Казахское общество отметило 30-летие\n\nОбщество «Мирас» провело в Омске концерт. "
        "Его открыл председатель общества Ерлан Сапаров.\n",
        "omsk.txt",
    )
    assert not any("отметило" in o.name for o in told.organizations), told.organizations


def test_a_kazakh_first_name_the_tagger_left_out_is_the_person_s() -> None:
    def people(sentence: str) -> dict[str, str]:
        text = f"В Омске прошёл форум. {sentence}\n"
        return {p.full_name: p.role for p in draft_article(text, "omsk.txt").people}

    assert people("Айгерим Ахметова рассказала о работе центра.") == {"Айгерим Ахметова": "speaker"}
    # «Сауле» does not change: no «Саул» in a case
    assert people("Директор Дома дружбы Сауле Ахметова рассказала о работе центра.") == {
        "Сауле Ахметова": "speaker"
    }
    # nor is a city in a case
    assert not any(
        name.startswith("Кызылорд") for name in people("Кызылорду Ахметова покинула в 1970 году.")
    )
    # a word the dictionary knows otherwise is no first name
    assert "Выступила Ахметова" not in people("Выступила Ахметова с докладом.")


def test_a_name_the_tagger_cut_after_its_adjectives_takes_its_kind_and_what_follows() -> None:
    text = (
        "В Павлодаре пройдёт праздник казахской песни.\nОрганизатором выступает Региональная "
        "национально-культурная казахская автономия Курганской области «Жулдыз». Руководитель "
        "общественной организации «Жулдыз» Ерлан Сапаров рассказал о программе.\n"
    )
    draft = draft_article(text, "kurgan.txt")
    names = [o.name for o in draft.organizations]
    # one body: the short form with the kind any public body has is the full name's
    assert names == [
        "Региональная национально-культурная казахская автономия Курганской области «Жулдыз»"
    ], names
    assert draft.role_of(draft.organizations[0]) == "organizer"
    assert _positions(draft)["Ерлан Сапаров"] == [("руководитель", names[0])]


def test_a_body_told_only_by_whose_it_is_is_the_title_s() -> None:
    text = (
        "В Кургане прошёл праздник. Выступил председатель Федеральной национально-культурной "
        "автономии казахов России Серик Жумабаев. Юрту представила председатель автономии "
        "казахов Айгуль Бекова, песни исполнил член совета ветеранов района Иван Лосев.\n"
    )
    positions = _positions(draft_article(text, "kurgan.txt"))
    assert positions["Айгуль Бекова"] == [("председатель автономии казахов", None)]
    assert positions["Иван Лосев"] == [("член совета ветеранов района", None)]
    # a body with a name of its own is still the body
    assert positions["Серик Жумабаев"] == [
        ("председатель", "Федеральная национально-культурная автономия казахов России")
    ]


def test_a_body_s_parent_abbreviated_after_its_quoted_name_is_part_of_that_name() -> None:
    text = (
        "В Петропавловске прошёл фестиваль «Дружба». Праздник, организованный ОО «Центр "
        "немецкой культуры» АНК СКО, собрал гостей. Гостей приветствовал председатель ОО "
        "«Центр немецкой культуры» АНК СКО Иван Шмидт.\n"
    )
    draft = draft_article(text, "petropavlovsk.txt")
    assert [(o.name, draft.role_of(o)) for o in draft.organizations] == [
        ("ОО «Центр немецкой культуры» АНК СКО", "organizer")
    ]
    assert _positions(draft)["Иван Шмидт"] == [
        ("председатель", "ОО «Центр немецкой культуры» АНК СКО")
    ]


def test_a_bishop_s_see_and_church_name_are_no_person_s_name() -> None:
    text = (
        "В Павлодаре прошёл праздник славянской письменности. В празднике приняли участие "
        "епископ Павлодарский и Экибастузский Варфоломей и епископ Талдыкорганский Клавдиан. "
        "С приветственным словом выступила председатель Славянского центра Ирина Котова.\n"
    )
    draft = draft_article(text, "pavlodar.txt")
    assert [p.full_name for p in draft.people] == ["Ирина Котова"]
    assert _positions(draft)["Ирина Котова"] == [("председатель", "Славянский центр")]


def test_a_plural_title_heading_a_list_is_each_listed_person_s() -> None:
    text = (
        "В Алматы прошло заседание экспертного клуба.\n\n"
        "С российской стороны в нём участвовали члены Ассоциации политологов:\n\n"
        "Олег Ветров, профессор кафедры истории Томского университета;\n\n"
        "Анна Кручинина, доцент кафедры философии Томского университета.\n\n"
        "Марат Ахметов, директор музея, рассказал о выставке.\n"
    )
    positions = _positions(draft_article(text, "almaty.txt"))
    assert positions["Олег Ветров"][0] == ("член", "Ассоциация политологов")
    assert positions["Анна Кручинина"] == [
        ("член", "Ассоциация политологов"),
        ("доцент кафедры философии", "Томский университет"),
    ]
    # the list ended with its full stop: the next name is no member
    assert positions["Марат Ахметов"] == [("директор музея", None)]


def test_titles_after_a_name_run_on_past_abbreviations_of_their_bodies() -> None:
    text = (
        "В Перми прошла конференция. Её участником стал Всеволод Бедерсон, аспирант "
        "Института философии и права УрО РАН, сотрудник ЦСИПИ, ассистент кафедры "
        "политических наук ПГНИУ.\n"
    )
    assert _positions(draft_article(text, "perm.txt"))["Всеволод Бедерсон"] == [
        ("аспирант", "Институт философии и права УрО РАН"),
        ("сотрудник", "ЦСИПИ"),
        ("ассистент кафедры политических наук", "ПГНИУ"),
    ]


def test_a_patronymic_written_after_the_surname_leaves_the_first_name_first() -> None:
    draft = draft_article(
        "В Перми прошла встреча. Выступила Ирина Шевцова Константиновна, доцент.\n", "p.txt"
    )
    [person] = draft.people
    assert (person.first_name, person.patronymic, person.last_name) == (
        "Ирина",
        "Константиновна",
        "Шевцова",
    )


def test_those_on_whose_initiative_it_was_held_held_it() -> None:
    text = (
        "В Оренбурге прошёл круглый стол «Архивы и память». Он прошёл по инициативе "
        "Оренбургского государственного университета, Комитета по делам архивов Оренбургской "
        "области и АНО «Евразийский диалог». С докладом выступила Анна Корнеева, сотрудник "
        "Института истории.\n"
    )
    roles = _roles(draft_article(text, "orenburg.txt"))
    assert roles["Оренбургский государственный университет"] == "organizer"
    assert roles["Комитет по делам архивов Оренбургской области"] == "organizer"
    assert roles["АНО «Евразийский диалог»"] == "organizer"
    assert roles["Институт истории"] == "participant"


def test_a_mission_is_one_body_however_its_country_is_written_and_holds_its_head_s_post() -> None:
    text = (
        "В Консульстве РК в Омске прошёл круглый стол. Круглый стол в Консульстве Казахстана "
        "в Омске открыл консул Республики Казахстан в Омске Ерлан Сапаров. Письмо прислал "
        "генеральный консул Республики Казахстан в Новосибирске Марат Ахметов.\n"
    )
    draft = draft_article(text, "omsk.txt")
    assert [o.name for o in draft.organizations] == ["Консульство РК в Омске"]
    positions = _positions(draft)
    assert positions["Ерлан Сапаров"] == [
        ("консул Республики Казахстан в Омске", "Консульство РК в Омске")
    ]
    # a mission the article does not name is not made up from a title
    assert positions["Марат Ахметов"] == [
        ("генеральный консул Республики Казахстан в Новосибирске", None)
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("основателя и лидера", "основатель и лидер"),
        (
            "директора и художественного руководителя театра",
            "директор и художественный руководитель театра",
        ),
        ("директора школы и учителя", "директор школы и учителя"),  # whose «учителя» is not said
    ],
)
def test_a_second_title_joined_by_and_takes_the_nominative_too(written: str, expected: str) -> None:
    assert title_nominative(written) == expected


def test_a_branch_and_the_body_it_is_of_and_the_name_that_body_is_given_are_one() -> None:
    text = (
        "В Бишкеке прошёл фестиваль «Славянский венок». Его организовало Представительство "
        "Федерального агентства Россотрудничества в Киргизии. Гостей приветствовала Ольга "
        "Панова, директор фонда «Наследие».\n"
    )
    draft = draft_article(text, "bishkek.txt")
    assert _roles(draft) == {
        "Представительство Федерального агентства Россотрудничества в Киргизии": "organizer",
        "Фонд «Наследие»": "participant",
    }


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # a dateline with a view counter under the headline is no headline; to whom it was
        # done stays in the name made of the headline
        (
            "В Омске открыли памятник казахскому поэту Абаю Кунанбаеву\n\n17 Мая, 10:05 312\n\n"
            "Торжественная церемония прошла в сквере у Дома дружбы. На ней выступили гости.\n",
            "Открытие памятника казахскому поэту Абаю Кунанбаеву в Омске",
        ),
        # the name an event is given «под названием «…»», after a phrase telling of it
        (
            "В Петропавловске в Доме дружбы состоялся вечер, посвящённый Дню славянской "
            "письменности, под названием «Истоки слова». Гостей приветствовали артисты.\n",
            "Истоки слова",
        ),
        # a telebridge is an event, and its quoted name its title
        (
            "Состоялся телемост между Россией и Казахстаном\n5 мая состоялся международный "
            "телемост «Мы помним, мы гордимся!» между школами Омска и Павлодара.\n",
            "Мы помним, мы гордимся!",
        ),
        # a word the parser hung on the object from before the verb is no part of its name
        (
            "По данным портала органов власти Омской области, города-побратимы Омск и Павлодар "
            "подписали план мероприятий по развитию сотрудничества на 2025-2027 годы, сообщает "
            "Kazinform.\n\nЦеремония прошла в формате видеоконференции.\n",
            "Подписание плана мероприятий по развитию сотрудничества на 2025-2027 годы",
        ),
        # an event a word points back to («Данный визит») was named before: not by that
        (
            "Данный визит делегации стал первым шагом к сотрудничеству, а в Омске прошла "
            "встреча директоров музеев Омска и Павлодара.\n",
            "Встреча директоров музеев Омска и Павлодара",
        ),
    ],
)
def test_a_title_from_a_headline_under_a_dateline_a_given_name_or_a_nominalised_lead(
    page: str, title: str
) -> None:
    assert event_title_and_kind(page)[0] == title


def test_a_semicolon_list_of_names_with_their_titles_goes_on_with_its_part() -> None:
    text = (
        "В Омске прошёл круглый стол «Книга без границ».\n"
        "Ведущими заседания выступили Ольга Андреевна Котова, директор областной библиотеки; "
        "Марина Петровна Лыкова, исполняющая обязанности заместителя директора по научной "
        "работе областной библиотеки; Зауреш Ерлановна Сапарова–руководитель управления "
        "культуры, развития языков и архивного дела Павлодарской области.\n"
        "Гости обсудили обмен книгами.\n"
    )
    draft = draft_article(text, "omsk.txt")
    assert {p.full_name: p.role for p in draft.people} == {
        "Ольга Андреевна Котова": "moderator",
        "Марина Петровна Лыкова": "moderator",
        "Зауреш Ерлановна Сапарова": "moderator",
    }
    positions = _positions(draft)
    assert positions["Марина Петровна Лыкова"][0][0] == (
        "исполняющая обязанности заместителя директора по научной работе"
    )
    assert positions["Зауреш Ерлановна Сапарова"] == [
        (
            "руководитель",
            "Управление культуры, развития языков и архивного дела Павлодарской области",
        )
    ]


def test_whom_a_museum_or_a_theatre_is_named_after_took_no_part() -> None:
    text = (
        "В Омске побывала делегация из Семея: директор литературного музея Абая Аубакиров "
        "Ж.М., руководитель дома-музея Мухтара Ауэзова Исабаев Ш.Б. Гостей встретил директор "
        "театра Лермонтова Иван Петров.\n"
    )
    draft = draft_article(text, "omsk.txt")
    assert _positions(draft) == {
        "Ж.М. Аубакиров": [("директор", "Литературный музей Абая")],
        "Ш.Б. Исабаев": [("руководитель", "Дом-музей Мухтара Ауэзова")],
        "Иван Петров": [("директор", "Театр Лермонтова")],
    }


def test_a_museum_named_after_someone_tagged_as_a_name_is_the_body_not_a_person() -> None:
    text = (
        "В Павлодаре прошло награждение. Директора Литературно-мемориального дома-музея "
        "А.С. Пушкина Ольгу Сомову наградили медалью.\n"
    )
    assert _positions(draft_article(text, "pavlodar.txt")) == {
        "Ольга Сомова": [("директор", "Литературно-мемориальный дом-музей А.С. Пушкина")]
    }
