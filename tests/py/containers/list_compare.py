# list comparisons and concatenation
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] == [], [] < [0])
print([1, 2] != [1, 2], [1, [2]] == [1, [2]], [1, 2] <= [1, 2], [1, 3] >= [1, 2, 5])
print([1, 2] == (1, 2), [1] + [2], [1] * 3, 3 * [1, 2], [0] * 0, [[]] * 2)
x = [[]] * 3
x[0].append(1)
print(x)
nan = float("nan")
print([nan] == [nan], nan in [nan], [1.0] == [1])
class E:
    def __eq__(self, other):
        return True
print([E()] == [1], [1] == [E()], [1, 2].count(E()), [5, 6].index(E()))
