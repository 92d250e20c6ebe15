#!/usr/bin/env python3
"""Runs a command and writes "wall_s user_s sys_s maxrss_kB" to the file named by the first
argument: GNU time's %e %U %S %M, to the microsecond (GNU time rounds to 10 ms, as large as
the CPU of a Java hello-world). Output of the command goes where this script's goes.
   rusage.py OUT_FILE COMMAND [ARGS...]     (exit status: the command's)"""
import os
import sys
import time

out, argv = sys.argv[1], sys.argv[2:]
start = time.monotonic()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.monotonic() - start
with open(out, "a") as f:
    f.write("%.4f %.4f %.4f %d\n" % (wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
