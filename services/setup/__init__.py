"""The initiative and its meetings, stakeholder groups, people on the roster, tables and
who sits where, the roster import and its checks, the demo, and the getting-started steps."""
