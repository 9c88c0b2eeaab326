"""Why an idea may deserve a second look before the room sees it: profanity, contact details,
or a person on the roster named in it.

Pure: text and roster names in, flags out. A flag is a reason in words for the facilitator,
never a refusal; the words that trip it are in flag_words.txt beside this file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from i18n import _

WORDS_FILE = Path(__file__).with_name("flag_words.txt")

PROFANITY = "profanity"
PHONE = "phone"
EMAIL = "email"
ROSTER_NAME = "roster name"

# Phones: US with an area code — (206) 555-0134, 206-555-0134, 206.555.0134, 206 555 0134,
# 2065550134, +1 206 555 0134, 1-206-555-0134 — a US local 555-0134 (hyphen or dot only, so
# "the 311 2024 report" stays unflagged), or international: + and 8 to 15 digits.
# No digit, letter or + may touch either end, so years, ranges (2024-2025), money ($1,500,000)
# and 911 are not phone numbers.
_US_PHONE = re.compile(
    r"(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?![\w])"
)
_LOCAL_PHONE = re.compile(r"(?<![\w.,-])\d{3}[.-]\d{4}(?![\w-]|[.,]\d)")
_INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])\+\d[\d\s().-]{6,22}\d(?!\w)")
_INTERNATIONAL_DIGITS = range(8, 16)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Flag:
    """One reason to read an idea twice, in words a facilitator acts on."""

    kind: str
    reason: str


def flag_idea(text: str, roster_names: Iterable[str] = ()) -> list[Flag]:
    """Every reason this text may need a second look, in the order they are checked."""
    flags = [
        Flag(
            PROFANITY,
            _("may be profanity or a slur ({language}): “{word}”").format(
                language=language, word=word
            ),
        )
        for word, language in _profanity(text)
    ]
    phone, email = _("looks like a phone number: {text}"), _("looks like an email address: {text}")
    flags += [Flag(PHONE, phone.format(text=number)) for number in _phones(text)]
    flags += [Flag(EMAIL, email.format(text=m)) for m in _emails(text)]
    flags += [
        Flag(ROSTER_NAME, _("names a person on the roster: {name}").format(name=name))
        for name in _roster_names(text, roster_names)
    ]
    return flags


def fold(text: str) -> str:
    """Lower case without accents, so "Cabrón" and "cabron" match; ñ stays ñ (año is not ano)."""
    out = []
    for char in text.casefold():
        if char == "ñ":
            out.append(char)
            continue
        out.extend(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return "".join(out)


def _profanity(text: str) -> list[tuple[str, str]]:
    pattern, languages = _word_pattern()
    found: dict[str, str] = {}
    for match in pattern.finditer(fold(text)):
        word = " ".join(match.group(0).split())
        found.setdefault(word, languages[match.lastgroup or ""])
    return list(found.items())


@cache
def _word_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for the whole list; each language a named group so a match says which."""
    by_language: dict[str, list[str]] = {}
    language = ""
    for raw in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            language = line[1:-1]
            continue
        prefix = line.endswith("*")
        words = fold(line.rstrip("*")).split()
        body = r"\s+".join(re.escape(w) for w in words) + (r"\w*" if prefix else "")
        by_language.setdefault(language, []).append(body)
    groups, names = [], {}
    for n, (name, bodies) in enumerate(by_language.items()):
        # Longest first, so "son of a bitch" is reported whole rather than as "bitch".
        bodies.sort(key=len, reverse=True)
        groups.append(f"(?P<lang{n}>{'|'.join(bodies)})")
        names[f"lang{n}"] = name
    return re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)"), names


def _phones(text: str) -> list[str]:
    found = [m.group(0) for m in _US_PHONE.finditer(text)]
    for m in _INTERNATIONAL_PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group(0))
        if digits in _INTERNATIONAL_DIGITS and not any(m.group(0) in f for f in found):
            found.append(m.group(0).strip())
    for m in _LOCAL_PHONE.finditer(text):
        if not any(m.group(0) in f for f in found):
            found.append(m.group(0))
    return list(dict.fromkeys(found))


def _emails(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(0) for m in _EMAIL.finditer(text)))


def _roster_names(text: str, roster_names: Iterable[str]) -> list[str]:
    """Roster people named in full (first and last name), in roster order, once each.

    A one-word roster name is left out: a first name alone ("Maria", "Jordan") is everyday
    talk, and flagging it would bury the flags that matter.
    """
    folded = f" {' '.join(fold(text).split())} "
    named = []
    for name in roster_names:
        if any(_contains(folded, form) for form in _name_forms(name)):
            named.append(_display(name))
    return list(dict.fromkeys(named))


def _display(name: str) -> str:
    """The name as it is said: "Lopez, Maria" (a roster's last-name-first) is Maria Lopez."""
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    return " ".join(name.split())


def _name_forms(name: str) -> list[list[str]]:
    """The full name and first + last, each as folded words."""
    words = re.findall(r"[\w'’-]+", fold(_display(name)))
    if len(words) < 2:
        return []
    forms = [words]
    if len(words) > 2:
        forms.append([words[0], words[-1]])
    return forms


def _contains(folded_text: str, words: list[str]) -> bool:
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    return re.search(pattern, folded_text) is not None
