"""Panels of the prepare screen: survey settings, the pre-session report with its
downloads, survey responses, interviews, the Pol.is upload."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

import i18n
from components.downloads import prepared_download
from components.forms import date_pattern, fresh_form_key, save_then_fresh
from components.records import show_records
from components.translation_boxes import Box, translation_boxes
from components.wordcloud import show_word_cloud
from i18n import _, percent
from services.core.vocab import label
from services.prepare import presession_document
from services.prepare import survey_settings as survey_settings_service
from services.prepare.interviews import InterviewFields
from services.prepare.prepare_screen import InterviewRow, ResponseRow, SurveySetup
from services.prepare.presession_report import GroupResponse, PreSessionReport
from services.translations import questions
from services.translations.shown import Shown, language_name
from services.translations.translate import Translation, translate_all

Act = Callable[..., None]
"""Runs a service with the page's database and actor first: `act(service, *args, done=…)`."""


def lines(text: str) -> list[str]:
    """The non-empty lines of a text area, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def survey_settings(initiative: SurveySetup, act: Act) -> None:
    """Open or close the survey; edit its trust statements and demographic questions, and
    give the ones the facilitator wrote their words in the other language.

    `act` runs a service on the page's database and actor (notices.action_runner)."""
    here = initiative.initiative_id
    st.write(
        _("The pre-session survey is **open**.")
        if initiative.survey_open
        else _("The pre-session survey is **closed**.")
    )
    if st.button(_("Close the survey") if initiative.survey_open else _("Reopen the survey")):
        opened = not initiative.survey_open
        act(survey_settings_service.set_survey_open, here, opened, done=_("Survey updated."))
    if st.button(_("Add the published trust questions"), key="standard-trust"):
        added = _("Published trust questions added.")
        act(survey_settings_service.add_standard_trust_items, here, done=added)
    st.caption(
        _(
            "Published questions: how often the police treat people with respect, make fair, "
            "impartial decisions and explain their decisions when asked (European Social "
            "Survey, Round 5), and whether police in this neighbourhood treat residents with "
            "respect and listen to local concerns."
        )
    )
    with st.form("survey-questions"):
        trust = st.text_area(
            _(
                "Trust questions, one per line (asked in the same words before and after the "
                "meeting; rewording one starts its comparison afresh)"
            ),
            "\n".join(initiative.trust_statements),
        )
        asked = st.text_area(
            _("Optional demographic questions, one per line"),
            "\n".join(initiative.demographic_questions),
        )
        if st.form_submit_button(_("Save the questions")):
            saved = _("Questions saved.")
            act(survey_settings_service.set_questions, here, lines(trust), lines(asked), done=saved)
    if initiative.own_questions:
        question_translations(
            here,
            initiative.own_questions,
            lambda entries: act(translate_all, entries, done=_("Translations saved.")),
        )


def question_translations(
    initiative_id: int, own: Sequence[Shown], on_save: Callable[[list[Translation]], None]
) -> None:
    """The questions the facilitator wrote, each with its words in the other language: what
    a participant who reads that language sees on the survey, marked as a translation, the
    original one tap away. The published questions come translated and are not listed."""
    st.markdown("**" + _("Your questions for the people who read the other language") + "**")
    boxes = [
        Box(questions.KIND, initiative_id, questions.question_field(q.original), q) for q in own
    ]
    note = _(
        "Leave a box empty to remove its translation. Rewording a question on the list above "
        "needs its translation written again."
    )
    translation_boxes("survey-question-translations", boxes, on_save, note)


def response_count(groups: Sequence[GroupResponse]) -> None:
    """'12 of 56 people have answered the survey', over every group of the report."""
    answered = sum(g.responded for g in groups)
    roster = sum(g.invited for g in groups)
    st.markdown(
        _("**{answered}** of {roster} people have answered the survey.").format(
            answered=answered, roster=roster
        )
    )


def presession_report(report: PreSessionReport, of: int) -> None:
    """How many answered, per group, and the report as HTML and PDF, built from `report`
    (of the meeting `of`)."""
    response_count(report.responses)
    show_records(
        report.responses,
        {
            _("Group"): "group",
            _("Invited"): "invited",
            _("Responded"): "responded",
            _("Rate"): lambda r: "—" if r.rate is None else _whole_percent(r.rate),
        },
        _("No stakeholder groups yet."),
    )
    html_col, pdf_col = st.columns(2)
    with html_col:
        prepared_download(
            _("the report (HTML)"),
            lambda: presession_document.report_html(report),
            _("pre-session-report.html"),
            key="presession-html",
            of=of,
        )
    with pdf_col:
        prepared_download(
            _("the report (PDF)"),
            lambda: presession_document.report_pdf(report),
            _("pre-session-report.pdf"),
            key="presession-pdf",
            of=of,
        )


def _whole_percent(share: float) -> str:
    """`share` rounded to a whole percent as Python rounds the float (57% for 23 of 40, as
    the English page always said), then written the reader's way: "57%", "57 %"."""
    return percent(round(share * 100) / 100)


def survey_responses(responses: Sequence[ResponseRow]) -> None:
    """The cloud of the top issues people named, and every response."""
    show_word_cloud([r.top_issues for r in responses], key="issues-cloud")
    show_records(
        responses,
        {
            _("Kind"): lambda r: label(r.kind),
            _("Top issues"): "top_issues",
            _("Solutions"): "solutions",
            _("Goals"): "goals",
            _("What worked"): "what_worked",
            _("What should change"): "what_to_change",
            _("Updated"): "updated_at",
        },
        _("No survey responses yet."),
    )


def interview_notes(interviews: Sequence[InterviewRow]) -> None:
    """The interviews this reader may see, latest first."""
    show_records(
        interviews,
        {
            _("Interviewee"): "interviewee",
            _("Interviewer"): "interviewer",
            _("Date"): "held_on",
            _("Themes"): "themes",
            _("Notes"): "notes",
        },
        _("No interview notes yet."),
    )


def interview_translation(
    interviews: Sequence[InterviewRow], on_save: Callable[[list[Translation]], None]
) -> None:
    """Pick an interview and write its notes and themes in the other language: what the
    readers of that language read on this page and in the pre-session report."""
    if not interviews:
        return
    with st.expander(_("Translate an interview"), key="translate-interview"):
        by_id = {i.id: i for i in interviews}
        picked = st.selectbox(
            _("Interview to translate"),
            list(by_id),
            format_func=lambda n: by_id[n].interviewee,
            index=None,
            placeholder=_("Choose an option"),
            key="interview-to-translate",
        )
        if picked is None:
            return
        chosen = by_id[picked]
        boxes = [Box("interview", chosen.id, name, words) for name, words in chosen.words.items()]
        note = _("Leave a box empty to remove its translation.")
        translation_boxes(f"interview-translations-{chosen.id}", boxes, on_save, note)


def interview_form(people: dict[int, str], on_save: Callable[..., None]) -> None:
    """Notes of a conversation with a key participant."""
    with st.form(fresh_form_key("interview")):
        who = st.text_input(_("Interviewee"))
        person = st.selectbox(
            _("On the roster as"),
            list(people),
            format_func=people.__getitem__,
            index=None,
            placeholder=_("Choose an option"),
        )
        by = st.text_input(_("Interviewer"))
        held = st.date_input(_("Date"), value=None, format=date_pattern())
        notes = st.text_area(_("Notes"))
        themes = st.text_input(_("Themes it raised"))
        secret = st.checkbox(_("Confidential: facilitators only"))
        if st.form_submit_button(_("Save the interview")):
            fields = InterviewFields(
                interviewee=who, notes=notes, interviewer=by, held_on=held, themes=themes,
                participant_id=person, confidential=secret,
            )  # fmt: skip
            # Saved, the form starts empty; refused, it keeps the notes as typed.
            save_then_fresh("interview", lambda: on_save(fields))


def polis_upload(on_import: Callable[[dict[str, bytes], str], None]) -> None:
    """A Pol.is export: the zip Pol.is offers, or its four CSV files (and ATTRIBUTION.md),
    and the language its statements are written in, which the export does not say."""
    files = st.file_uploader(
        _(
            "Pol.is export: the zip from the conversation's report page, or its four files "
            "(summary, comments, votes, participant-votes .csv)"
        ),
        type=["zip", "csv", "md"],
        accept_multiple_files=True,
        help=_("Up to 50 MB in all. Dated names such as 2025-06-19-1201-…-votes.csv are fine."),
    )
    languages = list(i18n.LANGUAGES)
    written_in = st.selectbox(
        _("The conversation's statements are written in"),
        languages,
        index=languages.index(i18n.current()),
        format_func=lambda code: language_name(code).capitalize(),
    )
    if files and st.button(_("Import the conversation")):
        on_import({f.name: f.getvalue() for f in files}, written_in)
