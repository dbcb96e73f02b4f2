# A bare raise keeps the original traceback (no entry for the raise line).
def work():
    return [][1]


def wrapper():
    try:
        work()
    except IndexError:
        print("logging")
        raise


wrapper()
