"""Panels of the solve screen: the option form and card, table ratings, the library."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

import i18n
from components.forms import fresh_form_key, save_then_fresh
from components.plan_charts import render_impact_feasibility_chart
from components.text import escape_markdown
from components.translated import list_note, translated_note
from i18n import N_, _, ngettext, number
from services.core.vocab import CostBand, ResponseModel, label
from services.solve.option_ratings import OptionScore
from services.solve.options import OptionFields
from services.solve.solve_screen import OptionCard, Programme
from services.translations import translate
from services.translations.shown import (
    Shown,
    language_name,
    original_shown,
    other_language,
)
from services.translations.translate import Translation

# Stored as written here (the option's "delivered by"), shown in the reader's language.
PROVIDERS = [
    N_("Police"),
    N_("Social workers"),
    N_("Mental-health clinicians"),
    N_("Community organisations"),
    N_("Fire and emergency medical services"),
    N_("Other providers"),
]
LIBRARY_FIELDS = (
    (N_("What it does"), "summary"),
    (N_("Staffed by"), "staffing"),
    (N_("Reported results"), "evidence"),
)
"""A programme's fields in the order a card shows them, each under its heading."""


@dataclass(frozen=True)
class ChartPoint:
    """An option placed by the tables' ratings, or by its own estimate before any."""

    title: str
    impact: float
    feasibility: float
    ratings: int
    cost: str


def rated(score: OptionScore | None) -> tuple[float, float, int] | None:
    """The tables' mean impact, mean feasibility and how many tables rated, or None while
    no table has rated the option."""
    if score is None or not score.ratings:
        return None
    if score.mean_impact is None or score.mean_feasibility is None:
        return None
    return score.mean_impact, score.mean_feasibility, score.ratings


def score_words(value: float) -> str:
    """A mean rating as said: a whole number when it is one, else one decimal."""
    rounded = round(value, 1)
    return number(rounded, 0 if rounded == int(rounded) else 1)


def top_of_the_vote(names: tuple[Shown, ...] | None) -> None:
    """The first items of the vote the room sees, by common ground, once there is a vote;
    each in the reader's language, a translation said to be one, with its original."""
    if names is None:
        return
    top = " · ".join(escape_markdown(n.text) for n in names)
    st.markdown("**" + _("Top of the vote, by common ground:") + "** " + top)
    notes = [f"{n.text}: {'; '.join(list_note(n))}" for n in names if list_note(n)]
    for note in notes:
        st.caption(escape_markdown(note))


def options_chart(options: tuple[OptionCard, ...]) -> None:
    """How many options, and where they sit on impact against feasibility."""
    st.header(_("Options ({count})").format(count=len(options)))
    if options:
        render_impact_feasibility_chart(chart_points(options), key="impact-feasibility")


def chart_points(options: tuple[OptionCard, ...]) -> list[ChartPoint]:
    """Where each option sits on impact against feasibility."""
    points = []
    for o in options:
        impact, feasible, ratings = rated(o.score) or (o.impact, o.feasibility, 0)
        points.append(ChartPoint(o.title, impact, feasible, ratings, o.cost_band.value))
    return points


OPTION_FORM = "solve-option-form"
"""The key of the new option's expander: its form, and the board's ideas it offers as
topics, are drawn and read only once it has been opened (components/opened.py)."""


def option_form(
    topics: dict[tuple[str, int], str],
    library: tuple[Programme, ...],
    on_save: Callable[..., None],
) -> None:
    """A new option: what, who delivers it, impact, feasibility, cost, risks, sources."""
    with st.form(fresh_form_key("new-option")):
        topic = None
        if topics:
            topic = st.selectbox(
                _("For which idea or theme"), list(topics), format_func=lambda t: topics[t]
            )
        else:  # not an empty choice, whose words Streamlit writes in English only
            st.caption(_("For the meeting as a whole: no idea or theme is on the board yet."))
        title = st.text_input(_("Option"))
        description = st.text_area(_("What it would do"))
        who = st.multiselect(
            _("Who would deliver it"), PROVIDERS, format_func=_, placeholder=_("Choose options")
        )
        impact = st.slider(_("Expected impact (1 low – 5 high)"), 1, 5, 3)
        feasible = st.slider(_("Feasibility (1 hard – 5 easy)"), 1, 5, 3)
        cost = st.radio(_("Cost"), list(CostBand), format_func=label, index=1, horizontal=True)
        risks = st.text_area(_("Risks"))
        cites = st.multiselect(
            _("Programmes it draws on"),
            library,
            format_func=lambda b: b.name,
            placeholder=_("Choose options"),
        )
        if st.form_submit_button(_("Add the option"), type="primary"):
            idea_id = topic[1] if topic and topic[0] == "idea" else None
            theme_id = topic[1] if topic and topic[0] == "theme" else None
            fields = OptionFields(
                title=title, description=description, delivered_by=", ".join(who),
                impact=impact, feasibility=feasible, cost_band=cost.value, risks=risks,
                idea_id=idea_id, theme_id=theme_id,
            )  # fmt: skip
            # Saved, the form starts empty; refused, it keeps what was typed.
            save_then_fresh("new-option", lambda: on_save(fields, [b.id for b in cites]))


def option_card(option: OptionCard) -> None:
    """One option with its tables' ratings and the programmes it cites."""
    score = rated(option.score)
    with st.container(border=True):
        title = option.title_shown or original_shown(option.title, i18n.current())
        st.markdown(f"**{escape_markdown(title.text)}**")
        translated_note(title, key=f"option-title-{option.id}")
        if option.description:
            about = option.description_shown or original_shown(option.description, i18n.current())
            st.markdown(escape_markdown(about.text))
            translated_note(about, key=f"option-about-{option.id}")
        facts = [
            _("delivered by {providers}").format(providers=option.delivered_by)
            if option.delivered_by
            else "",
            _("cost {band}").format(band=label(option.cost_band).lower()),
            _("estimated impact {impact}/5, feasibility {feasibility}/5").format(
                impact=option.impact, feasibility=option.feasibility
            ),
        ]
        if score:
            impact, feasible, ratings = score
            tables = ngettext("{n} table", "{n} tables", ratings).format(n=ratings)
            facts.append(
                _("tables rate it impact {impact}, feasibility {feasibility} ({tables})").format(
                    impact=score_words(impact), feasibility=score_words(feasible), tables=tables
                )
            )
        st.caption(escape_markdown(" · ".join(f for f in facts if f)))
        if option.risks:
            risks = option.risks_shown or original_shown(option.risks, i18n.current())
            st.markdown("*" + _("Risks:") + "* " + escape_markdown(risks.text))
            translated_note(risks, key=f"option-risks-{option.id}")
        if option.cites:
            cites = ", ".join(option.cites)
            st.caption(escape_markdown(_("Draws on: {programmes}").format(programmes=cites)))


def option_translation(option: OptionCard, act: Callable[..., None]) -> None:
    """The facilitator writes the option's title and description in the other language."""
    title = option.title_shown or original_shown(option.title, i18n.current())
    about = option.description_shown or original_shown(option.description, i18n.current())
    risks = option.risks_shown or original_shown(option.risks, i18n.current())
    written_in = title.source_language
    into = language_name(other_language(written_in))
    box = st.expander(_("Translate this option ({language})").format(language=into))
    with box, st.form(f"translate-option-{option.id}"):
        words = st.text_input(
            _("Option ({language})").format(language=into),
            title.translation if title.source_language == written_in else "",
        )
        more = st.text_area(
            _("What it would do ({language})").format(language=into),
            about.translation if about.source_language == written_in else "",
        )
        # A box for the risks only where the option names some: nothing to translate else.
        danger = (
            st.text_area(
                _("Risks ({language})").format(language=into),
                risks.translation if risks.source_language == written_in else "",
            )
            if option.risks
            else ""
        )
        st.caption(_("Leave a field empty to remove its translation."))
        if st.form_submit_button(_("Save the translation")):
            entries = [
                Translation(kind="option", entity_id=option.id, field=field, text=text,
                            source_language=written_in)
                for field, text in (("title", words), ("description", more), ("risks", danger))
            ]  # fmt: skip
            act(translate.translate_all, entries, done=_("Translation saved."))


def rating_form(
    option: OptionCard, table_number: int, on_rate: Callable[[int, int, int], None]
) -> None:
    """This table's rating of one option."""
    with st.form(f"rate-{option.id}"):
        st.caption(_("Table {number}'s rating").format(number=table_number))
        left, right = st.columns(2)
        impact = left.slider(_("Impact"), 1, 5, 3, key=f"ri-{option.id}")
        feasible = right.slider(_("Feasibility"), 1, 5, 3, key=f"rf-{option.id}")
        if st.form_submit_button(_("Save our rating")):
            on_rate(option.id, impact, feasible)


def library_section(library: Callable[[ResponseModel | None], tuple[Programme, ...]]) -> None:
    """The library under its heading, for the model of response picked (all at first)."""
    st.header(_("Best-practice library: responses to 911 and crisis calls"))
    model = st.selectbox(
        _("Model of response"),
        [None, *ResponseModel],
        format_func=lambda m: _("All models") if m is None else label(m),
    )
    library_cards(library(model))


def library_cards(practices: tuple[Programme, ...]) -> None:
    """Each programme as a row that opens to every field, readable at a tablet's width.

    A wide table cut its columns off on a tablet (a user test); here each field is a line
    of its own and long text wraps. Every field is user-editable, so all of it is escaped.
    """
    if not practices:
        st.info(_("No programme of this model in the library."))
        return
    count = len(practices)
    st.caption(
        ngettext(
            "{count} programme. Open one to read what it does and its results.",
            "{count} programmes. Open one to read what it does and its results.",
            count,
        ).format(count=count)
    )
    for b in practices:
        title = f"{b.name} — {b.city} · {label(b.model)}"
        with st.expander(escape_markdown(title)):
            for heading, field in LIBRARY_FIELDS:
                text = getattr(b, field)
                shown = b.words.get(field)
                if text:
                    # Translators: a heading before its text, as in "What it does: …".
                    said = _("{heading}:").format(heading=_(heading))
                    words = shown.text if shown else text
                    st.markdown(f"**{said}** {escape_markdown(words)}")
                    if shown:
                        translated_note(shown, key=f"library-{b.id}-{field}")
            if b.source_url:
                # The library takes only https:// addresses without spaces (best_practices).
                source = _("Open the source on {programme}").format(programme=b.name)
                st.link_button(escape_markdown(source), b.source_url)
                st.caption(escape_markdown(b.source_url))
