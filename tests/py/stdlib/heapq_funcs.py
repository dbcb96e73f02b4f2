import heapq

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n

data = [rnd(100) for _ in range(50)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(10)], len(h))
h2 = list(data); heapq.heapify(h2); print(h2)
print(heapq.heapreplace(h2, 500), heapq.heappushpop(h2, -1), heapq.heappushpop(h2, 1000), h2[:8])
big = [rnd(10000) for _ in range(3000)]; hb = list(big); heapq.heapify(hb); print(hb[:12], sorted(big)[:5] == [heapq.heappop(hb) for _ in range(5)])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data), heapq.nlargest(0, data), heapq.nsmallest(-2, data))
print(heapq.nlargest(3, data, key=lambda x: -x), heapq.nsmallest(3, data, key=lambda x: (x % 10, x)))
print(heapq.nlargest(1, data), heapq.nsmallest(1, []), heapq.nlargest(100, [3, 1, 2]), heapq.nsmallest(2, iter([5, 1, 4])))
words = ['apple', 'Bob', 'cat', 'Dog', 'eel', 'fox', 'Gnu', 'hen']
print(heapq.nsmallest(3, words, key=str.lower), heapq.nlargest(3, iter(words), key=len), heapq.nsmallest(4, iter(words), key=len))
pairs = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd'), (2, 'e'), (1, 'f')]
print(heapq.nsmallest(3, iter(pairs), key=lambda p: p[0]), heapq.nlargest(3, iter(pairs), key=lambda p: p[0]))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 2], reverse=True)), list(heapq.merge()), list(heapq.merge([1, 2])))
print(list(heapq.merge([(1, 'a'), (2, 'b')], [(1, 'c'), (3, 'd')], key=lambda p: p[0])))
print(list(heapq.merge(iter([3, 9]), [1, 4], reverse=False, key=None)))
mh = [5, 1, 8, 3]; heapq._heapify_max(mh); print(mh, heapq._heappop_max(mh), heapq._heapreplace_max(mh, 0), mh)
show(lambda: heapq.heappush((), 1))
show(lambda: heapq.heappop([]))
show(lambda: heapq.heapreplace([], 1))
show(lambda: heapq.heapify(1))
show(lambda: heapq.heappushpop([], 1))
show(lambda: heapq.heappush([1]))
show(lambda: heapq.heappush([1, 'a'], 2))
class Bad:
    def __lt__(self, other):
        hp.clear()
        return True
hp = [Bad(), Bad(), Bad()]
show(lambda: heapq.heappush(hp, Bad()))
print(heapq.__all__)
