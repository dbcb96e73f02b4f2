# is* predicates
tests = ["abc", "abcé", "ab1", "123", "²3", "½", "٣", "Ⅻ", " \t\n", "\u3000\x1c", "", "ABC", "AbC", "ªb", "Hello World",
         "Hello world", "ǅa", "_é1", "1a", "a\n", "é\u00ad", "a1²½", "中文", "\ud800", "a b", "A1", "ǅ", "ꭰ"]
for s in tests:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(), s.islower(),
          s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
