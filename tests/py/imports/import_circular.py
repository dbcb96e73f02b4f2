# Circular imports see partially initialised modules, as in CPython.
import _circ_a
print(_circ_a.A, _circ_a._circ_b.B)
import _circ_c
print(_circ_c.get(), _circ_c._circ_d.get())
import circ
print(circ.sub.__name__)
import circ2
print(circ2.X, circ2.Y, circ2.y.__name__)
import sys
print(sys.modules["_circ_a"].__spec__._initializing)
