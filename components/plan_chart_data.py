"""The numbers behind the plan charts: each chart's data and its text-alternative table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from components.chart_style import BLUE, GREY, PALETTE, VERMILLION, numbered, short
from components.plan_chart_inputs import GroupStatusCounts, PlannedAction, RatedOption
from services.converge.result_words import number

# Status values (db.models.enums.ActionStatus) in the order a plan moves, in words.
STATUSES = {
    "done": "done",
    "in_progress": "in progress",
    "not_started": "not started",
    "blocked": "blocked",
}
STATUS_COLOURS = (PALETTE[2], BLUE, GREY, VERMILLION)  # done, in progress, not started, blocked
STATUS_SHAPES = ("square", "triangle-right", "circle", "cross")
COSTS = ("low", "medium", "high")
MID = 3  # the quadrant rules: a rating of 3 or more counts as high
QUADRANTS = {  # (high impact, high feasibility) -> name, in words
    (True, True): "Quick wins",
    (True, False): "Big bets",
    (False, True): "Easy extras",
    (False, False): "Not now",
}
NO_DATE = "no date"
OPTION_TIPS = {
    "option:N": "Option",
    "impact:Q": "Impact",
    "feasibility:Q": "Feasibility",
    "quadrant:N": "Quadrant",
    "ratings:Q": "Tables rating",
    "cost:N": "Cost",
}


def status_word(status: str) -> str:
    """A status value in words: 'in_progress' -> 'in progress'."""
    return STATUSES.get(str(status), str(status).replace("_", " "))


def statuses_in(values: Sequence[str]) -> list[str]:
    """The four statuses in words, in order, then any others met in `values`."""
    return list(dict.fromkeys([*STATUSES.values(), *map(status_word, values)]))


def quadrant(impact: float, feasibility: float) -> str:
    """The quadrant an option falls in, by name."""
    return QUADRANTS[(impact >= MID, feasibility >= MID)]


def quadrant_labels(line: float) -> pd.DataFrame:
    """Each quadrant's name in its outer corner, a line in from the edge, where points are few."""
    return pd.DataFrame(
        [
            {
                "quadrant": name,
                "x": 5 if feasible else 1,
                "y": 5 - line if high else 1 + line,
                "side": "right" if feasible else "left",
            }
            for (high, feasible), name in QUADRANTS.items()
        ]
    )


def _rating(value: float | None) -> str:
    return "not rated" if value is None else number(value)


def option_rows(points: Sequence[RatedOption], line: float, chars: int) -> pd.DataFrame:
    """One row per option, labelled '3. Title (2 tables)'; `rated` is False when unplaced.

    Labels of points at one spot stack away from the nearer edge, `line` rating units apart.
    """
    rows, seen = [], {}
    for n, p in enumerate(points, 1):
        rated = p.impact is not None and p.feasibility is not None
        spot = (p.impact, p.feasibility)
        k = seen[spot] = seen.get(spot, -1) + 1
        tables = f"{p.ratings} table{'' if p.ratings == 1 else 's'}"
        rows.append(
            {
                "#": n,
                "option": p.title,
                "impact": p.impact,
                "feasibility": p.feasibility,
                "ratings": p.ratings,
                "cost": str(p.cost) or "not given",
                "rated": rated,
                "quadrant": quadrant(p.impact, p.feasibility) if rated else "not rated",
                "label_y": p.impact + (-k if p.impact >= MID else k) * line if rated else None,
                "text": f"{n}. {short(p.title, chars)} ({tables})",
            }
        )
    columns = ["#", "option", "impact", "feasibility", "ratings", "cost", "rated", "quadrant"]
    return pd.DataFrame(rows, columns=[*columns, "label_y", "text"]).astype({"rated": bool})


def option_table(points: Sequence[RatedOption]) -> pd.DataFrame:
    """Every option, rated or not, numbered as on the chart."""
    rows = option_rows(points, 0, 1)
    for field in ("impact", "feasibility"):
        rows[field] = [_rating(getattr(p, field)) for p in points]
    names = {"option": "Option", "impact": "Impact", "feasibility": "Feasibility"}
    names |= {"quadrant": "Quadrant", "ratings": "Tables rating", "cost": "Cost"}
    return rows.rename(columns=names)[["#", *names.values()]]


def is_overdue(action: PlannedAction, today: date) -> bool:
    """Not done and due before today."""
    return action.due_on is not None and action.due_on < today and str(action.status) != "done"


def action_rows(actions: Sequence[PlannedAction], today: date) -> pd.DataFrame:
    """Every action by due date, undated last ('no date'); status, and overdue, in words."""
    ordered = sorted(actions, key=lambda a: (a.due_on is None, a.due_on or date.min))
    rows = [
        {
            "#": n,
            "label": label,
            "action": a.title,
            "group": a.group or "No group",
            "due": a.due_on.isoformat() if a.due_on else NO_DATE,
            "dated": a.due_on is not None,
            "status": status_word(a.status),
            "overdue": is_overdue(a, today),
            "text": ("Overdue · " if is_overdue(a, today) else "") + status_word(a.status),
        }
        for n, (label, a) in enumerate(
            zip(numbered([a.title for a in ordered]), ordered, strict=True), 1
        )
    ]
    columns = ["#", "label", "action", "group", "due", "dated", "status", "overdue", "text"]
    return pd.DataFrame(rows, columns=columns).astype({"dated": bool, "overdue": bool})


def action_table(actions: Sequence[PlannedAction], today: date) -> pd.DataFrame:
    """Every action by due date, numbered as on the chart; undated ones say 'no date'."""
    rows = action_rows(actions, today)
    rows["overdue"] = rows["overdue"].map({True: "yes", False: "no"})
    names = {"action": "Action", "group": "Group", "due": "Due", "status": "Status"}
    return rows.rename(columns={**names, "overdue": "Overdue"})[["#", *names.values(), "Overdue"]]


def progress_rows(rows: Sequence[GroupStatusCounts]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per group with its counts in words, one per group and status it has)."""
    groups, parts = [], []
    for r in rows:
        counts = {status_word(k): n for k, n in r.counts.items()}
        order = statuses_in(list(counts))
        said = [f"{counts[s]} {s}" for s in order if counts.get(s)]
        label = short(r.stakeholder)
        groups.append({"label": label, "total": r.total, "text": " · ".join(said) or "no actions"})
        parts += [
            {"label": label, "status": s, "count": counts[s], "order": i}
            for i, s in enumerate(order)
            if counts.get(s)
        ]
    return (
        pd.DataFrame(groups, columns=["label", "total", "text"]),
        pd.DataFrame(parts, columns=["label", "status", "count", "order"]),
    )


def progress_table(rows: Sequence[GroupStatusCounts]) -> pd.DataFrame:
    """Each group's actions by status, and in all, as a table."""
    counts = [{status_word(k): n for k, n in r.counts.items()} for r in rows]
    order = statuses_in([s for c in counts for s in c])
    table = {"Group": [r.stakeholder for r in rows]}
    table |= {s.capitalize(): [c.get(s, 0) for c in counts] for s in order}
    return pd.DataFrame({**table, "Total": [r.total for r in rows]})
