# sys.tracebacklimit = 0 prints only the exception line.
import sys

sys.tracebacklimit = 0


def f():
    raise ValueError("no traceback")


f()
