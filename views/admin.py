"""What admins read: change reports, validation errors, statistics, upload and draft replies.
The content command line prints the same change lines, without markup."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from db.failures import Reason, StoreFailed
from db.kinds import EntityKind
from db.models import AdminAction, ContentLoad
from drafting.worker import DraftProblem
from loading.files import ContentInvalid
from loading.service import ReloadResult
from loading.store import Change, ChangeReport
from views.html import Html, Lines, b, code, html
from views.i18n import N_, _
from views.labels import and_more

REPORT_KINDS = {
    EntityKind.EVENT: N_("события"),
    EntityKind.PERSON: N_("люди"),
    EntityKind.ORGANIZATION: N_("организации"),
    EntityKind.PLACE: N_("города"),
    EntityKind.TOPIC: N_("темы"),
    EntityKind.WORK: N_("проекты и документы"),
    EntityKind.SOURCE: N_("источники"),
}
# (in the bot, on the command line)
CHANGE_MARKS = {"added": ("➕", "+"), "removed": ("➖", "-"), "changed": ("✏️", "~")}
MAX_ERRORS_SHOWN = 30
MAX_DETAILS_SHOWN = 40


def change_line(change: Change, *, plain: bool = False) -> Html:
    """«✏️ person <code>smirnova-irina</code> (patronymic)» in the bot; on the command line
    (`plain`) «~ person smirnova-irina (patronymic)», without markup."""
    mark = CHANGE_MARKS[change.change][1 if plain else 0]
    fields = f" ({', '.join(change.fields)})" if change.fields else ""
    if plain:
        return Html(f"{mark} {change.kind} {change.id}{fields}")
    return html("{} {} {}{}", mark, change.kind, code(change.id), fields)


def changes_text(report: ChangeReport, heading: Html | str) -> Html:
    if report.is_empty:
        return html(_("{}: изменений нет."), heading)
    out = Lines().add(html("{}:", heading))
    for kind, name in REPORT_KINDS.items():
        a, r, c = report.added[kind], report.removed[kind], report.changed[kind]
        if a or r or c:
            out.add(_("• {}: добавлено {}, удалено {}, изменено {}").format(_(name), a, r, c))
    out.blank()
    out.add(*(change_line(change) for change in report.details[:MAX_DETAILS_SHOWN]))
    if len(report.details) > MAX_DETAILS_SHOWN:
        out.add(and_more(len(report.details) - MAX_DETAILS_SHOWN))
    return out.text()


def reloaded(result: ReloadResult) -> Html:
    return changes_text(
        result.report, _("✅ Материалы перечитаны (файлов: {})").format(result.files)
    )


def rolled_back(result: ReloadResult) -> Html:
    when = f" {result.version_at:%d.%m.%Y %H:%M}" if result.version_at else ""
    text = changes_text(
        result.report,
        _("✅ Восстановлена версия №{}{} (файлов: {})").format(result.version, when, result.files),
    )
    return Html(text + set_aside_note(result))


def set_aside_note(result: ReloadResult) -> Html:
    """Which never-loaded files were copied aside before being replaced or removed."""
    if not result.set_aside:
        return Html("")
    return (
        Lines()
        .blank()
        .add(
            html(
                _("📦 Эти файлы не были загружены, поэтому я сохранил их копии в {}: {}"),
                code(f"{result.aside_folder}/"),
                ", ".join(result.set_aside[:10]),
            )
        )
        .text()
    )


def versions_text(versions: Sequence[ContentLoad]) -> Html:
    out = (
        Lines()
        .add(html("🗂 {}", b(_("Версии материалов"))), "")
        .add(
            *(
                html(
                    _("{} №{} от {} — файлов {}{}"),
                    "▶️" if i == 0 else "•",
                    load.id,
                    f"{load.loaded_at:%d.%m.%Y %H:%M} UTC",
                    load.file_count,
                    _(" (текущая)") if i == 0 else f"; {load.summary}" if load.summary else "",
                )
                for i, load in enumerate(versions)
            )
        )
    )
    out.blank().add(
        _("Выберите версию, которую восстановить: файлы и факты вернутся к ней вместе.")
    )
    return out.text()


def version_gone() -> Html:
    return Html(_("Этой версии уже нет среди сохранённых — откройте /rollback заново."))


STORE_FAILURES = {
    Reason.DATABASE_BUSY: N_("база данных занята — попробуйте через минуту"),
    Reason.DISK_FULL: N_("нет места на диске"),
    Reason.FOLDER_READ_ONLY: N_("папка content/ недоступна для записи"),
    Reason.DATABASE_READ_ONLY: N_("база данных открыта только для чтения"),
    Reason.LOADER_STOPPED: N_("процесс загрузки остановился на полпути — попробуйте ещё раз"),
}


def store_failed(failure: StoreFailed) -> Html:
    return html(
        _("❌ Не получилось: {}. Ничего не изменено — ни файлы, ни факты."),
        _(STORE_FAILURES[failure.reason]),
    )


def problem_at_start(problem: ContentInvalid | StoreFailed) -> Html:
    """To admins after a start-up that kept the stored facts."""
    reason = errors_text(problem) if isinstance(problem, ContentInvalid) else store_failed(problem)
    return Html(
        _(
            "⚠️ При запуске файлы content/ не загружены, бот отвечает по последней загруженной "
            "версии.\n\n"
        )
        + reason
    )


def uploaded(name: str, result: ReloadResult) -> Html:
    return Html(_uploaded(name, result) + set_aside_note(result))


def _uploaded(name: str, result: ReloadResult) -> Html:
    path = result.path or name
    if result.replaced:
        heading = html(
            _("✅ Файл {} сохранён и загружен, заменён content/{} ({} файлов)"),
            name,
            path,
            result.files,
        )
    else:
        heading = html(_("✅ Файл {} сохранён и загружен ({} файлов)"), name, result.files)
    return changes_text(result.report, heading)


def would_change(report: ChangeReport) -> Html:
    return changes_text(report, _("🔍 /reload изменит"))


def errors_text(exc: ContentInvalid) -> Html:
    out = Lines().add(_("❌ Найдено ошибок: {}. Ничего не изменено.").format(len(exc.errors)))
    out.blank()
    out.add(*(html("• {}", code(str(e))) for e in exc.errors[:MAX_ERRORS_SHOWN]))
    if len(exc.errors) > MAX_ERRORS_SHOWN:
        out.add(and_more(len(exc.errors) - MAX_ERRORS_SHOWN))
    return out.text()


def nothing_to_roll_back() -> Html:
    return Html(_("Предыдущей версии материалов нет — откатывать некуда."))


def stats_text(
    counts: dict[str, int],
    users: int,
    loaded: datetime | None,
    actions: Sequence[AdminAction],
) -> Html:
    when = loaded.strftime("%d.%m.%Y %H:%M UTC") if loaded else _("ещё не загружались")
    out = Lines().add(html("📊 {}", b(_("Статистика")))).blank()
    out.add(
        _("События: {}").format(counts["events"]),
        _("Люди: {}").format(counts["people"]),
        _("Организации: {}").format(counts["organizations"]),
        _("Города: {}").format(counts["places"]),
        _("Пользователи: {}").format(users),
        _("Последняя загрузка материалов: {}").format(when),
    )
    if actions:
        out.section(
            _("Последние действия администраторов:"),
            (
                f"• {a.at:%d.%m %H:%M} — {a.admin_id or _('консоль/запуск')}: {a.action} {a.detail}"
                for a in actions
            ),
        )
    return out.text()


def refusal() -> Html:
    return Html(_("Эта команда доступна только администраторам бота."))


def private_only() -> Html:
    return Html(_("Команды администратора работают только в личном чате с ботом."))


def download_failed(reason: str) -> Html:
    return html(
        _("Не удалось скачать файл из Telegram ({}). Ничего не изменено — пришлите его ещё раз."),
        reason,
    )


def file_too_big(limit_bytes: int) -> Html:
    return html(
        _("Файл больше {} МБ — такой я не принимаю. Ничего не изменено."), limit_bytes // 1_000_000
    )


def unreadable_article() -> Html:
    return Html(_("Не получилось прочитать текст: сохраните статью в UTF-8."))


def which_files() -> Html:
    return Html(
        _(
            "Пришлите файл материалов (.yaml) — я проверю и загружу его, "
            "или статью (.txt) — я подготовлю черновик."
        )
    )


FETCH_PROBLEMS = {
    "bad_link": N_("это не похоже на ссылку"),
    "scheme": N_("принимаю только ссылки http:// и https://"),
    "private": N_("адрес ведёт во внутреннюю сеть — такие ссылки я не открываю"),
    "unreachable": N_("сайт недоступен"),
    "timeout": N_("сайт не ответил вовремя"),
    "status": N_("сайт ответил ошибкой"),
    "too_big": N_("страница слишком большая"),
    "not_a_page": N_("по ссылке не веб-страница"),
    "no_text": N_("на странице не нашлось текста статьи"),
}


def fetch_failed(problem: str, detail: str) -> Html:
    known = problem in FETCH_PROBLEMS
    reason = _(FETCH_PROBLEMS[problem]) if known else _("страницу не удалось получить")
    return html(
        _("Не получилось подготовить черновик по ссылке: {} ({}). Пришлите статью файлом .txt."),
        reason,
        detail[:100],
    )


def fetching() -> Html:
    return Html(_("⏳ Открываю страницу и готовлю черновик…"))


def drafting(*, queued: bool = False) -> Html:
    if queued:
        return Html(_("⏳ Сейчас готовится другой черновик; ваш — следующий."))
    return Html(_("⏳ Читаю статью и готовлю черновик (до минуты)…"))


DRAFT_PROBLEMS = {
    DraftProblem.TOO_LONG: N_("текст слишком длинный: черновик готовлю для статей до {} знаков"),
    DraftProblem.TIMEOUT: N_("черновик не успел подготовиться за минуту"),
    DraftProblem.OUT_OF_MEMORY: N_("на этот текст не хватило памяти"),
    DraftProblem.FAILED: N_("при разборе текста произошла ошибка"),
}


def draft_refused(problem: DraftProblem, max_chars: int) -> Html:
    return html(
        _("Черновик не готов: {}. Сократите текст до самой статьи и пришлите снова."),
        _(DRAFT_PROBLEMS[problem]).format(f"{max_chars:,}".replace(",", " ")),
    )


def draft_caption(people: int, organizations: int, places: int) -> Html:
    return html(
        _(
            "Черновик: людей {}, организаций {}, городов {}. Проверьте его, допишите резюме и "
            "пришлите файлом — я проверю и загружу."
        ),
        people,
        organizations,
        places,
    )


def article_offer(chars: int) -> Html:
    return html(
        _(
            "Это похоже на статью ({} знаков), а не на вопрос. Сделать черновик из этого текста? "
            "(Вопросы — до 500 знаков.)"
        ),
        chars,
    )


def article_gone() -> Html:
    return Html(_("Этого текста у меня уже нет — пришлите статью ещё раз."))
