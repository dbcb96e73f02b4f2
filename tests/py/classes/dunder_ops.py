# Operator methods on user classes, reflected operands and the subclass rule.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return NotImplemented

    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return V(-self.x, -self.y)

    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __iter__(self):
        yield self.x
        yield self.y

    def __repr__(self):
        return f"V({self.x}, {self.y})"

    def __bool__(self):
        return bool(self.x or self.y)

    def __call__(self, k):
        return self * k

    def __contains__(self, v):
        return v in (self.x, self.y)


a, b = V(1, 2), V(3, 4)
print(a + b, a * 3, 3 * a, -a)
print(sum([a, b]))
print(a == V(1, 2), a != b, a < b, b > a, sorted([b, a]))
print(len(a), a[0], a[-1], list(a), tuple(b))
print(bool(V(0, 0)), bool(a), a(10), 2 in a, 5 in a)
print({a: 1}[V(1, 2)])
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)


class W(V):
    def __radd__(self, o):
        return "W.__radd__ wins"


print(V(1, 1) + W(2, 2))


class NoHash:
    def __eq__(self, o):
        return True


try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__)


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True


with Ctx() as c:
    raise KeyError("swallowed")
print("after with")


class Idx:
    def __index__(self):
        return 2


print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()))
