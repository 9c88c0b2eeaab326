"""Set up: the initiative, stakeholder groups, roster, tables, accounts, Thought Leader Team."""

import streamlit as st

import runtime
from components.notices import action_runner, show_error, show_flash
from components.records import show_records
from components.setup_panels import inclusion_panel, plan_preview, problems_table
from components.text import escape_markdown
from services import (
    accounts,
    inclusion,
    initiatives,
    participants,
    roster_import,
    stakeholders,
    table_plan,
    tables,
)
from services.errors import DomainError
from services.roster_check import check_roster
from services.roster_file import parse_roster
from services.vocab import Role, StakeholderCategory, label

actor = runtime.require_actor()
db = runtime.database()
initiative_id, meeting_id = runtime.require_meeting(actor)
act = action_runner(db, actor)
initiative = initiatives.get_initiative(db, initiative_id)

st.title("Set up")
show_flash()
st.subheader(escape_markdown(initiative.name))
st.caption(escape_markdown(f"{initiative.city} · {initiative.purpose}"))
groups = stakeholders.list_stakeholders(db, initiative_id)
group_names = {g.id: g.name for g in groups}
all_accounts = accounts.list_accounts(db, actor)
account_names = {a.id: a.display_name for a in all_accounts}
seats = tables.list_tables(db, meeting_id)
table_numbers = {t.id: t.number for t in seats}
roster = participants.list_participants(db, actor, initiative_id)

st.header("Who is in the room")
inclusion_panel(inclusion.inclusion_check(db, initiative_id))

st.header("Stakeholder groups")
show_records(
    groups,
    {"Group": "name", "Category": lambda g: label(g.category), "Major": "is_major"},
    "No stakeholder groups yet.",
)
with st.form("new-group", clear_on_submit=True):
    name = st.text_input("New group's name")
    category = st.selectbox("Category", list(StakeholderCategory), format_func=label)
    major = st.checkbox("Major group: sends a leader to the Thought Leader Team", True)
    if st.form_submit_button("Add the group"):
        act(
            stakeholders.create_stakeholder,
            initiative_id,
            name,
            category,
            major,
            done="Group added.",
        )

st.header("Thought Leader Team")
leaders = [a for a in all_accounts if a.role is Role.LEADER and a.active]
show_records(
    leaders,
    {"Leader": "display_name", "Speaks for": lambda a: group_names.get(a.stakeholder_id, "—")},
    "Nobody is on the Thought Leader Team yet.",
)
unled = [g.name for g in groups if g.is_major and g.id not in {a.stakeholder_id for a in leaders}]
if unled:
    names = ", ".join(escape_markdown(n) for n in unled)
    st.warning(f"No leader yet for: {names}. Add a leader account for each.")

st.header(f"Roster ({len(roster)})")
upload = st.file_uploader("Import people from a CSV or Excel file", type=["csv", "xlsx"])
if upload is not None:
    try:
        parsed = parse_roster(upload.getvalue(), upload.name)
        problems_table(check_roster(db, actor, initiative_id, parsed))
        clean, good_only = st.columns(2)
        if clean.button("Import the file", type="primary"):
            act(roster_import.import_roster, initiative_id, parsed, done="Roster imported.")
        if good_only.button("Import only the good rows"):
            act(
                roster_import.import_roster, initiative_id, parsed, True, done="Good rows imported."
            )
    except DomainError as error:
        show_error(error)
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

st.header("Tables")
show_records(
    seats,
    {"Table": "number", "Scribe": lambda t: account_names.get(t.scribe_account_id, "— none —")},
    "This meeting has no tables yet.",
)
scribes = {a.id: a.display_name for a in all_accounts if a.role is Role.SCRIBE and a.active}
if seats and scribes:
    with st.expander("Give a table its scribe"):
        seat = st.selectbox(
            "Table", [t.id for t in seats], format_func=lambda t: f"Table {table_numbers[t]}",
            key="scribe-table",
        )  # fmt: skip
        scribe = st.selectbox("Scribe", list(scribes), format_func=scribes.get, key="scribe")
        if st.button("Assign the scribe"):
            act(tables.assign_scribe, seat, scribe, done="Scribe assigned.")
if seats and roster:
    with st.expander("Seat everyone automatically"):
        try:
            plan = table_plan.plan_tables(db, actor, meeting_id)
            plan_preview(plan, {p.id: p.name for p in roster})
            if st.button("Use this seating", type="primary"):
                act(table_plan.apply_plan, meeting_id, plan, done="Everyone has a seat.")
        except DomainError as error:
            show_error(error)
    with st.expander("Move one person"):
        person = st.selectbox("Person", roster, format_func=lambda p: p.name, index=None)
        seat = st.selectbox(
            "To table", [t.id for t in seats], format_func=lambda t: f"Table {table_numbers[t]}"
        )
        if st.button("Move") and person is not None:
            act(
                participants.assign_table,
                person.id,
                seat,
                done=f"{escape_markdown(person.name)} moved.",
            )

st.header("Accounts")
with st.expander("Add an account"), st.form("new-account", clear_on_submit=True):
    username = st.text_input("Username (lowercase letters, digits, . - _)")
    display = st.text_input("Name shown to others")
    role = st.selectbox("Role", list(Role), format_func=label)
    speaks_for = st.selectbox(
        "Speaks for (leaders)", list(group_names), format_func=group_names.get, index=None
    )
    email = st.text_input("Email (optional)")
    password = st.text_input("Password (at least 10 characters)", type="password")
    if st.form_submit_button("Add the account"):
        act(
            accounts.create_account, username, display, role, password, email, speaks_for,
            done="Account added.",
        )  # fmt: skip
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
