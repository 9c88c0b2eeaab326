"""A process that draws word clouds on request: `python -m adapters.wordcloud_worker`.

The app's projector keeps one running beside the server, so a cloud's half second of
drawing never holds the server's interpreter lock. Each request is one line of JSON on
stdin — {"words": [[word, count], …], "width": …, "height": …} — and each answer is the
PNG's length as 8 big-endian bytes, then the PNG. The process ends when stdin closes.
"""

from __future__ import annotations

import json
import os
import sys
from typing import BinaryIO

from adapters.wordcloud_render import render_png


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """Answer every request on `requests` until it ends."""
    for line in requests:
        asked = json.loads(line)
        words = tuple((str(word), int(count)) for word, count in asked["words"])
        png = render_png(words, int(asked["width"]), int(asked["height"]))
        answers.write(len(png).to_bytes(8, "big") + png)
        answers.flush()


NICENESS = 10
"""How far below the server the worker runs: a cloud may come a second late, a tap may not.
At the server's own priority, a drawing took a core from the room's requests whenever
it ran while the two cores were busy (bench/: people arriving while scribes signed in)."""


if __name__ == "__main__":
    if hasattr(os, "nice"):  # not on Windows, where the worker runs at the server's priority
        os.nice(NICENESS)
    serve(sys.stdin.buffer, sys.stdout.buffer)
