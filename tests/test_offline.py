"""Nothing reads the network: the guard refuses non-loopback connections here and in kernels."""

import socket
import subprocess
import sys

import pytest

GUARD_PROBE = """
import socket
assert socket.socket.connect.__name__ == "guarded_connect", "guard not installed"
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.connect(("192.0.2.1", 9))
except OSError as e:
    print(type(e).__name__)
"""


def test_guard_is_active_in_the_test_process():
    assert socket.socket.connect.__name__ == "guarded_connect"
    with pytest.raises(OSError, match="offline"):
        socket.getaddrinfo("example.org", 80)


def test_loopback_still_works():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()


def test_guard_reaches_subprocesses():
    out = subprocess.run([sys.executable, "-c", GUARD_PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "OfflineError"


def test_guard_reaches_jupyter_kernels():
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reply = client.execute_interactive(GUARD_PROBE, timeout=60, output_hook=_collect)
        assert reply["content"]["status"] == "ok"
        assert _collected == ["OfflineError\n"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


_collected: list[str] = []


def _collect(msg):
    if msg["msg_type"] == "stream":
        _collected.append(msg["content"]["text"])


def test_course_lib_loads_every_dataset_offline():
    import course_lib

    for name in course_lib.list_datasets()["name"]:
        assert len(course_lib.load(name)) > 0
