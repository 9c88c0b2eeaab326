"""The trust questions: each with its key, its words and the scale it is answered on.

An initiative lists its questions as wordings (Initiative.trust_statements), the same list
asked before and after the meeting, so the wording is identical on both sides by
construction. Answers are stored in survey_response.trust under the item's key: for a
question the facilitator wrote, the key is its wording (as it always was, so older answers
still count); for a published item below, a short stable key, so the comparison survives
a corrected typo in our copy of its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import N_, _


@dataclass(frozen=True)
class Scale:
    """The words of each answer, lowest first; answer n is stored as the whole number n."""

    name: str
    words: tuple[str, ...]

    @property
    def top(self) -> int:
        return len(self.words)

    def describe(self) -> str:
        """'1 strongly disagree – 5 strongly agree', in the reader's language."""
        words = self.shown()
        return f"1 {words[0].lower()} – {self.top} {words[-1].lower()}"

    def shown(self) -> tuple[str, ...]:
        """The answers' words in the reader's language, lowest first."""
        return tuple(_(word) for word in self.words)


AGREEMENT = Scale(
    "agreement",
    (
        N_("Strongly disagree"),
        N_("Disagree"),
        N_("Neither agree nor disagree"),
        N_("Agree"),
        N_("Strongly agree"),
    ),
)
# ESS Round 5 answer categories for D15–D17 (source below).
HOW_OFTEN = Scale(
    "how often", (N_("Not at all often"), N_("Not very often"), N_("Often"), N_("Very often"))
)
SCALES = (AGREEMENT, HOW_OFTEN)


@dataclass(frozen=True)
class TrustItem:
    """One trust question as asked; `source` says where a published wording comes from."""

    key: str
    wording: str
    scale: Scale = AGREEMENT
    source: str = ""


_ESS5 = (
    "European Social Survey Round 5 (2010), module 'Trust in the police and courts', "
    "items D15–D17 (plcrspc, plcfrdc, plcexdc), 'Trust in police procedural fairness'; "
    "wording and answer scale as listed at "
    "http://essedunet.nsd.uib.no/cms/topics/latentvar/1/1.html. "
    "'[country]' is read as 'this city', where the meeting's police work."
)
# D15, D16 and the 1-4 scale are as that page gives them. The page's copy of D17 breaks
# off after "When dealing with people"; its rest is the ESS5 source questionnaire's
# wording as we know it, not checked against the questionnaire offline: check it there
# before citing D17 word for word. (ESS also offers "No one ever asks the police to
# explain..." for D17; here "Prefer not to say" takes that place, as no answer.)
PROCEDURAL_JUSTICE = (
    TrustItem(
        "ess5_plcrspc",
        N_(
            "Based on what you have heard or your own experience, how often would you say the "
            "police generally treat people in this city with respect?"
        ),
        HOW_OFTEN,
        _ESS5,
    ),
    TrustItem(
        "ess5_plcfrdc",
        N_(
            "About how often would you say that the police make fair, impartial decisions in the "
            "cases they deal with?"
        ),
        HOW_OFTEN,
        _ESS5,
    ),
    TrustItem(
        "ess5_plcexdc",
        N_(
            "When dealing with people in this city, how often would you say the police explain "
            "their decisions and actions when asked to do so?"
        ),
        HOW_OFTEN,
        _ESS5,
    ),
)
NEIGHBOURHOOD = (
    # The issue's own wording. The Crime Survey for England and Wales asks a close
    # question about the police "in this area" treating people with respect; its exact
    # words could not be checked offline, so this is not claimed as a quotation of it.
    TrustItem(
        "area_respect",
        N_("The police in this neighbourhood treat residents with respect."),
        AGREEMENT,
        "Written for Common Ground after the Crime Survey for England and Wales item on the "
        "local police treating people with respect.",
    ),
    # London's Public Attitude Survey (MOPAC) item "Agree the police listen to the
    # concerns of local people", https://data.london.gov.uk/dataset/public-perception-,
    # with "in this neighbourhood" to tie it to the place.
    TrustItem(
        "area_listen",
        N_("The police in this neighbourhood listen to the concerns of local people."),
        AGREEMENT,
        "MOPAC Public Attitude Survey, London: 'the police listen to the concerns of local "
        "people'.",
    ),
)
STANDARD_ITEMS = PROCEDURAL_JUSTICE + NEIGHBOURHOOD
_BY_WORDING = {i.wording.casefold(): i for i in STANDARD_ITEMS}


def item_for(statement: str) -> TrustItem:
    """The question behind one of an initiative's statements: a published item when the
    words are one, else the facilitator's own statement, answered on agreement."""
    return _BY_WORDING.get(statement.strip().casefold()) or TrustItem(statement, statement)


def trust_items(statements: list[str]) -> list[TrustItem]:
    """The initiative's questions, in its order."""
    return [item_for(s) for s in statements]


def is_answer(item: TrustItem, score: object) -> bool:
    """A real answer on the item's scale; None (skipped) or anything else is no answer."""
    return isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= item.scale.top
