match x:
    case 1 | 2 | 3:
        pass
    case -1 | 1.5 | 2+3j | -1-2j:
        pass
    case "s" "t" | b"b":
        pass
    case None | True | False:
        pass
    case [a, *rest] | (a, b) | [] | ():
        pass
    case {"k": v, 1: w, **kw}:
        pass
    case Point(x=0, y=0) | Point(1, 2) | p.Q(a, b=c):
        pass
    case a.b.c:
        pass
    case (x) as y:
        pass
    case _ if cond:
        pass
    case [*_]:
        pass
match a, b:
    case 1, 2: pass
match = 1
match(x)
case = _ = 2

