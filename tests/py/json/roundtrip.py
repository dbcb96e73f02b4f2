# dumps/loads round trips, dump/load through file-like objects
import json

class Buf:
    def __init__(self, text=''):
        self.chunks = [text] if text else []
    def write(self, s):
        self.chunks.append(s)
    def read(self):
        return ''.join(self.chunks)

samples = [
    {'name': 'Ünïcödé ✓', 'tags': ['a', 'b'], 'n': 42, 'f': -1.5e-9, 'ok': True, 'none': None},
    [1, 2.0, '3', [4, [5, {'6': 7}]]],
    {'emoji': '😀👍🏽', 'ctrl': '\x00\x1f\x7f', 'quote': '"\'\\', 'big': 10 ** 40, 'tiny': 5e-324},
    'plain', 0, [], {},
]
for v in samples:
    for kw in [{}, {'indent': 2}, {'ensure_ascii': False}, {'sort_keys': True, 'separators': (',', ':')}]:
        s = json.dumps(v, **kw)
        back = json.loads(s)
        print(back == v, s == json.dumps(back, **kw), len(s))
b = Buf()
json.dump({'a': [1, 2, {'b': None}], 'c': 'é'}, b)
print(b.chunks)
b = Buf()
json.dump({'a': [1, 2]}, b, indent=2, sort_keys=True)
print(b.chunks)
print(json.load(Buf('{"x": [1, 2, 3]}')), json.load(Buf('[1.5]'), parse_float=str))
big = {'users': [{'id': i, 'name': 'user%d' % i, 'score': i * 1.25, 'tags': ['t%d' % (i % 3)]} for i in range(200)]}
s = json.dumps(big)
print(len(s), json.loads(s) == big, s[:80])
print(json.dumps(json.loads('{"a":{"b":[1,{"c":"\\ud83d\\ude00"}]}}'), ensure_ascii=False))
