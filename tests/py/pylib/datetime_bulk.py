# Many deterministic values through the date algorithms.
import random
from datetime import date, datetime, timedelta, timezone
rng = random.Random(1234)
out = []
for _ in range(300):
    o = rng.randrange(1, 3652059)
    d = date.fromordinal(o)
    assert d.toordinal() == o
    out.append((str(d), d.weekday(), tuple(d.isocalendar()), d.strftime("%j %U %W %a %b")))
print(out[:5])
print(hash(tuple(out)) == hash(tuple(out)), len(out), sum(x[1] for x in out), sum(x[2][1] for x in out))
tds = []
for _ in range(200):
    a = rng.uniform(-1e6, 1e6)
    b = rng.uniform(-1e3, 1e3)
    td = timedelta(days=a / 1000, seconds=b, microseconds=rng.uniform(-10, 10))
    tds.append(repr(td))
    tds.append(str(td * rng.uniform(-3, 3)))
    tds.append(str(td / rng.choice([3, 7, 1.5])))
print(tds[:6])
print(len(set(tds)))
for _ in range(5):
    print(tds[rng.randrange(len(tds))])
dts = []
for _ in range(100):
    dt = datetime(rng.randrange(1, 9999), rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(24), rng.randrange(60), rng.randrange(60), rng.randrange(10**6),
                  tzinfo=rng.choice([None, timezone.utc, timezone(timedelta(hours=rng.randrange(-23, 24), minutes=rng.choice([0, 30])))]))
    dts.append(dt.isoformat())
    assert datetime.fromisoformat(dt.isoformat()) == dt
    dts.append(dt.strftime("%Y-%m-%d %H:%M:%S.%f %z %Z %I %p"))
print(dts[:4])
print(sum(len(x) for x in dts))
print(dts[rng.randrange(len(dts))], dts[rng.randrange(len(dts))])
