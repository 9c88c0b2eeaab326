"""axe-core in the page: the WCAG 2.0/2.1 A and AA rules, violations in words."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_AXE = Axe()


def violations(page: Page, where: str) -> list[str]:
    """Each violation on the page as one line: rule, impact, how many, the first element."""
    results = _AXE.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    found = []
    for rule in results.response["violations"]:
        nodes = rule["nodes"]
        first = nodes[0]["target"] if nodes else ""
        summary = (nodes[0].get("failureSummary") or "").replace("\n", " ")[:160] if nodes else ""
        summary += " | " + (nodes[0].get("html") or "")[:200] if nodes else ""
        found.append(
            f"{where}: {rule['id']} ({rule['impact']}) ×{len(nodes)} at {first}: {summary}"
        )
    return found
