"""The profile's classifier, on stacks written by hand as py-spy writes them (root first)."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.cpu_share import (
    ASIDE,
    OURS,
    PLUMBING,
    STREAMLIT,
    Profile,
    Sample,
    Sampler,
    Share,
    classify,
    py_spy,
    summarise,
    tally,
    verdict,
)
from bench.server_meter import process_cpu_seconds

ROOT = Path("/srv/app")
SITE = "/srv/app/.venv/lib/python3.11/site-packages"
LIB = "/usr/lib/python3.11"

SERVER_ROOT = [
    'process 41:"/srv/app/.venv/bin/python -m serve /srv/app/app.py"',
    "<module> (/srv/app/serve.py:90)",
    "main (/srv/app/serve.py:80)",
    "run (/srv/app/.venv/lib/python3.11/site-packages/streamlit/web/bootstrap.py:380)",
    "run (/usr/lib/python3.11/asyncio/runners.py:190)",
    f"BaseEventLoop.run_until_complete ({LIB}/asyncio/base_events.py:640)",
    f"BaseEventLoop.run_forever ({LIB}/asyncio/base_events.py:607)",
    f"BaseEventLoop._run_once ({LIB}/asyncio/base_events.py:1922)",
    f"Handle._run ({LIB}/asyncio/events.py:80)",
]
SCRIPT_THREAD = [
    f"Thread._bootstrap ({LIB}/threading.py:995)",
    f"Thread.run ({LIB}/threading.py:975)",
    f"ScriptRunner._run_script_thread ({SITE}/streamlit/runtime/scriptrunner/script_runner.py:380)",
    f"exec_func_with_error_handling ({SITE}/streamlit/runtime/scriptrunner/exec_code.py:121)",
    "<module> (/srv/app/app.py:40)",
    f"StreamlitPage.run ({SITE}/streamlit/navigation/page.py:303)",
    "<module> (/srv/app/views/ideas.py:20)",
]


def _side(*frames: str) -> Sample:
    return classify(list(frames), ROOT)


def test_sqlalchemy_called_by_our_db_layer_is_ours():
    sample = _side(
        *SCRIPT_THREAD,
        "ideas_for (/srv/app/services/room/ideas.py:55)",
        "Database.read (/srv/app/db/database.py:70)",
        f"Session.execute ({SITE}/sqlalchemy/orm/session.py:2300)",
        f"Cursor.execute ({LIB}/sqlite3/dbapi2.py:1)",
    )
    assert sample == Sample(OURS, "views/ideas.py")


def test_a_streamlit_call_from_a_view_is_streamlits():
    sample = _side(
        *SCRIPT_THREAD,
        "show_cards (/srv/app/components/cards.py:30)",
        f"markdown ({SITE}/streamlit/elements/markdown.py:100)",
        f"Message.SerializeToString ({SITE}/google/protobuf/message.py:1)",
    )
    assert sample == Sample(STREAMLIT, "views/ideas.py")


def test_our_own_line_is_ours():
    assert _side(*SCRIPT_THREAD) == Sample(OURS, "views/ideas.py")


def test_a_library_called_by_streamlit_is_streamlits():
    sample = _side(
        *SERVER_ROOT,
        f"AppSession._on_scriptrunner_event ({SITE}/streamlit/runtime/app_session.py:600)",
        f"WebSocket.send_bytes ({SITE}/starlette/websockets.py:150)",
        f"deepcopy ({LIB}/copy.py:128)",
    )
    assert sample == Sample(STREAMLIT, "")


def test_tornado_counts_as_streamlit():
    assert _side(*SERVER_ROOT, f"IOLoop.add_callback ({SITE}/tornado/ioloop.py:1)").side == (
        STREAMLIT
    )


def test_the_loop_and_uvicorn_are_plumbing_though_streamlit_started_the_loop():
    assert _side(*SERVER_ROOT[:-1], f"select ({LIB}/selectors.py:468)").side == PLUMBING
    uvicorn = _side(
        *SERVER_ROOT,
        f"H11Protocol.data_received ({SITE}/uvicorn/protocols/http/h11_impl.py:200)",
    )
    assert uvicorn.side == PLUMBING


def test_asyncio_called_by_a_script_thread_belongs_to_its_caller():
    sample = _side(
        *SCRIPT_THREAD[:4],
        f"ForwardMsgQueue.enqueue ({SITE}/streamlit/runtime/forward_msg_queue.py:80)",
        f"BaseEventLoop.call_soon_threadsafe ({LIB}/asyncio/base_events.py:800)",
    )
    assert sample == Sample(STREAMLIT, "")


def test_the_word_cloud_worker_is_ours_and_its_idle_wait_plumbing():
    worker = [
        'process 41:"python -m serve app.py"',
        'process 57:"python -c from multiprocessing.spawn import spawn_main',
        ' spawn_main(tracker_fd=4) --multiprocessing-fork"',
        f"spawn_main ({LIB}/multiprocessing/spawn.py:122)",
        f"BaseProcess.run ({LIB}/multiprocessing/process.py:108)",
        "serve_forever (/srv/app/adapters/wordcloud_worker.py:40)",
    ]
    drawing = [*worker, f"WordCloud.generate ({SITE}/wordcloud/wordcloud.py:600)"]
    assert _side(*drawing) == Sample(OURS, "adapters/wordcloud_worker.py")
    waiting = [*worker[:-1], f"Connection.recv ({LIB}/multiprocessing/connection.py:250)"]
    assert _side(*waiting).side == PLUMBING


def test_files_outside_our_folders_are_not_ours():
    assert _side("x (/srv/app/bench/load.py:1)").side == PLUMBING
    assert _side("x (/srv/app/tests/app_server.py:1)").side == PLUMBING
    assert _side("x (/srv/other/views/ideas.py:1)").side == PLUMBING
    assert _side("x (/srv/app/runtime.py)") == Sample(OURS, "runtime.py")


def test_raw_lines_are_counted_and_shared():
    raw = "\n".join(
        [
            ";".join([*SCRIPT_THREAD]) + " 30",
            ";".join([*SCRIPT_THREAD, f"markdown ({SITE}/streamlit/elements/markdown.py:1)"])
            + " 70",
            ";".join([*SERVER_ROOT[:-1], f"select ({LIB}/selectors.py:468)"]) + " 25",
            "",
        ]
    )
    profile = summarise(tally(raw, ROOT))
    assert profile.samples == 125
    overall = profile.overall
    seconds = (overall.ours, overall.streamlit, overall.plumbing)
    assert seconds == pytest.approx((0.3, 0.7, 0.25))
    assert profile.overall.share == pytest.approx(0.3)
    assert profile.pages["views/ideas.py"].share == pytest.approx(0.3)


def test_each_process_counts_its_own_cpu_not_its_wait_for_a_core():
    server = 'process 41:"python -m serve app.py"'
    # The worker's command line holds a ";", which splits its marker in two.
    worker = [
        'process 57:"python -c from multiprocessing.spawn import spawn_main',
        ' spawn_main(tracker_fd=4) --multiprocessing-fork"',
        "serve_forever (/srv/app/adapters/wordcloud_worker.py:40)",
    ]
    raw = "\n".join(
        [
            ";".join([server, *SCRIPT_THREAD[1:]]) + " 100",
            ";".join([server, *worker]) + " 300",
        ]
    )
    counts = tally(raw, ROOT)
    assert {pid for pid, _sample in counts} == {41, 57}
    # The worker, at nice 10 on a busy machine, was sampled three times as often as the
    # server while using a fifth of its CPU.
    profile = summarise(counts, cpu={41: 1.0, 57: 0.2})
    assert profile.overall.ours == pytest.approx(1.2)
    assert profile.pages["adapters/wordcloud_worker.py"].ours == pytest.approx(0.2)


def test_the_verdict_is_the_whole_servers_and_names_the_pages_over_the_bar():
    pages = {
        "views/ideas.py": Share(ours=0.6, streamlit=0.4),
        "views/vote.py": Share(ours=0.1, streamlit=0.9),
        "views/setup.py": Share(ours=0.1, streamlit=0.05),  # too little to judge
        "app.py": Share(ours=0.9, streamlit=0.1),  # the router: not a page
    }
    said, over = verdict(Profile(overall=Share(ours=3, streamlit=7), pages=pages))
    assert over == ["views/ideas.py (60%)"]
    assert said.startswith("met (30% over all)")
    said, _over = verdict(Profile(overall=Share(ours=4, streamlit=6), pages=pages))
    assert said.startswith("NOT met (40% over all)")
    assert verdict(Profile(problem="py-spy is not installed"))[0].startswith("not measured")


def test_sign_ins_bcrypt_is_set_apart_as_the_latency_bar_sets_it():
    sample = _side(
        *SCRIPT_THREAD[:4],
        "<module> (/srv/app/app.py:73)",
        "login_form (/srv/app/components/signin.py:124)",
        "sign_in (/srv/app/services/accounts/signin_accounts.py:83)",
        "_check (/srv/app/services/accounts/signin_accounts.py:166)",
    )
    assert sample.side == ASIDE


def test_the_sampler_profiles_a_real_process_and_scales_it_to_its_cpu(tmp_path):
    if py_spy() is None:
        pytest.fail("py-spy is not installed: pip install -r requirements-dev.txt")
    script = tmp_path / "app.py"
    script.write_text("import time\nend = time.time() + 3\nwhile time.time() < end:\n    pass\n")
    busy = subprocess.Popen([sys.executable, str(script)])
    try:
        time.sleep(0.3)
        before = process_cpu_seconds(busy.pid)
        sampler = Sampler([busy.pid], tmp_path / "profiles", root=tmp_path)
        time.sleep(1.5)
        profile = sampler.stop()
        used = process_cpu_seconds(busy.pid) - before
    finally:
        busy.kill()
        busy.wait()
    assert profile.problem == ""
    assert profile.samples > 20
    assert profile.overall.share == 1.0  # app.py's own loop: all ours
    # Seconds of CPU, as /proc counts them over the sampler's window (most of `used`), not
    # the samples at face value: on a busy machine those miss both ways (a thread waiting
    # is sampled as running; py-spy itself, starved, misses samples: 1.25 s against 1.2 s
    # of samples, seen in a full run).
    assert used / 2 <= profile.overall.total <= used + 0.02
