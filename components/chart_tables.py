"""The numbers behind each results chart: the chart's data and its text-alternative table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from components.chart_inputs import ByGroupRow, TotalRow, VoiceShare
from components.chart_style import numbered, pct
from i18n import _
from services.converge import result_words, tallies
from services.converge.tallies import CommonGround


def support_words(supporters: int, voters: int) -> str:
    """ "3 of 5 (60%)": a group's backing in words; "no votes" when nobody of it voted."""
    if not voters:
        return _("no votes")
    share = pct(supporters / voters)
    return _("{supporters} of {voters} ({share})").format(
        supporters=supporters, voters=voters, share=share
    )


def totals_rows(totals: Sequence[TotalRow]) -> pd.DataFrame:
    """One row per idea: axis label, full text, dots, voters and each choice's count."""
    return pd.DataFrame(
        {
            "label": numbered([t.text for t in totals]),
            "idea": [t.text for t in totals],
            "dots": [t.dots for t in totals],
            "voters": [t.voters for t in totals],
            "Agree": [t.agree for t in totals],
            "Disagree": [t.disagree for t in totals],
            "Pass": [t.passed for t in totals],
            "total": [t.agree + t.disagree + t.passed for t in totals],
        }
    )


def totals_table(totals: Sequence[TotalRow], mode: str) -> pd.DataFrame:
    """The totals as a table, in ballot order."""
    names = {
        "idea": _("Idea"),
        "dots": _("Dots"),
        "voters": _("Voters"),
        "Agree": _("Agree"),
        "Disagree": _("Disagree"),
        "Pass": _("Pass"),
    }
    rows = totals_rows(totals).rename(columns=names)
    rows.insert(0, "#", range(1, len(rows) + 1))
    counts = ["dots"] if mode == "dots" else ["Agree", "Disagree", "Pass"]
    return rows.loc[:, ["#", names["idea"], *(names[c] for c in counts), names["voters"]]]


def by_group_rows(
    rows: Sequence[ByGroupRow], group_voters: Mapping[int, int] | None = None
) -> pd.DataFrame:
    """One row per idea and group: supporters out of voters, as a share and in words.

    `group_voters` (stakeholder id -> people of that group who voted in the round) is the
    right base for dot voting, where a voter who put no dot on an idea left no vote on it.
    """
    out = []
    for number, (label, row) in enumerate(
        zip(numbered([r.text for r in rows]), rows, strict=True), 1
    ):
        for g in row.groups:
            voters = (group_voters or {}).get(g.stakeholder_id, g.counts.voters)
            share = g.counts.supporters / voters if voters else None
            words = support_words(g.counts.supporters, voters)
            out.append(
                {
                    "#": number,
                    "label": label,
                    "idea": row.text,
                    "group": g.group,
                    "supporters": g.counts.supporters,
                    "voters": voters,
                    "share": share or 0.0,
                    "share_text": pct(share),
                    "text": f"{g.group}: {words}",
                }
            )
    columns = ["#", "label", "idea", "group", "supporters", "voters", "share", "share_text", "text"]
    return pd.DataFrame(out, columns=columns)


def by_group_table(
    rows: Sequence[ByGroupRow], group_voters: Mapping[int, int] | None = None
) -> pd.DataFrame:
    """Each group's support for each idea as a table."""
    data = by_group_rows(rows, group_voters)
    names = {
        "idea": _("Idea"),
        "group": _("Group"),
        "supporters": _("Supporters"),
        "voters": _("Voters"),
    }
    share = _("Share")
    return data.rename(columns={**names, "share_text": share}).loc[:, ["#", *names.values(), share]]


def common_ground_rows(rows: Sequence[CommonGround]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per idea with its lowest and highest group share and verdict, one per point)."""
    ranges, points = [], []
    labels = numbered([r.text for r in rows])
    for place, (label, row) in enumerate(zip(labels, rows, strict=True), start=1):
        known = [g.share for g in row.groups if g.share is not None]
        # The projector's words (services/converge/tallies.verdict): most items neither unite nor
        # divide the room, so most get none; "groups differ" carries its own gap.
        verdict = tallies.verdict(row, place) if known else _("no votes")
        gap = "" if not known or row.divides else _("gap {share}").format(share=pct(row.spread))
        ranges.append(
            {
                "label": label,
                "idea": row.text,
                "verdict": verdict,
                "low": min(known, default=0.0),
                "high": max(known, default=0.0),
                "text": " · ".join(w for w in (verdict, gap) if w),
            }
        )
        points += [
            {
                "label": label,
                "idea": row.text,
                "group": g.group,
                "share": g.share,
                "share_text": pct(g.share),
            }
            for g in row.groups
            if g.share is not None
        ]
    range_columns = ["label", "idea", "verdict", "low", "high", "text"]
    point_columns = ["label", "idea", "group", "share", "share_text"]
    return pd.DataFrame(ranges, columns=range_columns), pd.DataFrame(points, columns=point_columns)


def common_ground_table(rows: Sequence[CommonGround]) -> pd.DataFrame:
    """The ideas by common ground as a table, with every group's share written out."""
    # No score column: a product over every group's share, it reads "0.004" to a person.
    return pd.DataFrame(
        {
            _("Rank"): range(1, len(rows) + 1),
            _("Idea"): [r.text for r in rows],
            _("What the room is told"): list(common_ground_rows(rows)[0]["verdict"]),
            _("Least backed by"): [
                result_words.least_backed((g.group, g.share) for g in r.groups) or _("no votes")
                for r in rows
            ],
            _("Gap"): [pct(r.spread) for r in rows],
            _("Group shares"): [
                ", ".join(f"{g.group} {pct(g.share)}" for g in r.groups) for r in rows
            ],
        }
    )


def voice_rows(shares: Sequence[VoiceShare]) -> pd.DataFrame:
    """Two rows per group (people, contributions), labelled; under-heard groups say so."""
    out = []
    for s in shares:
        label = _("{group} (under-heard)").format(group=s.name) if s.under_heard else s.name
        people, contributions = _("People"), _("Contributions")
        for measure, share in ((people, s.people_share), (contributions, s.contribution_share)):
            out.append(
                {
                    "label": label,
                    "group": s.name,
                    "measure": measure,
                    "share": share,
                    "text": f"{measure} {pct(share)}",
                }
            )
    return pd.DataFrame(out, columns=["label", "group", "measure", "share", "text"])


def voice_table(shares: Sequence[VoiceShare]) -> pd.DataFrame:
    """Each group's share of the people and of what was said, as a table."""
    return pd.DataFrame(
        {
            _("Group"): [s.name for s in shares],
            _("Share of people"): [pct(s.people_share) for s in shares],
            _("Share of contributions"): [pct(s.contribution_share) for s in shares],
            _("Under-heard"): [_("yes") if s.under_heard else _("no") for s in shares],
        }
    )
