"""Pure formats, apart from the rules: PDF layout, spreadsheet cells, the word cloud and
its worker, word frequencies, the links the app prints, .xlsx reading, this machine's
addresses. Nothing here imports services or db (tests/test_layers.py holds it)."""
