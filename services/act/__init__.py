"""The action plan: SMART actions, what they link to, follow-up, and the plan's export rows."""
