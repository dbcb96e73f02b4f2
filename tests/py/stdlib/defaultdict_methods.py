from collections import defaultdict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
print(d, d['zz'], len(d), d.get('q'), 'q' in d, d.default_factory)
c = defaultdict(int); 
for ch in 'mississippi':
    c[ch] += 1
print(c, sorted(c.items()), isinstance(c, dict), type(c).__name__)
show(lambda: defaultdict(1))
show(lambda: defaultdict()[1])
show(lambda: defaultdict(None)[(1, 2)])
show(lambda: repr(defaultdict(list, {1: 2})))
show(lambda: repr(defaultdict(lambda: 0)).startswith('defaultdict(<function'))
show(lambda: defaultdict(list, a=1).__reduce__()[:4])
show(lambda: list(defaultdict(list, a=1).__reduce__()[4]))
show(lambda: defaultdict(None, [(1, 2)]) | {3: 4})
show(lambda: type(defaultdict(list) | {3: 4}))
show(lambda: {3: 4} | defaultdict(list))
show(lambda: type({3: 4} | defaultdict(list)))
show(lambda: type(defaultdict(list).__or__(5)))
show(lambda: defaultdict(list).copy())
d = defaultdict(set, x={1}); d |= {'y': {2}}; print(d)
d.default_factory = dict; print(d['new'], d)
d.default_factory = None
show(lambda: d['missing'])
class DD(defaultdict):
    def __missing__(self, key):
        return 'sub-' + key
print(DD(list)['k'], type(DD(int).copy()).__name__)
r = defaultdict(list); r['self'] = r; print(r)
rec = defaultdict(); rec.default_factory = rec.__class__; print(repr(defaultdict(None)))
dd = defaultdict(int, {'a': 1}, b=2); print(dd, dd == {'a': 1, 'b': 2})
import copy
print(copy.copy(dd), copy.deepcopy(defaultdict(list, x=[1])))
