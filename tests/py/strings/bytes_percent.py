# bytes % formatting
print(b"%s %d %x %c %c %r %5s|%-3b|%a" % (b"x", 5, 255, 65, b"z", "é", b"ab", b"c", b"\xff"))
print(b"%(k)s" % {b"k": b"v"}, b"%05.1f|%i|%%" % (2.25, 3), bytearray(b"%s!") % b"hi", b"%.1s" % b"abc")
for fmt, args in [(b"%s", "x"), (b"%s %s", (b"a",)), (b"%c", 256), (b"%c", b"ab"), (b"%y", 1), (b"x", 1)]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
