"""The room's people playing Common Ground: phones on /vote, scribes' tablets, projectors.

Each interaction is timed from the moment its BackMsg leaves to its final
script_finished, and then checked: a page must show its own heading, a saved note its
confirmation. Anything else — an exception drawn on the page, a run that never finishes,
a heading that is not there — is an error. A refusal in words ("you have no dots left")
is the app working and counts apart.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bench.cookie_component import CookieManagerFrame
from bench.recorder import IdeaWatch, Recorder, Unexpected
from bench.seed_load import idea_text
from bench.session import Run, Tab, chosen, text, trigger

DOTS_KEY = "-dots-"
"""components/ballot.py keys each idea's control `dots-<round>-<item>`; the key is in its id."""


COOKIE_RERUN = "cookie component rerun"
PROJECTOR_REFRESH = "projector: 2 s refresh"
WALL_CHECK = "projector: wall check"
"""The projector's check between refreshes that found the board as it drew it: no redraw."""
NEW_IDEA_DRAWN = "projector: new idea drawn"
"""A wall check that found a new idea, and the page it drew again to show it."""


class _Player:
    """A tab, the recorder, and the last run (whose widget ids the next request uses)."""

    def __init__(self, tab: Tab, recorder: Recorder) -> None:
        self.tab = tab
        self.recorder = recorder
        self.last: Run | None = None
        self.cookie_frame = CookieManagerFrame()

    async def _do(
        self,
        name: str,
        request: Callable[[], Awaitable[Run]],
        *expected: str,
        fragment: bool = False,
        named: Callable[[Run], str] | None = None,
    ) -> Run | None:
        """One timed request; then the page must show every `expected` text.

        `named` names the interaction by what the run did, when only the answer tells.
        """
        async with self.tab.lock:
            run = await self.recorder.timed(name, request(), named)
        if run is None:
            return None
        name = named(run) if named else name
        missing = [e for e in expected if not run.contains(e)]
        if run.exceptions or missing:
            problem = run.exceptions or [f"missing {m!r}" for m in missing]
            self.recorder.error(name, "; ".join(problem)[:300])
        else:
            self.recorder.keep(name, run)
        if not fragment:
            self.last = run
            await self._component_answers(run)
        elif self.last is not None:
            # A fragment's run redraws only the fragment; the rest of the page stays.
            self.last = self.last.updated_by(run)
        return run

    async def _component_answers(self, run: Run) -> None:
        """The reruns a browser's cookie iframe asks for after `run`, as it would send them."""
        answers = self.cookie_frame.answers(run)
        if answers:
            await self._do(COOKIE_RERUN, lambda: self.tab.rerun(answers))

    async def _refresh(
        self, name: str, *expected: str, every: float | None = None, **how: Any
    ) -> Run | None:
        """What the browser's `run_every` timer sends: a rerun of that fragment alone.

        `every` picks the page's fragment of that interval, on a page that has several.
        """
        rerun = lambda: self._fragment_rerun(every)  # noqa: E731
        return await self._do(name, rerun, *expected, fragment=True, **how)

    async def _fragment_rerun(self, every: float | None) -> Run:
        # Read under the tab's lock: a full run in flight may be renewing the fragment ids.
        fragments = [f for f, s in self.tab.auto_reruns.items() if every in (None, s)]
        if not fragments:
            raise Unexpected(f"the page registered no run_every fragment of {every} s")
        return await self.tab.rerun(fragment_id=fragments[0], timer=True)

    async def close(self) -> None:
        await self.tab.close()


class AppVoter(_Player):
    """A participant's phone on /vote?code=…: taps a number of dots on an idea."""

    def __init__(self, server: str, code: str, recorder: Recorder) -> None:
        super().__init__(Tab(server, "vote", f"code={code}"), recorder)

    async def open(self) -> None:
        await self._do("vote: open page", self.tab.open, "Vote", "dots left")

    async def tap(self, rng: random.Random) -> None:
        elements = self.last.elements if self.last else []
        controls = [e for e in elements if e.kind == "button_group" and DOTS_KEY in e.id]
        if not controls:
            self.recorder.error("vote: tap dots", "no ballot on the page to tap")
            return
        control = rng.choice(controls)
        options = [o.content for o in control.proto.options]
        now = _current(control.proto, options)
        dots = rng.choice([o for o in options if o != now])
        tap = lambda: self.tab.rerun([chosen(control.id, dots)], fragment_id=control.fragment)  # noqa: E731
        run = await self._do("vote: tap dots", tap, fragment=bool(control.fragment))
        if run is not None:
            for refusal in run.alerts("ERROR"):
                if "dot" in refusal and "left" in refusal:
                    self.recorder.refused("vote: tap dots")
                else:
                    self.recorder.error("vote: tap dots", refusal)

    async def refresh(self) -> None:
        await self._refresh("vote: 5 s refresh")


@dataclass(frozen=True, slots=True, kw_only=True)
class ScribeSeat:
    """Who a scribe signs in as, and the table and room they write for."""

    username: str
    password: str
    table: int
    room: int


class AppScribe(_Player):
    """A table's tablet: signs in once, then notes and ideas, switching between the two."""

    def __init__(self, server: str, seat: ScribeSeat, watch: IdeaWatch, recorder: Recorder) -> None:
        super().__init__(Tab(server), recorder)
        self.username, self.password, self.table = seat.username, seat.password, seat.table
        self.watch, self.room = watch, seat.room

    async def open(self) -> None:
        home = await self._do("home: open page", self.tab.open, "Sign in")
        if home is None:
            return
        sign_in = lambda: self.tab.rerun(sign_in_form(home, self.username, self.password))  # noqa: E731
        await self._do("sign in", sign_in, "You are signed in.")
        await self.to_listen()

    async def to_listen(self) -> None:
        await self._go("listen", f"Listen · table {self.table}")

    async def to_ideas(self) -> None:
        await self._go("ideas", f"Ideas · table {self.table}")

    async def save_note(self, rng: random.Random) -> None:
        said = f"{idea_text(rng)}."
        await self._submit("listen: save note", "What was said", said, "Save note", "Note saved.")

    async def add_idea(self, rng: random.Random) -> None:
        marker = self.watch.new_marker(self.room)
        self.watch.sent(marker, time.monotonic())
        idea = f"{idea_text(rng)} {marker}"
        await self._submit("ideas: add idea", "The idea", idea, "Add idea", "Idea added.")

    async def _go(self, page: str, heading: str) -> None:
        query = f"table={self.table}"
        switch = lambda: self.tab.rerun(page=page, query=query)  # noqa: E731
        await self._do(f"{page}: open page", switch, heading)

    async def _submit(self, name: str, field: str, value: str, button: str, done: str) -> None:
        box = self.last.widget("text_area", field) if self.last else None
        submit = self.last.widget("button", button) if self.last else None
        if box is None or submit is None:
            self.recorder.error(name, f"no {field!r} form on the page")
            return
        states = [text(box.id, value), trigger(submit.id)]
        # A form drawn by a fragment is submitted as the browser does: naming the fragment.
        send = lambda: self.tab.rerun(states, fragment_id=submit.fragment)  # noqa: E731
        await self._do(name, send, done, fragment=bool(submit.fragment))


class AppProjector(_Player):
    """The room's projector on /projector?code=…, refreshing itself every two seconds."""

    def __init__(self, server: str, code: str, name: str, watch: IdeaWatch, recorder: Recorder):
        super().__init__(Tab(server, "projector", f"code={code}"), recorder)
        self.name, self.watch = name, watch

    async def open(self) -> None:
        self._look(await self._do("projector: open page", self.tab.open, "ideas so far"))

    async def refresh(self) -> None:
        self._look(await self._refresh(PROJECTOR_REFRESH, "ideas so far", every=2.0))

    async def check(self) -> None:
        """The wall check's tick: nothing drawn, or the whole page again with a new idea."""
        run = await self._refresh(WALL_CHECK, every=0.5, named=_wall_check_name)
        if run is not None and _wall_check_name(run) == NEW_IDEA_DRAWN:
            if not run.contains("ideas so far"):
                self.recorder.error(NEW_IDEA_DRAWN, "missing 'ideas so far'")
            self._look(run)

    def _look(self, run: Run | None) -> None:
        if run is not None:
            self.watch.shown(self.name, [(e.text, e.at) for e in run.elements])


def _wall_check_name(run: Run) -> str:
    # A check that found a new idea reruns the page (st.rerun): it draws outside any fragment.
    return NEW_IDEA_DRAWN if any(not e.fragment for e in run.elements) else WALL_CHECK


def sign_in_form(home: Run, username: str, password: str) -> list:
    """The widget states of the home page's sign-in form, filled in and submitted.

    The honest way in: the form's submission is an ordinary rerun, checked with bcrypt,
    and the session stays signed in for every later rerun, as a tablet's tab does.
    """
    user = home.widget("text_input", "Username")
    secret = home.widget("text_input", "Password")
    button = home.widget("button", "Sign in")
    if user is None or secret is None or button is None:
        raise Unexpected("no sign-in form on the home page")
    return [text(user.id, username), text(secret.id, password), trigger(button.id)]


def _current(control, options: list[str]) -> str | None:
    """The number a dots control shows now: the value the server set, else its default."""
    if control.set_value and control.raw_values:
        return control.raw_values[0]
    return options[control.default[0]] if control.default else None
