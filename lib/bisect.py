"""Bisection algorithms: keep a list sorted without sorting it after each
insertion (implemented in C by _bisect)."""

from _bisect import bisect_left, bisect_right, insort_left, insort_right


# The short names search and insert to the right of equal entries.
bisect = bisect_right
insort = insort_right
