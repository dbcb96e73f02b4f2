import struct

print([struct.calcsize(f) for f in ['@ci', '@ic', '@i0q', '@cP', '@c?e d', b'<5s2x', 'bhilqnfdP', '=bhilqfd', '<qh', '>3s2p', '', '  i  ', '4x', '@xi', '@3ci']])
vals = (-1, 255, -300, 60000, -2**31, 2**32 - 1, -2**63, 2**64 - 1, True, 1.5, 3.25, 0.1, b'ab', b'q')
for fmt in ['<bBhHiIqQ?efd2sc', '>bBhHiIqQ?efd2sc', '=bBhHiIqQ?efd2sc', '@bBhHiIqQ?efd2sc', '!bBhHiIqQ?efd2sc']:
    data = struct.pack(fmt, *vals)
    back = struct.unpack(fmt, data)
    print(fmt, len(data), data.hex(), back)
print(struct.pack('5p', b'abc'), struct.pack('2p', b'abc'), struct.pack('0s', b'x'), struct.pack('1p', b'x'), struct.unpack('5p', b'\x09abcd'))
print(struct.pack('300p', b'a' * 300)[:3], struct.unpack('<3x i', b'\x00' * 3 + b'\x05\x00\x00\x00'))
print(struct.pack('@bi', 1, 2).hex(), struct.pack('@ib', 1, 2).hex(), struct.pack('@hq', 1, 2).hex(), struct.pack('P', 2**64 - 1).hex(), struct.pack('P', -1).hex())
print(struct.unpack('<e', b'\x01\x00'), struct.unpack('<e', b'\x00\xfe'), struct.unpack('<e', b'\x00\x7c'), struct.unpack('<f', b'\x00\x00\x80\x7f'))
print(struct.unpack('?', b'\x02'), struct.unpack('>Q', b'\xff' * 8), struct.unpack('<q', b'\xff' * 8), struct.unpack('@P', b'\xff' * 8))
for h in [1.0, 0.5, 2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -26, 65504, 0.333251953125, 1.00048828125, 1.0004882812500002]:
    print(h, struct.pack('<e', h).hex(), struct.unpack('<e', struct.pack('<e', h)))
s = struct.Struct('<hhl')
print(s.format, s.size, s.pack(1, 2, 3), s.unpack(b'\x01\x00\x02\x00\x03\x00\x00\x00'), struct.Struct(b'>i').format, struct.Struct(format='i').size)
buf = bytearray(12)
s.pack_into(buf, 2, -1, -2, -3); print(buf.hex(), s.unpack_from(buf, 2), s.unpack_from(buf, offset=-8))
struct.pack_into('>H', buf, -2, 0xabcd); print(buf.hex())
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(it.__length_hint__(), list(it), it.__length_hint__(), type(it).__name__)
print(struct.unpack('<h', bytearray(b'\x05\x00')), struct.unpack_from('<h', bytearray(b'\x00\x05\x00'), 1))
class I:
    def __index__(self):
        return 7
print(struct.pack('<i', I()), struct.pack('P', I()), struct.pack('<Q', True), struct.pack('?', 0), struct.pack('?', [1]))
print(struct.pack('<2h3s', 1, 2, b'xyz'), struct.unpack('<2h3s', b'\x01\x00\x02\x00xyz'))
struct._clearcache()
print(sorted(n for n in struct.__all__))
import array
print(struct.unpack('<3h', array.array('h', [1, -2, 3])))
