"""axe-core in the page: the WCAG 2.0/2.1 A and AA rules, violations in words."""

from __future__ import annotations

import contextlib

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, ViewportSize
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
# with nothing focused; then, after each press of Tab, whether anything of that changed on
# the control the focus reached. Transitions are stopped for the walk, so a ring is there
# the moment the focus is (Streamlit's rings fade in). The look is taken two frames after
# the press: a ring drawn from React's state on focus (a select's) is drawn on React's
# next render, after the focus event, and read at the event a walk saw it one time and not
# the next (the Solve library's "Model of response").
# `region`: only the controls inside it (a selector), the walk starting at its first and
# ending when the focus leaves it: the screen's main area once a tab or an expander opened
# more of it, the menu and the top bar having been walked with the screen.
_FOCUS_WATCH = """(region) => {
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
    const grid = el.closest('[data-testid="stDataFrame"]');  // deeper than six, a ring round it
    if (grid && !nodes.includes(grid)) nodes.push(grid);
    return nodes;
  };
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  const within = region ? document.querySelector(region) : document.body;
  const still = new Map();
  const controls = "a[href], button, input, select, textarea, [tabindex]";
  // A table's grid is drawn on canvases (and may take the focus into a cell of the table
  // it keeps inside for screen readers): its focus shows if its drawing changes, or the
  // look of what is around it (Streamlit's grid draws nothing; the app rings it).
  const drawing = (canvas) => {
    const box = canvas.closest('[data-testid="stDataFrame"]') || canvas.parentElement;
    return [...box.querySelectorAll("canvas")].map((c) => c.toDataURL()).join();
  };
  const drawn = new Map();
  for (const el of within.querySelectorAll(controls)) {
    still.set(el, around(el).map((n) => [n, look(n)]));
    if (el.tagName === "CANVAS") drawn.set(el, drawing(el));
  }
  const takes = (el) => el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]")
    && el.checkVisibility({visibilityProperty: true});
  const walk = window.__focusWalk = {seen: [], unseen: [], done: null, step: null, frames: null};
  if (region) {
    const first = [...still.keys()].find(takes);
    if (first) first.focus();
  }
  // Whether the walk is over: back at the control it began with, or out of its region.
  // Two frames: what the page does on a focus (React's next render) is drawn by then.
  walk.frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  walk.step = async () => {
    await walk.frames();
    const focused = document.activeElement;
    if (!focused || focused === document.body) return false;
    const el = focused.closest("canvas") || focused;
    if (!within.contains(el)) return walk.seen.length > 0;
    if (walk.seen.includes(el)) return el === walk.seen[0];
    walk.seen.push(el);
    const before = still.get(el);
    if (!before) return false;
    if (before.some(([node, was]) => look(node) !== was)) return false;
    if (drawn.has(el) && drawing(el) !== drawn.get(el)) return false;
    const label = el.labels && el.labels[0] && el.labels[0].innerText;
    const name = el.getAttribute("aria-label") || label
      || (el.tagName === "CANVAS" ? "a table's grid" : el.innerText)
      || el.getAttribute("title") || el.tagName;
    walk.unseen.push(name.trim().slice(0, 60));
    return false;
  };
  walk.done = () => {
    // Leave nothing focused: a toolbar button the walk stopped on keeps its tooltip open,
    // and the next check would read that tooltip half faded in.
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    quiet.remove();
    // What Tab should have reached: each control that takes it and is drawn; a group of
    // radio buttons once (Tab enters it, the arrows move within it), native ones or a
    // radiogroup's (a segmented control's, which makes its other buttons untabbable a
    // moment after the focus enters).
    const group = (el) => (el.type === "radio" ? `name ${el.name}`
      : el.getAttribute("role") === "radio" && el.closest('[role="radiogroup"]'));
    const groups = new Set(walk.seen.map(group).filter(Boolean));
    const missed = [...still.keys()].filter((el) => takes(el)
      && !walk.seen.includes(el) && !groups.has(group(el)))
      .map((el) => el.outerHTML.slice(0, 100));
    return {seen: walk.seen.length, unseen: walk.unseen, missed};
  };
  return still.size;
}"""


def unseen_focus(page: Page, where: str, region: str | None = None) -> list[str]:
    """Move through the page by Tab, as a keyboard user does, and name each control whose
    focus shows nothing: no ring, frame, underline or colour change on it or around it
    (WCAG 2.4.7). A table's grid, drawn on canvases, also shows it if the drawing changes.
    `region`: a selector; only what is inside it, from its first control."""
    if region is None:
        # From a blank spot at the top, as a person who clicked there to start: the focus
        # then leaves the control last pressed (the language switch of the walk's last
        # screen).
        page.mouse.click(screen(page)["width"] // 2, 3)
    controls = page.evaluate(_FOCUS_WATCH, region)
    if region is not None:
        # The region's first control is focused by the page; one step back and forth
        # brings the focus to it by the keyboard, which is when a browser draws its ring
        # (:focus-visible), as for a person who came by Tab.
        page.keyboard.press("Shift+Tab")
        page.evaluate("() => window.__focusWalk.frames()")  # the page's answer to that focus
    # Until the walk is over; more stops than controls (the browser's own, a scrolling
    # area), so the bound is loose.
    for _ in range(2 * controls + 10):
        page.keyboard.press("Tab")
        if page.evaluate("() => window.__focusWalk.step()"):
            break
    found = page.evaluate("() => window.__focusWalk.done()")
    # Its tooltip gone too, before anything else reads the screen.
    with contextlib.suppress(PlaywrightTimeout):
        page.locator(TOOLTIP).first.wait_for(state="detached", timeout=5_000)
    missed = [f"{where}: Tab never reached {html!r}" for html in found["missed"]]
    return missed + [f"{where}: focus not shown on {name!r}" for name in found["unseen"]]


# Text that a person cannot read where it is drawn (WCAG 1.4.10 Reflow, 1.4.12 Text
# Spacing): past the screen's right edge, cut off by a box that hides what overflows it,
# or only reached by scrolling a box sideways. Not counted: what a scrolling box on the
# way brings into view by scrolling down (the main area, a long menu); data tables, which
# may scroll both ways (1.4.10's own exception); a tab bar, whose tabs its arrow buttons
# and the arrow keys bring into view; what is shown only when needed (a closed menu, the
# skip link on focus). A line's box may pass its box's foot by a little (a taller line
# height than the box was drawn for) with its letters whole: a quarter of it is allowed.
_CUT_TEXT = """() => {
  const vw = document.documentElement.clientWidth;
  const found = [];
  const seen = new Set();
  const exempt = '[data-testid="stDataFrame"], [data-testid="stTable"], table, script, style, '
    + '[data-testid="stSidebar"][data-collapsed="true"], [data-testid="stSkipToContent"]';
  const hides = (v) => v === 'hidden' || v === 'clip';
  const scrolls = (v) => v === 'auto' || v === 'scroll';
  const name = (a) => a.getAttribute('data-testid') || a.getAttribute('role') || a.tagName;
  if (document.documentElement.scrollWidth > vw + 1) {
    found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px in ${vw})`);
  }
  const lines = [];  // every line of text drawn, to find two drawn over each other
  // Not text to read over: an icon's name (drawn as its picture), the bar fixed at the top
  // that the screen scrolls under, a chart's own labels (tests/e2e/test_results_layout.py).
  const unlike = '[data-testid="stIconMaterial"], [data-testid="stHeader"], svg';
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = texts.nextNode(); n; n = texts.nextNode()) {
    const el = n.parentElement;
    const words = n.textContent.trim();
    if (!words || !el || seen.has(el) || el.closest(exempt)) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const tabs = el.closest('[role="tablist"]');
    const range = document.createRange();
    range.selectNodeContents(n);
    let why = null;
    const rects = [...range.getClientRects()];
    let unseen = false;
    for (const r of rects) {
      if (!r.width || !r.height) continue;
      const slack = r.height / 4;
      if (r.right > vw + 1 && !tabs) {
        why = `runs ${Math.round(r.right - vw)} px past the screen's edge`;
        break;
      }
      let downward = false;  // a box scrolling down on the way brings it into view
      for (let a = el; a && a !== document.body && !why && !unseen; a = a.parentElement) {
        const s = getComputedStyle(a);
        const b = a.getBoundingClientRect();
        // Words for a screen reader only, in a box of a pixel (a list's "7 options
        // available"): not drawn, so not cut.
        if (hides(s.overflowX) && (b.width <= 1 || b.height <= 1)) unseen = true;
        const outX = !tabs && (r.right > b.right + 1 || r.left < b.left - 1);
        const outY = r.bottom > b.bottom + slack || r.top < b.top - slack;
        if (hides(s.overflowX) && outX) why = `is cut at the side by ${name(a)}`;
        else if (!downward && hides(s.overflowY) && outY) why = `is cut at the foot by ${name(a)}`;
        else if (scrolls(s.overflowX) && outX && a.scrollWidth > a.clientWidth + 1) {
          why = `is only reached by scrolling ${name(a)} sideways`;
        }
        if (scrolls(s.overflowY)) downward = true;
      }
      if (why || unseen) break;
    }
    if (unseen) continue;
    if (why) {
      seen.add(el);
      found.push(`“${words.slice(0, 60)}” ${why}`);
    } else if (!el.closest(unlike)) {
      for (const r of rects) if (r.width >= 2 && r.height >= 2) lines.push({r, el, words});
    }
  }
  // Text drawn over other text: two lines of different elements, neither cut, sharing a
  // quarter of the smaller one's box (lines next to each other only touch).
  lines.sort((a, b) => a.r.top - b.r.top);
  const over = new Set();
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    for (let j = i + 1; j < lines.length && lines[j].r.top < a.r.bottom; j++) {
      const b = lines[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      const least = Math.min(a.r.width * a.r.height, b.r.width * b.r.height);
      if (w > 0 && h > 0 && w * h > least / 4 && !over.has(a.el) && !over.has(b.el)) {
        over.add(a.el);
        over.add(b.el);
        const pair = `“${a.words.slice(0, 40)}” and “${b.words.slice(0, 40)}”`;
        found.push(`${pair} are drawn over each other`);
      }
    }
  }
  return found;
}"""

REFLOW_WIDTH = 320
"""WCAG 1.4.10: content at 320 CSS pixels wide (1280 at 400 % zoom) with no sideways
scrolling and nothing cut off."""

# WCAG 1.4.12's values, as the text-spacing bookmarklet sets them.
_TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)
# WCAG 1.4.4: text resized to 200 %, by itself (Streamlit sizes text in rem, from the
# page's root size, which a browser's text-size setting changes).
_TEXT_TWICE = "html { font-size: 200% !important; }"


# Whether anything on the page is still moving: a transition or an animation that ends (a
# spinner's never does). An expander grows to its new height by one, its content hidden
# below the height it has reached until it ends.
_STILL = """() => !document.getAnimations().some((a) => a.playState === 'running'
  && a.effect && a.effect.getComputedTiming().iterations !== Infinity)"""


def until_still(page: Page) -> None:
    """Wait, up to 3 s, until what moves on the page has come to rest."""
    page.wait_for_timeout(100)  # a frame for a change of size to start its transitions
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(_STILL, timeout=3_000)


def cut_text(page: Page, where: str) -> list[str]:
    """Each piece of text a person cannot read where it is drawn, as one line."""
    return [f"{where}: {line}" for line in page.evaluate(_CUT_TEXT)]


def reflow_barriers(page: Page, where: str) -> list[str]:
    """The screen at 320 px wide (WCAG 1.4.10), then back at its own size."""
    size = screen(page)
    narrow: ViewportSize = {"width": REFLOW_WIDTH, "height": size["height"]}
    return _cut_at_size(page, narrow, f"{where} at {REFLOW_WIDTH} px")


def zoom_barriers(page: Page, where: str) -> list[str]:
    """The screen zoomed to 200 % (WCAG 1.4.4 as a browser's zoom does it): a CSS pixel
    twice the size, so the page lays itself out in half the width and height; then back.
    Not where half the width is under 320 px (a phone's), which 1.4.10 does not ask for."""
    size = screen(page)
    half: ViewportSize = {"width": size["width"] // 2, "height": size["height"] // 2}
    if half["width"] < REFLOW_WIDTH:
        return []
    return _cut_at_size(page, half, f"{where} at 200 % zoom")


def _cut_at_size(page: Page, size: ViewportSize, where: str) -> list[str]:
    """The text cut off with the screen at `size`; the screen then back at its own."""
    own = screen(page)
    page.set_viewport_size(size)
    page.wait_for_timeout(300)  # Streamlit's layout and charts follow the width
    until_still(page)
    found = cut_text(page, where)
    page.set_viewport_size(own)
    page.wait_for_timeout(400)
    return found


def text_spacing_barriers(page: Page, where: str) -> list[str]:
    """The screen with WCAG 1.4.12's wider spacing of lines, letters, words and paragraphs."""
    return _cut_with_style(page, _TEXT_SPACING, f"{where} with wider text spacing")


def text_resize_barriers(page: Page, where: str) -> list[str]:
    """The screen with its text at twice its size, nothing else changed (WCAG 1.4.4)."""
    return _cut_with_style(page, _TEXT_TWICE, f"{where} with text at 200 %")


def _cut_with_style(page: Page, css: str, where: str) -> list[str]:
    """`cut_text` with `css` added to the page, and the page as it was after."""
    style = page.add_style_tag(content=css)
    try:
        until_still(page)
        return cut_text(page, where)
    finally:
        style.evaluate("s => s.remove()")
