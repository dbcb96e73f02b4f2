import signal, os, time
got = []
def h(sig, frame): got.append((sig, frame is not None))
print(signal.signal(signal.SIGUSR1, h))
os.kill(os.getpid(), signal.SIGUSR1)
print(got, signal.getsignal(signal.SIGUSR1) is h)
signal.raise_signal(signal.SIGUSR1); print(len(got))
def boom(s, f): raise RuntimeError('from handler')
signal.signal(signal.SIGALRM, boom)
signal.alarm(1)
try:
    time.sleep(3)
except RuntimeError as e: print('caught', e)
print(signal.getsignal(signal.SIGINT), signal.SIG_IGN, signal.SIGINT)
try: signal.signal(99, h)
except ValueError as e: print(e)
try: signal.signal(signal.SIGKILL, signal.SIG_IGN)
except OSError as e: print(e)
try: signal.default_int_handler(2, None)
except KeyboardInterrupt: print('KI')
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt: print('KI2')
