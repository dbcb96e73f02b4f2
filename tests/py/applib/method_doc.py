# A bound method's __doc__ is its function's docstring.
class A:
    def m(self):
        """Doc of m."""

    def n(self):
        pass


print(A.m.__doc__, A().m.__doc__, A().n.__doc__)
print(type(A().m).__doc__)
