# dumps options: indent, separators, sort_keys, skipkeys, allow_nan, default, cls
import json

data = {'b': [1, 2.5, {'x': None, 'a': []}], 'a': {'z': True, 'y': ()}, 'c': 'é'}
for indent in [None, 0, 1, 2, 4, -1, '', '\t', '--']:
    print(repr(indent))
    print(json.dumps(data, indent=indent))
    print(json.dumps(data, indent=indent, sort_keys=True, separators=(',', ': ')))
print(json.dumps(data, separators=(',', ':')), json.dumps(data, separators=(';', '=')))
print(json.dumps([[], {}, [[]], [{}]], indent=2))
print(json.dumps({'a': 1, 1: 2, (1, 2): 3, 1j: 4, 'b': 5}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True, indent=2), json.dumps({(1, 2): 3, 'a': 1}, skipkeys=True, indent=2))
print(json.dumps({'é': 'ü', 'k': '😀'}, ensure_ascii=False), json.dumps({'é': 'ü'}, ensure_ascii=True))
print(json.dumps({3: 'c', 1: 'a', 2: 'b'}, sort_keys=True), json.dumps({'b': 1, 'a': 2, 'B': 3}, sort_keys=True))
print(json.dumps(set([3]), default=sorted), json.dumps({'when': complex(1, 2)}, default=lambda o: [o.real, o.imag]))
print(json.dumps([1, 2], check_circular=False), json.dumps(float('nan'), allow_nan=True))
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)
print(json.dumps([Point(1, 2), {'p': Point(3, Point(4, 5))}], cls=PointEncoder))
print(json.dumps([Point(1, 2)], cls=PointEncoder, indent=1, sort_keys=True))
class Custom(json.JSONEncoder):
    item_separator = ' | '
    key_separator = ' => '
print(json.dumps({'a': [1, 2]}, cls=Custom), Custom(indent=2).encode({'a': [1]}))
class Upper(json.JSONEncoder):
    def encode(self, o):
        return super().encode(o).upper()
print(json.dumps({'a': 'b'}, cls=Upper))
class Opt(json.JSONEncoder):
    def __init__(self, *, flavor='x', **kw):
        super().__init__(**kw)
        self.flavor = flavor
    def default(self, o):
        return self.flavor
print(json.dumps([object()], cls=Opt, flavor='y'))
