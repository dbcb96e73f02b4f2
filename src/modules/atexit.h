/*
 * atexit.h — running the functions registered with atexit.register
 * (atexit.c), called by krRuntime_fini.
 */
#ifndef KR_MODULES_ATEXIT_H
#define KR_MODULES_ATEXIT_H

#include "objects/object.h"

// Calls the registered functions, last registered first, and forgets them.
// An exception is printed as "Exception ignored in atexit callback: <f>"
// with its traceback, and the next function runs.  Never fails.
void krAtexit_run(KrThreadState *ts);

#endif
