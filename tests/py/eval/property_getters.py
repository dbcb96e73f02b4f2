# Property getters written in Python run inline (LOAD_ATTR_PROPERTY); results,
# errors, argument errors and frames are as for an ordinary call.
class C:
    def __init__(self): self._v = 1
    @property
    def v(self): return self._v * 2
    @property
    def bad(self): raise KeyError("in getter")
    @property
    def args(self, extra): return 1
def get(o): return o.v
c = C()
print([get(c) for _ in range(3)])
C.v = property(lambda self: "replaced")
print(get(c))
class D(C):
    @property
    def v(self): return "D"
print(get(D()), get(c))
def getbad(o): return o.bad
for _ in range(3):
    try:
        getbad(c)
    except KeyError as e:
        print("KeyError", e)
def getargs(o): return o.args
for _ in range(2):
    try:
        getargs(c)
    except TypeError as e:
        print(e)
import sys
class F:
    @property
    def frame(self): return sys._getframe().f_back.f_code.co_name
def who(o): return o.frame
print(who(F()), who(F()))
