"""axe-core in the page: the WCAG 2.0/2.1 A and AA rules, violations in words."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
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
