"""Skills 4 to 7 through the real app: options, conflicts, the charter, the action plan."""

from __future__ import annotations

from datetime import date, timedelta

from components.solve_panels import OPTION_FORM
from components.text import escape_markdown
from services.act import action_followup, actions
from services.core.actors import SYSTEM
from services.core.vocab import ConflictStatus
from services.partner import charter_signoff, charters
from services.resolve import conflict_parties, conflicts
from services.solve import option_ratings, options
from tests.views.helpers import by_label, click, open_expanders, screen_text, texts


def open_page(room_app, page, user, query=None):
    return room_app(user, query).run().switch_page(f"views/{page}.py").run()


def test_a_scribe_logs_a_conflict_from_their_table(room_app, db):
    room = room_app.room
    at = open_page(room_app, "conflicts", "s1", {"table": "1"})
    by_label(at.text_area, "The issue in dispute").input("Who answers mental-health calls?")
    at = click(at, "Log it")
    assert "Conflict logged." in texts(at)
    (made,) = conflicts.list_conflicts(db, room.facilitator, room.meeting_id)
    assert made.table_id == room.table1_id


def test_a_conflict_moves_to_agreed_with_its_history_and_shows_on_the_projector(room_app, db):
    room = room_app.room
    made = conflicts.create_conflict(
        db, room.facilitator, room.meeting_id, conflicts.ConflictFields(issue="Response times")
    )
    conflict_parties.set_party(
        db,
        room.facilitator,
        made.id,
        conflict_parties.PartyFields(
            stakeholder_id=room.police_id, position="More staff", interests="Safety"
        ),
    )
    at = open_page(room_app, "conflicts", "fac")
    by_label(at.radio, "Status").set_value(ConflictStatus.AGREED)
    by_label(at.text_area, "Agreement reached").input("Publish response times monthly")
    at = click(at, "Save status")
    assert "Status saved." in texts(at)
    assert (
        conflicts.list_conflicts(db, room.facilitator, room.meeting_id)[0].status.value == "agreed"
    )
    at = click(at, "Show it on the projector")
    wall = room_app(query={"code": "meet-code"}).run().switch_page("views/projector.py").run()
    shown = screen_text(wall)
    assert "Working through: Response times" in shown
    assert "Interests: Safety" in shown
    at = click(at, "Make the agreement an action")
    (action,) = actions.list_actions(db, room.facilitator, room.initiative_id)
    assert action.conflict_id == made.id


def test_a_new_charter_version_needs_every_group_to_sign_again(room_app, db):
    room = room_app.room
    at = open_page(room_app, "charter", "fac")
    by_label(at.text_area, "Mission").input("Safer 911 responses, built together")
    at = click(at, "Save as a new version")
    (v1,) = charters.list_versions(db, room.facilitator, room.initiative_id)
    charter_signoff.sign(db, room.leader, v1.id)
    at = open_page(room_app, "charter", "lead")
    assert any("1 of 2 groups have signed version 1" in t for t in texts(at))
    # Signed: the leader is told so, and offered no second signature.
    assert "Police has signed this version." in texts(at)
    assert "Sign this version for my group" not in [b.label for b in at.button]
    assert "Prepare the charter, version 1 (PDF)" in [b.label for b in at.button]
    charters.new_version(
        db,
        room.facilitator,
        room.initiative_id,
        charters.CharterFields(mission="Safer 911 responses, v2"),
    )
    at = open_page(room_app, "charter", "lead")
    assert any("0 of 2 groups have signed version 2" in t for t in texts(at))
    at = click(at, "Sign this version for my group")
    assert "Signed. Thank you." in texts(at)
    assert "Sign this version for my group" not in [b.label for b in at.button]
    status = {
        r.stakeholder: r.signed_version
        for r in charter_signoff.signoff_status(db, room.facilitator, room.initiative_id)
    }
    assert status["Police"] == 2


def test_a_commitment_saved_shows_in_the_version_on_screen_at_once(room_app, db):
    room = room_app.room
    at = open_page(room_app, "charter", "fac")
    by_label(at.text_area, "Mission").input("Safer 911 responses, built together")
    at = click(at, "Save as a new version")
    by_label(at.selectbox, "Group").select(room.residents_id)
    by_label(at.text_area, "What the group commits to").input("Join the monthly review")
    at = click(at, "Save the commitment")
    assert "Commitment saved." in texts(at)
    assert any("Join the monthly review" in t for t in texts(at))  # the version shown


def test_an_option_is_added_and_rated_by_a_table(room_app, db):
    room = room_app.room
    at = open_page(room_app, "solve", "fac")
    assert not [t for t in at.text_input if t.label == "Option"]  # drawn once opened
    at = open_expanders(at, OPTION_FORM)
    by_label(at.text_input, "Option").input("Co-responder teams on night shifts")
    by_label(at.multiselect, "Who would deliver it").select("Police").select(
        "Mental-health clinicians"
    )
    at = click(at, "Add the option")
    assert "Option added." in texts(at)
    (made,) = options.list_options(db, room.facilitator, room.meeting_id)
    assert made.delivered_by == "Police, Mental-health clinicians"
    at = open_page(room_app, "solve", "s2", {"table": "2"})
    at = click(at, "Save our rating")
    (score,) = option_ratings.ratings_summary(db, room.facilitator, room.meeting_id)
    assert score.ratings == 1
    assert escape_markdown("Co-responder teams on night shifts") in " ".join(texts(at))


def test_the_smart_check_names_what_is_missing_and_a_draft_still_saves(room_app, db):
    room = room_app.room
    at = open_page(room_app, "actions", "fac")
    by_label(at.text_input, "Action (specific: what will be done)").input("Crisis line pilot")
    by_label(at.checkbox, "Ready: it passes the SMART check").check()
    at = click(at, "Save the action")
    warnings = [w.value for w in at.warning]
    assert any(w.startswith("M:") for w in warnings)
    assert any(w.startswith("T:") for w in warnings)
    assert actions.list_actions(db, room.facilitator, room.initiative_id) == []
    # Refused: what was typed is still there to correct.
    assert by_label(at.text_input, "Action (specific: what will be done)").value == (
        "Crisis line pilot"
    )
    by_label(at.checkbox, "Ready: it passes the SMART check").uncheck()
    by_label(at.text_input, "Charter goal it serves (optional)").input("Safer crisis calls")
    at = click(at, "Save the action")
    (draft,) = actions.list_actions(db, room.facilitator, room.initiative_id)
    assert not draft.ready
    # Saved: the form starts empty, so nothing of this action slips into the next one.
    assert by_label(at.text_input, "Action (specific: what will be done)").value == ""
    assert by_label(at.text_input, "Charter goal it serves (optional)").value == ""
    by_label(at.text_input, "Action (specific: what will be done)").input("Train dispatchers")
    at = click(at, "Save the action")
    second = next(
        a
        for a in actions.list_actions(db, room.facilitator, room.initiative_id)
        if a.title == "Train dispatchers"
    )
    assert second.charter_goal == ""
    # Each action in the plan says who answers for it, and for which group.
    assert "Owner\\: nobody yet · Group\\: —" in texts(at)  # escaped Markdown


def test_a_leader_follows_up_an_action_and_overdue_ones_are_named(room_app, db):
    room = room_app.room
    late = actions.create_action(
        db,
        room.facilitator,
        room.initiative_id,
        actions.ActionFields(
            title="Publish the first report", due_on=date.today() + timedelta(days=1)
        ),
    )
    with db.write() as s:  # a date in the past, as a later follow-up meeting would find it
        from db.models import ActionItem

        s.get(ActionItem, late.id).due_on = date.today() - timedelta(days=3)
    at = open_page(room_app, "actions", "lead")
    assert any("Publish the first report" in t and "3 days late" in t for t in texts(at))
    by_label(at.text_area, "What happened").input("Draft is with the commission")
    at = click(at, "Add the update")
    (update,) = action_followup.updates(db, SYSTEM, late.id)
    assert update.note == "Draft is with the commission"


def test_retiring_a_group_added_by_mistake_lets_the_charter_page_call_sign_off_complete(
    room_app, db
):
    from db.models import Participant
    from services.setup import stakeholders

    room = room_app.room
    charter = charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Safer calls")
    )
    charter_signoff.sign(db, room.leader, charter.id)
    at = open_page(room_app, "charter", "fac")
    assert any("1 of 2 groups have signed version 1" in t for t in texts(at))
    with db.write() as s:
        for person in s.query(Participant).filter_by(stakeholder_id=room.residents_id):
            person.absent = True
    stakeholders.retire_stakeholder(db, room.facilitator, room.residents_id)
    at = open_page(room_app, "charter", "fac")
    assert "Sign-off is complete: every group (1) has signed version 1." in texts(at)
    # A signed version's commitments are fixed; the next version's form leaves it out.
    charters.new_version(
        db, room.facilitator, room.initiative_id, charters.CharterFields(mission="Safer calls")
    )
    at = open_page(room_app, "charter", "fac")
    assert "Residents" not in by_label(at.selectbox, "Group").options


def test_a_scribe_s_conflicts_page_lists_another_table_s_confidential_conflict_nowhere(
    room_app, db
):
    room = room_app.room
    conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="Open at table 1"),
        table_id=room.table1_id,
    )
    conflicts.create_conflict(
        db,
        room.scribe1,
        room.meeting_id,
        conflicts.ConflictFields(issue="Told in confidence at 1", confidential=True),
        table_id=room.table1_id,
    )
    own = open_page(room_app, "conflicts", "s1", {"table": "1"})
    other = open_page(room_app, "conflicts", "s2", {"table": "2"})
    assert any(
        "Told in confidence" in o for o in by_label(own.selectbox, "Conflict to work on").options
    )
    listed = by_label(other.selectbox, "Conflict to work on").options
    assert any("Open at table 1" in o for o in listed)
    assert not any("Told in confidence" in o for o in listed)
    assert not any("Told in confidence" in t for t in texts(other))


def test_an_actions_due_date_reads_as_a_date_in_words(room_app, db):
    room = room_app.room
    fields = actions.ActionFields(title="Open the youth centre", due_on=date(2027, 3, 15))
    actions.create_action(db, room.facilitator, room.initiative_id, fields)
    at = open_page(room_app, "actions", "fac")
    labels = [e.label for e in at.expander]
    assert any("Open the youth centre" in t and "due Mar 15, 2027" in t for t in labels), labels
