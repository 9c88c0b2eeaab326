"""An initiative out of one install and into another: the export, its rows, and the
checks an import runs on every row."""
