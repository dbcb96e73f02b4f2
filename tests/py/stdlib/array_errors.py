import array
for args in [(), (1,2,3,4,5,6), ('x','x'), ('x',), ('i','abc'), ('i', array.array('u','ab')), ('\u20ac','x'), (3,)]:
    try: print(array.array(*args))
    except Exception as e: print(type(e).__name__, e)
for args in [(array.array, 'x', 0, b''), (array.array, 3, 0, b''), (array.array, 'b', 99, b'')]:
    try: print(array._array_reconstructor(*args))
    except Exception as e: print(type(e).__name__, e)
