# An uncaught SyntaxError from compile() shows the text and carets.
print("before")
compile("x = (1 +* 2)", "<snippet>", "exec")
