import difflib

s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks())
print(s.get_opcodes())
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.get_opcodes())
print(s.find_longest_match(0, 29, 0, 38), s.bjunk)
s = difflib.SequenceMatcher(None, " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9), s.find_longest_match())
s = difflib.SequenceMatcher(lambda x: x == " ", " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))
print(difflib.SequenceMatcher(None, "ab", "c").find_longest_match(0, 2, 0, 1))
a = [str(i % 7) for i in range(300)]
b = [str(i % 5) for i in range(250)]
s = difflib.SequenceMatcher(None, a, b)
print(sorted(s.bpopular), len(s.get_matching_blocks()), round(s.ratio(), 4))
s = difflib.SequenceMatcher(None, a, b, autojunk=False)
print(sorted(s.bpopular), len(s.get_matching_blocks()), round(s.ratio(), 4))
s = difflib.SequenceMatcher(None, "", "")
print(s.ratio(), s.get_opcodes(), list(s.get_grouped_opcodes()))
s = difflib.SequenceMatcher(None, list(range(1, 40)), list(range(1, 40)))
s.b = None
s.set_seq2([x for x in range(1, 40) if x % 10 != 0] + [100])
for g in s.get_grouped_opcodes(2):
    print(g)
s.set_seqs('qabxcd', 'abycdf')
for op in s.get_opcodes():
    print('%7s a[%d:%d] (%s) b[%d:%d] (%s)' % (op[0], op[1], op[2], s.a[op[1]:op[2]], op[3], op[4], s.b[op[3]:op[4]]))
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
import keyword
print(difflib.get_close_matches('wheel', keyword.kwlist))
print(difflib.get_close_matches('pineapple', keyword.kwlist))
print(difflib.get_close_matches('accept', ['ace', 'accept', 'except', 'access'], n=2, cutoff=0.5))
for bad in [dict(n=0), dict(cutoff=1.5)]:
    try:
        difflib.get_close_matches('x', [], **bad)
    except ValueError as e:
        print('ValueError', e)
m = difflib.Match(1, 2, 3)
print(m, m.a, m.size, difflib.SequenceMatcher[int])
print(difflib.IS_LINE_JUNK('\n'), difflib.IS_LINE_JUNK('  #   \n'), difflib.IS_LINE_JUNK('hello\n'),
      difflib.IS_CHARACTER_JUNK(' '), difflib.IS_CHARACTER_JUNK('\t'), difflib.IS_CHARACTER_JUNK('\n'),
      difflib.IS_CHARACTER_JUNK('x'))
