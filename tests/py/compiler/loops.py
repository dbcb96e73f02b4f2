# Loops: for/while with else, break, continue, nested loops, iteration of
# various iterables, loop variables after the loop.
for i in range(3):
    pass
else:
    print("for else", i)

for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)

n = 0
while n < 3:
    n += 1
else:
    print("while else", n)

while True:
    n -= 1
    if n:
        continue
    break
print("n", n)

result = []
for i in range(3):
    for j in range(3):
        if j > i:
            break
        if (i + j) % 2:
            continue
        result.append((i, j))
print(result)

for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for ch in "hi":
    print(ch)
for a, (b, c) in [(1, (2, 3))]:
    print(a, b, c)

total = 0
for x in [1, 2, 3]:
    total += x
print(total)

def gen():
    yield from range(2)
for v in gen():
    print("gen", v)

it = iter([1, 2, 3])
for v in it:
    if v == 2:
        break
print(list(it))

count = 0
while count < 1000:
    count += 1
print(count)
for _ in []:
    print("never")
else:
    print("empty for else")
