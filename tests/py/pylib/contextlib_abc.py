from contextlib import AbstractContextManager, AbstractAsyncContextManager, nullcontext, ExitStack
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): pass
class ACM:
    async def __aenter__(self): pass
    async def __aexit__(self, *a): pass
print(isinstance(CM(), AbstractContextManager), isinstance(1, AbstractContextManager), issubclass(ACM, AbstractAsyncContextManager), isinstance(nullcontext(), AbstractAsyncContextManager), isinstance(ExitStack(), AbstractContextManager))
class Bad(AbstractContextManager): pass
try: Bad()
except TypeError as e: print(e)
print(AbstractContextManager[int])
