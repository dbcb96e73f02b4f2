from collections import OrderedDict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(od, list(od), od['b'], len(od), repr(OrderedDict()))
od.move_to_end('a'); print(od)
od.move_to_end('a', last=False); print(od)
od.move_to_end('c', False); print(list(od.items()))
show(lambda: od.move_to_end('zz'))
print(od.popitem(), od.popitem(last=False), od)
show(lambda: OrderedDict().popitem())
od = OrderedDict.fromkeys('xyz', 0); print(od, od.keys(), od.values(), od.items())
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
print(od.pop('y'), od.pop('q', 'dflt'), od.setdefault('w', 9), od.setdefault('x', 5), od)
show(lambda: od.pop('nope'))
a = OrderedDict(a=1, b=2); b = OrderedDict(b=2, a=1)
print(a == b, a != b, a == dict(b=2, a=1), dict(a) == b, a == OrderedDict(a=1, b=2))
print(a | {'c': 3}, {'z': 0} | a, type({'z': 0} | a).__name__)
a |= {'d': 4}; print(a, a.copy(), type(a.copy()).__name__)
show(lambda: type(a).__hash__)
show(lambda: a.__reduce__()[:3])
print(isinstance(a, dict), list(a.keys() & {'a', 'q'}), 'a' in a.keys(), ('a', 1) in a.items(), 1 in a.values())
r = OrderedDict(); r['me'] = r; print(r)
class Sub(OrderedDict):
    pass
s = Sub(k=1); print(s, s.copy(), type(s.copy()).__name__)
od = OrderedDict(); od[3] = 'c'; od[1] = 'a'; od[2] = 'b'; del od[1]; od[1] = 'A'; print(od)
od.update([(5, 'e')], z='zed'); print(od, od.get(5), od.get(99, 'no'))
od.clear(); print(od, len(od))
import copy
print(copy.copy(OrderedDict(a=[1])), copy.deepcopy(OrderedDict(a=[1])))
