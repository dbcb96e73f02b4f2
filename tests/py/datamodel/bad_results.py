# Wrong result types from special methods and the errors built-ins raise for them.
def t(f):
    try: return f()
    except Exception as e: return f"{type(e).__name__}: {e}"
class R:
    def __repr__(self): return 1
    def __str__(self): return 2
    def __bytes__(self): return "s"
    def __format__(self, s): return 3
    def __hash__(self): return "h"
    def __len__(self): return 1.5
    def __bool__(self): return 1
    def __index__(self): return "i"
    def __int__(self): return 2.5
    def __float__(self): return "f"
    def __complex__(self): return "c"
    def __iter__(self): return 5
    def __reversed__(self): return 6
    def __round__(self, n=None): return "round is free"
    def __dir__(self): return 7
    def __length_hint__(self): return "lh"
r = R()
for name, f in [("repr", repr), ("str", str), ("bytes", bytes), ("format", format), ("hash", hash), ("len", len), ("bool", bool),
                ("index", lambda o: [1][o]), ("hex", hex), ("int", int), ("float", float), ("complex", complex), ("iter", iter),
                ("reversed", reversed), ("round", round), ("dir", dir), ("fstring", lambda o: f"{o}"), ("%s", lambda o: "%s" % o),
                ("%r", lambda o: "%r" % (o,)), ("print", print), ("range", range), ("list", list), ("not", lambda o: not o),
                ("ascii", ascii), ("divmod", lambda o: divmod(o, 1)), ("chr", chr), ("bin", bin)]:
    print(name, t(lambda: f(r)))
