# Random texts through TextWrapper with various options, compared with CPython.
import random, textwrap
rng = random.Random(7)
words = ["a", "bb", "ccc", "well-known", "e-mail", "state-of-the-art", "x--y", "--", "end.", "Hi!", "tab\there", "quote'd", "(paren)",
         "123-456", "a-b-c-d", "supercalifragilisticexpialidocious", "naïve", "über-cool", "—", "...", "U.S.A.", "Mr.", "1.5"]
out = []
for i in range(150):
    text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 40)))
    if rng.random() < 0.3:
        text = "  " + text.replace(" ", "  ", 3) + "\n" + text[:20]
    kw = dict(width=rng.randrange(3, 50), break_long_words=rng.random() < 0.7, break_on_hyphens=rng.random() < 0.7,
              fix_sentence_endings=rng.random() < 0.3, drop_whitespace=rng.random() < 0.8, expand_tabs=rng.random() < 0.8,
              replace_whitespace=rng.random() < 0.8, initial_indent=rng.choice(["", "* ", ">>> "]), subsequent_indent=rng.choice(["", "  "]))
    if rng.random() < 0.3:
        kw["max_lines"] = rng.randrange(1, 4)
        kw["placeholder"] = rng.choice([" [...]", "~"])
    try:
        out.append(repr(textwrap.wrap(text, **kw)))
    except ValueError as e:
        out.append("ValueError %s" % e)
    out.append(repr(textwrap.shorten(text, width=max(12, kw["width"]))) if len(text) > 0 else "")
    out.append(repr(textwrap.dedent(text)))
for line in out:
    print(line)
