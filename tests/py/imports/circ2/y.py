from . import x
from circ2 import x as x2
print("circ2.y sees x:", x is x2, hasattr(x, "X"))
