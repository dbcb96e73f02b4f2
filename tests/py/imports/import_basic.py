# import of modules and packages from the script's directory.
import _geometry
import _geometry as g2
from _geometry import area, Point as P
from _geometry import *
import sys
print(_geometry is g2, _geometry.__name__, round(area(2), 3), P(1, 2).y)
print(PI, "_private" in dir(), "_geometry" in sys.modules)
import shapes
from shapes import circle, Square
import shapes.square
print(shapes.VERSION, Square(3).area(), shapes.square.Square is Square, circle.area(1))
print(shapes.__name__, shapes.circle.__name__, shapes.__package__, circle.__package__)
try:
    import does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from _geometry import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
mod = __import__("_geometry")
print(mod.PI)
