"""A page that shows people's text through components/text as every screen does, for
tests/e2e/test_people_text.py to look at in a real browser."""

import streamlit as st

from components.text import caption, escape_markdown, plain

TEXTS = [
    "Call https://evil.example/x now",
    "or visit www.evil.example today",
    "or mail bob@evil.example",
    "[click](javascript:alert(1)) <https://evil.example> ![p](https://evil.example/p.png)",
]
for text in TEXTS:
    plain(text)
    caption(text)
st.subheader(escape_markdown(TEXTS[0]))
st.expander(escape_markdown(TEXTS[1])).write("inside")
