import a
import a.b.c as d, e
from . import x
from .. a import (b, c as d,)
from ... import *
from m import *
global a, b
nonlocal c
del a, b[0], c.d
del (a, b)
assert x, "msg"
raise
raise E from None
return *a, b
pass; x = 1;

