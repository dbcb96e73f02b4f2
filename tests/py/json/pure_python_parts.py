# the pure-Python pieces of json: py_make_scanner, JSONObject/JSONArray, py_scanstring, py_encode_basestring
import json
import json.decoder as d, json.scanner as s, json.encoder as e
for src in ['{"a" 1}', '{"a":1 ,}', '[1 2]', '[1,]', '"a\nb"', '"\\q"', '"\\u12"', '{', '{ }', '[ ]', '{"a":}', '[', '{"a":1,"b"}', ' ', '"abc', '{"a": [1, 2.5, {"b": null}], "c": true}', '-1.5e3', '[NaN, -Infinity]', '12']:
    sc = s.py_make_scanner(d.JSONDecoder())
    try: print(repr(src), sc(src, 0))
    except StopIteration as x: print(repr(src), 'Stop', x.value)
    except d.JSONDecodeError as x: print(repr(src), x)
print(d.JSONObject(('{"a": 1}', 1), True, s.py_make_scanner(d.JSONDecoder()), None, None))
print(d.JSONArray(('[1, 2]', 1), s.py_make_scanner(d.JSONDecoder())))
for src in ['"a\\u00e9"', '"a\nb"', '"\\q"', '"\\u12zz"', '"\\ud83d\\ude00"', '"abc']:
    try: print(d.py_scanstring(src, 1))
    except d.JSONDecodeError as x: print(x)
print(e.py_encode_basestring('é"\n\x00'), e.py_encode_basestring_ascii('é"\n😀\x7f'), e.ESCAPE_DCT['\x01'], bool(e.HAS_UTF8.search(b'\xc3')))
print(json.JSONEncoder().iterencode([1], _one_shot=True), d.JSONDecoder().parse_object is d.JSONObject)
