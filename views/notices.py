"""What subscribers receive: notices of new and changed events, reminders, broadcasts; and the
subscription menus and lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facts.entities import Event
from users.subscriptions import Reason, Status, SubjectKind
from views.html import Html, Lines, b, esc, html
from views.i18n import N_, _
from views.labels import event_line

HEADINGS = {
    Reason.NEW: N_("🆕 Новое событие по вашей подписке:"),
    Reason.CHANGED: N_("✏️ Изменилось событие из вашей подписки:"),
    Reason.WEEK: N_("⏰ Через неделю:"),
    Reason.DAY: N_("⏰ Завтра:"),
    Reason.MONTH: N_("⏰ В этом месяце:"),
}


def event_notice(reason: Reason, event: Event) -> Html:
    return (
        Lines()
        .add(b(_(HEADINGS[reason])), "", html("📅 {}", event_line(event)))
        .blank()
        .add(_("Отписаться — /unsubscribe."))
        .text()
    )


def broadcast_text(text: str) -> Html:
    return html("📣 {}", text)


def broadcast_report(counts: Mapping[str, int]) -> Html:
    return html(
        _("📣 Рассылка закончена: доставлено {}, заблокировали бота {}, не доставлено {}."),
        counts.get(Status.SENT, 0),
        counts.get(Status.BLOCKED, 0),
        counts.get(Status.FAILED, 0),
    )


SUBJECTS = {
    SubjectKind.ALL: N_("все события"),
    SubjectKind.ORGANIZATION: N_("организация"),
    SubjectKind.PLACE: N_("город"),
    SubjectKind.PERSON: N_("человек"),
    SubjectKind.TOPIC: N_("тема"),
}


def subject_text(kind: SubjectKind, name: str | None) -> Html:
    if kind is SubjectKind.ALL:
        return esc(_(SUBJECTS[kind]))
    return html("{}: {}", _(SUBJECTS[kind]), b(name or "?"))


def subscribe_menu() -> Html:
    return Html(
        _(
            "🔔 Подписка: я сообщу о новых и изменившихся предстоящих событиях и напомню о них "
            "за неделю и за день.\n\nПодписаться на всё — кнопка ниже. На организацию, город, "
            "человека или тему — напишите, например, <code>/subscribe ГАК</code> или нажмите 🔔 "
            "в карточке."
        )
    )


def subscribed(subject: Html, new: bool) -> Html:
    if not new:
        return html(_("Вы уже подписаны: {}. Ваши подписки — /subscriptions."), subject)
    return html(_("✅ Подписка оформлена: {}. Ваши подписки — /subscriptions."), subject)


def too_many_subscriptions(limit: int) -> Html:
    return html(
        _("У вас уже {} подписок — больше нельзя. Отпишитесь от лишних: /unsubscribe."), limit
    )


def subscriptions_text(
    subjects: Sequence[Html], total: int = 0, page: int = 0, pages: int = 1
) -> Html:
    """One page of a user's subscriptions (`total` in all)."""
    if not subjects:
        return Html(_("Подписок нет. Подписаться — /subscribe."))
    out = Lines().add(b(_("🔔 Ваши подписки:")))
    if pages > 1:
        out.add(html(_("Всего {}; страница {} из {}."), total, page + 1, pages))
    out.blank()
    out.add(*(html("• {}", s) for s in subjects))
    return out.blank().add(_("Нажмите кнопку, чтобы отписаться.")).text()


def unsubscribed(count: int) -> Html:
    if not count:
        return Html(_("Такой подписки нет. Ваши подписки — /subscriptions."))
    return html(_("Подписка отменена ({}). Ваши подписки — /subscriptions."), count)


def cannot_subscribe(query: str) -> Html:
    return html(
        _("Не нашёл «{}» среди организаций, городов, людей и тем. Попробуйте иначе."), query
    )


def broadcast_preview(text: str, users: int, subject: Html | None, audience: int) -> Html:
    out = Lines().add(b(_("📣 Рассылка — проверьте текст:"))).blank().add(text).blank()
    out.add(html(_("Пользователей всего: {}."), users))
    if subject is not None:
        out.add(html(_("Подписчиков ({}): {}."), subject, audience))
    return out.add(_("Отправить?")).text()


def broadcast_usage() -> Html:
    return Html(
        _(
            "Напишите текст после команды: <code>/broadcast текст</code> — всем, или "
            "<code>/broadcast ГАК | текст</code> — подписчикам одной темы, организации, города "
            "или человека."
        )
    )


def broadcast_started(count: int) -> Html:
    return html(_("📣 Рассылка начата: получателей {}. Пришлю отчёт, когда закончу."), count)


def broadcast_cancelled() -> Html:
    return Html(_("Рассылка отменена."))


def broadcast_closed() -> Html:
    return Html(_("Эта рассылка уже отправлена или отменена."))
