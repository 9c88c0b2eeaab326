"""What the equal-element floor replays: each interaction's typical run, message for message."""

import base64
import json
from urllib.parse import urlencode

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.__main__ import FLOOR_APP
from bench.floor_players import write_recording
from bench.recorder import Recorder
from bench.session import Run, Tab
from tests.app_server import running_app
from tests.own_loop import run_in_own_loop


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
    typical = recorder.typical("ideas: open page")
    assert typical is not None and len(typical.deltas) == 2
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


def _page() -> Run:
    """A page as Common Ground might send it: a block, widgets, text and an image."""
    messages = []

    def add(path, fill):
        message = ForwardMsg()
        message.metadata.delta_path.extend(path)
        fill(message.delta)
        messages.append(message)

    add([0, 0], lambda d: d.add_block.vertical.SetInParent())
    add([0, 0, 0], lambda d: setattr(d.new_element.markdown, "body", "**An idea**"))
    group = ForwardMsg().delta.new_element.button_group
    group.label = "Dots for An idea"
    group.options.add().content = "0"
    group.options.add().content = "1"
    add([0, 0, 1], lambda d: d.new_element.button_group.CopyFrom(group))
    add([0, 1], lambda d: setattr(d.new_element.text_area, "label", "The idea"))
    add([0, 2], lambda d: setattr(d.new_element.button, "label", "Add idea"))
    add(
        [0, 3],
        lambda d: (
            setattr(d.new_element.heading, "tag", "h2"),
            setattr(d.new_element.heading, "body", "Ideas"),
        ),
    )
    add(
        [0, 4],
        lambda d: (
            setattr(d.new_element.alert, "body", "3 dots left"),
            setattr(d.new_element.alert, "format", 3),
        ),
    )
    add([0, 5], lambda d: d.new_element.imgs.imgs.add().SetInParent())
    return Run(0.01, [], messages)


def test_the_floor_app_draws_what_was_recorded_through_st_calls(tmp_path, monkeypatch):
    recorder = Recorder()
    recorder.keep("ideas: add idea", _page())
    recording = tmp_path / "floor.json"
    write_recording(recorder, recording)
    monkeypatch.setenv("BENCH_FLOOR_RECORDING", str(recording))
    database = f"sqlite:///{tmp_path / 'unused.db'}"  # the floor reads no database
    with running_app(database, tmp_path / "floor", script=FLOOR_APP) as server:
        runs = run_in_own_loop(lambda: _open_and_rerun(server.url, "ideas: add idea"))
    for run in runs:
        assert len(run.deltas) == 8
        assert run.exceptions == []
        drawn = [(e.kind, e.label or e.text) for e in run.elements]
        assert drawn == [
            ("markdown", "**An idea**"),
            ("button_group", "Dots for An idea"),
            ("text_area", "The idea"),
            ("button", "Add idea"),
            ("heading", "Ideas"),
            ("alert", "3 dots left"),
            ("imgs", ""),
        ]
        # The recording's widgets had no ids: st.* calls registered them and made these.
        widgets = [e for e in run.elements if e.kind in ("button_group", "text_area", "button")]
        assert all(e.id.startswith("$$ID") for e in widgets)
        assert run.elements[1].path == (0, 0, 1)  # inside the block, where it was


async def _open_and_rerun(url: str, name: str) -> list[Run]:
    tab = Tab(url, "", urlencode({"i": name}))
    try:
        return [await tab.open(), await tab.rerun(query=urlencode({"i": name}))]
    finally:
        await tab.close()
