# Random sequences (from a fixed linear congruential generator) through
# SequenceMatcher, ndiff and unified_diff.
import difflib

state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n


def word():
    return ''.join('abcde'[rnd(5)] for _ in range(1 + rnd(4)))


def mutate(seq):
    seq = list(seq)
    for _ in range(rnd(5)):
        op = rnd(3)
        i = rnd(len(seq) + 1)
        if op == 0:
            seq.insert(i, word())
        elif op == 1 and seq:
            del seq[min(i, len(seq) - 1)]
        elif seq:
            seq[min(i, len(seq) - 1)] = word()
    return seq


for case in range(40):
    a = [word() for _ in range(rnd(12))]
    b = mutate(a)
    s = difflib.SequenceMatcher(None, a, b)
    print(case, s.get_opcodes(), round(s.ratio(), 6), round(s.quick_ratio(), 6))
    sa, sb = ' '.join(a), ' '.join(b)
    s = difflib.SequenceMatcher(lambda c: c == ' ', sa, sb)
    print('  ', s.get_matching_blocks()[:4], round(s.ratio(), 6))
    la = [w + '\n' for w in a]
    lb = [w + '\n' for w in b]
    print(''.join(difflib.unified_diff(la, lb, 'a', 'b', n=1)), end='')
    print(''.join(difflib.ndiff(la, lb)), end='')

# Long sequences trigger the popular-element heuristic.
a = [word() for _ in range(400)]
b = mutate(mutate(a))
s = difflib.SequenceMatcher(None, a, b)
print(len(s.bpopular), len(s.get_opcodes()), round(s.ratio(), 6))
s = difflib.SequenceMatcher(None, a, b, autojunk=False)
print(len(s.bpopular), len(s.get_opcodes()), round(s.ratio(), 6))
words = [word() + word() for _ in range(60)]
for w in words[:10]:
    print(w, difflib.get_close_matches(w[:-1], words, n=3, cutoff=0.5))
