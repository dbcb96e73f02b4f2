# import a.b.c binds the top package; the submodules become attributes.
import sys
import pkga.sub.leaf
print(pkga.__name__, pkga.sub.__name__, pkga.sub.leaf.__name__, pkga.sub.leaf.LEAF)
import pkga.sub.deep.bottom as bottom
print(bottom.__name__, bottom is pkga.sub.deep.bottom, bottom.BOTTOM)
print(sorted(k for k in sys.modules if k.startswith("pkga")))
print([k for k in sys.modules if k.startswith("pkga")])
m = __import__("pkga.sub.leaf")
print("no fromlist:", m.__name__)
m = __import__("pkga.sub.leaf", fromlist=["x"])
print("fromlist:", m.__name__)
m = __import__("pkga.sub", globals(), None, ["leaf"], 0)
print(m.__name__, m.leaf.__name__)
m = __import__("pkga", fromlist=["mod2"])
print(m.__name__, m.mod2.__name__, "pkga.mod2" in sys.modules)
import pkga.mod1 as m1, pkga.mod2
print(m1.NAME, m1.f(), m1.leaf is pkga.sub.leaf, pkga.mod2 is m1.mod2)
