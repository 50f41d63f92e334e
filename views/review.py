"""What an admin reads while reviewing a draft in the chat: the facts by group with each one's
verdict, the prompt for a correction, what is left, and the buttons."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from db.dates import PartialDate
from drafting.review import (
    COUNTRY_FOR_ALL,
    REQUIRED_FIELDS,
    Action,
    EventField,
    Group,
    Review,
    Verdict,
)
from views.callbacks import ReviewStep
from views.html import Html, Lines, b, esc, html
from views.i18n import N_, _
from views.labels import (
    EVENT_KINDS,
    FORMATS,
    ORG_ROLES,
    PERSON_ROLES,
    country_label,
    country_name,
    date_text,
)

ITEMS_PER_MESSAGE = 10  # three buttons each: a message stays well under Telegram's limits
ITEM_LIMIT = 300  # characters of one fact shown: ten facts fit one message

MARKS = {
    Verdict.PENDING: "▫️",
    Verdict.ACCEPTED: "✅",
    Verdict.EDITED: "✏️",
    Verdict.DROPPED: "❌",
}
GROUP_HEADINGS = {
    Group.EVENT: N_("Событие"),
    Group.PEOPLE: N_("Люди"),
    Group.ORGANIZATIONS: N_("Организации"),
    Group.CITIES: N_("Города"),
}
FIELD_NAMES = {
    EventField.TITLE: N_("название"),
    EventField.KIND: N_("вид"),
    EventField.STATUS: N_("статус"),
    EventField.DATE: N_("дата"),
    EventField.PLACE: N_("место"),
    EventField.FORMAT: N_("формат"),
    EventField.SUMMARY: N_("резюме"),
}
STATUSES = {"held": N_("прошло"), "announced": N_("анонс"), "cancelled": N_("отменено")}
HINTS = {
    EventField.TITLE: N_("название события"),
    EventField.KIND: N_("круглый стол, форум, встреча, конференция, подписание или другое"),
    EventField.STATUS: N_("прошло, анонс или отменено"),
    EventField.DATE: N_("28.11.2019, 11.2019, 2019 или 28.11 без года; «?» в конце — год выведен"),
    EventField.PLACE: N_("город, а если его нет среди городов — «Город, KZ» или «Город, RU»"),
    EventField.FORMAT: N_("очно, онлайн или смешанный"),
    EventField.SUMMARY: N_("о чём было событие, своими словами (до 1500 знаков)"),
    Group.PEOPLE: N_(
        "Имя Отчество Фамилия — должность (организация); другая должность [роль: выступление, "
        "модератор, участник или упоминается]. Без тире меняется только имя"
    ),
    Group.ORGANIZATIONS: N_(
        "Название, страна (RU или KZ), роль (организатор, участник, партнёр, упомянута)"
    ),
    Group.CITIES: N_("Город, KZ или Город, RU"),
}
PROBLEMS = {
    "pending": N_("не проверено"),
    "no_title": N_("у события нет названия"),
    "no_first_name": N_("нет имени — исправьте или уберите"),
    "no_country": N_("не указана страна — исправьте («Город, KZ») или уберите"),
}
CORRECTION_PROBLEMS = {
    "empty": N_("пустой текст"),
    "too_long": N_("слишком длинно (до 300 знаков)"),
    "summary_too_long": N_("слишком длинно (до 1500 знаков)"),
    "kind": N_("такого вида событий нет"),
    "status": N_("такого статуса нет"),
    "format": N_("такого формата нет"),
    "date": N_("дату не понял"),
    "person": N_("нужно имя и фамилия (2–4 слова)"),
    "role": N_("такой роли нет"),
    "organization": N_("нужно название"),
    "city": N_("нужно название города"),
    "gone": N_("этого пункта уже нет"),
    "duplicate": N_("такой уже есть в этом черновике"),
}


def intro(review: Review) -> Html:
    return (
        Lines()
        .add(
            html(_("📝 Черновик «{}» готов. Проверим его по фактам:"), review.title or "?"),
            _("✅ — верно, ✏️ — исправить (ответьте текстом), ❌ — убрать."),
            _("Когда всё проверено, нажмите «Готово»: покажу изменения и кнопку «Опубликовать»."),
            _("Файл черновика — ниже, если удобнее править его и прислать обратно."),
        )
        .text()
    )


def chunks(review: Review) -> list[tuple[Group, int]]:
    """The messages of a review: (group, first item), at most ITEMS_PER_MESSAGE items each."""
    return [
        (group, start)
        for group in Group
        for start in range(0, max(len(review.items(group)), 1), ITEMS_PER_MESSAGE)
        if review.items(group) or group is not Group.EVENT
    ]


def chunk_text(review: Review, group: Group, start: int) -> Html:
    items = review.items(group)
    out = Lines().add(b(_(GROUP_HEADINGS[group])))
    if not items:
        return out.add(_("— в статье не найдено")).text()
    for k in range(start, min(start + ITEMS_PER_MESSAGE, len(items))):
        item = items[k]
        line = html("{} {}. {}", MARKS[item.verdict], k + 1, item_text(review, group, k))
        out.add(html("<s>{}</s>", line) if item.verdict is Verdict.DROPPED else line)
    return out.text()


def item_text(review: Review, group: Group, index: int) -> Html:
    """One fact as a line, cut at ITEM_LIMIT characters: ten of them and the buttons always
    fit one message."""
    text = _item_plain(review, group, index)
    return esc(text if len(text) <= ITEM_LIMIT else text[: ITEM_LIMIT - 1] + "…")


def _item_plain(review: Review, group: Group, index: int) -> str:
    item = review.item(group, index)
    if group is Group.EVENT:
        return f"{_(FIELD_NAMES[item.field])}: {_event_value(review, item.field)}"
    known = f" {_('(уже в материалах)')}" if item.known else ""
    if group is Group.PEOPLE:
        out = item.full_name
        if item.positions:
            out += " — " + "; ".join(
                p.title + (f" ({review.org_name(p.organization)})" if p.organization else "")
                for p in item.positions
            )
        out += f" [{_(PERSON_ROLES.get(item.role, item.role))}]"
        if item.city:
            out += f", {review.city_name(item.city)}"
        return out + known
    country = country_label(item.country) if item.country else _("страна не указана")
    if group is Group.ORGANIZATIONS:
        out = item.name + (f" ({', '.join(item.abbreviations)})" if item.abbreviations else "")
        return f"{out} — {_(ORG_ROLES.get(item.role, item.role))}, {country}{known}"
    return f"{item.name}, {country}{known}"


def _event_value(review: Review, field: EventField) -> str:
    if field is EventField.TITLE:
        return review.title or _("нет названия")
    if field is EventField.KIND:
        return _(EVENT_KINDS.get(review.kind, review.kind))
    if field is EventField.STATUS:
        return _(STATUSES[review.status])
    if field is EventField.DATE:
        known = {k: v for k, v in review.date.items() if k in ("year", "month", "day")}
        inferred = _(" (год выведен, в статье его нет)") if review.date.get("inferred") else ""
        return date_text(PartialDate(**known)) + inferred
    if field is EventField.PLACE:
        return review.city_name(review.place) or _("не указано")
    if field is EventField.SUMMARY:
        return review.summary or _("нет — можно написать своими словами")
    return (
        _(FORMATS.get(review.format, "не указан")) if review.format != "unknown" else _("не указан")
    )


def chunk_buttons(review: Review, group: Group, start: int, last: bool) -> InlineKeyboardMarkup:
    rows: list[list[InlineKeyboardButton]] = []
    items = review.items(group)
    for k in range(start, min(start + ITEMS_PER_MESSAGE, len(items))):
        step = ReviewStep(review=review.id, group=group, index=k, action=Action.ACCEPT)
        row = [
            InlineKeyboardButton(text=f"✅ {k + 1}", callback_data=step.pack()),
            InlineKeyboardButton(
                text=f"✏️ {k + 1}",
                callback_data=step.model_copy(update={"action": Action.EDIT}).pack(),
            ),
        ]
        if not (group is Group.EVENT and items[k].field in REQUIRED_FIELDS):
            row.append(
                InlineKeyboardButton(
                    text=f"❌ {k + 1}",
                    callback_data=step.model_copy(update={"action": Action.DROP}).pack(),
                )
            )
        rows.append(row)
        maybe = getattr(items[k], "maybe", None)
        if maybe:
            rows.append(
                [
                    InlineKeyboardButton(
                        text=_("{}. Это «{}»?").format(k + 1, maybe[1]),
                        callback_data=step.model_copy(update={"action": Action.SAME}).pack(),
                    )
                ]
            )
    at_end = start + ITEMS_PER_MESSAGE >= len(items)
    if group is Group.ORGANIZATIONS and at_end and len(review.without_country()) >= 2:
        # «all the others are Kazakh»: one press for a local event's ensembles and centres
        rows.append(
            [
                InlineKeyboardButton(
                    text=_("{} — всем без страны").format(country_name(COUNTRY_FOR_ALL[action])),
                    callback_data=ReviewStep(
                        review=review.id, group=group, index=start, action=action
                    ).pack(),
                )
                for action in COUNTRY_FOR_ALL
            ]
        )
    if group is not Group.EVENT and at_end:
        add = ReviewStep(review=review.id, group=group, index=0, action=Action.ADD)
        rows.append([InlineKeyboardButton(text=_("➕ Добавить"), callback_data=add.pack())])
    if last:
        rows.append([finish_button(review)])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def finish_button(review: Review) -> InlineKeyboardButton:
    step = ReviewStep(review=review.id, group=Group.EVENT, index=0, action=Action.FINISH)
    return InlineKeyboardButton(text=_("🏁 Готово"), callback_data=step.pack())


def publish_buttons(review: Review) -> InlineKeyboardMarkup:
    step = ReviewStep(review=review.id, group=Group.EVENT, index=0, action=Action.PUBLISH)
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=_("📤 Опубликовать"), callback_data=step.pack())]
        ]
    )


def edit_prompt(review: Review, group: Group, index: int) -> Html:
    item = review.item(group, index)
    hint = HINTS[item.field] if group is Group.EVENT else HINTS[group]
    return (
        Lines()
        .add(
            html(_("✏️ Пришлите исправленный текст для пункта {}:"), index + 1),
            html("<i>{}</i>", item_text(review, group, index)),
            html(_("Как писать: {}"), _(hint)),
            _("/cancel — оставить как есть."),
        )
        .text()
    )


def add_prompt(group: Group) -> Html:
    return (
        Lines()
        .add(
            html(_("➕ Пришлите, что добавить в группу «{}»."), _(GROUP_HEADINGS[group])),
            html(_("Как писать: {}"), _(HINTS[group])),
            _("/cancel — ничего не добавлять."),
        )
        .text()
    )


def correction_refused(problem: str, review: Review, group: Group, index: int) -> Html:
    item = review.item(group, index)
    hint = HINTS[item.field] if item is not None and group is Group.EVENT else HINTS.get(group, "")
    return html(
        _("Не получилось: {}. Как писать: {}. Пришлите ещё раз или /cancel."),
        _(CORRECTION_PROBLEMS.get(problem, problem)),
        _(hint) if hint else "—",
    )


def edit_cancelled() -> Html:
    return Html(_("Хорошо, пункт остался как был."))


def review_gone() -> Html:
    return Html(_("Этого черновика уже нет или он опубликован — сделайте новый из статьи."))


def left_to_review(review: Review) -> Html:
    out = Lines().add(html(_("Пока нельзя опубликовать. Осталось:")))
    for group, index, problem in review.problems()[:30]:
        out.add(
            html(
                "• {} {}: {} — {}",
                _(GROUP_HEADINGS[group]),
                index + 1,
                item_text(review, group, index),
                _(PROBLEMS[problem]),
            )
        )
    return out.text()


def ready(changes: Html) -> Html:
    return Lines().add(changes).blank().add(_("Опубликовать эти изменения?")).text()


def published(uploaded: Html, actions: int) -> Html:
    return (
        Lines()
        .add(
            uploaded,
            _("Исправлено, убрано или добавлено пунктов при проверке: {}").format(actions),
        )
        .text()
    )
