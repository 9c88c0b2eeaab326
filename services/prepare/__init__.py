"""Before the room: the pre-session survey and its trust items, invitations, interviews,
Pol.is conversations (the export reader and the import), and the pre-session report."""
