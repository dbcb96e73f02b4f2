import calendar
h = calendar.HTMLCalendar()
print(h.formatmonth(2024, 2))
print(h.formatmonth(2023, 10, withyear=False))
print(h.formatyear(2024, 4))
print(h.formatyearpage(2021, width=2))
print(h.formatyearpage(2021, css=None, encoding="ascii")[:300])
class Custom(calendar.HTMLCalendar):
    cssclass_noday = "empty"
    cssclasses = ["weekday"] * 5 + ["weekend"] * 2
print(Custom(calendar.SUNDAY).formatmonth(2024, 9))
