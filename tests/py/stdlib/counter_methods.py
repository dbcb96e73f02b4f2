from collections import Counter

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

c = Counter('abracadabra')
print(c, c.most_common(), c.most_common(3), c.most_common(0), list(c.elements()))
c2 = Counter({'red': 4, 'blue': 2}); c3 = Counter(cats=4, dogs=8); print(c2, c3, Counter(), Counter([]))
c.update(['a', 'x']); c.update({'b': 10}); c.update(z=3); print(c)
c.subtract('aaa'); c.subtract({'z': 5}); c.subtract(x=1); print(c)
del c['nope']; del c['x']; print(c['nope'], 'nope' in c, c)
print(c.total(), sum(c.values()), len(c), sorted(c))
a, b = Counter(a=3, b=1), Counter(a=1, b=2)
print(a + b, a - b, a | b, a & b, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
x = Counter(a=3, b=1); x += Counter(b=-5, c=2); print(x)
x = Counter(a=3, b=1); x -= Counter(a=1); print(x)
x = Counter(a=3, b=1); x |= Counter(a=5, c=1); print(x)
x = Counter(a=3, b=1); x &= Counter(a=1); print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) == {'a': 1})
print(Counter(a=1) < Counter(a=2), Counter(a=2) <= Counter(a=2), Counter(a=3) > Counter(a=2), Counter(a=1) >= Counter(a=1, b=1))
show(lambda: Counter.fromkeys('abc'))
show(lambda: Counter(a=1) + 1)
show(lambda: Counter(a=1) < {'a': 2})
show(lambda: hash(Counter()))
print(repr(Counter(a=1, b='x')), Counter(a=1).copy(), Counter(a=2).__reduce__())
class MyCounter(Counter):
    pass
mc = MyCounter('aab'); print(mc, type(mc.copy()).__name__, type(mc + mc).__name__)
print(Counter('hello world').most_common(2), Counter(i % 3 for i in range(10)))
print(sorted(Counter(a=2, b=0, c=-1).elements()))
