"""A note or idea saved late says so in words wherever it is listed."""

from typing import cast

from components.cards import ShownIdea, ShownNote, idea_origin, note_text
from components.text import escape_markdown
from db.models import Idea, ListeningNote
from db.models.enums import IdeaStatus


def _note(late: bool) -> ShownNote:
    # A database row reads as the list's protocol, though pyright does not match its
    # `Mapped[...]` columns against it (components/review_panels.py says the same).
    return cast(ShownNote, ListeningNote(
        said="We waited *an hour*", paraphrase="", interest="", confirmed=None,
        confidential=False, late=late,
    ))  # fmt: skip


def test_a_late_note_is_marked_late_in_words():
    marked = escape_markdown("late, saved after input closed")
    assert marked in note_text(_note(True), "Residents")
    assert "late" not in note_text(_note(False), "Residents")


def test_a_late_idea_is_marked_late_in_words():
    row = Idea(text="More patrols", status=IdeaStatus.VISIBLE, confidential=False, late=True)
    idea = cast(ShownIdea, row)
    assert idea_origin(idea, "Police", 2) == ["table 2", "Police", "late, saved after input closed"]
    row.late = False
    assert idea_origin(idea, "Police", 2) == ["table 2", "Police"]
