# argument count and type errors of str, bytes and bytearray methods
calls = [
    ("a", "count", ()), ("a", "count", (1, 2, 3, 4, 5)), ("a", "find", ()), ("a", "rindex", (1, 2, 3, 4)),
    ("a", "startswith", ()), ("a", "endswith", (1, 2, 3, 4)), ("a", "replace", ()), ("a", "replace", (1, 2, 3, 4, 5)),
    ("a", "strip", (1, 2)), ("a", "center", ()), ("a", "ljust", (1, 2, 3)), ("a", "zfill", ()), ("a", "join", ()),
    ("a", "partition", ()), ("a", "maketrans", ()), ("a", "encode", (1, 2, 3)), ("a", "split", (1, 2, 3)),
    ("a", "splitlines", (1, 2)), ("a", "expandtabs", (1, 2)), ("a", "upper", (1,)), ("a", "format_map", ()),
    (b"a", "count", ()), (b"a", "find", (1, 2, 3, 4, 5)), (b"a", "replace", ()), (b"a", "center", ()), (b"a", "zfill", ()),
    (b"a", "decode", (1, 2, 3)), (b"a", "hex", (1, 2, 3)), (b"a", "split", (1, 2, 3)), (b"a", "maketrans", ()),
    (b"a", "translate", ()), (b"a", "upper", (1,)),
    (bytearray(b"a"), "pop", (1, 2)), (bytearray(b"a"), "insert", ()), (bytearray(b"a"), "append", ()),
    (bytearray(b"a"), "clear", (1,)),
]
for obj, name, args in calls:
    try:
        getattr(obj, name)(*args)
    except TypeError as e:
        print(type(obj).__name__, name, len(args), e)
for f in [lambda: "a".split(sep=1), lambda: "a".encode(encoding=1), lambda: "a".split(x=1), lambda: "a".find("a", x=1),
          lambda: b"a".decode(errors=2), lambda: "a".splitlines(keepends=True, x=2)]:
    try:
        f()
    except TypeError as e:
        print(e)
