"""A local SMTP server that counts what it accepts: per address, with each mail's Message-ID.

Used by the newsletter benchmark (bench/newsletter.py) and the worker-kill test
(tests/nieuwsbrief/test_sending_kill.py). aiosmtpd runs in a thread of the
calling process. A mail is recorded as soon as the server has it and the
answer 250 follows after ``delay``: a client killed in between has handed the
mail over without knowing, as can happen with any real server.
Listens on 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from collections import Counter

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"
_MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>\r\n]+>)", re.IGNORECASE | re.MULTILINE)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Recorder:
    """aiosmtpd handler: keeps ``(address, message_id)`` for every recipient of every mail accepted."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.received: list[tuple[str, str]] = []
        self.moments: list[float] = []  # time.monotonic() of each entry in received
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        headers = envelope.original_content.split(b"\r\n\r\n", 1)[0]
        match = _MESSAGE_ID.search(headers)
        message_id = match[1].decode() if match else ""
        with self._lock:
            self.received.extend((address, message_id) for address in envelope.rcpt_tos)
            self.moments.extend(time.monotonic() for _ in envelope.rcpt_tos)
        if self.delay:
            await asyncio.sleep(self.delay)  # a server that takes a moment to answer
        return "250 Message accepted"

    def snapshot(self) -> list[tuple[str, str]]:
        with self._lock:
            return list(self.received)

    def timed(self) -> list[tuple[str, str, float]]:
        """``(address, message_id, moment)`` of every recipient accepted so far."""
        with self._lock:
            return [
                (address, message_id, moment)
                for (address, message_id), moment in zip(self.received, self.moments, strict=True)
            ]

    def per_address(self) -> Counter:
        return Counter(address for address, _ in self.snapshot())


class SmtpSink:
    """Context manager: the server on a free loopback port; ``.port`` and ``.recorder``."""

    def __init__(self, delay: float = 0.0):
        self.recorder = Recorder(delay)
        self.port = free_port()
        self.controller = Controller(self.recorder, hostname=HOST, port=self.port)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
