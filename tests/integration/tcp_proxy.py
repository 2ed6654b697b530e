"""A TCP proxy inside the test process, for cutting the network between counters and PostgreSQL.

Guarantees: `cut_all()` drops every open connection at once (both directions); `set_cut_chance(p)`
makes each forwarded chunk end its connection with probability p (so pushes and commits are cut
at random bytes); `commit_cut_chance` cuts a connection right after a COMMIT has reached the
server, so the server commits and the client never hears of it; `stop()` refuses new connections until `start()` again — like a server or link
that is down. Threads only; bounded to loopback; stops by itself when the test ends.
"""

from __future__ import annotations

import random
import socket
import threading


class TcpProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1", seed: int = 1):
        self.target = (target_host, target_port)
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._cut_chance = 0.0
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.cuts = 0
        self.commit_cut_chance = 0.0
        self.commit_cuts = 0

    def start(self) -> "TcpProxy":
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._thread = threading.Thread(target=self._accept_loop, args=(listener,), daemon=True)
        self._thread.start()
        return self

    def url_for(self, url: str) -> str:
        """`url` (a postgresql URL on the target port) rewritten to go through this proxy."""
        return url.replace(f":{self.target[1]}/", f":{self.port}/")

    def stop(self) -> None:
        """Down: refuse new connections and drop the open ones."""
        listener, self._listener = self._listener, None
        if listener is not None:
            # close() alone does not wake a thread blocked in accept() on Linux: shut it down first.
            try:
                listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            listener.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.cut_all()

    def cut_all(self) -> None:
        with self._lock:
            conns, self._conns = self._conns, set()
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()
        self.cuts += len(conns) // 2

    def set_cut_chance(self, chance: float) -> None:
        self._cut_chance = chance

    def _accept_loop(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._conns.update((client, upstream))
            for src, dst, to_server in ((client, upstream, True), (upstream, client, False)):
                threading.Thread(target=self._pump, args=(src, dst, to_server), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, to_server: bool) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if to_server and self.commit_cut_chance and b"COMMIT" in data \
                        and self._rng.random() < self.commit_cut_chance:
                    dst.sendall(data)  # the whole COMMIT reaches the server; its reply never comes back
                    self.commit_cuts += 1
                    break
                if self._cut_chance and self._rng.random() < self._cut_chance:
                    # Forward a random prefix, then cut: the peer sees a connection lost mid-message.
                    dst.sendall(data[: self._rng.randrange(len(data) + 1)])
                    self.cuts += 1
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
            with self._lock:
                self._conns.discard(src)
                self._conns.discard(dst)
