"""Every word a person reads, in their language: English (the source) and Spanish.

Strings are marked in the code with `_("…")` (`ngettext` for counts, `pgettext` for a word
said otherwise in one place), extracted with Babel into locale/messages.pot (`make
messages`), and translated in locale/<language>/LC_MESSAGES/messages.po. The .po files are
read directly when the process first needs a language, so a fresh install has no compile
step.

Which language a run uses: `using(language)` sets it for a block (reports, exports, a
phone's page); otherwise the resolver the screen layer installed answers (the person's
choice kept in their Streamlit session). Services and adapters call `_()` too, so the
refusals they raise reach the person in their own language; this package imports neither
Streamlit nor the database.

Strings built at import time (module constants) are marked with `N_("…")`, which only
marks them for extraction, and translated where they are shown with `_(constant)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_skeleton, format_time, get_datetime_format
from babel.numbers import format_decimal, format_percent

from i18n.catalogue import has_translations, translations

ENGLISH = "en"
SPANISH = "es"
LANGUAGES: dict[str, str] = {ENGLISH: "English", SPANISH: "Español"}
"""Each language by its own name: how a person finds theirs in a list."""

_chosen: ContextVar[str | None] = ContextVar("language", default=None)
_resolver: Callable[[], str | None] = lambda: None  # noqa: E731 - replaced by the screen layer


def offered() -> tuple[str, ...]:
    """The languages a person may choose: English, and each language whose catalogue has
    translations. A switch to a language with none would show its reader English anyway."""
    return tuple(code for code in LANGUAGES if code == ENGLISH or has_translations(code))


def install_resolver(resolver: Callable[[], str | None]) -> None:
    """Where `current()` looks when no `using()` block is active: the screen layer's
    per-person choice. Installed once per process."""
    global _resolver  # noqa: PLW0603 - one hook per process, set at start-up
    _resolver = resolver


def supported(language: str | None) -> str:
    """`language` when we have it (any case, with or without a region), else English."""
    short = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return short if short in LANGUAGES else ENGLISH


_NAMES = {
    ENGLISH: ("en", "eng", "english", "ingles", "inglés"),
    SPANISH: ("es", "spa", "spanish", "espanol", "español", "castellano"),
}


def parse_language(text: str | None) -> str | None:
    """A language as a roster or a person writes it ("Spanish", "español", "ES", "es-MX"),
    or None when it is none we have. Blank is None too: the caller picks the default."""
    key = (text or "").strip().casefold()
    key = key.replace("_", "-").split("-")[0] if len(key) <= 6 else key
    return next((code for code, names in _NAMES.items() if key in names), None)


def current() -> str:
    chosen = _chosen.get()
    return supported(chosen if chosen is not None else _resolver())


@contextmanager
def using(language: str | None) -> Iterator[str]:
    """Translate everything inside the block into `language` (a report, a phone's page)."""
    token = _chosen.set(supported(language))
    try:
        yield _chosen.get() or ENGLISH
    finally:
        _chosen.reset(token)


def _(message: str) -> str:
    """`message` in the current language; the English itself when there is no entry."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` in the current language (Spanish and English both have two)."""
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the current language as said in `context`, where a language words it
    otherwise there (Spanish gives a status its record's gender: a round "Abierta", a
    conflict "Abierto")."""
    return str(translations(current()).pgettext(context, message))


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it (module constants)."""
    return message


def number(value: float, decimals: int = 0) -> str:
    """1,234.5 in English, 1.234,5 in Spanish."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=current())


def percent(share: float) -> str:
    """A share of 0–1 as a whole percentage: 72% / 72 %."""
    return format_percent(share, locale=current())


def day(value: date | datetime) -> str:
    """A date as a person writes it: "2 December 2026" / "2 de diciembre de 2026"."""
    return _format_date(value, format="long", locale=current())


def full_day(value: date | datetime) -> str:
    """A date with its weekday, as an invitation names the day: "Saturday, January 16,
    2027" / "sábado, 16 de enero de 2027"."""
    return _format_date(value, format="full", locale=current())


def short_day(value: date | datetime) -> str:
    """A date in a table or a list, the month in words, never 3/5 or 5/3: "Dec 2, 2026" /
    "2 dic 2026" (each language's own order, CLDR's)."""
    return format_skeleton("yMMMd", value, locale=current())


def moment(value: datetime) -> str:
    """A date and time, short: "Dec 2, 2026, 2:05 PM" / "2 dic 2026, 14:05"."""
    return _at(format_skeleton("yMMMd", value, locale=current()), value)


def short_moment(value: datetime) -> str:
    """When in the run-up to a meeting or during it, the year going without saying:
    "Dec 2, 2:05 PM" / "2 dic, 14:05"."""
    return _at(format_skeleton("MMMd", value, locale=current()), value)


def zoned_moment(value: datetime) -> str:
    """`short_moment` with the zone its hour is in, named as people there know it: "Dec 6,
    4:41 PM CST" / "6 dic, 16:41 CST" (UTC for a meeting without a zone of its own)."""
    return f"{short_moment(value)} {value.tzname() or 'UTC'}"


def weekday_moment(value: datetime) -> str:
    """When a meeting starts: "Sat, Jan 16, 2027, 6:00 PM" / "sáb, 16 ene 2027, 18:00"."""
    return _at(format_skeleton("yMMMEd", value, locale=current()), value)


def hour(value: datetime) -> str:
    """The time of day as the language writes it, at `value`'s own zone: "6:00 PM" /
    "18:00"."""
    return format_time(value, format="short", locale=current())


def _at(day_words: str, value: datetime) -> str:
    """`day_words` and the time of `value` joined as the language joins them."""
    joined = str(get_datetime_format("medium", locale=current()))
    return joined.replace("{1}", day_words).replace("{0}", hour(value))


def language_name(language: str) -> str:
    """The language's name in the reader's language ("Spanish" / "español")."""
    return Locale.parse(supported(language)).get_display_name(current()) or language
