"""Read a Pol.is conversation export (the CSV files Pol.is offers for download), no database.

Pol.is has named its files two ways: `comments.csv`, `participants-votes.csv` (the
open-data sets), and today's report page `2025-06-19-1201-<conversation>-comments.csv`,
`…-participant-votes.csv` (singular), also offered as one zip. Both are read, as files or
as a zip. Its timestamps were milliseconds and are seconds in today's exports.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TypeVar

from db.models.enums import Choice
from i18n import _
from services.core.errors import ValidationError
from services.core.validation import LONG_MAX, clean_text

DEFAULT_ATTRIBUTION = "Data gathered with Pol.is (compdemocracy.org/polis), CC BY 4.0"
REMOVED_TEXT = "(removed by the Pol.is moderator; its text was not exported)"
"""Shown for a statement Pol.is exported with no words: kept hidden, never on a ballot."""
_CHOICE = {1: Choice.AGREE, -1: Choice.DISAGREE, 0: Choice.PASS}
_SECONDS_BEFORE = 10**11
"""A timestamp below this is in seconds (10^11 s is the year 5138; 10^11 ms is 1973)."""
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}-\d{4}-[A-Za-z0-9]+-(?P<file>.+)$")
_SAME_FILE = {"participant-votes.csv": "participants-votes.csv"}
ATTRIBUTION = "ATTRIBUTION.md"
ZIP_MAX_FILES = 20
ZIP_MAX_BYTES = 100 * 1024 * 1024
"""What a zip may hold once unpacked: an export of half a million votes is about 25 MB."""

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
    conversation: str = ""
    """Pol.is's id of the conversation (the end of its pol.is address), when summary.csv
    gives it: what tells one conversation's opinion groups from another's."""


def read_export(folder: Path) -> PolisExport:
    """Parse summary.csv, comments.csv, votes.csv and participants-votes.csv in `folder`,
    under either of Pol.is's names for them."""
    export = _ExportFolder(Path(folder))
    summary = {r[0]: ",".join(r[1:]).strip() for r in _csv(export, "summary.csv") if r}
    if not summary.get("topic"):
        raise ValidationError(_("summary.csv has no 'topic' row; is this a Pol.is export?"))
    comments = _parse(
        export, "comments.csv", ("comment-id", "comment-body", "moderated"), _statement
    )
    statements = tuple(sorted(comments, key=lambda st: st.comment_id))
    known = {st.comment_id for st in statements}
    latest: dict[tuple[int, int], PolisVote] = {}
    for vote in _parse(export, "votes.csv", ("timestamp", "comment-id", "voter-id", "vote"), _vote):
        if vote.comment_id not in known:
            raise ValidationError(
                _(
                    "votes.csv has votes on statement {comment_id}, which comments.csv does not "
                    "list. Export the whole conversation again."
                ).format(comment_id=vote.comment_id)
            )
        key = (vote.voter_id, vote.comment_id)
        # Pol.is keeps every change of mind; the voter's answer is the last one.
        if key not in latest or vote.voted_at >= latest[key].voted_at:
            latest[key] = vote
    groups: dict[int, int | None] = {voter: None for voter, _ in latest}
    groups.update(
        _parse(export, "participants-votes.csv", ("participant", "group-id"), _membership)
    )
    credit = export / "ATTRIBUTION.md"
    attribution = credit.read_text(encoding="utf-8").strip() if credit.is_file() else ""
    votes = tuple(sorted(latest.values(), key=lambda v: (v.voter_id, v.comment_id)))
    return PolisExport(
        summary["topic"],
        statements,
        votes,
        groups,
        attribution or DEFAULT_ATTRIBUTION,
        conversation=_conversation_id(summary.get("url", "")),
    )


def _conversation_id(url: str) -> str:
    """`9xxwa9jpkm` from `https://pol.is/9xxwa9jpkm`; '' when there is none to read."""
    last = url.strip().rstrip("/").rsplit("/", 1)[-1]
    return last if re.fullmatch(r"[A-Za-z0-9]{4,40}", last) and "." not in last else ""


def _statement(r: dict[str, str]) -> Statement:
    comment = int(r["comment-id"])
    moderated = int(r["moderated"])
    # The timestamp is not needed to vote on a statement; without one it dates from the import.
    when = _time(r["timestamp"]) if r.get("timestamp") else datetime.now(UTC)
    if not r["comment-body"].strip():
        # Pol.is exports a statement its moderator removed with no words: keep it, hidden.
        return Statement(comment, REMOVED_TEXT, -1, when)
    text = clean_text(r["comment-body"], _("Statement {comment}").format(comment=comment), LONG_MAX)
    return Statement(comment, text, moderated, when)


def _vote(r: dict[str, str]) -> PolisVote:
    choice = _CHOICE[int(r["vote"])]
    return PolisVote(int(r["voter-id"]), int(r["comment-id"]), choice, _time(r["timestamp"]))


def _membership(r: dict[str, str]) -> tuple[int, int | None]:
    group = r["group-id"].strip()
    return int(r["participant"]), int(group) if group else None


def _time(raw: str) -> datetime:
    value = int(raw)
    return datetime.fromtimestamp(value if abs(value) < _SECONDS_BEFORE else value / 1000, UTC)


def _parse(
    folder: _ExportFolder, name: str, columns: tuple[str, ...], parse: Callable[[dict[str, str]], T]
) -> list[T]:
    rows = _csv(folder, name)
    header = rows[0] if rows else []
    for column in columns:
        if column not in header:
            raise ValidationError(
                _("{name} has no column '{column}'; is this a Pol.is export?").format(
                    name=name, column=column
                )
            )
    result = []
    # Rows counted as a spreadsheet shows them, the header being row 1.
    for line, values in enumerate(rows[1:], start=2):
        if not any(values):
            continue
        try:
            result.append(parse(dict(zip(header, values, strict=False))))
        except (ValueError, KeyError, TypeError):
            raise ValidationError(
                _(
                    "{name}, row {line}, is not a Pol.is row ({values}). "
                    "Export the conversation again."
                ).format(name=name, line=line, values=",".join(values)[:80])
            ) from None
    return result


class _ExportFolder:
    """A folder of an export, finding each file under either of Pol.is's names."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.found: dict[str, Path] = {}
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                canonical = export_name(path.name)
                # The open-data name wins over a dated one, then the first dated one.
                wanted = canonical == path.name or canonical not in self.found
                if canonical and path.is_file() and wanted:
                    self.found[canonical] = path

    def __truediv__(self, name: str) -> Path:
        return self.found.get(name, self.folder / name)

    def __str__(self) -> str:
        return str(self.folder)


def _csv(folder: _ExportFolder, name: str) -> list[list[str]]:
    path = folder / name
    if not path.is_file():
        raise ValidationError(
            _("{folder} has no {name}; is this a Pol.is export folder?").format(
                folder=folder, name=name
            )
        )
    # utf-8-sig: a spreadsheet that re-saved the file may have put a byte-order mark first.
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))
    except UnicodeDecodeError:
        raise ValidationError(
            _(
                "{name} is not UTF-8 text. Download the export from Pol.is again; do not "
                "re-save it."
            ).format(name=name)
        ) from None


POLIS_FILES = ("summary.csv", "comments.csv", "votes.csv", "participants-votes.csv")


def export_name(name: str) -> str | None:
    """The file of an export that `name` is, under its open-data name, or None.

    `2025-06-19-1201-4kjxvmxb3-participant-votes.csv` is `participants-votes.csv`.
    """
    base = PurePosixPath(name.replace("\\", "/")).name
    dated = _DATED.match(base)
    base = (dated["file"] if dated else base).lower()
    base = _SAME_FILE.get(base, base)
    if base == ATTRIBUTION.lower():
        return ATTRIBUTION
    return base if base in POLIS_FILES else None


def read_uploaded(files: dict[str, bytes]) -> PolisExport:
    """Parse an export uploaded as files (name -> bytes), or as the zip Pol.is offers."""
    found: dict[str, tuple[str, bytes]] = {}
    for name, data in _unzipped(files.items()):
        canonical = export_name(name)
        if canonical is None:
            continue
        if canonical in found and found[canonical][1] != data:
            raise ValidationError(
                _(
                    "Two different files are {canonical}: {first} and {name}. "
                    "Upload the files of one export only."
                ).format(canonical=canonical, first=found[canonical][0], name=name)
            )
        found[canonical] = (name, data)
    missing = [name for name in POLIS_FILES if name not in found]
    if missing:
        raise ValidationError(
            _(
                "Missing {missing}. Upload the zip Pol.is gives, or its four files: {files} "
                "(dated names such as 2025-06-19-1201-…-comments.csv are fine)."
            ).format(missing=", ".join(missing), files=", ".join(POLIS_FILES))
        )
    with tempfile.TemporaryDirectory() as folder:
        # ATTRIBUTION.md is optional: without it the default CC BY 4.0 credit is used.
        for canonical, (_name, data) in found.items():
            (Path(folder) / canonical).write_bytes(data)
        return read_export(Path(folder))


def _unzipped(files: Iterable[tuple[str, bytes]]) -> Iterable[tuple[str, bytes]]:
    """Each file as uploaded, with a zip's files in its place; a zip bomb is refused."""
    for name, data in files:
        if not name.lower().endswith(".zip"):
            yield name, data
            continue
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = [m for m in archive.infolist() if not m.is_dir()]
                if len(members) > ZIP_MAX_FILES:
                    raise ValidationError(
                        _(
                            "{name} holds {count} files; a Pol.is export has 4 or 5. "
                            "Upload the zip Pol.is gave you, or its CSV files."
                        ).format(name=name, count=len(members))
                    )
                budget = ZIP_MAX_BYTES
                for member in members:
                    content = _read_capped(archive, member, budget, name)
                    budget -= len(content)
                    yield member.filename, content
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError):
            raise ValidationError(
                _(
                    "{name} is not a zip file that can be opened. Download it from Pol.is again."
                ).format(name=name)
            ) from None


def _read_capped(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int, name: str
) -> bytes:
    # The sizes a zip declares can lie: count what really comes out.
    with archive.open(member) as stream:
        content = stream.read(budget + 1)
    if len(content) > budget:
        raise ValidationError(
            _(
                "{name} unpacks to more than {size} MB; a Pol.is export "
                "is far smaller. Check that it is the conversation's export."
            ).format(name=name, size=ZIP_MAX_BYTES // (1024 * 1024))
        )
    return content
