"""The ideas screen's record: one read, each reader seeing what they may."""

import pytest

import i18n
from db.models.enums import IdeaStatus
from services.core.errors import NotFound, PermissionDenied
from services.room import idea_merge, idea_queue, ideas, ideas_screen, late_notes, themes
from services.setup import meetings
from services.translations import translate
from tests.factories import build_elsewhere, build_room


def _board(db, room):
    """Table 1: a themed idea, a confidential one, a hidden one and a duplicate merged into
    the first; table 2: a confidential idea and one waiting for approval; and the
    facilitator's own, at no table."""
    first = ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Co-responders", stakeholder_id=room.police_id),
    )
    ideas.add_idea(
        db,
        room.scribe1,
        ideas.NewIdea(table_id=room.table1_id, text="Name of an officer", confidential=True),
    )
    hidden = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Off-topic")
    )
    ideas.hide_idea(db, room.facilitator, hidden.id)
    dup = ideas.add_idea(
        db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="Co-responders!")
    )
    idea_merge.merge_ideas(db, room.facilitator, first.id, [dup.id])
    theme = themes.create_theme(db, room.facilitator, room.meeting_id, "Crisis response")
    themes.assign_theme(db, room.facilitator, [first.id], theme.id)
    ideas.add_idea(
        db,
        room.scribe2,
        ideas.NewIdea(table_id=room.table2_id, text="Secret at 2", confidential=True),
    )
    idea_queue.set_premoderate(db, room.facilitator, room.item_ids[0], True)
    ideas.add_idea(db, room.scribe2, ideas.NewIdea(table_id=room.table2_id, text="Waiting at 2"))
    ideas.add_idea(
        db,
        room.facilitator,
        ideas.NewIdea(table_id=None, text="From the front", meeting_id=room.meeting_id),
    )


class _Cache:
    """A board cache as the page keeps one: what each key's load made, and the loads."""

    def __init__(self):
        self.kept, self.loads = {}, 0

    def __call__(self, key, load):
        if key not in self.kept:
            self.loads += 1
            self.kept[key] = load()
        return self.kept[key]


def test_the_board_s_cards_are_kept_until_something_on_them_changes(db):
    room = build_room(db)
    _board(db, room)
    cache = _Cache()

    def read():
        return ideas_screen.read(db, room.facilitator, room.meeting_id, None, board_cache=cache)

    board = read()
    assert board.ideas == ideas_screen.read(db, room.facilitator, room.meeting_id, None).ideas
    assert read().ideas is board.ideas and cache.loads == 1  # nothing changed: not made again
    first = board.board()[0]
    theme_id = board.themes[0][0]
    changes = [
        lambda: ideas.add_idea(
            db, room.scribe1, ideas.NewIdea(table_id=room.table1_id, text="One more")
        ),
        lambda: ideas.update_idea(
            db, room.facilitator, first.id, ideas.IdeaFields(text="Co-responders, reworded")
        ),
        lambda: ideas.hide_idea(db, room.facilitator, first.id),
        lambda: ideas.show_idea(db, room.facilitator, first.id),
        lambda: themes.assign_theme(db, room.facilitator, [first.id], None),
        lambda: themes.update_theme(db, room.facilitator, theme_id, "Crisis care"),
        lambda: themes.assign_theme(db, room.facilitator, [first.id], theme_id),
        # A theme's translation changes what its cards say of it (into Spanish, the other
        # language): a board read in Spanish is made again for it.
        lambda: translate.translate(
            db,
            room.facilitator,
            translate.Translation(kind="theme", entity_id=theme_id, field="name", text="Crisis"),
        ),
    ]
    for n, change in enumerate(changes, start=2):
        change()
        assert read().ideas == ideas_screen.read(db, room.facilitator, room.meeting_id, None).ideas
        assert cache.loads == n
    assert [name for _, name in read().themes] == ["Crisis care"]
    with i18n.using("es"):
        [card] = [c for c in read().ideas if c.id == first.id]
    assert card.theme == "Crisis (Traducido del inglés)"  # its reader's words, said which
    loads = cache.loads  # the Spanish board is made once, as the English one was
    # A table's page is the table's own ideas, read afresh: the board's cache is not for it.
    ideas_screen.read(db, room.scribe1, room.meeting_id, room.table1_id, board_cache=cache)
    assert cache.loads == loads == len(changes) + 2


def test_the_facilitator_s_board_holds_every_idea_and_filters_it(db):
    room = build_room(db)
    _board(db, room)
    screen = ideas_screen.read(db, room.facilitator, room.meeting_id, None)
    assert screen.moderates and screen.table_id is None
    assert screen.table_numbers == (1, 2)
    assert [name for _, name in screen.themes] == ["Crisis response"]
    assert screen.groups == ((room.police_id, "Police"), (room.residents_id, "Residents"))
    on_board = ["Co-responders", "Name of an officer", "Secret at 2", "From the front"]
    assert [i.text for i in screen.board()] == on_board
    assert len(screen.board(hidden=True)) == 7
    assert {i.text: i.status for i in screen.board(hidden=True)}["Waiting at 2"] is (
        IdeaStatus.PENDING
    )
    assert [i.text for i in screen.board(tables=[2])] == ["Secret at 2"]
    assert [i.text for i in screen.board(groups=[room.police_id])] == ["Co-responders"]
    first = screen.board()[0]
    assert (first.table_number, first.group, first.theme) == (1, "Police", "Crisis response")
    assert screen.board()[-1].table_number is None
    assert ideas_screen.cloud_texts(screen.board(hidden=True)) == [
        "Co-responders", "From the front",
    ]  # fmt: skip


def test_a_scribe_reads_their_table_s_ideas_on_the_board_and_whether_some_wait(db):
    room = build_room(db)
    _board(db, room)
    one = ideas_screen.read(db, room.scribe1, room.meeting_id, 1)
    assert (one.moderates, one.table_number, one.waiting) == (False, 1, False)
    assert [i.text for i in one.ideas] == ["Co-responders", "Name of an officer"]
    two = ideas_screen.read(db, room.scribe2, room.meeting_id, None)  # their own: table 2
    assert ([i.text for i in two.ideas], two.waiting) == (["Secret at 2"], True)
    assert ideas_screen.table_ideas(db, room.scribe2, room.meeting_id, room.table2_id) == (
        ideas_screen.TableIdeas(two.ideas, True)
    )


def test_the_facilitator_on_a_table_s_page_sees_that_table_s_board(db):
    room = build_room(db)
    _board(db, room)
    two = ideas_screen.read(db, room.facilitator, room.meeting_id, 2)
    assert ([i.text for i in two.ideas], two.waiting, two.moderates) == (
        ["Secret at 2"], True, False,
    )  # fmt: skip
    assert two.gate == late_notes.OPEN


def test_a_scribe_is_refused_another_table_and_the_board(db):
    room = build_room(db)
    with pytest.raises(PermissionDenied, match="you are the scribe for table 1"):
        ideas_screen.read(db, room.scribe1, room.meeting_id, 2)
    # A scribe of this initiative with no table in this meeting has no page of their own.
    other = meetings.create_meeting(
        db, room.facilitator, room.initiative_id, meetings.MeetingFields(title="Next")
    )
    with pytest.raises(PermissionDenied, match="own table's page"):
        ideas_screen.read(db, room.scribe1, other.id, None)
    with pytest.raises(PermissionDenied):
        ideas_screen.table_ideas(db, room.scribe1, room.meeting_id, room.table2_id)


def test_a_leader_an_outsider_and_another_meeting_s_table_are_refused(db):
    room = build_room(db)
    away = build_elsewhere(db)
    with pytest.raises(PermissionDenied):
        ideas_screen.read(db, room.leader, room.meeting_id, None)
    with pytest.raises(PermissionDenied):
        ideas_screen.read(db, room.scribe1, away.meeting_id, 1)
    for number in (7, 10**30):  # no such table; a number no table could have
        with pytest.raises(NotFound, match=f"no table {number}"):
            ideas_screen.read(db, room.facilitator, room.meeting_id, number)
