"""A file uploader in the reader's language: Streamlit's uploader, with its own words too.

Streamlit's uploader writes some words itself, in English, with no way to give them:
its button ("Upload"), its size limit ("50MB per file"), what it says while a file is
dragged over it, and its refusals ("File must be 2.0MB or smaller.", "application/pdf
files are not allowed.") — streamlit/streamlit#13500 asks for a way. A Spanish reader got
them in English beside a Spanish label (WCAG 3.1.2), and a refusal they could not read.

So each uploader comes with a fixed script that puts Streamlit's words into the
catalogue's, as the page draws them and whenever it draws them again (a refusal, a file
added or removed): the text and the accessible names inside the uploaders only. English
readers get the words as Streamlit writes them. tests/workarounds/test_uploader_words.py
fails the day Streamlit's words change, or it lets us give our own.
"""

from __future__ import annotations

import json
import re

import streamlit as st

import i18n
from i18n import ENGLISH, N_, _

STREAMLIT_WORDS = (
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

_FIELD = re.compile(r"\{(\w+)\}")

_SCRIPT = """<script data-uploader-words>
(() => {
  const rules = %(rules)s.map(([pattern, words]) => [new RegExp(pattern), words]);
  const state = window.__uploaderWords || (window.__uploaderWords = {
    written: new WeakMap(), english: new WeakMap(), observer: null, rules: [],
  });
  state.rules = rules;
  // What Streamlit wrote, in its words: ours once we wrote there, else what is there now.
  const source = (node, key, now) => {
    const mine = state.written.get(node);
    if (mine && mine[key] === now) return state.english.get(node)[key];
    return now;
  };
  const put = (node, key, now, set) => {
    const english = source(node, key, now);
    let words = english;
    for (const [pattern, said] of state.rules) {
      if (pattern.test(english)) { words = english.replace(pattern, said); break; }
    }
    if (words === now) return;
    state.english.set(node, {...(state.english.get(node) || {}), [key]: english});
    state.written.set(node, {...(state.written.get(node) || {}), [key]: words});
    set(words);
  };
  const sweep = () => {
    for (const box of document.querySelectorAll('[data-testid="stFileUploader"]')) {
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        put(node, "text", node.data, (w) => { node.data = w; });
      }
      for (const el of box.querySelectorAll("[aria-label]")) {
        if (el.matches('[data-testid="stFileUploaderDropzone"]')) continue;  // our label
        put(el, "label", el.getAttribute("aria-label"),
            (w) => el.setAttribute("aria-label", w));
      }
    }
  };
  if (!state.observer) {
    state.observer = new MutationObserver(sweep);
    state.observer.observe(document.body, {
      subtree: true, childList: true, characterData: true, attributeFilter: ["aria-label"],
    });
  }
  sweep();
})();
</script>"""


def rules(language: str) -> list[tuple[str, str]]:
    """(pattern, words) for each of Streamlit's words `language` has its own for: a
    JavaScript pattern matching the English as Streamlit fills it in, and the reader's
    words with $1, $2… where Streamlit's values go. None for English."""
    if language == ENGLISH:
        return []
    with i18n.using(language):
        said = [(english, _(english)) for english in STREAMLIT_WORDS]
    return [_rule(english, words) for english, words in said if words != english]


def _rule(english: str, words: str) -> tuple[str, str]:
    names = _FIELD.findall(english)
    parts = _FIELD.split(english)[::2]  # the words between the {…}
    pattern = "^" + "(.+)".join(_js_escape(part) for part in parts) + "$"

    def group(field: re.Match[str]) -> str:
        return f"${names.index(field.group(1)) + 1}"

    return pattern, _FIELD.sub(group, words.replace("$", "$$"))


def _js_escape(text: str) -> str:
    return re.sub(r"[.*+?^${}()|[\]\\/]", lambda m: "\\" + m.group(0), text)


def script(language: str) -> str:
    """The fixed script for `language`: the catalogue's words only, as JSON."""
    return _SCRIPT % {"rules": json.dumps(rules(language))}


def uploader_words() -> None:
    """Streamlit's words on this page's uploaders in the reader's language: call it after
    drawing an uploader. In English too, so a reader who switches back gets Streamlit's
    words again (the script's table is then empty)."""
    st.html(script(i18n.current()), unsafe_allow_javascript=True)
