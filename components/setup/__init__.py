"""The Set up screen's tabs, one module each: what the facilitator sets up before the room."""
