# str.format_map rejects positional fields; str.format reports them out of range
for t in ['"{}".format_map({})', '"{0}".format_map({})', '"{a}{}".format_map({"a": 1})', '"{}{a}".format_map({"a": 1})',
          '"{a}{0}".format_map({"a": 1})', '"{}".format()', '"{0}".format()', '"{a}".format()', '"{a}".format_map({})',
          '"{a[0]}".format_map({"a": [5]})', '"{}{1}".format_map({})', '"{0}{}".format(1, 2)', '"{0:{}}".format_map({})',
          '"{a:{b}}".format_map({"a": 3, "b": "4"})']:
    try:
        print(t, repr(eval(t)))
    except Exception as e:
        print(t, "->", type(e).__name__, e)
