"""A screen in the other language, as its reader gets there, and English left on it.

Each person reaches Spanish their own way, and the browser tests take the same way:
staff by their own setting (the sidebar's English · Español switch, kept for their
account), a participant by the phone's one button ("Español"), kept for their badge, and a
screen nobody signs in to (the projector, the home page, a code entry) by the browser's
language. Nothing here writes a language into the database.

`english_left` finds words of the catalogue's English on a page that should be Spanish.
A word counts as English only if the catalogue's English uses it and none of its Spanish
does ("no", "plan", "idea", "total" are both); what people wrote is left out first (see
`people_text`), and so are words marked with another `lang` (an original shown beside its
translation), icon names, and the few words in `ALLOWED`, each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from babel.messages.pofile import read_po
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect
from sqlalchemy import Enum, String, Text, select

from db.database import Database
from db.models import Base
from i18n import SPANISH, using
from i18n import _ as translate
from i18n.catalogue import LOCALE_DIR, po_path
from services.core import codes
from tests.browser import PHONE, wait_idle

SPANISH_BROWSER = "es-MX"
"""A browser set to Spanish (Latin American): what a visitor's page follows."""

ALLOWED: dict[str, str] = {
    "Common Ground": "the product's name, not translated (like a city's own name)",
    "English": "the language switch names each language in its own words (WCAG 3.1.2)",
    "Streamlit": "the framework's name, on its own connection notices",
}
"""Words an English catalogue entry uses that a Spanish page rightly shows, and why."""

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:'[a-z]+)?")

_COUNTED = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿ']+) \(\d+\)")
_SYMBOL = f"[{codes.ALPHABET}]"
_CODE = re.compile(
    rf"(?<![\w-]){_SYMBOL}{{{codes.GROUP}}}-?{_SYMBOL}{{{codes.LENGTH - codes.GROUP}}}(?![\w-])"
)
"""A badge's or a meeting's code as shown ("2D79-BE4B"): random letters that can spell an
English word ("BE"), so taken out before the words are looked up."""
_NOT_TEXT = {"code", "password_hash", "digest", "key", "language", "projector_language"}
"""String columns that hold codes, secrets and language codes rather than people's words."""

SCREEN = '[data-testid="stMain"], [data-testid="stSidebar"]'
"""Where a screen's words are: its main area and its sidebar."""

_VISIBLE_TEXT = """(places) => {
  const texts = [];
  for (const root of document.querySelectorAll(places)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.data.trim() || !parent) continue;
      // An icon's name is its font's ligature, not words; aria-hidden is not read either.
      if (parent.closest('[data-testid="stIconMaterial"], [aria-hidden="true"], style, script'))
        continue;
      if (!parent.checkVisibility({visibilityProperty: true})) continue;
      // Words marked as another language's (an original beside its translation) are
      // what WCAG 3.1.2 asks for, not English left.
      const marked = parent.closest('[lang]');
      if (marked && marked !== document.documentElement
          && !marked.lang.toLowerCase().startsWith("es")) continue;
      // Markdown's :material/timer: too: drawn by the icon font, it shows no word.
      if (getComputedStyle(parent).fontFamily.includes("Material Symbols")) continue;
      texts.push(node.data);
    }
    // And the names a screen reader gives controls (Streamlit's own among them), which no
    // eye sees: a Spanish page must name them in Spanish too.
    for (const el of root.querySelectorAll("[aria-label], [title], [placeholder]")) {
      const marked = el.closest('[lang]');
      if (marked && marked !== document.documentElement
          && !marked.lang.toLowerCase().startsWith("es")) continue;
      if (el.closest('[aria-hidden="true"]')) continue;
      for (const name of ["aria-label", "title", "placeholder"]) {
        const said = el.getAttribute(name);
        if (said && said.trim()) texts.push(said);
      }
    }
  }
  return texts.join("\\n");
}"""
"""The visible words of the `places` (a CSS selector), one text node a line, icon names
and hidden text left out; then the names their controls have for a screen reader
(aria-label, title, placeholder)."""


def html_lang(page: Page) -> str:
    return page.evaluate("() => document.documentElement.lang")


def expect_lang(page: Page, language: str) -> None:
    """Wait until the page says it is in `language` (the app sets it on each run)."""
    page.wait_for_function(
        "lang => document.documentElement.lang === lang", arg=language, timeout=15_000
    )


def spanish(text: str) -> str:
    """`text` (a catalogue entry) as a Spanish reader sees it."""
    with using(SPANISH):
        return translate(text)


def spanish_browser(browser: Browser, viewport: ViewportSize) -> BrowserContext:
    """A device whose browser asks for Spanish: a screen nobody signs in to follows it."""
    return browser.new_context(
        viewport=viewport, is_mobile=viewport is PHONE, locale=SPANISH_BROWSER
    )


def staff_choose(page: Page, language_name: str) -> None:
    """A signed-in person's own setting: the sidebar's switch, one tap on `language_name`
    ("Español" / "English"). It is kept for their account, so their next sign-in keeps it.
    On a tablet the sidebar starts closed, as for its scribe: it is opened, then closed."""
    sidebar = page.get_by_test_id("stSidebar")
    opened = False
    if sidebar.get_attribute("data-collapsed") == "true":
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(sidebar).to_have_attribute("data-collapsed", "false")
        opened = True
    language = "es" if language_name == "Español" else "en"
    sidebar.get_by_role("radio", name=language_name, exact=True).click()
    expect_lang(page, language)
    wait_idle(page)
    if opened:
        page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
        expect(sidebar).to_have_attribute("data-collapsed", "true")


def phone_choose(page: Page, language_name: str) -> None:
    """A participant's one tap on the phone's other-language button, kept for their badge."""
    page.get_by_role("button", name=language_name, exact=True).click()
    expect_lang(page, "es" if language_name == "Español" else "en")
    wait_idle(page)


@cache
def _catalogue_words() -> frozenset[str]:
    """Words the catalogue's English uses that none of its Spanish does."""
    with (LOCALE_DIR / "messages.pot").open("rb") as pot:
        english = _words_of(m.id for m in read_po(pot) if m.id)
    with po_path(SPANISH).open("rb") as po:
        translated = _words_of(m.string for m in read_po(po, locale=SPANISH) if m.string)
    allowed = _words_of(ALLOWED)
    return frozenset(english - translated - allowed)


def _words_of(messages: Iterable[object]) -> set[str]:
    """The words of catalogue entries: a string, or a plural's forms (a tuple or list)."""
    words = set()
    for message in messages:
        for text in message if isinstance(message, tuple | list) else (message,):
            # Placeholders are the program's names, never shown: {name}, {n}.
            plain = re.sub(r"\{[^{}]*\}", " ", str(text))
            words.update(w.casefold() for w in _WORD.findall(plain))
    return words


def people_text(db: Database) -> list[str]:
    """Everything people wrote that the database holds in its text columns — names, the
    initiative, its meeting and agenda, groups, notes, ideas, the best-practice library —
    longest first: a page shows it as written, in the writer's language. Choices stored as
    codes (roles, statuses: enum columns) are left out, since pages show them translated;
    a demo group named like a category ("Youth") is the facilitator's words all the same."""
    found: set[str] = set()
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            columns = [
                c
                for c in table.columns
                if isinstance(c.type, String | Text)
                and not isinstance(c.type, Enum)
                and c.name not in _NOT_TEXT
            ]
            if not columns:
                continue
            for row in s.execute(select(*columns)):
                found.update(v.strip() for v in row if isinstance(v, str) and v.strip())
    return sorted(found, key=len, reverse=True)


def english_left(
    page: Page, where: str, people: Iterable[str] = (), places: str = SCREEN
) -> list[str]:
    """`english_in` the visible text of the page's `places`: its main area and its sidebar,
    unless a menu or a calendar drawn over them is named."""
    return english_in(page.evaluate(_VISIBLE_TEXT, places), where, people)


def english_in(text: str, where: str, people: Iterable[str] = ()) -> list[str]:
    """Each line of `text` that still holds catalogue English, with the English words
    found; `people` (see `people_text`) is taken out of the text first, wherever a line
    breaks inside it (a report wraps long notes)."""
    people = list(people)
    # The word cloud's list counts single words of people's ideas: "calls (1)".
    theirs = {w.casefold() for written in people for w in _WORD.findall(written)}
    text = _COUNTED.sub(lambda m: " " if m[1].casefold() in theirs else m[0], text)
    text = _CODE.sub(" ", text)
    for written in [*people, *ALLOWED]:
        # Whole words only (a person's "en" must not cut "temporizador en marcha" apart),
        # and any run of spaces or line breaks inside.
        spaced = r"\s+".join(map(re.escape, written.split()))
        text = re.sub(rf"(?<![\w]){spaced}(?![\w])", " ", text)
    english = _catalogue_words()
    found = []
    for line in text.splitlines():
        # A single letter is a key (N, B, I, T, P on the console) or an initial.
        words = {w for w in _WORD.findall(line) if len(w) > 1}
        left = sorted(w for w in words if w.casefold() in english)
        if left:
            found.append(f"{where}: English left {left} in {line.strip()[:160]!r}")
    return found


def spanish_checks(page: Page, where: str, people: Iterable[str] = ()) -> list[str]:
    """What is wrong with a page that should be Spanish: its `<html lang>`, English left."""
    wrong = []
    if html_lang(page) != "es":
        wrong.append(f"{where}: <html lang={html_lang(page)!r}>, not 'es'")
    return wrong + english_left(page, where, people)
