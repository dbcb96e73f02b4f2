import circ
try:
    circ.sub
except AttributeError as e:
    print("AttributeError:", e)
try:
    circ.other
except AttributeError as e:
    print("AttributeError:", e)
