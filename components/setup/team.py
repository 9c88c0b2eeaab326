"""Set up › Team and accounts: the Thought Leader Team and every login."""

from __future__ import annotations

import streamlit as st

from components.forms import fresh_form_key, save_then_fresh
from components.records import show_records
from components.setup.context import SetupContext
from components.text import escape_markdown
from i18n import _
from services.accounts import accounts
from services.core.vocab import Role, label
from services.setup import stakeholders


def team_tab(ctx: SetupContext) -> None:
    """Leaders and the groups they speak for, groups with no leader, and accounts."""
    groups = stakeholders.list_stakeholders(ctx.db, ctx.actor, ctx.initiative_id)
    group_names = {g.id: g.name for g in groups}
    # A retired group needs no leader and takes no new one.
    active = {g.id: g.name for g in groups if not g.retired}
    all_accounts = accounts.list_accounts(ctx.db, ctx.actor)
    st.header(_("Thought Leader Team"))
    leaders = [a for a in all_accounts if a.role is Role.LEADER and a.active]
    show_records(
        leaders,
        {
            _("Leader"): "display_name",
            _("Speaks for"): lambda a: group_names.get(a.stakeholder_id or 0, "—"),
        },
        _("Nobody is on the Thought Leader Team yet."),
    )
    led = {a.stakeholder_id for a in leaders}
    unled = [g.name for g in groups if g.is_major and not g.retired and g.id not in led]
    if unled:
        names = ", ".join(escape_markdown(n) for n in unled)
        st.warning(
            _("No leader yet for: {groups}. Add a leader account for each.").format(groups=names)
        )
    # Every active group signs the charter, major or not: sign-off counts them all.
    unsigned = [g.name for g in groups if not g.is_major and not g.retired and g.id not in led]
    if unsigned:
        st.caption(
            _(
                "Every group signs the partnering charter through a leader's account: "
                "{groups} will need one too before the charter's sign-off can be complete."
            ).format(groups=", ".join(escape_markdown(n) for n in unsigned))
        )
    st.header(_("Accounts"))
    with st.expander(_("Add an account")), st.form(fresh_form_key("new-account")):
        username = st.text_input(_("Username (lowercase letters, digits, . - _)"))
        display = st.text_input(_("Name shown to others"))
        role = st.selectbox(_("Role"), list(Role), format_func=label)
        speaks_for = st.selectbox(
            _("Speaks for (leaders)"),
            list(active),
            format_func=lambda g: active[g],
            index=None,
            placeholder=_("Choose an option"),
        )
        email = st.text_input(_("Email (optional)"))
        password = st.text_input(_("Password (at least 10 characters)"), type="password")
        if st.form_submit_button(_("Add the account")):
            new = accounts.NewAccount(
                username=username,
                display_name=display,
                role=role,
                password=password,
                email=email,
                stakeholder_id=speaks_for,
            )
            # Saved, the form starts empty; refused (a weak password, a username taken),
            # it keeps every field, to correct the one named.
            save_then_fresh(
                "new-account",
                lambda: ctx.act(accounts.create_account, new, done=_("Account added.")),
            )
    show_records(
        all_accounts,
        {
            _("Username"): "username",
            _("Name"): "display_name",
            _("Role"): lambda a: label(a.role),
            _("Group"): lambda a: group_names.get(a.stakeholder_id or 0, ""),
            _("Active"): "active",
        },
        _("No accounts yet."),
    )
