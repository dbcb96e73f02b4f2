# __length_hint__ results and errors as list/tuple/bytearray/set/extend see them.
class It:
    def __init__(self, hint): self.hint = hint; self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration
        return self.n
    def __length_hint__(self):
        if isinstance(self.hint, Exception): raise self.hint
        return self.hint
for h in (5, 0, NotImplemented, -1, "x", ValueError("boom"), TypeError("te"), 2**70):
    for f in (list, tuple, bytearray, set):
        try: print(f.__name__, f(It(h)))
        except Exception as e: print(f.__name__, type(e).__name__, e)
    try: l = [0]; l.extend(It(h)); print(l)
    except Exception as e: print("extend", type(e).__name__, e)
    try: print(list(map(str, It(h))))
    except Exception as e: print("map", type(e).__name__, e)
