# json.dumps of every basic type, with CPython's exact text
import json

values = [None, True, False, 0, -1, 123, 2**64, -10**30, 1.0, -0.0, 0.1, 1e16, 1e-7, 1.5e300, 5e-324,
          123456789.123456789, 3.141592653589793, float('inf'), float('-inf'), float('nan'),
          '', 'abc', 'é', '日本', '😀', '\x00\x01\x1f', '\x7f', '"\\/', '\b\f\n\r\t', '\u2028\u2029', '\ud800', '\udfff',
          [], (), {}, [1, [2, [3]]], (1, 'a'), {'a': {'b': {}}}, [None, True, 1.5, 'x', [], {}]]
for v in values:
    print(repr(v), json.dumps(v), json.dumps(v, ensure_ascii=False).encode('utf-8', 'surrogatepass'))
class I(int):
    def __repr__(self): return 'I!'
class F(float):
    def __repr__(self): return 'F!'
class S(str):
    pass
class L(list):
    pass
class D(dict):
    pass
print(json.dumps([I(5), F(2.5), S('s'), L([1]), D(a=1), True, False]))
print(json.dumps({I(1): F(1.5), F(2.0): I(3)}), json.dumps({True: 1, False: 2, None: 3, 1.5: 4, -2: 5, 10**20: 6}))
import sys
print(json.dumps(list(range(20))), json.dumps({str(i): i for i in range(12)}))
print(json.dumps({'k': 'v' * 50, 'nested': [{'a': [1, 2, {'b': None}]}] * 3}))
