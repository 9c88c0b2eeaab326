"""axe-core in the page: the WCAG 2.0/2.1 A and AA rules, violations in words."""

from __future__ import annotations

import contextlib

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser import screen

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
TOOLTIP = '[data-testid="stTooltipContent"]'
AXE_SCRIPT = Axe().axe_script
"""axe-core as axe-playwright-python bundles it."""

# axe-core once per document (a Streamlit page changes screens within one), and back only
# what a line below says: the whole results, passes included, cost a third of each check
# (0.33 against 0.23 CPU-seconds a screen, measured here).
LOADED = "() => typeof window.axe === 'object'"
RUN = """async options => {
  const results = await axe.run(document, options);
  return results.violations.map(rule => ({
    id: rule.id, impact: rule.impact, count: rule.nodes.length,
    first: rule.nodes.slice(0, 1).map(n => ({
      target: n.target, summary: n.failureSummary || '', html: n.html || ''}))}));
}"""


def violations(page: Page, where: str) -> list[str]:
    """Each violation on the page as one line: rule, impact, how many, the first element."""
    if not page.evaluate(LOADED):
        page.evaluate(AXE_SCRIPT)
    found = []
    for rule in page.evaluate(RUN, OPTIONS):
        first = rule["first"][0] if rule["first"] else {"target": "", "summary": "", "html": ""}
        summary = first["summary"].replace("\n", " ")[:160]
        summary += " | " + first["html"][:200] if rule["first"] else ""
        found.append(
            f"{where}: {rule['id']} ({rule['impact']}) ×{rule['count']} at {first['target']}: "
            f"{summary}"
        )
    return found


# The walk by Tab (`unseen_focus`): before it, how each control and what is around it look
# with nothing focused; then, on each focus the keyboard moves, whether anything of that
# changed. Transitions are stopped for the walk, so a ring is there the moment the focus is
# (Streamlit's rings fade in). A document-level listener runs after React's own, so a ring
# drawn from React's state on focus is in place when it looks.
_FOCUS_WATCH = """() => {
  const quiet = document.createElement("style");
  quiet.id = "focus-walk-quiet";
  quiet.textContent = "*, *::before, *::after { transition: none !important; }";
  document.head.appendChild(quiet);
  const look = (el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderTopColor,
      s.borderBottomColor, s.borderBottomWidth, s.backgroundColor, s.textDecorationLine].join();
  };
  const around = (el) => {
    const nodes = [];
    for (let n = el, i = 0; n && i < 6; n = n.parentElement, i++) nodes.push(n);
    for (const c of el.parentElement ? el.parentElement.children : []) {
      if (!nodes.includes(c)) nodes.push(c);
    }
    return nodes;
  };
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  const still = new Map();
  const controls = "a[href], button, input, select, textarea, [tabindex]";
  for (const el of document.querySelectorAll(controls)) {
    still.set(el, around(el).map((n) => [n, look(n)]));
  }
  const walk = window.__focusWalk = {seen: [], unseen: [], round: false, done: null};
  walk.done = () => {
    document.removeEventListener("focusin", walk.listener);
    // Leave nothing focused: a toolbar button the walk stopped on keeps its tooltip open,
    // and the next check would read that tooltip half faded in.
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    quiet.remove();
    // What Tab should have reached: each control that takes it and is drawn; a group of
    // radio buttons once (Tab enters it, the arrows move within it).
    const groups = new Set(walk.seen.filter((el) => el.type === "radio").map((el) => el.name));
    const missed = [...still.keys()].filter((el) => el.tabIndex >= 0 && !el.disabled
      && el.checkVisibility({visibilityProperty: true}) && !el.closest("[inert]")
      && !walk.seen.includes(el) && !(el.type === "radio" && groups.has(el.name)))
      .map((el) => el.outerHTML.slice(0, 100));
    return {seen: walk.seen.length, unseen: walk.unseen, missed};
  };
  walk.listener = (event) => {
    const el = event.target;
    if (walk.seen.includes(el)) {
      walk.round = el === walk.seen[0];  // back at the first: the walk went all the way round
      return;
    }
    walk.seen.push(el);
    const before = still.get(el);
    if (!before || el.tagName === "CANVAS") return;
    if (before.some(([node, was]) => look(node) !== was)) return;
    const label = el.labels && el.labels[0] && el.labels[0].innerText;
    const name = el.getAttribute("aria-label") || label || el.innerText
      || el.getAttribute("title") || el.tagName;
    walk.unseen.push(name.trim().slice(0, 60));
  };
  document.addEventListener("focusin", walk.listener);
  return still.size;
}"""


def unseen_focus(page: Page, where: str) -> list[str]:
    """Move through the page by Tab, as a keyboard user does, and name each control whose
    focus shows nothing: no ring, frame, underline or colour change on it or around it
    (WCAG 2.4.7). A table's canvas is left to the table, which draws its focused cell."""
    # From a blank spot at the top, as a person who clicked there to start: the focus then
    # leaves the control last pressed (the language switch of the walk's last screen).
    page.mouse.click(screen(page)["width"] // 2, 3)
    controls = page.evaluate(_FOCUS_WATCH)
    # Round until a control comes back; more stops than controls (the browser's own, a
    # scrolling area), so the bound is loose, and the walk looks every few steps.
    for step in range(2 * controls + 10):
        page.keyboard.press("Tab")
        if step % 4 == 3 and page.evaluate("() => window.__focusWalk.round"):
            break
    found = page.evaluate("() => window.__focusWalk.done()")
    # Its tooltip gone too, before anything else reads the screen.
    with contextlib.suppress(PlaywrightTimeout):
        page.locator(TOOLTIP).first.wait_for(state="detached", timeout=5_000)
    missed = [f"{where}: Tab never reached {html!r}" for html in found["missed"]]
    return missed + [f"{where}: focus not shown on {name!r}" for name in found["unseen"]]
