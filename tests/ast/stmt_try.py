try:
    pass
except ValueError as e:
    pass
except (A, B):
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    x
except* E:
    y
try:
    pass
finally:
    pass

