"""What the equal-element floor replays: each interaction's typical run, message for message."""

import asyncio
import base64
import json
from urllib.parse import urlencode

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.__main__ import FLOOR_APP
from bench.floor_players import write_recording
from bench.recorder import Recorder
from bench.session import Run, Tab
from tests.app_server import running_app


def _run(*bodies: str) -> Run:
    messages = []
    for n, body in enumerate(bodies):
        message = ForwardMsg()
        message.metadata.delta_path.extend([0, n])
        message.delta.new_element.markdown.body = body
        messages.append(message)
    return Run(0.01, [], messages)


def test_the_typical_run_is_the_one_with_the_median_number_of_messages():
    recorder = Recorder()
    for run in (_run("a"), _run("a", "b", "c", "d"), _run("a", "b")):
        recorder.keep("ideas: open page", run)
    assert len(recorder.typical("ideas: open page").deltas) == 2
    assert recorder.typical("listen: open page") is None


def test_the_recording_holds_each_interactions_messages_as_sent(tmp_path):
    recorder = Recorder()
    recorder.keep("vote: tap dots", _run("3 dots left", "**An idea**"))
    path = tmp_path / "floor.json"
    assert write_recording(recorder, path) == {"vote: tap dots": 2}
    kept = json.loads(path.read_text())["vote: tap dots"]
    bodies = []
    for raw in kept:
        message = ForwardMsg()
        message.ParseFromString(base64.b64decode(raw))
        bodies.append(message.delta.new_element.markdown.body)
    assert bodies == ["3 dots left", "**An idea**"]


def test_the_floor_app_sends_what_was_recorded(tmp_path, monkeypatch):
    recorder = Recorder()
    recorder.keep("vote: tap dots", _run("3 dots left", "**An idea**"))
    recording = tmp_path / "floor.json"
    write_recording(recorder, recording)
    monkeypatch.setenv("BENCH_FLOOR_RECORDING", str(recording))
    database = f"sqlite:///{tmp_path / 'unused.db'}"  # the floor reads no database
    with running_app(database, tmp_path / "floor", script=FLOOR_APP) as server:
        runs = asyncio.run(_open_and_rerun(server.url))
    for run in runs:
        assert [e.text for e in run.elements] == ["3 dots left", "**An idea**"]
        assert len(run.deltas) == 2


async def _open_and_rerun(url: str) -> list[Run]:
    tab = Tab(url, "", urlencode({"i": "vote: tap dots"}))
    try:
        return [await tab.open(), await tab.rerun(query=urlencode({"i": "vote: tap dots"}))]
    finally:
        await tab.close()
