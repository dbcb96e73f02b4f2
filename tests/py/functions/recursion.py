# Recursion: plain, mutual, and hitting the limit.
import sys


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), fact(100) % 1000007)


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


print(even(500), odd(501))
depth = 0


def down():
    global depth
    depth += 1
    down()


try:
    down()
except RecursionError as e:
    print("caught", type(e).__name__, e, depth)
print("still running", fact(10))
print(sys.getrecursionlimit())
