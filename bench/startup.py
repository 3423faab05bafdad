#!/usr/bin/env python3
"""Start-up time, measured the same way for every server: bench/startup.py PORT COMMAND...

Launches COMMAND (which must listen on 127.0.0.1:PORT), sends `GET /` every 5 ms until any HTTP answer comes
back, prints the milliseconds from launch to that first answer, and stops the process (SIGTERM, then KILL).
STARTUP_TIMEOUT (seconds, default 60) bounds the wait. Hundred's own "started in" line is not used: WireMock has none, and both are timed from the outside alike.
"""
import os
import socket
import subprocess
import sys
import time

port, command = int(sys.argv[1]), sys.argv[2:]
started = time.monotonic()
process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    timeout = float(os.environ.get("STARTUP_TIMEOUT", "60"))
    deadline = started + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"exited with {process.returncode} before answering: {' '.join(command)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                if s.recv(12).startswith(b"HTTP/1."):
                    print(round((time.monotonic() - started) * 1000))
                    break
        except OSError:
            pass
        time.sleep(0.005)
    else:
        sys.exit(f"no answer within {timeout:g} s: {' '.join(command)}")
finally:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
