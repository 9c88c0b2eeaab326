"""Set up: the initiative, stakeholder groups, roster, tables, accounts, Thought Leader Team."""

import streamlit as st

import runtime
from components.records import show_records
from components.text import escape_markdown
from services import accounts, initiatives, participants, stakeholders, tables
from services.vocab import Role, label

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
initiative = initiatives.get_initiative(db, initiative_id)

st.title("Set up")
st.subheader(escape_markdown(initiative.name))
st.caption(escape_markdown(f"{initiative.city} · {initiative.purpose}"))

groups = stakeholders.list_stakeholders(db, initiative_id)
group_names = {g.id: g.name for g in groups}
all_accounts = accounts.list_accounts(db, actor)
account_names = {a.id: a.display_name for a in all_accounts}

st.header("Stakeholder groups")
show_records(
    groups,
    {"Group": "name", "Category": lambda g: label(g.category), "Major": "is_major"},
    "No stakeholder groups yet.",
)

st.header("Thought Leader Team")
show_records(
    [a for a in all_accounts if a.role is Role.LEADER],
    {"Leader": "display_name", "Speaks for": lambda a: group_names.get(a.stakeholder_id, "—")},
    "Nobody is on the Thought Leader Team yet.",
)

st.header("Tables")
show_records(
    tables.list_tables(db, meeting_id),
    {
        "Table": "number",
        "Name": "name",
        "Scribe": lambda t: account_names.get(t.scribe_account_id, "— none —"),
    },
    "This meeting has no tables yet.",
)

roster = participants.list_participants(db, actor, initiative_id)
st.header(f"Roster ({len(roster)})")
table_numbers = {t.id: t.number for t in tables.list_tables(db, meeting_id)}
show_records(
    roster,
    {
        "Name": "name",
        "Group": lambda p: group_names.get(p.stakeholder_id, "—"),
        "Table": lambda p: table_numbers.get(p.table_id),
        "Email": "email",
        "Phone": "phone",
    },
    "The roster is empty.",
)

st.header("Accounts")
show_records(
    all_accounts,
    {
        "Username": "username",
        "Name": "display_name",
        "Role": lambda a: label(a.role),
        "Group": lambda a: group_names.get(a.stakeholder_id, ""),
        "Active": "active",
    },
    "No accounts yet.",
)
