"""Reusable pieces of UI. They render what they are given and never reach the database."""
