"""Voting results: totals, the split by group, the strongest common ground, where groups differ."""

from __future__ import annotations

import streamlit as st

from components.charts import render_by_group_chart, render_common_ground_chart, render_totals_chart
from components.text import escape_markdown
from i18n import _, ngettext, percent
from services.converge.tallies import (
    DIFFER,
    CommonGround,
    RoundResults,
    threshold_words,
    unite_and_divide,
)
from services.translations.shown import Showing, Shown, labelled, mark


def unites_and_divides(ranking: list[CommonGround], names: list[Shown] | None = None) -> None:
    """The items every group backs most, and those the groups really differ on, in words;
    a name that is a translation says so after it (`names`: the results' own).

    "Groups differ" only past the service's threshold (services/converge/tallies), said beneath.
    """
    said = {n.text: labelled(n) for n in names or []}
    unite, divide = unite_and_divide(ranking)
    left, right = st.columns(2)
    with left:
        st.markdown("**" + _("Strongest common ground") + "**")
        for row in unite:
            st.markdown(f"- {escape_markdown(said.get(row.text, row.text))}")
        if not unite:
            st.caption(_("Nothing backed yet."))
    with right:
        # Translators: {differ} is "groups differ", as the rule beneath says it.
        st.markdown("**" + _("Where {differ}").format(differ=_(DIFFER)) + "**")
        for row in divide:
            low = min(
                (g for g in row.groups if g.share is not None),
                key=lambda g: g.share if g.share is not None else 0.0,
            )
            least = _("{item} — least backed by {group} ({share})").format(
                item=escape_markdown(said.get(row.text, row.text)),
                group=escape_markdown(low.group),
                share=percent(low.share or 0.0),
            )
            st.markdown(f"- {least}")
        st.caption((_("None.") + " " if not divide else "") + threshold_words())


def names_note(names: list[Shown], key: str) -> None:
    """Under results naming items in the reader's language: which names are translations
    and which are not, so a translation is never taken for what the table wrote; each
    translated name's original one tap away, in a fold beneath."""
    translated = [n for n in names if n.showing is Showing.TRANSLATED]
    untranslated = [n for n in names if n.showing in (Showing.MISSING, Showing.OUT_OF_DATE)]
    if translated:
        st.caption(
            ngettext(
                "{n} item is named by its translation ({mark}); its original is in the fold below.",
                "{n} items are named by their translation ({mark}); each original is in the "
                "fold below.",
                len(translated),
            ).format(n=len(translated), mark=mark(translated[0]))
        )
        with st.expander(_("The originals of the translated names"), key=f"originals-{key}"):
            for name in translated:
                st.markdown(
                    _("- **{translation}** — as written: {original}").format(
                        translation=escape_markdown(name.translation),
                        original=escape_markdown(name.original),
                    )
                )
    if untranslated:
        st.caption(
            ngettext(
                "{n} item is named as it was written: {mark}.",
                "{n} items are named as they were written: {mark}.",
                len(untranslated),
            ).format(n=len(untranslated), mark=mark(untranslated[0]))
        )


def round_results(title: str, results: RoundResults, key: str) -> None:
    """Everything a round showed, in the order a room reads it."""
    st.subheader(escape_markdown(title))
    if not any(t.voters for t in results.totals):
        st.info(_("No votes yet in this round."))
        return
    st.markdown("#### " + _("Common-ground ranking"))
    st.caption(
        _(
            "An item ranks high only when every stakeholder group backs it: for each group, "
            "(supporters + 1) / (voters + 2), multiplied across the groups."
        )
    )
    unites_and_divides(results.ranking, results.names)
    names_note(results.names, key)
    render_common_ground_chart(results.ranking, key=f"cg-{key}")
    st.markdown("#### " + _("Totals"))
    render_totals_chart(results.totals, results.mode.value, key=f"totals-{key}")
    st.markdown("#### " + _("By stakeholder group"))
    render_by_group_chart(results.by_group, key=f"groups-{key}", group_voters=results.group_voters)
