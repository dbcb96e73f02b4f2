import pprint, collections
od = collections.OrderedDict((k, list(range(k))) for k in range(8))
dd = collections.defaultdict(list, {"alpha": list(range(15)), "beta": ["x" * 30, "y" * 30]})
cnt = collections.Counter("the quick brown fox jumps over the lazy dog and keeps running far away")
cm = collections.ChainMap({"a": 1, "b": list(range(20))}, {"c": "z" * 60})
dq = collections.deque(range(40), maxlen=50)
dq2 = collections.deque("abcdefghijklmnopqrstuvwxyz" * 3)
ud = collections.UserDict({"key%d" % i: i for i in range(12)})
ul = collections.UserList(list(range(35)))
Point = collections.namedtuple("Point", "x y")
for obj in (od, dd, cnt, cm, dq, dq2, ud, ul, [Point(1, 2)] * 8, collections.OrderedDict(), collections.Counter(), collections.deque()):
    pprint.pprint(obj, width=50)
pprint.pprint({"nested": [od, cnt]}, width=70, depth=3)
