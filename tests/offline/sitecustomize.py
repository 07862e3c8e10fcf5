"""Refuse every non-loopback connection in this interpreter (tests put this folder on PYTHONPATH).

The test suite sets PYTHONPATH so that pytest, every Jupyter kernel it starts and every
subprocess import this file first: the course must work with no network at all.
"""

import ipaddress
import socket

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class OfflineError(OSError):
    """Raised instead of opening a connection to a non-loopback address."""


def _is_local(host) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode()
    host = str(host)
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(address):
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return
    if not _is_local(address[0]):
        raise OfflineError(f"course tests run offline: connection to {address[0]!r} refused")


_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_sendto = socket.socket.sendto
_getaddrinfo = socket.getaddrinfo


def guarded_connect(self, address):
    _check(address)
    return _connect(self, address)


def guarded_connect_ex(self, address):
    _check(address)
    return _connect_ex(self, address)


def guarded_sendto(self, data, *args):
    _check(args[-1])
    return _sendto(self, data, *args)


def guarded_getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        raise OfflineError(f"course tests run offline: name lookup of {host!r} refused")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = guarded_connect
socket.socket.connect_ex = guarded_connect_ex
socket.socket.sendto = guarded_sendto
socket.getaddrinfo = guarded_getaddrinfo
