"""Read a Pol.is conversation export (the CSV files Pol.is offers for download), no database."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from db.models.enums import Choice
from services.errors import ValidationError
from services.validation import LONG_MAX, clean_text

DEFAULT_ATTRIBUTION = "Data gathered with Pol.is (compdemocracy.org/polis), CC BY 4.0"
_CHOICE = {1: Choice.AGREE, -1: Choice.DISAGREE, 0: Choice.PASS}

T = TypeVar("T")


@dataclass(frozen=True)
class Statement:
    """One Pol.is comment; `moderated` -1 means the moderator rejected it."""

    comment_id: int
    text: str
    moderated: int
    created_at: datetime

    @property
    def rejected(self) -> bool:
        return self.moderated == -1


@dataclass(frozen=True)
class PolisVote:
    """A voter's last word on one statement."""

    voter_id: int
    comment_id: int
    choice: Choice
    voted_at: datetime


@dataclass(frozen=True)
class PolisExport:
    """A parsed export; `groups` maps every voter to their opinion group, or to None."""

    topic: str
    statements: tuple[Statement, ...]
    votes: tuple[PolisVote, ...]
    groups: dict[int, int | None]
    attribution: str


def read_export(folder: Path) -> PolisExport:
    """Parse summary.csv, comments.csv, votes.csv and participants-votes.csv in `folder`."""
    folder = Path(folder)
    summary = {r[0]: ",".join(r[1:]).strip() for r in _csv(folder, "summary.csv") if r}
    if not summary.get("topic"):
        raise ValidationError("summary.csv has no 'topic' row; is this a Pol.is export?")
    comments = _parse(
        folder, "comments.csv", ("comment-id", "comment-body", "moderated"), _statement
    )
    statements = tuple(sorted(comments, key=lambda st: st.comment_id))
    known = {st.comment_id for st in statements}
    latest: dict[tuple[int, int], PolisVote] = {}
    for vote in _parse(folder, "votes.csv", ("timestamp", "comment-id", "voter-id", "vote"), _vote):
        if vote.comment_id not in known:
            raise ValidationError(
                f"votes.csv has votes on statement {vote.comment_id}, which comments.csv does "
                "not list. Export the whole conversation again."
            )
        key = (vote.voter_id, vote.comment_id)
        # Pol.is keeps every change of mind; the voter's answer is the last one.
        if key not in latest or vote.voted_at >= latest[key].voted_at:
            latest[key] = vote
    groups: dict[int, int | None] = {voter: None for voter, _ in latest}
    groups.update(
        _parse(folder, "participants-votes.csv", ("participant", "group-id"), _membership)
    )
    credit = folder / "ATTRIBUTION.md"
    attribution = credit.read_text(encoding="utf-8").strip() if credit.is_file() else ""
    votes = tuple(sorted(latest.values(), key=lambda v: (v.voter_id, v.comment_id)))
    return PolisExport(
        summary["topic"], statements, votes, groups, attribution or DEFAULT_ATTRIBUTION
    )


def _statement(r: dict[str, str]) -> Statement:
    comment = int(r["comment-id"])
    text = clean_text(r["comment-body"], f"Statement {comment}", LONG_MAX)
    # The timestamp is not needed to vote on a statement; without one it dates from the import.
    when = _time(r["timestamp"]) if r.get("timestamp") else datetime.now(UTC)
    return Statement(comment, text, int(r["moderated"]), when)


def _vote(r: dict[str, str]) -> PolisVote:
    choice = _CHOICE[int(r["vote"])]
    return PolisVote(int(r["voter-id"]), int(r["comment-id"]), choice, _time(r["timestamp"]))


def _membership(r: dict[str, str]) -> tuple[int, int | None]:
    group = r["group-id"].strip()
    return int(r["participant"]), int(group) if group else None


def _time(millis: str) -> datetime:
    return datetime.fromtimestamp(int(millis) / 1000, UTC)


def _parse(
    folder: Path, name: str, columns: tuple[str, ...], parse: Callable[[dict[str, str]], T]
) -> list[T]:
    rows = _csv(folder, name)
    header = rows[0] if rows else []
    for column in columns:
        if column not in header:
            raise ValidationError(f"{name} has no column '{column}'; is this a Pol.is export?")
    result = []
    # Rows counted as a spreadsheet shows them, the header being row 1.
    for line, values in enumerate(rows[1:], start=2):
        if not any(values):
            continue
        try:
            result.append(parse(dict(zip(header, values, strict=False))))
        except (ValueError, KeyError, TypeError):
            raise ValidationError(
                f"{name}, row {line}, is not a Pol.is row ({','.join(values)[:80]}). "
                "Export the conversation again."
            ) from None
    return result


def _csv(folder: Path, name: str) -> list[list[str]]:
    path = folder / name
    if not path.is_file():
        raise ValidationError(f"{folder} has no {name}; is this a Pol.is export folder?")
    # utf-8-sig: a spreadsheet that re-saved the file may have put a byte-order mark first.
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))
    except UnicodeDecodeError:
        raise ValidationError(
            f"{name} is not UTF-8 text. Download the export from Pol.is again; do not re-save it."
        ) from None


POLIS_FILES = ("summary.csv", "comments.csv", "votes.csv", "participants-votes.csv")


def read_uploaded(files: dict[str, bytes]) -> PolisExport:
    """Parse an export uploaded as files (name -> bytes); names must be Pol.is's own."""
    missing = [name for name in POLIS_FILES if name not in files]
    if missing:
        raise ValidationError(
            f"Missing {', '.join(missing)}. Upload the four files of the Pol.is export: "
            + ", ".join(POLIS_FILES)
            + "."
        )
    with tempfile.TemporaryDirectory() as folder:
        # ATTRIBUTION.md is optional: without it the default CC BY 4.0 credit is used.
        for name in (*POLIS_FILES, "ATTRIBUTION.md"):
            if name in files:
                (Path(folder) / name).write_bytes(files[name])
        return read_export(Path(folder))
