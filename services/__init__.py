"""The rules of the product as plain typed functions. Never imports Streamlit.

Conventions every service module follows:
- A public function takes the `Database`, the acting `Actor` (or a personal code for
  participants), then primitives; it opens exactly one transaction (`db.write()` or
  `db.read()`), and returns model instances (detached, read-only) or plain values.
- It checks the actor's role itself (`require_role`), never trusting the page.
- Bad input raises a `DomainError` whose message a facilitator can act on.
"""
