import time
cases = [('2023-11-14 22:13:20', '%Y-%m-%d %H:%M:%S'), ('Tue Nov 14 22:13:20 2023', '%a %b %d %H:%M:%S %Y'),
         ('14/11/23', '%d/%m/%y'), ('2023 318', '%Y %j'), ('10:30 PM', '%I:%M %p'), ('12:05 am', '%I:%M %p'),
         ('2023-01-01T00:00:00.123+0130', '%Y-%m-%dT%H:%M:%S.%f%z'), ('march 5', '%B %d'), ('  5', '%d'),
         ('2023-13-01', '%Y-%m-%d'), ('2023-01-01x', '%Y-%m-%d'), ('abc', '%Y'), ('2023', '%Q'),
         ('2023-02-30', '%Y-%m-%d'), ('2023-01-01 UTC', '%Y-%m-%d %Z'), ('Mon 2 2023', '%a %U %Y'),
         ('2023 5 1', '%Y %W %w'), ('Feb 29', '%b %d'), ('1/2/70', '%x'), ('01:02:03', '%X'),
         ('Tue Nov 14 22:13:20 2023', '%c'), ('99', '%y'), ('5%', '%d%%'), ('2024 1 1', '%G %V %u'),
         ('x', '%'), ('2023   1', '%Y %m'), ('20231', '%Y%m'), ('123', '%H%M'), ('Z', '%z'), ('-05:30', '%z'),
         ('+01:3000', '%z'), ('2023', '%V'), ('Sunday', '%A'), ('7', '%u'), ('0', '%w'), ('1', '%S'), ('61', '%S')]
for data, fmt in cases:
    try:
        t = time.strptime(data, fmt)
        print(repr(data), t, t.tm_zone, t.tm_gmtoff)
    except (ValueError, TypeError) as e:
        print(repr(data), type(e).__name__, e)
try: time.strptime(5, '%Y')
except TypeError as e: print(e)
print(time.strptime('Tue Nov 14 22:13:20 2023'))
