"""Synthetic content for measuring the bot at scale: `python -m bot.content generate --scale N
OUT` writes valid content about N× today's (×1000 ≈ 2,000 events, 10,000 people, 30,000
participations), shaped like the real files — Russian and Kazakh names with patronymics and
women's surname forms, positions in organizations with abbreviations, cities of both
countries with old and new names, aliases, partial and inferred dates, one file per event.
It is deterministic (seeded), so runs compare."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

RU_MEN = "Александр Алексей Андрей Сергей Дмитрий Игорь Константин Михаил Николай Олег Павел Роман Юрий Виктор Евгений".split()  # noqa: E501
RU_WOMEN = "Анна Елена Ирина Наталья Ольга Татьяна Марина Светлана Юлия Екатерина Мария Людмила Вера Галина Дарья".split()  # noqa: E501
RU_SURNAMES = "Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Петров Волков Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов Комаров Орлов Киселёв Макаров Андреев".split()  # noqa: E501
KZ_MEN = "Алибек Ерлан Нурлан Асхат Бауыржан Даурен Ержан Кайрат Марат Серик Талгат Айдар Болат Дархан Жандос".split()  # noqa: E501
KZ_WOMEN = "Бану Айгерим Гульнара Динара Жанар Камила Сауле Асель Алия Мадина Жулдыз Айжан Гаухар Назира Карлыгаш".split()  # noqa: E501
KZ_SURNAMES = "Нургазиев Тажибаев Сапаров Ахметов Жумабаев Искаков Касымов Мукашев Омаров Сейтказиев Тулегенов Утегенов Есенов Кенжебаев Байжанов Абенов Ермеков Жакупов Садыков Аубакиров".split()  # noqa: E501
RU_CITIES = [
    ("moscow", "Москва", []), ("novosibirsk", "Новосибирск", []), ("omsk", "Омск", []),
    ("tomsk", "Томск", []), ("barnaul", "Барнаул", []), ("orenburg", "Оренбург", ["Чкалов"]),
    ("yekaterinburg", "Екатеринбург", ["Свердловск"]), ("chelyabinsk", "Челябинск", []),
    ("kurgan", "Курган", []), ("astrakhan", "Астрахань", []), ("samara", "Самара", ["Куйбышев"]),
    ("saratov", "Саратов", []), ("volgograd", "Волгоград", ["Сталинград"]),
    ("tyumen", "Тюмень", []), ("kemerovo", "Кемерово", []), ("kazan", "Казань", []),
]  # fmt: skip
KZ_CITIES = [
    ("astana", "Астана", ["Нур-Султан", "Акмола"]), ("almaty", "Алматы", ["Алма-Ата"]),
    ("pavlodar", "Павлодар", []), ("petropavlovsk", "Петропавловск", []),
    ("aktobe", "Актобе", ["Актюбинск"]), ("kostanay", "Костанай", ["Кустанай"]),
    ("uralsk", "Уральск", ["Орал"]), ("oskemen", "Усть-Каменогорск", ["Оскемен"]),
    ("semey", "Семей", ["Семипалатинск"]), ("atyrau", "Атырау", ["Гурьев"]),
    ("karaganda", "Караганда", []), ("shymkent", "Шымкент", ["Чимкент"]),
    ("kokshetau", "Кокшетау", ["Кокчетав"]), ("taraz", "Тараз", ["Джамбул"]),
]  # fmt: skip
ORG_KINDS = [
    ("Ассоциация", "ассоциация"), ("Фонд", "фонд"), ("Центр", "центр"), ("Союз", "союз"),
    ("Общественное объединение", "объединение"), ("Клуб", "клуб"), ("Институт", "институт"),
]  # fmt: skip
ORG_TOPICS = [
    "поддержки гражданских инициатив", "развития местного сообщества", "молодёжных программ",
    "экологического просвещения", "народной дипломатии", "социального партнёрства",
    "правовой помощи", "культурного наследия", "развития волонтёрства", "женского лидерства",
    "инклюзивного образования", "приграничного сотрудничества",
]  # fmt: skip
TITLES = [
    "председатель", "директор", "исполнительный директор", "президент", "координатор программ",
    "эксперт", "руководитель проекта", "заместитель председателя", "член правления",
    "профессор", "заведующая кафедрой", "депутат",
]  # fmt: skip
TOPIC_NAMES = [
    "народная дипломатия", "экология", "волонтёрство", "молодёжная политика", "инклюзия",
    "фандрайзинг", "медиаграмотность", "межэтнический диалог", "социальное предпринимательство",
    "местное самоуправление", "образование", "здравоохранение", "культура", "спорт", "туризм",
]  # fmt: skip
KINDS = ["round_table", "forum", "meeting", "conference"]
KIND_WORDS = {
    "round_table": "Круглый стол",
    "forum": "Форум",
    "meeting": "Встреча",
    "conference": "Конференция",
}


def _feminine(surname: str) -> str:
    return surname + "а" if surname.endswith(("ов", "ев", "ёв", "ин")) else surname


def _slug(text: str) -> str:
    table = str.maketrans(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        "abvgdeejziiklmnoprstufhccss-y-eyaagknouuhi",
    )
    out = "".join(c if c.isalnum() and c.isascii() else "-" for c in text.lower().translate(table))
    return "-".join(part for part in out.split("-") if part)[:40]


class Generator:
    def __init__(self, scale: int, seed: int = 2021) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def _id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.used:
            candidate = f"{base[:44]}-{n}"
            n += 1
        self.used.add(candidate)
        return candidate

    def places(self) -> list[dict[str, Any]]:
        out = []
        for country, cities in (("RU", RU_CITIES), ("KZ", KZ_CITIES)):
            for place_id, name, old in cities:
                self.used.add(place_id)
                item: dict[str, Any] = {"id": place_id, "name": name, "country": country}
                if old:
                    item["other_names"] = old[:1]
                    if old[1:]:
                        item["historic_names"] = old[1:]
                out.append(item)
        return out

    def organizations(self, places: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
        out = []
        for _ in range(count):
            head, _word = self.rng.choice(ORG_KINDS)
            topic = self.rng.choice(ORG_TOPICS)
            place = self.rng.choice(places)
            name = f"{head} {topic} «{place['name']}»"
            abbreviation = "".join(w[0].upper() for w in f"{head} {topic}".split() if len(w) > 2)
            item: dict[str, Any] = {
                "id": self._id(_slug(f"{head} {topic} {place['id']}")),
                "name": name,
                "abbreviations": [abbreviation + "-" + place["name"][:3].upper()],
                "country": place["country"],
                "city": place["id"],
            }
            if self.rng.random() < 0.3:
                item["aliases"] = [f"{head} «{place['name']}»"]
            out.append(item)
        return out

    def people(self, places: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
        out = []
        for _ in range(count):
            kazakh = self.rng.random() < 0.5
            woman = self.rng.random() < 0.5
            surnames = KZ_SURNAMES if kazakh else RU_SURNAMES
            first = self.rng.choice(
                (KZ_WOMEN if woman else KZ_MEN) if kazakh else (RU_WOMEN if woman else RU_MEN)
            )
            last = self.rng.choice(surnames)
            last = _feminine(last) if woman else last
            father = self.rng.choice(KZ_MEN if kazakh else RU_MEN)
            patronymic = father + ("овна" if woman else "ович")
            item: dict[str, Any] = {
                "id": self._id(_slug(f"{last} {first}")),
                "first_name": first,
                "last_name": last,
            }
            if self.rng.random() < 0.6:
                item["patronymic"] = patronymic
            if self.rng.random() < 0.5:
                item["city"] = self.rng.choice(places)["id"]
            out.append(item)
        return out

    def events(
        self,
        places: list[dict[str, Any]],
        orgs: list[dict[str, Any]],
        people: list[dict[str, Any]],
        topics: list[dict[str, Any]],
        count: int,
    ) -> list[dict[str, Any]]:
        out = []
        for n in range(count):
            kind = self.rng.choice(KINDS)
            place = self.rng.choice(places)
            year = self.rng.randint(2015, 2027)
            month = self.rng.randint(1, 12)
            topic = self.rng.choice(ORG_TOPICS)
            title = f"{KIND_WORDS[kind]} {topic} в городе {place['name']}"
            date: dict[str, Any] = {"year": year, "month": month}
            precision = self.rng.random()
            if precision < 0.7:
                date["day"] = self.rng.randint(1, 28)
            elif precision < 0.8:
                date = {"year": year, "inferred": True, "note": "Год следует из даты публикации."}
            status = "announced" if year >= 2026 else "held"
            event_id = self._id(_slug(f"{kind} {place['id']} {year} {month} {n}"))
            participants = []
            for person in self.rng.sample(people, k=min(len(people), 15)):
                if len(participants) == 15:
                    break
                org = self.rng.choice(orgs)
                part: dict[str, Any] = {
                    "person": person["id"],
                    "role": self.rng.choice(["speaker"] * 4 + ["moderator", "participant"]),
                    "positions": [{"title": self.rng.choice(TITLES), "organization": org["id"]}],
                }
                if self.rng.random() < 0.5:
                    part["topics"] = [self.rng.choice(topics)["id"]]
                if self.rng.random() < 0.3:
                    part["summary"] = f"Говорил(а) о теме «{topic}» и опыте своей организации."
                participants.append(part)
            event_orgs = self.rng.sample(orgs, k=min(len(orgs), 4))
            out.append(
                {
                    "id": event_id,
                    "kind": kind,
                    "status": status,
                    "title": title,
                    "aliases": [f"{KIND_WORDS[kind].lower()} в {place['name']} {year}"],
                    "date": date,
                    "format": self.rng.choice(["offline", "online", "hybrid"]),
                    "place": place["id"],
                    "source": f"generated-source-{n % max(1, count // 4)}",
                    "summary": f"{KIND_WORDS[kind]} о теме «{topic}»: обмен опытом НКО двух стран.",
                    "cities": sorted({place["id"], self.rng.choice(places)["id"]}),
                    "organizations": [
                        {"organization": o["id"], "role": "organizer" if i == 0 else "participant"}
                        for i, o in enumerate(event_orgs)
                    ],
                    "participants": participants[: self.rng.randint(8, 15)],
                }
            )
        return out

    def write(self, out: Path) -> dict[str, int]:
        out.mkdir(parents=True, exist_ok=True)
        places = self.places()
        orgs = self.organizations(places, 15 * self.scale)
        people = self.people(places, 10 * self.scale)
        topics = [
            {"id": self._id(_slug(name)), "name": name}
            for name in TOPIC_NAMES[: max(5, min(len(TOPIC_NAMES), self.scale))]
        ]
        events = self.events(places, orgs, people, topics, 2 * self.scale)
        sources = [
            {
                "id": f"generated-source-{n}",
                "file": f"generated_{n:05d}.txt",
                "title": f"Сгенерированная статья №{n + 1}",
            }
            for n in range(max(1, len(events) // 4))
        ]
        self._dump(out / "places.yaml", {"places": places})
        self._dump(out / "sources.yaml", {"sources": sources})
        self._dump(out / "topics.yaml", {"topics": topics})
        for start in range(0, len(orgs), 500):
            self._dump(
                out / "organizations" / f"{start // 500:03d}.yaml",
                {"organizations": orgs[start : start + 500]},
            )
        for start in range(0, len(people), 500):
            self._dump(
                out / "people" / f"{start // 500:03d}.yaml", {"people": people[start : start + 500]}
            )
        for event in events:
            year = event["date"]["year"]
            self._dump(out / "events" / str(year) / f"{event['id']}.yaml", {"events": [event]})
        participations = sum(len(e["participants"]) for e in events)
        return {
            "events": len(events),
            "people": len(people),
            "organizations": len(orgs),
            "participations": participations,
        }

    @staticmethod
    def _dump(path: Path, data: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
        )


def generate(scale: int, out: Path, seed: int = 2021) -> dict[str, int]:
    return Generator(scale, seed).write(out)
