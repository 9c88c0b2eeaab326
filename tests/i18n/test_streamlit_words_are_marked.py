"""No Streamlit call shows an unmarked literal: every word a screen passes to `st.*` (a
label, help, placeholder, caption, markdown, a button …) goes through `_()`, `ngettext` or
`N_`, so a Spanish reader never meets an English word the catalogue could not reach.

Read from the source (AST) of views/ and components/. A literal counts as words when it
holds a letter once its HTML scaffolding is set aside (tags, <style>, <script>); what is
not words (keys, icons, CSS, a bilingual name on purpose) is allowed below, with why.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("views", "components")
MARKERS = {"_", "ngettext", "N_"}
PLACE = "\x00"
"""Where a literal's computed part goes: an f-string's braces, a marked string."""

NOT_SHOWN = {"session_state", "query_params", "context", "secrets", "cache_data"}
"""`st.` objects whose calls show nothing: their strings are keys and names."""

NOT_WORDS = {
    "key",
    "type",
    "mime",
    "file_name",
    "language",
    "width",
    "height",
    "icon",
    "format",
    "on_click",
    "on_change",
    "url_path",
    "layout",
    "anchor",
    "run_every",
    "scope",
    "output_format",
    "autocomplete",
    "label_visibility",
    "vertical_alignment",
    "gap",
    "page_icon",
    "selection_mode",
}
"""Arguments that take a setting, never words a person reads."""

KEY_FIRST = {"form", "fragment", "rerun", "columns", "tabs_key"}
"""Calls whose first positional argument is a key or a setting (`st.form("note")`)."""

HTML = {"html"}
"""Calls whose literal is HTML: only the text between its tags is words."""

ALLOWED = {
    ("components/language.py", "Language · Idioma"): (
        "the language switch is named in both languages on purpose: a person who reads "
        "only one must find it"
    ),
    ("components/home_panels.py", "maria.lopez"): (
        "an example of a username, a name in any language: not words to translate"
    ),
}
"""(file, literal) shown as it is, with the reason."""


def _text(node: ast.expr) -> str | None:
    """The literal text `node` shows, its computed parts as PLACE; None when it has none."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else PLACE
            for v in node.values
        )
    parts = _parts(node)
    if parts is None or all(part is None for part in parts):
        return None  # a name, a call (`_()`, `_().format()`, `escape(…)`): computed
    return PLACE.join(part or "" for part in parts)


def _parts(node: ast.expr) -> list[str | None] | None:
    """The pieces of a concatenation, a choice or a list of options, each as `_text`."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [_text(node.left), _text(node.right)]
    if isinstance(node, ast.IfExp):
        return [_text(node.body), _text(node.orelse)]
    if isinstance(node, ast.List | ast.Tuple):
        return [_text(element) for element in node.elts]
    return None


def _words(text: str, html: bool) -> str:
    """What of `text` a person reads: the HTML's text only, for an HTML call."""
    if html:
        text = re.sub(r"<(script|style)\b.*?(</\1>|$)", PLACE, text, flags=re.S)
        text = re.sub(r"<[^>]*>", PLACE, text)
        text = re.sub(r"&\w+;", PLACE, text)
    return text if re.search(r"[^\W\d_]", text) else ""


ON_CONTAINERS = {
    "markdown",
    "caption",
    "button",
    "download_button",
    "link_button",
    "form_submit_button",
    "page_link",
    "subheader",
    "header",
    "metric",
    "info",
    "warning",
    "error",
    "success",
    "expander",
    "popover",
    "tabs",
    "radio",
    "selectbox",
    "multiselect",
    "checkbox",
    "toggle",
    "text_input",
    "text_area",
    "number_input",
    "segmented_control",
    "pills",
}
"""Streamlit's elements by names nothing else here uses: `left.button(…)` on a column or a
container shows words as `st.button(…)` does."""


def _streamlit_call(node: ast.Call) -> list[str] | None:
    """The attribute chain of an `st.…(…)` call (`["sidebar", "button"]`), or of an element
    called on a container (`["…", "button"]`), else None."""
    chain, func = [], node.func
    while isinstance(func, ast.Attribute):
        chain.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name) and func.id == "st" and chain:
        return list(reversed(chain))
    if chain and chain[0] in ON_CONTAINERS:
        return ["…", chain[0]]
    return None


def unmarked(path: Path, where: str = "") -> list[str]:
    """`file:line st.call: 'literal'` for each unmarked words a Streamlit call shows;
    `where` names the file (its path in the repository unless given)."""
    where = where or path.relative_to(ROOT).as_posix()
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=where)):
        if not isinstance(node, ast.Call):
            continue
        chain = _streamlit_call(node)
        if chain is None or set(chain) & NOT_SHOWN:
            continue
        name = chain[-1]
        html = name in HTML or any(
            k.arg == "unsafe_allow_html" and isinstance(k.value, ast.Constant) and k.value.value
            for k in node.keywords
        )
        positional = node.args[1:] if name in KEY_FIRST else node.args
        arguments = list(positional) + [k.value for k in node.keywords if k.arg not in NOT_WORDS]
        for argument in arguments:
            text = _text(argument)
            if text is None or (where, text) in ALLOWED:
                continue
            if words := _words(text, html).strip(PLACE + " ").replace(PLACE, "…"):
                found.append(f"{where}:{node.lineno} st.{'.'.join(chain)}: {words[:80]!r}")
    return found


def _sources() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py"))


def test_no_streamlit_call_shows_an_unmarked_literal():
    found = [line for path in _sources() for line in unmarked(path)]
    assert found == [], "wrap these in _() (and translate them), or allow them with why"


def test_every_allowed_literal_is_still_there():
    """An allowance outlives its literal only by mistake: it would let the next one by."""
    for where, literal in ALLOWED:
        assert literal in (ROOT / where).read_text(), where


def test_the_check_finds_words_and_lets_markup_and_marked_words_by(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text(
        "st.button('Save')\n"
        "st.markdown(f'**{name}** was saved')\n"
        "st.caption(_('Saved.'))\n"
        "st.html('<p role=\"status\">✓ ' + escape(text) + '</p>')\n"
        "st.html('<style>.pj { color: red }</style>')\n"
        "st.html('<p>Saved</p>')\n"
        "st.form('note')\n"
        "st.text_input(_('Name'), placeholder='e.g. Ana')\n"
        "st.session_state.get('draft')\n"
        "st.markdown('**' + _('Done') + '**')\n"
        "st.radio(_('Pick'), ['Yes', 'No'])\n"
        "left, right = st.columns(2)\n"
        "left.button('Undo', key='undo')\n"
        "right.button(_('Redo'), key='redo')\n"
    )
    found = unmarked(sample, "components/page.py")
    assert [line.split(" ", 1)[1] for line in found] == [
        "st.button: 'Save'",
        "st.markdown: '**…** was saved'",
        "st.html: 'Saved'",
        "st.text_input: 'e.g. Ana'",
        "st.radio: 'Yes…No'",
        "st.….button: 'Undo'",
    ]
