# list.sort and sorted
a = [5, 3, 8, 1, 9, 2]
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.sort(key=lambda x: -x); print(a)
a.sort(key=lambda x: x % 3); print(a)
a.sort(key=lambda x: x % 3, reverse=True); print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
print(sorted([3.5, -1.0, 2.25, float("inf"), -0.5]), sorted([10**20, -5, 3, 10**19]))
print(sorted([True, 0, -1, 2]), sorted([]), sorted([1]), sorted("hello"))
class LCG:
    def __init__(self, seed):
        self.x = seed
    def randrange(self, m):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.x >> 33) % m
r = LCG(42)
for n in (10, 100, 1000, 5000):
    data = [r.randrange(1000) for _ in range(n)]
    s = sorted(data)
    print(n, s == sorted(data, key=lambda v: v), all(s[i] <= s[i + 1] for i in range(n - 1)), s[:5], s[-5:])
# stability
data = [(r.randrange(10), i) for i in range(2000)]
s = sorted(data, key=lambda p: p[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
s = sorted(data, key=lambda p: p[0], reverse=True)
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
print(sorted(range(20), key=lambda v: v % 4))
print(sorted(range(20), key=lambda v: v % 4, reverse=True))
# partially ordered inputs
print(sorted(list(range(100, 0, -1)) + list(range(50)))[:60:7])
