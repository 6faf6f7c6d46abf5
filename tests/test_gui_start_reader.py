"""The editor reads its file on a thread while its modules load (issue 27); a bad file still ends
the start with a clear message and status 2 before any window opens."""

from __future__ import annotations

import pytest

from gui import app as gui_app
from model.project_file import ProjectFileError, save

pytest_plugins = ("tests.test_gui_helpers",)  # its fixtures: gui_env, make_window


def test_the_reader_gives_the_named_file(tmp_path, example):
    path = tmp_path / "issue.bulletin"
    save(example, str(path))
    bulletin, got, note = gui_app._DocumentReader(str(path), False).result()
    assert got == str(path) and note == ""
    assert bulletin == example


def test_the_reader_gives_the_example_for_a_screenshot(example):
    bulletin, got, _ = gui_app._DocumentReader(None, True).result()
    assert got is None and bulletin.publication == example.publication
    assert sorted(bulletin.images) == sorted(example.images)  # the very same portraits


def test_a_bad_file_ends_the_start_before_any_window(gui_env, tmp_path, monkeypatch, capsys):
    bad = tmp_path / "bad.bulletin"
    bad.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(ProjectFileError):
        gui_app._DocumentReader(str(bad), False).result()
    monkeypatch.setattr(gui_app, "uses_xcb", lambda: False)
    monkeypatch.setattr(gui_app, "setup_application", lambda lang: pytest.fail("a window was started"))
    assert gui_app.run_gui(str(bad)) == 2
    assert "bad.bulletin" in capsys.readouterr().err


def test_waiting_for_the_page_does_not_wait_for_the_proofreader(qtbot, example):
    """--screenshot polls for the laid-out page; a slow proofreading job must not hold it up."""
    import threading
    import time

    from gui.layout_runner import LayoutRunner

    release = threading.Event()

    def slow_check(bulletin):
        release.wait(5)
        return []

    runner = LayoutRunner(lambda: example, lambda: 0, lambda b: None, slow_check, threaded=True)
    try:
        runner.run_now()
        start = time.perf_counter()
        while runner._busy and time.perf_counter() - start < 5:
            qtbot.wait(5)
            runner.wait_layout(10)
        assert not runner._busy
        assert not runner.is_settled()  # the proofreader is still to come or at work
        assert time.perf_counter() - start < 2
    finally:
        release.set()
        runner.wait()


def test_the_first_proofreading_starts_after_the_first_page_is_laid_out(qtbot, example):
    """Issue 27: the two workers took turns with the interpreter, so the first page came later."""
    import threading

    from gui.layout_runner import LayoutRunner

    events: list[str] = []
    laid_out = threading.Event()

    def layout(bulletin):
        laid_out.wait(5)
        events.append("layout")

    def check(bulletin):
        events.append("check")
        return []

    runner = LayoutRunner(lambda: example, lambda: 0, layout, check, threaded=True)
    try:
        runner.run_now()
        qtbot.wait(50)
        assert events == [] and not runner.is_settled()
        laid_out.set()
        qtbot.waitUntil(runner.is_settled, timeout=5000)
        assert events == ["layout", "check"]
        runner.run_now()  # later requests proofread at once, beside the layout
        qtbot.waitUntil(lambda: events.count("check") == 2, timeout=5000)
    finally:
        laid_out.set()
        runner.wait()


def test_the_example_portraits_come_from_the_cache_the_second_time(tmp_path, monkeypatch, example):
    import model.example as model_example

    monkeypatch.setenv("BULLETIN_CACHE_DIR", str(tmp_path))
    made: list[str] = []
    real = model_example.placeholder_portrait
    monkeypatch.setattr(model_example, "placeholder_portrait", lambda label: (made.append(label), real(label))[1])
    first = model_example.example_bulletin(gui_app.cached_placeholder_portrait)
    assert len(made) == 9
    again = model_example.example_bulletin(gui_app.cached_placeholder_portrait)
    assert len(made) == 9  # none drawn again
    assert sorted(again.images) == sorted(first.images) == sorted(example.images)  # the very same bytes
    for f in (tmp_path / "example").iterdir():  # a damaged file is drawn again, not trusted
        f.write_bytes(f.read_bytes()[:-3])
    assert sorted(model_example.example_bulletin(gui_app.cached_placeholder_portrait).images) == sorted(example.images)
    assert len(made) == 18
