# set displays (the compiler builds constant ones through a frozenset)
print({3, 1, 2}, {500, -100, 3, 19}, {-1, -2, 8, 16, 1000, 1 << 20, 33, 65}, {1, 2})
x = 5
print({x, 1, 13}, {x}, {*range(3), 9}, {i * 3 for i in range(8)})
print(3 in {1, 2, 3}, {1, 2} | {3}, {(1, 2), (3, 4)})
