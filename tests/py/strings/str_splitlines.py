# splitlines
for s in ["a\nb\r\nc\rd", "a\n", "\n\n", "", "x\x0by\x0cz\x1ca\x1db\x1ec\x85d\u2028e\u2029f", "no newline", "a\r"]:
    print(s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
try:
    "a".splitlines(1.5)
except TypeError as e:
    print(e)
