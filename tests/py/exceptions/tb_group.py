# An uncaught exception group is printed as a tree.
def fail(n):
    raise ValueError(n)


errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
errors.append(ExceptionGroup("nested", [TypeError("t")]))
raise ExceptionGroup("several", errors)
