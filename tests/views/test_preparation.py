"""Before the room, through the real app: the agenda the Thought Leader Team approves."""

from __future__ import annotations

from services import agenda, agenda_review
from tests.views.helpers import click, texts


def test_a_leader_comments_and_approves_and_a_later_change_reopens_the_agenda(room_app, db):
    room = room_app.room
    at = room_app("lead").run().switch_page("views/agenda.py").run()
    assert any(t.startswith("Draft: waiting for approval from Lead") for t in texts(at))
    first = next(t for t in at.text_input if t.label == "Comment on this step")
    first.input("Give the listening step ten more minutes")
    at = next(b for b in at.button if b.label == "Add comment").click().run()
    assert "Comment added." in texts(at)
    assert any("Give the listening step ten more minutes" in t for t in texts(at))
    at = click(at, "Approve this agenda")
    assert agenda_review.approval_status(db, room.meeting_id).approved
    assert any(t.startswith("Approved by the Thought Leader Team") for t in texts(at))
    item = agenda.list_agenda(db, room.meeting_id)[0]
    agenda.update_item(
        db, room.facilitator, item.id, item.title, item.step, 30, item.skill, item.goal,
        item.materials, item.prompt,
    )  # fmt: skip
    at = room_app("lead").run().switch_page("views/agenda.py").run()
    assert any(t.startswith("Draft: waiting for approval from Lead") for t in texts(at))


def test_the_setup_screen_reports_a_bad_roster_row_by_row_and_writes_nothing(room_app, db):
    from services import participants

    before = len(
        participants.list_participants(db, room_app.room.facilitator, room_app.room.initiative_id)
    )
    at = room_app("fac").run().switch_page("views/setup.py").run()
    assert not at.exception
    assert any("Nobody from" in w.value for w in at.warning)  # the inclusion check
    assert any("No leader yet for: Residents" in w.value for w in at.warning)
    after = len(
        participants.list_participants(db, room_app.room.facilitator, room_app.room.initiative_id)
    )
    assert after == before


def test_the_review_screen_offers_the_full_export_to_a_facilitator_only(room_app):
    fac = room_app("fac").run().switch_page("views/review.py").run()
    assert not fac.exception
    assert len(fac.get("download_button")) == 1
    lead = room_app("lead").run().switch_page("views/review.py").run()
    assert not lead.exception
    assert not lead.get("download_button")
