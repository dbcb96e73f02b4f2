# json.loads: values, numbers, strings, hooks, parse_* and strict
import json

docs = ['null', 'true', 'false', '0', '-0', '-0.0', '1.5', '1e3', '1E-3', '-1.25e+2', '123456789012345678901234567890',
        '1e400', '-1e400', '5e-324', '0.1', 'NaN', 'Infinity', '-Infinity', '""', '"abc"', '"\\u00e9\\u65e5"',
        '"\\ud83d\\ude00"', '"\\ud800"', '"\\udc00\\ud800"', '"\\ud800\\u0041"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
        '"é日😀"', '[]', '{}', '[1, [2, [3, []]]]', '{"a": {"b": {"c": null}}}', ' \t\n\r[ 1 , 2 ] \n',
        '{"a": 1, "a": 2}', '[true,false,null]', '{"": ""}', '"\x7f"', '[-1, -0.5, 0, 0.5, 1]']
for d in docs:
    print(repr(d), repr(json.loads(d)))
v = json.loads('[NaN]')
print(v[0] is json.loads('NaN'), json.loads('{"k": 1}') == {'k': 1})
print(json.loads('{"a": 1.5, "b": [2, 3.25]}', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda c: c.lower()))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d)))
print(json.loads('{"a": 1, "b": {"c": 2}, "a": 3}', object_pairs_hook=lambda p: p))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'))
print(json.loads('"a\tb\nc\x00"', strict=False), json.loads('{"k\n": 1}', strict=False))
print(json.loads(b'{"x": [1, "\xc3\xa9"]}'), json.loads(bytearray(b'[1]')), json.loads('[1]'.encode('utf-16')))
print(json.loads('"x"'.encode('utf-16-le')), json.loads('"x"'.encode('utf-16-be')), json.loads('[2]'.encode('utf-32')))
print(json.loads('\xef\xbb\xbf[3]'.encode('latin-1')), json.loads(b'\xef\xbb\xbf[3]'))
print(json.loads('{"a": [{"b": [{"c": [1, 2, {"d": "é"}]}]}]}'))
