"""Partly known dates: which parts are known, the period they cover, and how that sorts."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

# The open ends of a span of years: «до 2024 года» is EARLIEST_YEAR–2023, «с 2025 года»
# 2025–LATEST_YEAR.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    until_year: int | None = None  # a span of years, as a question may ask («2021–2024»)
    until_month: int | None = None  # a span of months from `month` («летом»: June–August)
    # the last day of a span of days from the full date given («на следующей неделе»)
    until: date | None = None

    @property
    def precision(self) -> str:
        """'day', 'month', 'year' or 'unknown': the finest part that is known."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        if self.year is not None:
            return "year"
        return "unknown"

    def period(self) -> tuple[date, date] | None:
        """First and last day the date can mean, or None when the year is unknown."""
        if self.year is None:
            return None
        if self.until is not None and self.month is not None and self.day is not None:
            return date(self.year, self.month, self.day), self.until
        if self.until_year is not None:
            return date(self.year, 1, 1), date(self.until_year, 12, 31)
        if self.until_month is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.until_month)[1]
            return date(self.year, self.month, 1), date(self.year, self.until_month, last)
        if self.month is None:
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.day is None:
            last = calendar.monthrange(self.year, self.month)[1]
            return date(self.year, self.month, 1), date(self.year, self.month, last)
        exact = date(self.year, self.month, self.day)
        return exact, exact

    def is_past(self, today: date) -> bool:
        period = self.period()
        return period is not None and period[1] < today

    def is_upcoming(self, today: date) -> bool:
        """True while the period has not ended: an event in «June» is upcoming until 30 June."""
        period = self.period()
        return period is not None and period[1] >= today

    def starts_after(self, today: date) -> bool:
        """True when the whole period is still ahead: an event in «June» starts after 31 May."""
        period = self.period()
        return period is not None and period[0] > today

    def sort_key(self) -> tuple[int, date]:
        """Newest-first ordering uses the end of the period; unknown dates sort as oldest."""
        period = self.period()
        return (0, date.min) if period is None else (1, period[1])


def check_date_parts(year: int | None, month: int | None, day: int | None) -> None:
    """Raise ValueError for a date that cannot exist (31 February, day without month …)."""
    if day is not None and month is None:
        raise ValueError("день указан без месяца")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"месяц {month} — не от 1 до 12")
    if day is not None and month is not None:
        # Without a year, 29 February is allowed: it exists in leap years.
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= last:
            raise ValueError(
                f"в месяце {month}"
                + (f" {year} года" if year is not None else "")
                + f" нет дня {day}"
            )
