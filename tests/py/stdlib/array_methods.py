import array

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for tc in 'bBhHiIlLqQfd':
    a = array.array(tc, [1, 2, 3])
    a.append(4); a.extend([5, 6]); a.insert(0, 0); a.insert(-1, 9); a.insert(100, 7)
    print(tc, a.itemsize, a, len(a), a[0], a[-1], a[1:4], a[::-2], a.count(1), a.index(9), 9 in a, a.pop(), a.pop(0), a.tolist())
    b = a.tobytes(); c = array.array(tc); c.frombytes(b); print(c == a, len(b), bytes(a) == b, a.typecode)
    a.remove(9); a.reverse(); print(a, a * 2, a + a, list(a)[:3])
    a[1:3] = array.array(tc, [7, 7, 7]); del a[0]; a[0] = 8; print(a)
    a.byteswap(); a.byteswap(); print(a, a.buffer_info()[1])
u = array.array('u', 'hello')
print(u, u.tounicode(), u[1], u[1:3], u.itemsize); u.fromunicode(' world'); u.append('!'); print(u, repr(array.array('u')))
for tc in 'bBhHiIlLqQ':
    a = array.array(tc)
    size = a.itemsize
    row = []
    for v in [2**70, -2**70, 2**(8 * size), 2**(8 * size - 1), -1, -2**(8 * size - 1) - 1, 40000, -40000, 1.5, 'x', None]:
        try:
            a.append(v)
            row.append('ok')
        except Exception as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(tc, ' | '.join(row))
for v in [1e400, 'x', None, 5, True]:
    show(lambda: array.array('d', [v]))
    show(lambda: array.array('f', [v]))
for v in ['x', 'ab', 5, None, b'a']:
    show(lambda: array.array('u', [v]))
show(lambda: array.array('z'))
show(lambda: array.array(5))
show(lambda: array.array('i', 'abc'))
show(lambda: array.array('u', [1]))
show(lambda: array.array('u', array.array('i')))
show(lambda: array.array('i', b'abc'))
show(lambda: array.array('i', [1]) + [2])
show(lambda: array.array('i', [1]) + array.array('d', [2]))
show(lambda: array.array('i', [1]) * 'a')
show(lambda: array.array('i', [1])[5])
show(lambda: array.array('i', [1]).pop(5))
show(lambda: array.array('i').pop())
show(lambda: array.array('i', [1]).remove(5))
show(lambda: array.array('i', [1]).index(5))
show(lambda: array.array('i', [1]).frombytes(b'abc'))
show(lambda: array.array('i', [1]).fromunicode('a'))
show(lambda: array.array('i', [1]).tounicode())
show(lambda: array.array('i', [1]).extend(array.array('d')))
show(lambda: array.array('i', [1, 2, 3]).__setitem__(slice(0, 2), [1]))
show(lambda: array.array('i', [1, 2, 3]).__setitem__(slice(0, 3, 2), array.array('i', [1])))
show(lambda: array.array('i', [1, 2, 3]).__setitem__(slice(0, 2), array.array('d', [1])))
show(lambda: array.array('i', [1])['a'])
show(lambda: array.array('i', [1]).__setitem__(5, 1))
show(lambda: array.array())
show(lambda: array.array('i', x=1))
show(lambda: array.array('i', [1, 2]).fromlist((1,)))
show(lambda: array.array('i', 5))
a = array.array('i', [1, 2]); show(lambda: a.fromlist([3, 'a'])); print(a)
show(lambda: hash(array.array('i')))
b = array.array('i', [1]); b += array.array('i', [2]); b *= 2; print(b)
def iadd():
    global b
    b += [1]
show(iadd)
print(array.array('i', [1, 2]) < array.array('d', [1, 3]), array.array('i', [1, 2]) == [1, 2], array.array('b', [1, 2]) == array.array('h', [1, 2]), array.array('i') == array.array('i'))
print(array.array('i', [5]).__reduce_ex__(2), array.array('i', [3]).__reduce_ex__(3)[1], array.typecodes, array.ArrayType is array.array, type(iter(array.array('i'))).__name__)
c = array.array('h', range(10)); del c[::3]; print(c); c[::2] = array.array('h', [0] * 3); print(c); del c[5:1:-2]; print(c)
c[1:1] = c; print(c, c.buffer_info()[1], array.array('h', c) == c, array.array('d', c))
f = array._array_reconstructor(array.array, 'i', 8, b'\x01\x00\x00\x00'); print(f)
import copy
print(copy.copy(array.array('b', [1])), copy.deepcopy(array.array('u', 'xy')), list(reversed(array.array('i', [1, 2]))))
print(bytes(array.array('h', [1, -2])), bytearray(array.array('B', [65, 66])), b''.join([array.array('b', [67])]))
class A(array.array):
    pass
s = A('i', [1, 2]); s.tag = 1; print(s, type(s[:1]).__name__, s.tag, A('d', s))
