# repr and ascii of strings
for s in ["abc", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "cr\r", "\\", "\x00\x1f\x7f",
          "é", "\x85", "\xa0", "\xad", "中文", "😀", "\u2028", "\ud800", "\udfff", "\U000e0001", "\u0378", "\ufeff"]:
    print(repr(s), ascii(s))
print(repr("a" * 3 + "é"), str(repr("x")))
print("%r" % "é", "{!r}".format("é"), "{!a}".format("é"))
