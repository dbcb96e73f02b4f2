# the TypeError for a slice bound that is not an integer, in each place one is converted
class I:
    def __index__(self):
        return 1
for t in ['slice(1.5).indices(5)', 'slice(None, 1.5).indices(5)', 'slice(1, 2, 1.5).indices(4)',
          '[1, 2][1.5:]', '[1, 2][:1.5]', '[1, 2][::1.5]', '"ab"[1.5:]', '(1,)[1.5:]', 'b"a"[1.5:]',
          'bytearray(b"a")[1.5:]', 'range(3)[1.5:]', '[1, 2, 3].index(1, 1.5)', '"abc".find("a", 1.5)',
          'slice(I(), I()).indices(3)', '[1, 2, 3][I():]', 'range(5)[I():I()]']:
    try:
        print(t, eval(t))
    except TypeError as e:
        print(t, "->", e)
