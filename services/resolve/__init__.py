"""Win-win conflict resolution: conflicts, the parties' sides, and the outcomes agreed."""
