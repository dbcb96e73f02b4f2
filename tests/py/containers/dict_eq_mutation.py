# keys whose __eq__ mutates the dict
class K:
    def __init__(self, v, d=None):
        self.v = v
        self.d = d
    def __hash__(self):
        return 1
    def __eq__(self, other):
        if self.d is not None:
            self.d.clear()
            self.d = None
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return "K(%d)" % self.v
d = {}
d[K(1)] = "one"
d[K(2)] = "two"
probe = K(3, d)
print(d.get(probe), d)
d = {K(1): 1}
k2 = K(1, d)
d[k2] = 2
print(d)
class Boom:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        raise ValueError("eq failed")
d = {Boom(): 1}
try:
    d[Boom()]
except ValueError as e:
    print(type(e).__name__, e)
try:
    d[Boom()] = 2
except ValueError as e:
    print(type(e).__name__, e)
print(len(d))
class H:
    def __hash__(self):
        raise TypeError("no hash for you")
try:
    {H(): 1}
except TypeError as e:
    print(type(e).__name__, e)
