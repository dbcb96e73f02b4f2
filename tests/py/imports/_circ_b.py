try:
    from _circ_a import A
except ImportError as e:
    print("ImportError:", e, "| name:", e.name, "| path:", e.path)
import _circ_a
try:
    _circ_a.A
except AttributeError as e:
    print("AttributeError:", e)
B = "b done"
