if a:
    pass
elif b:
    x = 1
else:
    y
while x:
    break
else:
    continue
for i in range(10):
    pass
else:
    pass
for a, b in c: pass
for x, in y: pass

