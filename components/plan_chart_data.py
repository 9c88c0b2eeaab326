"""The numbers behind the plan charts: each chart's data and its text-alternative table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

import i18n
from components.chart_style import BLUE, GREY, PALETTE, VERMILLION, numbered, short
from components.plan_chart_inputs import GroupStatusCounts, PlannedAction, RatedOption
from i18n import N_, _, ngettext
from services.converge.result_words import number

# Status values (db.models.enums.ActionStatus) in the order a plan moves, in words (each
# shown through `_()`: the chart's legend, its tooltips and its table say them).
STATUSES = {
    # Translators: an action's status, in a chart legend and its table.
    "done": N_("done"),
    # Translators: an action's status, in a chart legend and its table.
    "in_progress": N_("in progress"),
    # Translators: an action's status, in a chart legend and its table.
    "not_started": N_("not started"),
    # Translators: an action's status, in a chart legend and its table.
    "blocked": N_("blocked"),
}
STATUS_COLOURS = (PALETTE[2], BLUE, GREY, VERMILLION)  # done, in progress, not started, blocked
STATUS_SHAPES = ("square", "triangle-right", "circle", "cross")
COSTS = ("low", "medium", "high")  # db.models.enums.CostBand's values, cheapest first
COST_WORDS = {
    # Translators: an option's cost band (el costo), in a chart legend and its table.
    "low": N_("low"),
    # Translators: an option's cost band (el costo), in a chart legend and its table.
    "medium": N_("medium"),
    # Translators: an option's cost band (el costo), in a chart legend and its table.
    "high": N_("high"),
}
MID = 3  # the quadrant rules: a rating of 3 or more counts as high
QUADRANTS = {  # (high impact, high feasibility) -> name, in words
    (True, True): N_("Quick wins"),
    (True, False): N_("Big bets"),
    (False, True): N_("Easy extras"),
    (False, False): N_("Not now"),
}
# Translators: an action with no due date, in a chart's table.
NO_DATE = N_("no date")
OPTION_TIPS = {
    "option:N": N_("Option"),
    "impact:Q": N_("Impact"),
    "feasibility:Q": N_("Feasibility"),
    "quadrant:N": N_("Quadrant"),
    "ratings:Q": N_("Tables rating"),
    "cost:N": N_("Cost"),
}


def option_tips() -> dict[str, str]:
    """The scatter's tooltip titles, in the reader's language."""
    return {field: _(title) for field, title in OPTION_TIPS.items()}


def status_word(status: str) -> str:
    """A status value in words: 'in_progress' -> 'in progress'."""
    value = str(status)
    return _(STATUSES[value]) if value in STATUSES else value.replace("_", " ")


def cost_word(cost: str) -> str:
    """A cost band in words: 'low' -> 'low' (or 'bajo'); '' -> 'not given'."""
    value = str(cost)
    if not value:
        return _("not given")
    return _(COST_WORDS[value]) if value in COST_WORDS else value


def statuses_in(values: Sequence[str]) -> list[str]:
    """The four statuses in words, in order, then any others met in `values`."""
    return list(dict.fromkeys([*map(status_word, STATUSES), *map(status_word, values)]))


def quadrant(impact: float, feasibility: float) -> str:
    """The quadrant an option falls in, by name."""
    return _(QUADRANTS[(impact >= MID, feasibility >= MID)])


def quadrant_labels(line: float) -> pd.DataFrame:
    """Each quadrant's name in its outer corner, a line in from the edge, where points are few."""
    return pd.DataFrame(
        [
            {
                "quadrant": _(name),
                "x": 5 if feasible else 1,
                "y": 5 - line if high else 1 + line,
                "side": "right" if feasible else "left",
            }
            for (high, feasible), name in QUADRANTS.items()
        ]
    )


def _rating(value: float | None) -> str:
    return _("not rated") if value is None else number(value)


def option_rows(points: Sequence[RatedOption], line: float, chars: int) -> pd.DataFrame:
    """One row per option, labelled '3. Title (2 tables)'; `rated` is False when unplaced.

    Labels of points at one spot stack away from the nearer edge, `line` rating units apart.
    """
    rows, seen = [], {}
    for n, p in enumerate(points, 1):
        impact, feasibility = p.impact, p.feasibility
        spot = (impact, feasibility)
        k = seen[spot] = seen.get(spot, -1) + 1
        tables = ngettext("{n} table", "{n} tables", p.ratings).format(n=p.ratings)
        placed = impact is not None and feasibility is not None
        rows.append(
            {
                "#": n,
                "option": p.title,
                "impact": impact,
                "feasibility": feasibility,
                "ratings": p.ratings,
                "cost": cost_word(p.cost),
                "rated": placed,
                "quadrant": (
                    quadrant(impact, feasibility)
                    if impact is not None and feasibility is not None
                    else _("not rated")
                ),
                "label_y": (
                    impact + (-k if impact >= MID else k) * line
                    if impact is not None and feasibility is not None
                    else None
                ),
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
    names = {"option": _("Option"), "impact": _("Impact"), "feasibility": _("Feasibility")}
    names |= {"quadrant": _("Quadrant"), "ratings": _("Tables rating"), "cost": _("Cost")}
    return rows.rename(columns=names).reindex(columns=["#", *names.values()])


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
            "group": a.group or _("No group"),
            "due": a.due_on.isoformat() if a.due_on else _(NO_DATE),
            "dated": a.due_on is not None,
            "status": status_word(a.status),
            "overdue": is_overdue(a, today),
            "text": (
                _("Overdue · {status}").format(status=status_word(a.status))
                if is_overdue(a, today)
                else status_word(a.status)
            ),
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
    rows["overdue"] = [_("yes") if overdue else _("no") for overdue in rows["overdue"]]
    # The chart reads an ISO date; a person reads "Nov 20, 2026" / "20 nov 2026", as the
    # chart's axis writes it. The rows are in date order already, so words lose no order.
    rows["due"] = [
        i18n.short_day(date.fromisoformat(due)) if dated else due
        for due, dated in zip(rows["due"], rows["dated"], strict=True)
    ]
    names = {"action": _("Action"), "group": _("Group"), "due": _("Due"), "status": _("Status")}
    names |= {"overdue": _("Overdue")}
    return rows.rename(columns=names).reindex(columns=["#", *names.values()])


def counted(status: str, n: int) -> str:
    """How many actions have `status` (a status value), in words that agree with the count:
    "3 done" / "3 hechas"."""
    # Each status its own entry: in Spanish the word agrees with "acción" and the count.
    if status == "done":
        words = ngettext("{n} done", "{n} done", n)
    elif status == "in_progress":
        words = ngettext("{n} in progress", "{n} in progress", n)
    elif status == "not_started":
        words = ngettext("{n} not started", "{n} not started", n)
    elif status == "blocked":
        words = ngettext("{n} blocked", "{n} blocked", n)
    else:
        return f"{n} {status_word(status)}"
    return words.format(n=n)


def progress_rows(rows: Sequence[GroupStatusCounts]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per group with its counts in words, one per group and status it has)."""
    groups, parts = [], []
    for r in rows:
        counts = {status_word(k): n for k, n in r.counts.items()}
        value_of = {status_word(k): str(k) for k in r.counts}
        order = statuses_in(list(counts))
        said = [counted(value_of[s], counts[s]) for s in order if counts.get(s)]
        label = short(r.stakeholder)
        text = " · ".join(said) or _("no actions")
        groups.append({"label": label, "total": r.total, "text": text})
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
    table = {_("Group"): [r.stakeholder for r in rows]}
    table |= {s.capitalize(): [c.get(s, 0) for c in counts] for s in order}
    return pd.DataFrame({**table, _("Total"): [r.total for r in rows]})
