"""Every way this app works around Streamlit, uvicorn or a library, each in its own module.

Each module says what upstream does, why that hurts here, and the upstream issue if there
is one; tests/workarounds/ holds, for each, a test that fails once upstream changes that
behaviour, so the workaround can be dropped then instead of carried for ever.

A layer of its own: it may import Streamlit and its dependencies, never the app's
services, database, components or views (tests/test_layers.py).
"""
