# errors raised while encoding
import json

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for kw in [{}, {'indent': 2}]:
    attempt(lambda: json.dumps([float('nan')], allow_nan=False, **kw))
    attempt(lambda: json.dumps(float('-inf'), allow_nan=False, **kw))
    attempt(lambda: json.dumps({float('inf'): 1}, allow_nan=False, **kw))
    attempt(lambda: json.dumps({(1, 2): 1}, **kw))
    attempt(lambda: json.dumps({object(): 1}, **kw))
    attempt(lambda: json.dumps(object(), **kw))
    attempt(lambda: json.dumps([1, {2, 3}], **kw))
    attempt(lambda: json.dumps(b'bytes', **kw))
    attempt(lambda: json.dumps({1: 2, 'a': 3}, sort_keys=True, **kw))
    a = []
    a.append(a)
    attempt(lambda: json.dumps(a, **kw))
    d = {}
    d['self'] = [d]
    attempt(lambda: json.dumps(d, **kw))
    attempt(lambda: json.dumps([[1]] * 3, **kw))
    class Loop:
        pass
    attempt(lambda: json.dumps(Loop(), default=lambda o: o, **kw))
    attempt(lambda: json.dumps(Loop(), default=lambda o: [o], **kw))
    attempt(lambda: json.dumps(Loop(), default=lambda o: 1 / 0, **kw))
attempt(lambda: json.dumps(1, indent=1.5))
attempt(lambda: json.dumps(1, separators=(',',)))
attempt(lambda: json.dumps(1, bogus=True))
attempt(lambda: json.dumps(10 ** 5000))
deep = []
for i in range(100000):
    deep = [deep]
attempt(lambda: len(json.dumps(deep)) > 0)
