from datetime import date, time, datetime, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR, UTC
import datetime as dtmod
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(repr(td), td, td.days, td.seconds, td.microseconds, td.total_seconds())
print(repr(timedelta()), repr(timedelta(seconds=-1)), timedelta(seconds=-1), timedelta(days=-2, seconds=5), timedelta(weeks=1, milliseconds=1.5), timedelta(hours=1.5), timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=-0.5))
print(repr(timedelta.min), repr(timedelta.max), repr(timedelta.resolution), timedelta(days=3) / timedelta(hours=5), timedelta(days=3) // timedelta(hours=5), timedelta(days=3) % timedelta(hours=5), divmod(timedelta(days=3), timedelta(hours=5)))
print(td * 2, 2 * td, td * 0.5, td / 3, td / 0.25, td // 7, -td, abs(-td), +td, td + td, td - td, bool(timedelta()), td == timedelta(1, 7384, 5), td > timedelta(1), hash(td) == hash(timedelta(1, 7384, 5)))
for bad in [lambda: timedelta(days=10**9), lambda: timedelta(days="1"), lambda: td / 0, lambda: timedelta(days=float("nan"))]:
    try: print(bad())
    except (OverflowError, TypeError, ZeroDivisionError, ValueError) as e: print(type(e).__name__, e)
print(td == 5, td != "x")
d = date(2024, 2, 29)
print(repr(d), d, d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar(), d.isocalendar().week, d.toordinal(), d.ctime(), d.isoformat(), d.timetuple()[:])
print(d + timedelta(days=1), d - timedelta(days=60), d - date(2024, 1, 1), d.replace(day=1), date.fromordinal(738000), date.fromisoformat("2023-12-31"), date.fromisoformat("20231231"), date.fromisoformat("2023-W01-1"), date.fromisocalendar(2020, 53, 7))
print(date.min, date.max, repr(date.resolution), d > date(2024, 1, 1), d == date(2024, 2, 29), hash(d) == hash(date(2024, 2, 29)), sorted([date(2020, 5, 1), date(2019, 1, 1)]))
print(d.strftime("%Y/%m/%d %a %A %b %B %j %U %W %w %y %%"), format(d, "%d.%m.%Y"), f"{d}", f"{d:%Y}")
for bad in [lambda: date(2023, 2, 29), lambda: date(0, 1, 1), lambda: date(2023, 13, 1), lambda: date(2023, 1.0, 1), lambda: date("2023", 1, 1), lambda: date.fromisoformat("2023-1-1"), lambda: date.fromisoformat(20230101),
            lambda: date.max + timedelta(1), lambda: d < datetime(2024, 1, 1), lambda: date.fromordinal(0), lambda: date.fromisocalendar(2021, 53, 1)]:
    try: print(bad())
    except (OverflowError, TypeError, ValueError) as e: print(type(e).__name__, e)
print(d == datetime(2024, 2, 29), datetime(2024, 2, 29) == d)
t = time(13, 5, 9, 500)
print(repr(t), t, repr(time()), repr(time(1, 2)), repr(time(1, 2, 3)), t.isoformat("minutes"), t.isoformat("milliseconds"), time(1).isoformat("hours"), t.strftime("%H:%M:%S.%f %p %I"), t.replace(hour=1), time.fromisoformat("04:23:01.123"), time.fromisoformat("T0423"), repr(time(fold=1)))
print(time.min, time.max, t < time(14), t == time(13, 5, 9, 500), bool(time()), hash(t) == hash(time(13, 5, 9, 500)))
for bad in [lambda: time(24), lambda: time(1, 60), lambda: time(1, 1, 60), lambda: time(1, 1, 1, 10**6), lambda: time(fold=2), lambda: time(tzinfo=1), lambda: t.isoformat("bad"), lambda: time.fromisoformat("25:00")]:
    try: print(bad())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
dt = datetime(2024, 3, 10, 14, 30, 15, 250000)
print(repr(dt), dt, dt.date(), dt.time(), dt.isoformat(), dt.isoformat(" ", "seconds"), dt.ctime(), dt.timetuple()[:], dt.weekday(), repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 5)))
print(dt + timedelta(hours=12), dt - timedelta(days=70), dt - datetime(2024, 1, 1), datetime.combine(date(2020, 1, 2), time(3, 4)), dt.replace(year=2000, microsecond=0), datetime.fromisoformat("2024-03-10T14:30:15.250000"), datetime.fromisoformat("2024-03-10 14:30"), datetime.fromisoformat("2024-03-10"), datetime.fromisoformat("20240310T1430"))
print(dt.strftime("%Y-%m-%dT%H:%M:%S.%f %j"), format(dt, "%c"), f"{dt:%H}", dt > datetime(2024, 1, 1), dt.toordinal(), datetime.fromordinal(700000))
tz = timezone(timedelta(hours=5, minutes=30))
aware = datetime(2024, 3, 10, 14, 30, tzinfo=tz)
print(repr(tz), tz, repr(timezone.utc), timezone.utc, repr(UTC), repr(timezone(timedelta(hours=-3), "EST")), timezone(timedelta(0), "Z"), repr(timezone.min), timezone.max, timezone(-timedelta(hours=1, seconds=1)), timezone(timedelta(microseconds=1)))
print(repr(aware), aware, aware.utcoffset(), aware.tzname(), aware.dst(), aware.isoformat(), aware.astimezone(timezone.utc), aware.timestamp(), aware.utctimetuple()[:6], aware.strftime("%z %Z"))
print(aware == datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc), aware - datetime(2024, 3, 10, tzinfo=timezone.utc), hash(aware) == hash(datetime(2024, 3, 10, 9, 0, tzinfo=timezone.utc)), aware == dt, aware.replace(tzinfo=None))
print(datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1.5, tz), datetime.utcfromtimestamp(86400.25), datetime(2024, 3, 10, 9, tzinfo=timezone.utc).timestamp())
print(datetime.fromisoformat("2024-03-10T14:30:00+05:30"), datetime.fromisoformat("2024-03-10T14:30:00Z"), datetime.fromisoformat("2024-03-10T14:30:00-0800"), time.fromisoformat("10:00:00+01:00"), repr(time(1, tzinfo=tz)), time(1, tzinfo=tz))
for bad in [lambda: aware < dt, lambda: aware - dt, lambda: timezone(timedelta(hours=24)), lambda: timezone(5), lambda: datetime.fromisoformat("2024-03-10X"), lambda: datetime.max + timedelta(1), lambda: tzinfo().utcoffset(None)]:
    try: print(bad())
    except (TypeError, ValueError, OverflowError, NotImplementedError) as e: print(type(e).__name__, e)
print(datetime.strptime("2024-03-10 14:30:15.25", "%Y-%m-%d %H:%M:%S.%f"), datetime.strptime("10 Mar 24 2:05PM", "%d %b %y %I:%M%p"), datetime.strptime("2024-03-10T14:30:00+0530", "%Y-%m-%dT%H:%M:%S%z"), datetime.strptime("Sunday, March 10", "%A, %B %d"))
for bad in [lambda: datetime.strptime("2024-03", "%Y-%m-%d"), lambda: datetime.strptime("2024-03-10 extra", "%Y-%m-%d")]:
    try: print(bad())
    except ValueError as e: print(type(e).__name__, e)
class FixedTZ(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=-2)
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return "MINUS2"
ft = datetime(2024, 1, 1, 12, tzinfo=FixedTZ())
print(ft.isoformat(), ft.tzname(), ft.astimezone(timezone.utc), datetime(2024, 1, 1, 14, tzinfo=timezone.utc).astimezone(FixedTZ()).hour)
class MyDate(date): pass
print(repr(MyDate(2020, 1, 1)), type(MyDate(2020, 1, 1) + timedelta(1)).__name__, MINYEAR, MAXYEAR, dtmod.datetime.min, repr(datetime.resolution))
print(isinstance(datetime.now(), datetime), isinstance(date.today(), date), datetime.now(timezone.utc).tzinfo is timezone.utc, abs(datetime.now() - datetime.now()) < timedelta(seconds=1))
