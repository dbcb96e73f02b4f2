# iteration over str
print(list("abc"), list("aé中😀"), list(""))
it = iter("héllo")
print(next(it), next(it), list(it))
print(type(iter("abc")).__name__, type(iter("é")).__name__)
print(iter("abcd").__length_hint__())
print([c for c in "x\ud800y"])
print(sorted("dcba"), max("abz"), min("éa"))
