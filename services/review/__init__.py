"""What the Thought Leader Team reads afterwards: the meeting record (results, after-
meeting frames), the meeting report and its sheets, and the trust pulse before and after."""
