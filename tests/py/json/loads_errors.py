# JSONDecodeError messages, positions, lines and columns
import json

docs = ['', ' ', 'x', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}',
        '{1:2}', '{"a":1 "b":2}', '"abc', '"a\\', '"a\\q"', '"\\u12"', '"\\u12g4"', '"\\u', '"\\u1234', '"a\nb"',
        '"a\tb"', 'nul', 'tru', 'fals', 'nan', 'inf', '-', '-x', '01', '1.', '1.e5', '1e', '1e+', '.5', '+1', '1 2',
        '[1]x', '\ufeff[1]', '{"a":1}}', '["\\x"]', '[1,2', '  \n  [1,\n  2,\n  x]', '{"a" : [1, {"b": nul}]}',
        '"\\"', '[-]', '["a",]', '"é\\q"', '["日本", x]', '{"😀": 1,, }', '"\\ud800\\u12x4"', '"\\ud800\\', '\n\n\n  }',
        '[\n1,\n2\n}', '{"a":\n\n  tru}', '"\x1f"', '[1]\n\n ,']
for d in docs:
    try:
        print(repr(d), repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print(repr(d), '|', e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == d, isinstance(e, ValueError))
for bad in [1, None, [1], {'a': 1}]:
    try:
        json.loads(bad)
    except TypeError as e:
        print('TypeError', e)
e = json.JSONDecodeError('boom', 'ab\ncd', 4)
print(e, e.args, e.__reduce__(), type(e).__module__, type(e).__name__, json.JSONDecodeError.__mro__[1].__name__)
try:
    json.loads('[' * 100000 + ']' * 100000)
except RecursionError as e:
    print('RecursionError')
