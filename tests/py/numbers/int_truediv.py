# int / int is correctly rounded, as CPython's
print(1 / 3, 2 / 3, -1 / 3, 10 / 4, -7 / 2, 0 / 5, 0 / -5, 6 / 3)
print(2**53 / 1, (2**53 + 1) / 1, (2**53 + 3) / 1, (2**54 + 2) / 2)
print(10**30 / 10**10, 10**30 / 3, (10**400) / (10**399), 1 / 10**400, -1 / 10**400)
print((2**1100) / (2**100), (2**1023 * 3) / 2**1024, 7**300 / 5**400)
print(12345678901234567890123456789 / 98765432109876543210, -(10**50) / 7)
print(1 / 2**1074, 1 / 2**1075, 3 / 2**1076, 1 / 2**1076, (2**1076 + 1) / 2**2150)
print((2**53 - 1) / 2**53, (2**60 + 1) / 2**60, (3 * 2**80 + 1) / 2**81)
for a, b in [(10**400 + 1, 1), (2**1100, 2**50), (2**1024, 1), (2**1024 - 2**970, 1)]:
    try:
        print(a / b)
    except OverflowError as e:
        print(type(e).__name__, e)
print((2**1024 - 2**971) / 1)
for f in (lambda: 1 / 0, lambda: 10**40 / 0, lambda: 0 / 0):
    try:
        f()
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
print(True / 2, 5 / True)
import_ok = True
n, d = 1, 1
for i in range(1, 200):
    n = n * 3 + i
    d = d * 2 + 1
    print(n / d, d / n)
