# list growth policy as seen by sys.getsizeof
import sys
a = []
sizes = []
for i in range(40):
    sizes.append(sys.getsizeof(a))
    a.append(i)
print(sizes)
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof(list(range(10))), sys.getsizeof([0] * 10))
print(sys.getsizeof(()), sys.getsizeof((1, 2)))
