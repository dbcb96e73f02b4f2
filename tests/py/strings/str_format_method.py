# str.format and format_map
print("{} {}".format("a", "é"), "{1}{0}{1}".format("a", "b"), "{{}} {{{}}}".format("x"), "{x}-{y}".format(x=1, y="é"))
print("{:>5}|{:<5}|{:^5}|{:*^6}".format("a", "b", "c", "é"), "{:.2}|{:5.1}|".format("abc", "xyz"), "{:05}".format("a"))
print("{:{}}|".format("a", 4), "{0:{1}{2}}|".format("a", ">", 3), "{!r}".format("é\n"), "{!a}".format("é"), "{0!r:>5}".format("a"))
print("{0[1]} {0[x]} {1.real} {1.imag:.1f}".format({1: "one", "x": "ex"}, 3), "{0[0][1]}".format(["ab"]))
print("{:d} {:5.2f} {:x} {:,}".format(42, 3.14159, 255, 1234567), "{:%}".format(0.25), "{:>{w}}".format("a", w=3))
print("{a}".format_map({"a": "b"}), "x}}y{{z".format(), format("abc", "^7"), format("é", "*>3"), format("x"))
class D(dict):
    def __missing__(self, k):
        return k.upper()
print("{a} {b}".format_map(D(a=1)))
for fmt, args, kw in [("{", (), {}), ("}", (), {}), ("{0", (), {}), ("{0}{}", ("a",), {}), ("{}{0}", ("a",), {}),
                      ("{2}", ("a",), {}), ("{!x}", ("a",), {}), ("{!}", ("a",), {}), ("{0[}", ("a",), {}),
                      ("{0.}", ("a",), {}), ("{:d}", ("a",), {}), ("{:+}", ("a",), {}), ("{:=5}", ("a",), {}),
                      ("{:,}", ("a",), {}), ("{:#}", ("a",), {}), ("{:{:{}}}", ("a", "b", "c"), {}), ("{0]}", ("a",), {}),
                      ("{x}", (), {}), ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {}), ("{a{}", (), {}), ("{!r", ("a",), {}),
                      ("{0!rx}", ("a",), {}), ("{:s}", (1,), {})]:
    try:
        print(fmt.format(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
