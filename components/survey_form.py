"""The survey's form on a phone: written answers, the trust ratings, the optional questions."""

from __future__ import annotations

import streamlit as st

from components.ratings import trust_answers
from components.text import label_words
from components.translated import translated_note
from i18n import _
from services.prepare.survey_screen import SurveyAnswers, SurveyScreen


def survey_form(screen: SurveyScreen) -> SurveyAnswers | None:
    """The form, filled with the person's earlier answers; what it holds once sent, else None."""
    with st.form("survey"):
        texts = tuple(
            # The survey's own questions, in the reader's language (the service's words).
            (field, st.text_area(_(question), value=screen.earlier_text(field)))
            for field, question in screen.questions
        )
        trust = {}
        if screen.trust:
            st.markdown("**" + _("How you see the police") + "**")
            st.caption(
                _(
                    "Choose the answer closest to how you feel. Skip any you prefer not to "
                    "answer: “Prefer not to say” counts as no answer."
                )
            )
            earlier = screen.earlier.trust if screen.earlier else None
            stage = screen.stage.value if screen.stage is not None else "survey"
            trust = trust_answers(screen.trust, earlier, stage, screen.asked)
        about = []
        if screen.about_you:
            st.markdown("**" + _("About you (optional)") + "**")
            given = screen.earlier.demographics if screen.earlier else {}
            for n, question in enumerate(screen.about_you):
                # Shown in the reader's language; the answer is kept under the question
                # as written, so every reader's answers to it count together.
                asked = screen.asked(question)
                label, visibility = label_words(asked.text)
                typed = st.text_input(label, given.get(question, ""), label_visibility=visibility)
                translated_note(asked, key=f"about-{n}")
                about.append((question, typed))
        if not st.form_submit_button(_("Send my answers"), type="primary"):
            return None
    return SurveyAnswers(texts, tuple(trust.items()), tuple(about))
