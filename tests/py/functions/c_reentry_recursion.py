# krait: hand-edited .exp: CPython 3.11 overflows its C stack (segfault) here.
# Recursion through C re-entries (slots, builtins calling back into Python)
# ends in RecursionError, never in a C stack overflow, even with a huge limit.
import sys
sys.setrecursionlimit(100000)
class A:
    def __getattr__(self, name):
        return getattr(self, name)
try:
    A().x
except RecursionError as e:
    print("getattr", e)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("repr", e)
def g(n):
    yield next(g(n + 1))
try:
    next(g(0))
except RecursionError as e:
    print("gen next", e)
def m(n):
    return list(map(m, [n + 1]))
try:
    m(0)
except RecursionError as e:
    print("map", e)
class E:
    def __eq__(self, other):
        return self == other
try:
    E() == E()
except RecursionError as e:
    print("eq", e)
class I:
    def __init__(self, n):
        type.__call__(I, n + 1)
try:
    I(0)
except RecursionError as e:
    print("init", e)
def s(n):
    return sorted([1, 2], key=lambda x: s(n + 1))
try:
    s(0)
except RecursionError as e:
    print("sorted key", e)
class H:
    def __hash__(self):
        return hash(self)
try:
    hash(H())
except RecursionError as e:
    print("hash", e)
def ex(n):
    return eval("ex(n + 1)")
try:
    ex(0)
except RecursionError as e:
    print("eval", e)
class It:
    def __iter__(self):
        return iter(It())
try:
    iter(It())
except RecursionError as e:
    print("iter", e)
print("survived")
