# With a very high recursion limit, deep recursion still ends in a clean
# RecursionError (frames live on the heap, not on the C stack).
import sys

sys.setrecursionlimit(100000)


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("caught", e)


def count(n):
    return 0 if n == 0 else 1 + count(n - 1)


print(count(50000))
sys.setrecursionlimit(1000)
try:
    count(5000)
except RecursionError as e:
    print("caught again", e)
