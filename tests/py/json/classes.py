# JSONEncoder / JSONDecoder objects: encode, iterencode, decode, raw_decode, scanstring
import json
from json import decoder, encoder, scanner

enc = json.JSONEncoder(sort_keys=True, indent=2)
print(enc.encode({'b': 1, 'a': [1, 2]}), enc.item_separator, repr(enc.key_separator), enc.indent)
print(list(json.JSONEncoder().iterencode({'a': [1, 2.5, None, True, 'x'], 'b': {}})))
print(list(json.JSONEncoder(indent=1).iterencode({'a': [1, {'c': [3]}], 'b': []})))
print(list(json.JSONEncoder(sort_keys=True).iterencode({'b': (1,), 'a': 'é'})))
print(list(json.JSONEncoder().iterencode('just a string')), list(json.JSONEncoder().iterencode(5)))
print(json.JSONEncoder().encode('é'), json.JSONEncoder(ensure_ascii=False).encode('é'), json.JSONEncoder().encode([]))
print(encoder.encode_basestring('é"\n'), encoder.encode_basestring_ascii('é"\n😀'), encoder.INFINITY)
d = json.JSONDecoder()
print(d.decode(' [1, 2] '), d.raw_decode('{"a": 1} tail'), d.raw_decode('xx[1]', 2), d.raw_decode('"é" 日本', 0))
for args in [('  [1]',), ('[1] x', 5), ('', 0), ('abc', 1)]:
    try:
        print(d.raw_decode(*args))
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e)
print(decoder.scanstring('"abc" rest', 1), decoder.scanstring('x"é\\u00e9"', 2), decoder.scanstring('"a\nb"', 1, False))
for args in [('"abc', 1), ('"a\nb"', 1), ('abc', 5), ('abc', -1)]:
    try:
        print(decoder.scanstring(*args))
    except (json.JSONDecodeError, ValueError) as e:
        print(type(e).__name__, e)
dec = json.JSONDecoder(object_hook=dict.items, parse_float=str, strict=False)
print(dec.decode('{"a": 1.0}'), dec.strict, dec.parse_int, dec.object_pairs_hook)
s = scanner.make_scanner(json.JSONDecoder())
print(s('[1, "a"]', 0), s('  {"k": null}', 2))
try:
    s('[1, "a"]', 8)
except StopIteration as e:
    print('StopIteration', e.value)
try:
    s('[1, @]', 0)
except StopIteration as e:
    print('StopIteration', e.value)
class MyDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}
print(json.loads('{"a": {"b": 1}}', cls=MyDecoder), json.loads('[1.5]', cls=MyDecoder, parse_float=lambda x: x))
print(json.decoder.JSONDecodeError is json.JSONDecodeError, json.__all__)
