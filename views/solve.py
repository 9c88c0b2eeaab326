"""Solve: options for the top themes and ideas, drawn from the 911-response library."""

import streamlit as st

import runtime
from components import solve_panels as panels
from components.notices import refuse, show_flash
from components.opened import expander_once_opened, will_draw
from i18n import _
from services.core.errors import DomainError
from services.solve import option_ratings, options, solve_screen

here = runtime.page(with_table=True)
act, meeting_id = here.act, here.meeting_id
try:
    drafting = will_draw(panels.OPTION_FORM)
    screen = solve_screen.read(here.db, here.actor, meeting_id, here.table_number, drafting)
except DomainError as error:
    refuse(error.message)

st.title(_("Solve"))
show_flash()
panels.top_of_the_vote(screen.top_of_the_vote)
box, drafting = expander_once_opened(_("Develop an option"), key=panels.OPTION_FORM)
if drafting:
    with box:
        panels.option_form(
            dict(screen.topics),
            screen.library,
            lambda *f: act(options.create_option, meeting_id, *f, done=_("Option added.")),
        )
panels.options_chart(screen.options)
rater = screen.rating_table
for option in screen.options:
    panels.option_card(option)
    if screen.may_translate:
        panels.option_translation(option, act)
    if rater is not None:
        panels.rating_form(
            option,
            rater[1],
            lambda oid, i, f, table=rater[0]: act(
                option_ratings.rate_option,
                oid,
                table,
                option_ratings.RatingFields(impact=i, feasibility=f),
                done=_("Rating saved."),
            ),
        )
panels.library_section(screen.programmes)
