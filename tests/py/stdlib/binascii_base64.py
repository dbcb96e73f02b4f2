import binascii as b
import base64

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)

for s in [b'=abc', b'ab==c', b'abc=d', b'ab=c', b'ab!c', b'abcd====', b'abcde', b'abc', b'ab', b'YWJj', b'YW Jj\n', b'YQ==', b'YQ=', b'YQ', b'Y', b'YQ==YQ==', b'YQ=x=', '', 'YWJj', bytearray(b'YQ==')]:
    show(lambda: b.a2b_base64(s))
    show(lambda: b.a2b_base64(s, strict_mode=True))
show(lambda: b.a2b_base64('äb'))
show(lambda: b.a2b_base64(5))
for data in [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256))]:
    print(b.b2a_base64(data), b.b2a_base64(data, newline=False) == base64.b64encode(data), b.hexlify(data)[:20], b.crc32(data), b.crc_hqx(data, 0), b.crc_hqx(data, 0xffff))
show(lambda: b.b2a_base64('abc'))
show(lambda: b.hexlify(b'\x01\xab', '-'))
show(lambda: b.hexlify(b'\x01\xab\xcd', b':', -2))
show(lambda: b.b2a_hex(b'\x01\xab\xcd\xef', ' ', 2))
show(lambda: b.unhexlify('0g'))
show(lambda: b.unhexlify('0'))
show(lambda: b.unhexlify('ABcd'))
show(lambda: b.a2b_hex(b'ff00'))
show(lambda: b.crc32(b'hello', 123))
show(lambda: b.crc32(b'hello', -1))
show(lambda: b.crc32(b'hello', 2**40))
show(lambda: b.crc32(b'hello', 1.5))
show(lambda: b.crc32(b'world', b.crc32(b'hello ')) == b.crc32(b'hello world'))
for data in [b'hello', b'', b'x' * 45, b'\x00\x01\x02']:
    enc = b.b2a_uu(data)
    print(enc, b.b2a_uu(data, backtick=True), b.a2b_uu(enc) == data)
show(lambda: b.b2a_uu(b'x' * 46))
show(lambda: b.a2b_uu(b'%:&5L;&\\\n'))
show(lambda: b.a2b_uu(b''))
show(lambda: b.a2b_uu(b'#86)C\n'))
show(lambda: b.a2b_uu(b'#\x7f\n'))
for data in [b'h\xe9llo = world\t\n', b'line  \nnext\t\r\nend ', b'a' * 100, b'x=y_z. \n.\n', b'\x00\x01 tab\there', b'.', b'plain text']:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        enc = b.b2a_qp(data, **kw)
        print(kw, enc, b.a2b_qp(enc, header=kw.get('header', False)) == data)
show(lambda: b.a2b_qp(b'h=E9llo=3D w=\n'))
show(lambda: b.a2b_qp(b'a_b=\r\nc==d=zz=4', header=True))
print(b.Error.__mro__, b.Incomplete.__mro__)
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', b'\xfb\xff']:
    print(base64.b64encode(data), base64.urlsafe_b64encode(data), base64.b32encode(data), base64.b32hexencode(data), base64.b16encode(data), base64.a85encode(data), base64.b85encode(data))
    print(base64.b64decode(base64.b64encode(data)) == data, base64.urlsafe_b64decode(base64.urlsafe_b64encode(data)) == data, base64.b32decode(base64.b32encode(data)) == data,
          base64.b32hexdecode(base64.b32hexencode(data)) == data, base64.b16decode(base64.b16encode(data)) == data, base64.a85decode(base64.a85encode(data)) == data, base64.b85decode(base64.b85encode(data)) == data)
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode('+/+/', altchars='-_'), base64.b64decode(b'YW Jj', validate=False), base64.standard_b64encode(b'x'), base64.standard_b64decode('eA=='))
print(base64.b32decode('mzxw6===', casefold=True), base64.b32decode('0O======', map01='L'), base64.b16decode('ab', casefold=True))
print(base64.a85encode(b'    \0\0\0\0abc', foldspaces=True), base64.a85encode(b'hello world, here', wrapcol=7, adobe=True), base64.a85encode(b'abc', pad=True), base64.b85encode(b'abc', pad=True))
print(base64.a85decode(b'<~@:E_WAS,RgBkhF"D/O92EH6,BF`qtR~>', adobe=True), base64.a85decode(b'y z', foldspaces=True))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\neHg=\n'))
show(lambda: base64.b64decode('YWJj!', validate=True))
show(lambda: base64.b64decode(5))
show(lambda: base64.b64decode('ä'))
show(lambda: base64.b32decode('MZXW6==='[:-1]))
show(lambda: base64.b32decode('MZXW6YQ!'))
show(lambda: base64.b32decode('MZ======'[:7] + '='))
show(lambda: base64.b32decode('M=======', ))
show(lambda: base64.b16decode('0g'))
show(lambda: base64.b16decode('abc'.upper()))
show(lambda: base64.a85decode(b'abcxyz'))
show(lambda: base64.a85decode(b'az'))
show(lambda: base64.a85decode(b'ay', foldspaces=True))
show(lambda: base64.a85decode(b's8W-"'))
show(lambda: base64.a85decode(b'abc', adobe=True))
show(lambda: base64.b85decode(b'ab"c'))
show(lambda: base64.b85decode(b'|NsC0'))
show(lambda: base64.encodebytes('str'))
show(lambda: base64.b64encode('str'))
print(sorted(base64.__all__))
for v in ['x', 1.5, 2**70, 2**40, 2, True, None]:
    for f in [lambda: binascii.a2b_qp(b'a_b', v), lambda: binascii.b2a_qp(b'a b\t', v),
              lambda: binascii.b2a_qp(b'a b', header=v), lambda: binascii.b2a_base64(b'ab', newline=v),
              lambda: binascii.b2a_uu(b'\0\0', backtick=v), lambda: binascii.a2b_base64(b'YWI=', strict_mode=v)]:
        try: print(f())
        except Exception as e: print(type(e).__name__, e)
for f in [lambda: binascii.a2b_qp([1], 'x'), lambda: binascii.b2a_qp('x', 'x'), lambda: binascii.b2a_base64('x', newline='x'),
          lambda: binascii.b2a_uu('x', backtick='x'), lambda: binascii.a2b_base64([1], strict_mode='x')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
