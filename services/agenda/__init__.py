"""The session agenda: its standard steps, the facilitator's edits, the Thought Leader
Team's review and approval, and who has not approved yet."""
