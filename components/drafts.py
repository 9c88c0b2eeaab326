"""Drafts: what a scribe types is kept in their browser until the server confirms it is saved.

A Streamlit text area sends its value only on blur or submit, so a copy kept on the server
misses the sentence being typed when input closes, the connection drops or the page reloads.
The browser keeps it instead: a small script writes each keystroke to localStorage, puts it
back into an empty field when the page loads (not into the one the person is in: what they
start typing there replaces it), and forgets it once the page says it was saved.
"""

from __future__ import annotations

import html
import json
import uuid
from dataclasses import dataclass

import streamlit as st

from i18n import N_, _

RESTORED = N_("Restored what you were typing. Check it, then save it when you are ready.")

# The widget key prefix marks the fields the script keeps: Streamlit gives each keyed
# widget's box the class "st-key-<key>".
_PREFIX = "draft_"
_STORE = "cg-"

# No user text ever reaches this body: only widget keys built from ids, and constants
# (the notice in the reader's language, escaped as any text in HTML).
# One listener per browser tab, installed by the first form that loads; it survives reruns,
# and fields drawn anew are still inside a box with the class, so nothing needs re-binding.
_SCRIPT = """
<div class="cg-draft-restored" role="status" data-run="__RUN__" hidden>__RESTORED__</div>
<style>
.cg-draft-restored { background: #e7f0fb; color: #0b2545; border-left: 6px solid #1f4e8c;
  padding: 0.75rem 1rem; border-radius: 0.5rem; font-size: 1rem; }
</style>
<script data-keeps="drafts">
(() => {
  const keys = __KEYS__;
  const clear = __CLEAR__;
  const store = (key) => "__STORE__" + key;
  const safely = (work) => { try { return work(); } catch (e) { return null; } };
  if (!window.cgDraftListener) {
    window.cgDraftListener = true;
    document.addEventListener("input", (event) => {
      const box = event.target.closest && event.target.closest("[class*='st-key-__PREFIX__']");
      if (!box) return;
      const name = Array.from(box.classList).find((c) => c.startsWith("st-key-__PREFIX__"));
      const key = store(name.slice("st-key-".length));
      const text = event.target.value;
      safely(() => text ? localStorage.setItem(key, text) : localStorage.removeItem(key));
    }, true);
  }
  if (clear) keys.forEach((key) => safely(() => localStorage.removeItem(store(key))));
  const field = (key) => document.querySelector(`.st-key-${key} textarea, .st-key-${key} input`);
  const put = (element, text) => {
    const kind = element.tagName === "TEXTAREA" ? HTMLTextAreaElement : HTMLInputElement;
    // React owns the field: set it the way a keystroke would, so the form sends it.
    Object.getOwnPropertyDescriptor(kind.prototype, "value").set.call(element, text);
    element.dispatchEvent(new Event("input", { bubbles: true }));
    // And as leaving it would: Streamlit holds a field being edited against the server's
    // value, so without this the field would not empty once the note is saved.
    element.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
  };
  const notice = document.currentScript && document.currentScript.parentNode
    ? document.currentScript.parentNode.querySelector(".cg-draft-restored") : null;
  let tries = 0;
  const restore = () => {
    const fields = keys.map(field);
    if (fields.some((f) => !f) && tries++ < 40) { setTimeout(restore, 100); return; }
    let restored = false;
    keys.forEach((key, i) => {
      const text = safely(() => localStorage.getItem(store(key)));
      // Not into the field the person is in, even empty: they are starting something
      // there, and text put under their caret joins what they type (a tablet on a busy
      // machine saved an old draft and a new note as one). Their typing replaces the
      // draft, as it does when they type before the page puts it back.
      const typing = fields[i] === document.activeElement;
      if (fields[i] && text && !fields[i].value && !typing) {
        put(fields[i], text);
        restored = true;
      }
    });
    if (restored && notice) notice.hidden = false;
  };
  restore();
})();
</script>
"""


@dataclass(frozen=True)
class Draft:
    """One form's text fields, kept per browser under the meeting, the table and the form."""

    scope: str
    form: str
    fields: tuple[str, ...]

    def key(self, field: str) -> str:
        """The widget key of one of the form's fields (the script finds it by this)."""
        return f"{_PREFIX}{self.scope}_{self.form}_{field}"

    def value(self, field: str) -> str:
        """What the field holds in this session ('' before anything was sent)."""
        return st.session_state.get(self.key(field), "")

    def saved(self) -> None:
        """The server stored the form: empty its fields and have the browser forget the draft.

        Only from a callback, which runs before the fields are drawn again.
        """
        for field in self.fields:
            st.session_state[self.key(field)] = ""
        st.session_state[self._cleared] = uuid.uuid4().hex

    def keep(self) -> None:
        """Draw the script (and the hidden "restored" notice) inside the form, above its fields.

        It runs again on every run, each body being new: a field the run emptied is filled
        back from the browser, unless the run says the form was saved.
        """
        keys = [self.key(f) for f in self.fields]
        clear = st.session_state.pop(self._cleared, None)
        body = (
            _SCRIPT.replace("__KEYS__", json.dumps(keys))
            .replace("__CLEAR__", json.dumps(clear is not None))
            .replace("__STORE__", _STORE)
            .replace("__PREFIX__", _PREFIX)
            .replace("__RESTORED__", html.escape(_(RESTORED)))
            # New each run, so the browser runs the script again (for the same body it won't).
            .replace("__RUN__", uuid.uuid4().hex)
        )
        st.html(body, unsafe_allow_javascript=True)

    @property
    def _cleared(self) -> str:
        return f"_draft_saved_{self.scope}_{self.form}"


def table_draft(meeting_id: int, table_id: int, form: str, *fields: str) -> Draft:
    """The draft of `form` at one table of one meeting."""
    return Draft(f"m{meeting_id}_t{table_id}", form, fields)
