x = 1 + \
    2
if a and \
   b:
    pass
# comment

   # indented comment
y = [1,
# inside
     2]

