"""The cooperation network as a user sees it: partners across the border by country with the
events they shared, and a picture of the network — nodes by country (one column each),
edges by shared events (thicker for more), the subject in the middle of its column.

The picture is drawn with matplotlib (Agg, imported only when a picture is asked for: it is
no part of start-up), as PNG for Telegram and SVG for the web page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from db.kinds import EntityKind
from facts.network import Meeting, Network, Node
from views.html import Html, Lines, b, html, i
from views.i18n import _
from views.labels import country_label, country_name, date_text

SHOWN_EVENTS = 3  # per partner; the rest are counted
_COLOURS = {"RU": "#1c5fb8", "KZ": "#00a3c4"}
_OTHER = "#8a8f98"


def _events_line(events: Sequence) -> Html:
    named = [
        html("{} ({})", e.display_title, date_text(e.partial_date)) for e in events[:SHOWN_EVENTS]
    ]
    text = Html("; ".join(named))
    if len(events) > SHOWN_EVENTS:
        text = html("{} {}", text, _("… и ещё {}").format(len(events) - SHOWN_EVENTS))
    return text


def partners_text(network: Network, country: str | None, year: int | None) -> Html:
    s = network.subject
    where = _("в стране «{}»").format(country_label(country)) if country else _("за рубежом")
    when = _(" в {} г.").format(year) if year else ""
    if not network.partners:
        return html(_("🤝 {}: в источниках нет встреч с партнёрами {}{}."), b(s.name), where, when)
    out = Lines().add(html(_("🤝 {} — партнёры {}{}:"), b(s.name), where, when))
    for code in network.countries():
        partners = [p for p in network.partners if (p.node.country or "") == code]
        out.section(
            html("{} ({}):", country_name(code), len(partners)),
            (
                html(
                    _("• {} — событий: {}. {}"),
                    b(p.node.name),
                    len(p.events),
                    _events_line(p.events),
                )
                for p in partners
            ),
        )
    out.blank().add(i(_("Встреча — участие в одном событии (упоминание не считается).")))
    return out.text()


def meetings_text(
    found: Sequence[Meeting],
    kind: EntityKind,
    first: str | None,
    second: str | None,
    year: int | None,
    where: str | None = None,
) -> Html:
    when = _(" в {} г.").format(year) if year else ""
    if where:
        when += _(", город: {}").format(where)
    sides = " — ".join(country_label(c) for c in (first, second) if c) or _("разных стран")
    heading = {
        EntityKind.ORGANIZATION: _("🤝 Встречи организаций ({}){}:"),
        EntityKind.PERSON: _("🤝 Встречи людей ({}){}:"),
        EntityKind.PLACE: _("🤝 Встречи городов ({}){}:"),
    }[kind]
    if not found:
        return html(_("🤝 В источниках нет таких встреч ({}){}."), sides, when)
    out = Lines().add(html(heading, sides, when))
    for m in found:
        out.add(
            html(
                "• {} ({}) — {} ({}): {}",
                b(m.first.name),
                country_label(m.first.country),
                b(m.second.name),
                country_label(m.second.country),
                _events_line(m.events),
            )
        )
    out.blank().add(i(_("Встреча — участие в одном событии (упоминание не считается).")))
    return out.text()


def picture_caption(network: Network) -> str:
    return _("🖼 Сеть сотрудничества: {} — партнёров: {}").format(
        network.subject.name, len(network.partners)
    )


def _short(name: str, limit: int = 38) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def network_picture(network: Network, fmt: str = "png") -> bytes:
    """The subject and its partners: a column per country, an edge per partner as thick as
    the events they shared; `fmt` is «png» or «svg»."""
    from matplotlib.figure import Figure  # draws with Agg: no screen, no pyplot state

    subject = network.subject
    # the subject alone in the middle column; its partners by country around it, to its right
    # and left in turn, so that no edge crosses a column
    groups: dict[str, list[Node]] = {}
    for p in network.partners:
        groups.setdefault(p.node.country or "", []).append(p.node)
    order: list[tuple[str, list[Node]]] = [(subject.country or "", [subject])]
    for k, group in enumerate(groups.items()):
        order = [*order, group] if k % 2 == 0 else [group, *order]
    weight = {(p.node.id, p.node.country): len(p.events) for p in network.partners}
    height = max(len(nodes) for _, nodes in order)
    figure = Figure(figsize=(9, max(3.0, 0.45 * height + 1.5)), dpi=110)
    axes = figure.add_subplot()
    axes.set_axis_off()
    place: dict[tuple[str, str | None], tuple[float, float]] = {}
    middle = next(x for x, (_, nodes) in enumerate(order) if nodes[0] is subject)
    for x, (code, nodes) in enumerate(order):
        top = (height - 1) / 2 + (len(nodes) - 1) / 2
        for k, node in enumerate(nodes):
            place[(node.id, node.country)] = (float(x), top - k)
        axes.text(x, height + 0.2, country_label(code), ha="center", fontsize=11,
                  weight="bold", parse_math=False)  # fmt: skip
    sx, sy = place[(subject.id, subject.country)]
    for key, count in weight.items():
        x, y = place[key]
        axes.plot([sx, x], [sy, y], color="#b8c0cc", linewidth=1 + 1.5 * min(count, 5), zorder=1)
    for x, (code, nodes) in enumerate(order):
        for node in nodes:
            x, y = place[(node.id, node.country)]
            if node is subject:  # above its node, clear of the edges
                axes.scatter([x], [y], s=260, color=_COLOURS.get(code, _OTHER), zorder=2)
                axes.text(x, y + 0.35, _short(node.name, 60), ha="center", fontsize=10,
                          weight="bold", parse_math=False)  # fmt: skip
                continue
            size = 90 + 40 * min(weight.get((node.id, node.country), 1), 5)
            axes.scatter([x], [y], s=size, color=_COLOURS.get(code, _OTHER), zorder=2)
            # a partner left of the subject is labelled to its left, one right of it to its right
            align = "right" if x < middle else "left"
            shift = 0.06 if align == "left" else -0.06
            axes.text(x + shift, y, _short(node.name, 60), ha=align, va="center", fontsize=9,
                      parse_math=False)  # fmt: skip
    axes.set_xlim(-0.9 - 0.6 * (middle > 0), max(1, len(order) - 1) + 0.9)
    axes.set_ylim(-0.8, height + 0.6)
    # the caption without its emoji: the font has none
    title = picture_caption(network).removeprefix("🖼").strip()
    axes.set_title(title, fontsize=11, parse_math=False)
    out = io.BytesIO()
    figure.savefig(
        out, format=fmt, bbox_inches="tight", metadata={"Date": None} if fmt == "svg" else None
    )
    return out.getvalue()
