# Relative imports: from . / from .. / from ... and their errors.
from pkga import mod1
from pkga.sub.deep import bottom
print(mod1.NAME, bottom.BOTTOM)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkga.beyond
except ImportError as e:
    print(type(e).__name__, e)
# __import__ with explicit globals and levels.
m = __import__("mod2", {"__package__": "pkga"}, None, ["f"], 1)
print(m.__name__, m.f())
m = __import__("", {"__name__": "pkga.mod1"}, None, ["mod2"], 1)
print(m.__name__)
m = __import__("", {"__name__": "pkga", "__path__": []}, None, ["mod2"], 1)
print(m.__name__)
m = __import__("sub.leaf", {"__package__": "pkga"}, None, None, 1)
print(m.__name__)
m = __import__("leaf", {"__package__": "pkga.sub.deep"}, None, ["LEAF"], 2)
print(m.__name__)
for bad in ({"__package__": 1}, {}, {"__name__": 5}, {"__name__": "top"}, {"__package__": ""}):
    try:
        __import__("x", bad, None, [], 1)
    except (ImportError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
try:
    __import__("x", [], None, [], 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    __import__("x", {"__package__": "pkga"}, None, [], 3)
except ImportError as e:
    print(type(e).__name__, e)
