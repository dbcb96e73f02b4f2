import operator as op

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.lshift(1, 5), op.rshift(64, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.neg(3), op.pos(-3), op.abs(-4))
print(op.inv(5), op.invert(5), op.not_(0), op.truth([]), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2), op.lt('a', 'b'))
print(op.concat([1], [2]), op.concat('ab', 'cd'), op.contains([1, 2], 2), op.countOf([1, 2, 1, 1], 1), op.indexOf('abc', 'c'))
print(op.getitem([1, 2, 3], 1), op.getitem({'a': 1}, 'a'), op.getitem('hello', slice(1, 3)))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
print(op.index(5), op.length_hint([1, 2, 3]), op.length_hint(iter(range(10))), op.length_hint(object(), 7))
a = [1]; b = op.iadd(a, [2]); print(a, b is a, op.iadd(1, 2), op.isub(5, 1), op.imul([0], 2), op.iconcat([1], (2,)))
print(op.ipow(2, 5), op.imod(7, 4), op.ifloordiv(7, 2), op.itruediv(1, 4), op.ilshift(1, 3), op.irshift(16, 1))
print(op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3), op.matmul.__name__, op.__add__ is op.add, op.__add__.__name__)
print(op.call(max, 1, 5, 3), op.call(sorted, [3, 1, 2], reverse=True))
import _operator
print(_operator._compare_digest(b"abc", b"abc"), _operator._compare_digest("abc", "abd"), _operator._compare_digest(b"a", b"ab"))
show(lambda: op.add(1))
show(lambda: op.add(1, 'a'))
show(lambda: op.concat(1, 2))
show(lambda: op.indexOf([1, 2], 3))
show(lambda: op.index(1.5))
show(lambda: op.length_hint(1, 'a'))
show(lambda: op.neg('a'))
show(lambda: op.countOf(5, 1))
show(lambda: op.call())
show(lambda: _operator._compare_digest('ä', 'a'))
show(lambda: _operator._compare_digest(1, 2))

class LH:
    def __length_hint__(self): return self.v
for v in [5, -1, 'x', NotImplemented]:
    o = LH(); o.v = v
    show(lambda: op.length_hint(o, 3))
