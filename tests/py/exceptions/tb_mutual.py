# Uncaught RecursionError through two alternating functions; the printed
# traceback is cut to the last sys.tracebacklimit entries.
import sys

sys.tracebacklimit = 5


def a(n):
    return b(n)


def b(n):
    return a(n + 1)


a(0)
