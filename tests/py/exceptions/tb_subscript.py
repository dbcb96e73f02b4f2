# Uncaught: carets for subscripts.
data = {"a": {"b": [1, 2]}}


def get(d):
    return d["a"]["c"]


print(data["a"]["b"][1])
get(data)
