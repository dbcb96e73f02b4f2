# Item assignment/deletion errors on objects that do not support them.
class H: pass
class G:
    def __getitem__(s, k): return 1
for o, k in [((1,), 0), ((1,), 'a'), (object(), 0), (object(), 'a'), ('ab', 0), (b'a', 0), (range(3), 0), (int.__dict__, 0), (int.__dict__, 'real'), (frozenset(), 0), ({1}.__iter__(), 0), (iter([]), 0), (H(), 0), (H(), 'x'), (G(), 0), (1, 0), (None, 0), (len, 'a'), ({}.keys(), 0)]:
    try: del o[k]
    except TypeError as e: print(type(o).__name__, repr(k), e)
    try: o[k] = 1
    except TypeError as e: print(type(o).__name__, repr(k), e)
