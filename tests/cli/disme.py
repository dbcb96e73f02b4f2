x = 1
y = x + 2
if y:
    z = -y
