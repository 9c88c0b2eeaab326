"""Dates as each language writes them: one function per use, the same on every screen."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import i18n

EVENING = datetime(2027, 1, 16, 18, 5, tzinfo=ZoneInfo("America/Chicago"))


@pytest.mark.parametrize(
    ("language", "written"),
    [
        (
            "en",
            (
                "January 16, 2027",
                "Jan 16, 2027",
                "Jan 16, 2027, 6:05\u202fPM",
                "Jan 16, 6:05\u202fPM",
                "Sat, Jan 16, 2027, 6:05\u202fPM",
                "Saturday, January 16, 2027",
            ),
        ),
        (
            "es",
            (
                "16 de enero de 2027",
                "16 ene 2027",
                "16 ene 2027, 18:05",
                "16 ene, 18:05",
                "sáb, 16 ene 2027, 18:05",
                "sábado, 16 de enero de 2027",
            ),
        ),
    ],
)
def test_each_kind_of_date_reads_as_its_language_writes_it(language, written):
    with i18n.using(language):
        shown = (
            i18n.day(EVENING),
            i18n.short_day(EVENING),
            i18n.moment(EVENING),
            i18n.short_moment(EVENING),
            i18n.weekday_moment(EVENING),
            i18n.full_day(EVENING),
        )
    assert shown == written


def test_a_short_day_never_writes_the_month_as_a_number():
    with i18n.using("es"):
        assert i18n.short_day(date(2026, 3, 5)) == "5 mar 2026"
    assert i18n.short_day(date(2026, 3, 5)) == "Mar 5, 2026"


def test_a_moment_names_the_zone_its_hour_is_in():
    chicago = datetime(2026, 12, 6, 16, 41, tzinfo=ZoneInfo("America/Chicago"))
    with i18n.using("en"):
        assert i18n.zoned_moment(chicago) == "Dec 6, 4:41\u202fPM CST"
    with i18n.using("es"):
        assert i18n.zoned_moment(chicago) == "6 dic, 16:41 CST"
