"""Streamlit's own words in the reader's language: what it writes itself, in English.

Streamlit writes some words itself, with no way to give them (streamlit/streamlit#13500
asks for the uploader's): the file uploader's button ("Upload"), its limit ("50MB per
file"), its refusals ("application/pdf files are not allowed."), and the names a screen
reader gives its controls — a help icon's "Help for …", a table's "Search" and
"Fullscreen", a heading's "Link to heading", a date's "day, …", "Collapse sidebar" — and
the menus of a table's column ("Sort ascending", its statistics and formats) and the words
around a date picker's calendar. A Spanish reader got them in English on a Spanish page
(WCAG 3.1.2): a refusal they could not read, controls a screen reader named in another
language. One more mend rides along, for every language: the column menu's copy button is
given the menu item's role it lacks.

The calendar itself (its month and day names, "Today") Streamlit leaves to the browser's
language, `navigator.language`, which it reads each time it draws: the script gives the
page's language there, so a Spanish reader on an English browser gets a Spanish calendar,
and an English page gives the browser's own back. Streamlit also sends that value with
each run as `st.context.locale`: app.py reads it only when the person changes (sign-in,
sign-out), and then it is the language the page was in, which is what they were reading.

So the page's language mark (components/language.py) comes with a fixed script that puts
them in the catalogue's words as the page draws them and whenever it draws them again: the
words inside uploaders, and the names (aria-label, title, placeholder) of every control.
English readers get Streamlit's words as it writes them; a reader who switches back gets
them again. tests/workarounds/test_streamlit_words.py fails the day Streamlit's words
change, or it lets us give our own.
"""

from __future__ import annotations

import json
import re

import i18n
from i18n import ENGLISH, N_, _

UPLOADER_WORDS = (
    # Translators: Streamlit's file uploader's button, beside the field's own label.
    N_("Upload"),
    # Translators: Streamlit's uploader states its size limit: {size} is e.g. "50MB".
    N_("{size} per file"),
    N_("Drag and drop a file here"),
    N_("Drag and drop files here"),
    # Translators: the uploader's refusal of a file over its limit: {size} is e.g. "2.0MB".
    N_("File must be {size} or smaller."),
    # Translators: the uploader's refusal of a file of the wrong kind: {type} is its MIME
    # type, e.g. "application/pdf".
    N_("{type} files are not allowed."),
    N_("File size is too small."),
    N_("Only one file is allowed."),
    N_("Unexpected error. Please try again."),
    N_("Upload failed"),
    N_("Click to retry upload"),
    # Translators: a button's name, for a screen reader: {name} is the file's name.
    N_("Remove {name}"),
    # Translators: the name of the uploader's button that adds a file to those chosen.
    N_("Add files"),
    # Translators: words Streamlit keeps, unseen, inside that button: its icon's name.
    N_("add icon"),
    # Translators: a button's name, for a screen reader: {name} is the file's name.
    N_("Cancel upload of {name}"),
    # Translators: the name a screen reader gives the uploader's hidden file field.
    N_("file upload"),
)
"""Every word Streamlit 1.67's uploader shows or names a control with, as it writes them
(its frontend's FileUploader and utils bundles); {…} stands for what it fills in."""

CONTROL_NAMES = (
    # Translators: the first link a keyboard or a screen reader meets on every page.
    N_("Skip to main content"),
    # Translators: a help icon's name for a screen reader: {label} is the field's label.
    N_("Help for {label}"),
    # Translators: a heading's link to itself, named for a screen reader.
    N_("Link to heading"),
    N_("Search"),
    N_("Fullscreen"),
    N_("Close fullscreen"),
    # Translators: a chart's or a table's toolbar button, named for a screen reader.
    N_("Show data"),
    N_("Show chart"),
    N_("Download as PNG"),
    N_("Download as CSV"),
    # Translators: a chart's toolbar button (Vega-Lite is the chart format's name).
    N_("Copy Vega-Lite spec"),
    N_("Copied!"),
    N_("Clear selection"),
    N_("Show/hide columns"),
    N_("Collapse sidebar"),
    N_("Expand sidebar"),
    N_("Sidebar"),
    "Open",
    "Close",
    N_("Clear all"),
    # Translators: the button that empties a single choice, named for a screen reader.
    N_("Clear value"),
    N_("Choose an option"),
    N_("Choose date"),
    # Translators: the eye button on a password field, named for a screen reader.
    N_("Show password"),
    N_("Hide password"),
    N_("Increment"),
    N_("Decrement"),
    # Translators: a keyboard shortcut named on its button: {key} is the key, e.g. "N".
    N_("Shortcut {key}"),
    # Translators: a table's column menu, named for a screen reader.
    N_("Dataframe column menu"),
    N_("Copy column name"),
    # Translators: the checkbox that shows every column of a table again.
    N_("Select all"),
    # Translators: a table's search box: its buttons, named for a screen reader.
    N_("Close Search"),
    N_("Next Result"),
    N_("Previous Result"),
    # Translators: a small chart in a table column's statistics, named for a screen reader.
    N_("Top values frequency chart"),
    N_("Distribution histogram"),
    # Translators: a date picker's calendar: its buttons, named for a screen reader.
    N_("Previous month"),
    N_("Next month"),
    # Translators: a date field's part, for a screen reader: {label} is the field's label.
    N_("day, {label}"),
    N_("month, {label}"),
    N_("year, {label}"),
    N_("hour, {label}"),
    N_("minute, {label}"),
)
"""The names Streamlit 1.67 gives its own controls on our screens (aria-label, title,
placeholder), as a Spanish walk of every screen found them in English, and the words of
its link to skip to the content. A toolbar's button
is named "<words>: <what it is for>" ("Show data: Totals by item"): its words are put in
the reader's language, what follows them is ours already."""

MENU_WORDS = (
    # Translators: a table column's menu (Streamlit's table, on every screen with one).
    N_("Sort ascending"),
    N_("Sort descending"),
    N_("Statistics"),
    N_("Format"),
    # Translators: a table column's menu: make the column as wide as its content.
    N_("Autosize"),
    N_("Pin column"),
    N_("Unpin column"),
    N_("Hide column"),
    # Translators: the name of a table's hidden first column (its row numbers).
    N_("(index)"),
    # Translators: a table column's statistics: how many values, how many empty, etc.
    N_("Values"),
    N_("Empty"),
    N_("Distinct"),
    N_("Minimum length"),
    N_("Maximum length"),
    N_("Average length"),
    N_("Minimum"),
    N_("Maximum"),
    N_("Average"),
    N_("Median"),
    N_("Standard deviation"),
    N_("Sum"),
    N_("25th percentile"),
    N_("75th percentile"),
    N_("Range"),
    # Translators: a number or date column's formats, in its menu.
    N_("Automatic"),
    # Translators: a column's format: numbers or dates written the way the browser's
    # language writes them.
    N_("Localized"),
    N_("Plain"),
    N_("Compact"),
    N_("Dollar"),
    N_("Percent"),
    N_("Scientific"),
    N_("Accounting"),
    N_("Duration"),
    # Translators: a date column's format: "3 days ago".
    N_("Distance"),
    # Translators: a date column's format: "Today at 3 pm", "Last Monday".
    N_("Calendar"),
    # Translators: a column's kind, on its icon in the column menu.
    N_("text"),
    N_("number"),
    N_("checkbox"),
    # Translators: the words a screen reader reads on a date picker's calendar.
    N_("Use arrow keys to navigate dates. Enter to select. Escape to close."),
    # Translators: an empty date field's year, the letters a reader types over ("aaaa" for
    # año); the month's "mm" and the day's "dd" are the same letters in Spanish.
    N_("yyyy"),
)
"""The words of a table column's menus (sort, statistics, formats, the columns to show),
of a date picker's calendar and of an empty date field, as Streamlit 1.67 writes them:
put in where they are text, and in the names of controls inside those menus (a column
kind's icon is named "text" there, and nowhere else)."""

INSTRUCTION_WORDS = (
    # Translators: under a box of a form, once something is typed in it.
    N_("Press Enter to submit form"),
    # Translators: under a box outside a form, once something is typed in it.
    N_("Press Enter to apply"),
    # Translators: under a box of several lines of a form: {key} is "Ctrl" or "⌘".
    N_("Press {key}+Enter to submit form"),
    # Translators: under a box of several lines outside a form: {key} is "Ctrl" or "⌘".
    N_("Press {key}+Enter to apply"),
    # Translators: a choice of several's list: the entry that picks every matching choice
    # ({count} of them) after the reader typed to filter the list.
    N_("Select {count} matches"),
)
"""The words Streamlit 1.67 writes under a box someone types in (a form's "Press Enter to
submit form"), and in a choice of several's list ("Select all", in CONTROL_NAMES already,
and "Select 3 matches"): put in where they are text, in those two places (PLACES_OF_WORDS)."""

PLACES_OF_WORDS = ", ".join(
    (
        '[data-testid="InputInstructions"]',
        # A choice of several's list, drawn over the page as it opens.
        '[data-testid="stMultiSelectDropdown"]',
    )
)

MENUS = ", ".join(
    (
        '[data-testid="stDataFrameColumnMenu"]',
        ".stDataFrameColumnFormattingMenu",
        ".stDataFrameStatisticsMenu",
        '[data-testid="stDataFrameColumnVisibilityMenu"]',
        '[data-testid="stDateInputCalendar"]',
        # Its fields keep English's order and letters whatever the language (en-US, fixed).
        '[data-testid="stDateInputField"]',
    )
)
"""Where MENU_WORDS are Streamlit's: its menus and calendar, drawn over the page, and a
date field's parts."""

STREAMLIT_WORDS = UPLOADER_WORDS + CONTROL_NAMES + MENU_WORDS + INSTRUCTION_WORDS

SAID_AS = {
    # Translators: the name, for a screen reader, of the button that opens a list of choices.
    "Open": N_("Open the list"),
    # Translators: the name, for a screen reader, of a button that closes what it is on.
    "Close": N_("Close this"),
}
"""Streamlit's words whose English the catalogue already holds with another sense ("Open"
is a round's state there): translated through an entry of their own."""

_FIELD = re.compile(r"\{(\w+)\}")

_SCRIPT = """(() => {
  const table = (rules) => rules.map(([pattern, words]) => [new RegExp(pattern), words]);
  const state = window.__streamlitWords || (window.__streamlitWords = {
    written: new WeakMap(), english: new WeakMap(), observer: null, uploader: [], names: [],
    menus: [], typing: [],
  });
  state.uploader = table(%(uploader)s);
  state.names = table(%(names)s);
  state.menus = table(%(menus)s);
  state.typing = table(%(typing)s);
  // Streamlit draws a date picker's calendar in navigator.language, read as it draws:
  // the page's language there.
  const language = %(language)s;
  Object.defineProperty(navigator, "language", {get: () => language, configurable: true});
  // What Streamlit wrote, in its words: ours once we wrote there, else what is there now.
  const source = (node, key, now) => {
    const mine = state.written.get(node);
    if (mine && mine[key] === now) return state.english.get(node)[key];
    return now;
  };
  const put = (node, key, now, set, rules) => {
    const english = source(node, key, now);
    const translated = (text) => {
      for (const [pattern, said] of rules) {
        if (pattern.test(text)) return text.replace(pattern, said);
      }
      return null;
    };
    let words = translated(english);
    if (words === null) {
      // A toolbar's "Show data: Totals by item": Streamlit's words, then ours; a
      // calendar's "Choose date, diciembre de 2026": Streamlit's, then the browser's.
      const cut = [": ", ", "].map((mark) => english.indexOf(mark)).filter((at) => at > 0);
      const at = cut.length ? Math.min(...cut) : -1;
      const head = at > 0 ? translated(english.slice(0, at)) : null;
      words = head === null ? english : head + english.slice(at);
    }
    if (words === now) return;
    state.english.set(node, {...(state.english.get(node) || {}), [key]: english});
    state.written.set(node, {...(state.written.get(node) || {}), [key]: words});
    set(words);
  };
  const uploaderRules = () => state.uploader.concat(state.names);
  const menuRules = () => state.menus.concat(state.names);
  const words = (selector, rules) => {
    for (const box of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        put(node, "text", node.data, (w) => { node.data = w; }, rules);
      }
    }
  };
  const sweep = () => {
    words('[data-testid="stFileUploader"]', uploaderRules());
    // The link a keyboard meets first, to skip to the screen's content.
    words('[data-testid="stSkipToContent"]', state.names);
    words(%(menu_places)s, menuRules());
    words(%(typing_places)s, state.typing.concat(state.names));
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
      // The uploader's own box is named by our label; other names are Streamlit's.
      if (el.matches('[data-testid="stFileUploaderDropzone"]')) continue;
      const rules = el.closest('[data-testid="stFileUploader"]')
        ? uploaderRules()
        : el.closest(%(menu_places)s) ? menuRules() : state.names;
      for (const name of ["aria-label", "title", "placeholder"]) {
        const now = el.getAttribute(name);
        if (now) put(el, name, now, (w) => el.setAttribute(name, w), rules);
      }
    }
  };
  state.sweep = sweep;
  // An English page (ENGLISH_SCRIPT) puts Streamlit's own words back where ours were, and
  // gives the calendar the browser's language again (Navigator's own).
  state.backToEnglish = () => {
    state.uploader = []; state.names = []; state.menus = []; state.typing = [];
    delete navigator.language;
    sweep();
  };
  if (!state.observer) {
    // One sweep a frame, however many changes the page made in it (a phone's ballot
    // redraws many rows at once); a sweep reads the tables as they are then.
    let queued = false;
    state.observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; state.sweep(); });
    });
    state.observer.observe(document.body, {
      subtree: true, childList: true, characterData: true,
      attributeFilter: ["aria-label", "title", "placeholder"],
    });
  }
  sweep();
})();"""


def rules(language: str, words: tuple[str, ...] = STREAMLIT_WORDS) -> list[tuple[str, str]]:
    """(pattern, words) for each of Streamlit's `words` `language` has its own for: a
    JavaScript pattern matching the English as Streamlit fills it in, and the reader's
    words with $1, $2… where Streamlit's values go. None for English."""
    if language == ENGLISH:
        return []
    with i18n.using(language):
        said = [(english, SAID_AS.get(english, english)) for english in words]
        said = [(english, _(entry)) for english, entry in said if _(entry) != entry]
    return [_rule(english, words) for english, words in said]


def _rule(english: str, words: str) -> tuple[str, str]:
    names = _FIELD.findall(english)
    parts = _FIELD.split(english)[::2]  # the words between the {…}
    pattern = "^" + "(.+)".join(_js_escape(part) for part in parts) + "$"

    def group(field: re.Match[str]) -> str:
        return f"${names.index(field.group(1)) + 1}"

    return pattern, _FIELD.sub(group, words.replace("$", "$$"))


def _js_escape(text: str) -> str:
    return re.sub(r"[.*+?^${}()|[\]\\/]", lambda m: "\\" + m.group(0), text)


COPY_BUTTON = '[data-testid="stDataFrameColumnMenu"] [role="menu"] button:not([role])'
"""A column menu's "Copy column name": a plain button in a role="menu", where only menu
items may be (axe: aria-required-children, critical). Each page names it a menu item."""

_MEND_SCRIPT = """(() => {
  if (window.__columnMenuMend) return;
  const mend = () => {
    for (const copy of document.querySelectorAll(%(copy_button)s)) {
      copy.setAttribute("role", "menuitem");
    }
  };
  window.__columnMenuMend = new MutationObserver(mend);
  window.__columnMenuMend.observe(document.body, {childList: true, subtree: true});
})();"""

MEND = _MEND_SCRIPT % {"copy_button": json.dumps(COPY_BUTTON)}
"""The column menu's mend, installed once per page whatever its language."""

ENGLISH_SCRIPT = "if (window.__streamlitWords) window.__streamlitWords.backToEnglish();\n" + MEND
"""An English page's: Streamlit's words back where a switch to English left ours, and the
mend. Not the whole script with empty tables: its sweep reads every name on the page at
each redraw, on a phone too, for words an English page has nothing to put in."""


def script(language: str) -> str:
    """The fixed script for `language` (its body: components/language.py's page mark
    carries it): the catalogue's words only, as JSON, and the column menu's mend;
    ENGLISH_SCRIPT for English."""
    if language == ENGLISH:
        return ENGLISH_SCRIPT
    return (
        _SCRIPT
        % {
            "uploader": json.dumps(rules(language, UPLOADER_WORDS)),
            "names": json.dumps(rules(language, CONTROL_NAMES)),
            "menus": json.dumps(rules(language, MENU_WORDS)),
            "menu_places": json.dumps(MENUS),
            "typing": json.dumps(rules(language, INSTRUCTION_WORDS)),
            "typing_places": json.dumps(PLACES_OF_WORDS),
            "language": json.dumps(language),
        }
        + "\n"
        + MEND
    )
