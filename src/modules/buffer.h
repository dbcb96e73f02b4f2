/*
 * buffer.h — access to the bytes of bytes-like objects for the data modules
 * (struct, binascii, array...): bytes, bytearray, array.array, and whatever
 * kr_bytes_buffer_hook knows (memoryview).  Owner: array.c.
 */
#ifndef KR_BUFFER_H
#define KR_BUFFER_H

#include "objects/object.h"

// The bytes of a bytes-like object (borrowed; valid while `o` is not
// resized): 0, or -1 with TypeError "a bytes-like object is required, not 'X'".
int krBuffer_read(KrThreadState *ts, KrObject *o, const char **data, KrSsize *size);
// The bytes of a writable bytes-like object (bytearray, array.array): 0, or
// -1 with TypeError "argument must be read-write bytes-like object, not X".
int krBuffer_write(KrThreadState *ts, KrObject *o, char **data, KrSsize *size);

#endif
