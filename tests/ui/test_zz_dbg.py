import time
from PySide6.QtCore import QEventLoop, QTimer
def test_loop(qtbot, tmp_path, monkeypatch):
    from reportdiff.ui.app import run_app
    monkeypatch.setenv("REPORTDIFF_EXIT_AFTER_PAINT", "1")
    assert run_app(str(tmp_path/"x.db"), None, None) == 0
    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    t = time.perf_counter(); rc = loop.exec(); print("loop", rc, time.perf_counter() - t)
    assert time.perf_counter() - t > 0.1
