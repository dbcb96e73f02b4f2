import textwrap
text = ("The quick brown fox jumps over the lazy dog. A well-known pangram--used "
        "for testing typewriters and computer keyboards, displaying text samples. "
        "Supercalifragilisticexpialidocious-words and e-mail self-contained long-term x-y-z "
        "state-of-the-art. Hello?  World!\tTabbed\ttext here.")
for w in (10, 20, 33, 50, 70):
    print(textwrap.wrap(text, w))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 15, break_long_words=False))
print(textwrap.wrap(text, 15, break_on_hyphens=False))
print(textwrap.wrap(text, 25, fix_sentence_endings=True))
print(textwrap.wrap(text, 25, drop_whitespace=False))
print(textwrap.wrap(text, 25, replace_whitespace=False, expand_tabs=False))
print(textwrap.wrap(text, 25, max_lines=3))
print(textwrap.wrap(text, 25, max_lines=2, placeholder="..."))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("a\n\nb", 10))
print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz", 7))
print(textwrap.wrap("aaa-bbb-ccc-ddd-eee", 6))
print(textwrap.wrap("--- ---- ---------", 5))
print(textwrap.wrap("this is a sentence--with dashes--in it", 12))
for bad in (lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("hello world", 3, max_lines=1, placeholder="[......]")):
    try: bad()
    except ValueError as e: print("ValueError", e)
print(repr(textwrap.dedent("""
    def f():
        return 1
      \t
    x = 2
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("  a\n  \n   b")), repr(textwrap.dedent("\t\ta\n\t b")))
print(repr(textwrap.indent("a\nb\n\nc", "> ")))
print(repr(textwrap.indent("a\nb\n\nc", "+", lambda l: True)))
print(repr(textwrap.indent("a\r\nb", "  ")))
w = textwrap.TextWrapper(width=12, tabsize=4)
print(w.wrap("a\tb\tc\td\te\tf"))
print(textwrap.wrap("Über-fancy naïve café-au-lait", 8))
