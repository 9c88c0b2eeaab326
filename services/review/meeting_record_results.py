"""The meeting record's voting and voice tables: counts per group, common ground, balance."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Idea, RoundItem, VotingRound
from db.models.enums import RoundStatus, VoteMode
from i18n import N_, _
from services.converge import result_words as words
from services.converge.tallies import DIFFER, STRONGEST, rank_items, unite_and_divide
from services.converge.voting_counts import add_up, count_round
from services.converge.voting_items import round_titles_in
from services.room.voice import summary_in
from services.translations.shown import with_original

VOTE_COLUMNS = [
    N_("Round"),
    N_("Mode"),
    N_("Item"),
    N_("Group"),
    N_("Voters"),
    N_("Dots"),
    N_("Agree"),
    N_("Disagree"),
    N_("Pass"),
]
GROUND_COLUMNS = [
    N_("Round"),
    N_("Rank"),
    N_("Item"),
    N_("Support"),
    N_("Least backed by"),
    N_("Group shares"),
    N_("Common ground or difference"),
]
VOICE_COLUMNS = [
    N_("Group"),
    N_("People"),
    N_("Share of seats (%)"),
    N_("Notes"),
    N_("Ideas"),
    N_("Contributions"),
    N_("Share of contributions (%)"),
    N_("Under-heard"),
]
MODES = {VoteMode.DOTS: N_("Dots"), VoteMode.AGREE_DISAGREE: N_("Agree / disagree")}


def votes_frame(s: Session, meeting_id: int, secret_ok: bool) -> pd.DataFrame:
    """Per round, item and group: how many voted and what they gave. Never who voted how."""
    rows = []
    for rnd, items, _voters, title in _counted(s, meeting_id, secret_ok):
        for item in items:
            for g in item.groups:
                c = g.counts
                values = [c.voters, c.dots, c.agree, c.disagree, c.passed]
                rows.append([title, _(MODES[rnd.mode]), item.text, g.group, *values])
    return pd.DataFrame(rows, columns=VOTE_COLUMNS)


def common_ground_frame(s: Session, meeting_id: int, secret_ok: bool) -> pd.DataFrame:
    """Per round, the items in common-ground order, their support and each group's, in words.

    The bridging score only orders the items: a product over many groups, it reads as
    "0.000" to a person, so the record says the rank and the shares instead.
    """
    rows = []
    for rnd, items, voters, title in _counted(s, meeting_id, secret_ok):
        totals = {i.item_id: add_up(g.counts for g in i.groups) for i in items}
        ranking = rank_items(items, voters, rnd.mode)
        unite, divide = unite_and_divide(ranking)
        said = {r.item_id: _(STRONGEST).capitalize() for r in unite}
        said |= {r.item_id: _(DIFFER).capitalize() for r in divide}
        for rank, r in enumerate(ranking, start=1):
            support = words.support(rnd.mode.value, totals[r.item_id])
            least = words.least_backed((g.group, g.share) for g in r.groups)
            shares = "; ".join(words.group_share(g.group, g.supporters, g.voters) for g in r.groups)
            rows.append([title, rank, r.text, support, least, shares, said.get(r.item_id, "")])
    return pd.DataFrame(rows, columns=GROUND_COLUMNS)


def voice_frame(s: Session, meeting_id: int, facts: dict[str, object]) -> pd.DataFrame:
    """Each group's share of contributions against its share of seats; totals go to `facts`."""
    # Counts only: a confidential note counts towards its group's voice but shows nothing.
    summary = summary_in(s, meeting_id)
    facts.update(
        too_early=summary.too_early,
        contributions=summary.contributions,
        unattributed=summary.unattributed,
        counted_roster=summary.counted_roster,
    )
    rows = [
        [
            v.name,
            v.people,
            round(100 * v.people_share, 1),
            v.notes,
            v.ideas,
            v.contributions,
            round(100 * v.contribution_share, 1),
            _("Yes") if v.under_heard else _("No"),
        ]
        for v in summary.shares
    ]
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)


def _counted(s: Session, meeting_id: int, secret_ok: bool):
    """Each round that has opened, with its counts by item and group, its voters per group,
    and its title for a file in the reader's language (a translation with its original)."""
    query = select(VotingRound).where(
        VotingRound.meeting_id == meeting_id, VotingRound.status != RoundStatus.DRAFT
    )
    hidden = confidential_items(s, meeting_id) if not secret_ok else set()
    rounds = list(s.scalars(query.order_by(VotingRound.id)))
    titles = round_titles_in(s, rounds)
    for rnd in rounds:
        items, voters = count_round(s, rnd.id)
        # A ballot refuses confidential ideas; this covers one marked so by other means.
        items = [
            type(i)(i.item_id, unnamed(i.item_id), i.groups) if i.item_id in hidden else i
            for i in items
        ]
        yield rnd, items, voters, with_original(titles[rnd.id])


def unnamed(item_id: int) -> str:
    """What a record says in place of a confidential ballot item's words."""
    return _("Item #{id} (confidential)").format(id=item_id)


def confidential_items(s: Session, meeting_id: int) -> set[int]:
    """The ballot items of the meeting whose idea is confidential."""
    query = (
        select(RoundItem.id)
        .join(Idea, Idea.id == RoundItem.idea_id)
        .where(Idea.meeting_id == meeting_id, Idea.confidential.is_(True))
    )
    return set(s.scalars(query))
