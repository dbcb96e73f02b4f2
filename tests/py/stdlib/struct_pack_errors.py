import struct

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)

codes = 'bBhHiIlLqQnNP'
for pre in ['', '@', '=', '<', '>', '!']:
    for c in codes:
        if pre not in ('', '@') and c in 'nNP':
            continue
        size = struct.calcsize(pre + c)
        row = []
        for v in [2**(8*size-1), 2**(8*size), -1, -2**(8*size-1)-1, 2**70, -2**70, 5, 1.5, 'x']:
            try:
                row.append(struct.pack(pre + c, v).hex())
            except Exception as e:
                row.append(type(e).__name__ + ':' + str(e))
        print(repr(pre), c, size, ' | '.join(row))
for v in [0.0, -0.0, 1.5, 1e-8, 6e-5, 65504.0, 65520.0, 1e300, float('inf'), float('-inf'), float('nan'), 'x', 3]:
    for fmt in ['e', '<e', '>e', 'f', '<f', '>f', 'd', '>d']:
        show(lambda: struct.pack(fmt, v))
for fmt, v in [('c', b'ab'), ('c', 'a'), ('c', bytearray(b'a')), ('s', 1), ('p', 's'), ('3s', bytearray(b'abcd')), ('?', []), ('?', 'x'), ('x', 1)]:
    show(lambda: struct.pack(fmt, v))
show(lambda: struct.pack('z', 1))
show(lambda: struct.pack('3', 1))
show(lambda: struct.pack('<n', 1))
show(lambda: struct.pack('ii', 1))
show(lambda: struct.pack())
show(lambda: struct.pack(5))
show(lambda: struct.calcsize('999999999999999999999i'))
show(lambda: struct.calcsize('99999999999999999i'))
show(lambda: struct.Struct(1))
show(lambda: struct.Struct('i').pack(1, 2))
show(lambda: struct.unpack('i', b'abc'))
show(lambda: struct.unpack('i', 'abcd'))
show(lambda: struct.unpack_from('i', b'abc', 1))
show(lambda: struct.unpack_from('i', b'abcdef', -10))
show(lambda: struct.unpack_from('i', b'abcdef', 5))
show(lambda: struct.unpack_from('i', b'abcdef', offset=-4))
show(lambda: struct.unpack_from('i', buffer=b'abcd'))
show(lambda: struct.pack_into('i', bytearray(3), 0, 1))
show(lambda: struct.pack_into('i', bytearray(8), 6, 1))
show(lambda: struct.pack_into('i', bytearray(8), -20, 1))
show(lambda: struct.pack_into('i', bytearray(8), -2, 1))
show(lambda: struct.pack_into('i', b'12345678', 0, 1))
show(lambda: struct.pack_into('i', bytearray(8)))
show(lambda: struct.pack_into('i', bytearray(8), 0))
show(lambda: list(struct.iter_unpack('i', b'abcde')))
show(lambda: list(struct.iter_unpack('', b'')))
show(lambda: struct.error.__module__)
show(lambda: issubclass(struct.error, Exception))
for f in [None, [1], 3.0]:
    try: struct.pack(f)
    except Exception as e: print(type(e).__name__, e)
    try: struct.Struct(f)
    except Exception as e: print(type(e).__name__, e)
for args, kw in [((), {}), (('i',), {}), ((1,2,3,4,5,6), {}), (('i', b'abcd'), {}), (('i',), {'buffer': b'abcdef', 'offset': 2}), ((), {'format': 'i', 'buffer': b'abcd'}), (('i', b'abcd', 0, 1), {}), (('x',), {'buf': 1})]:
    try: print(struct.unpack_from(*args, **kw))
    except Exception as e: print(type(e).__name__, e)
    try: print(struct.Struct('i').unpack_from(*args[1:], **kw))
    except Exception as e: print(type(e).__name__, e)
