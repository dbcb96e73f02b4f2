/*
 * _json.h — the C core of `json` (the `_json` module): the scanner that
 * decodes, the encoder, and json.decoder.JSONDecodeError.
 *
 * Both work on Krait's UTF-8 strings directly; positions reported to Python
 * (error positions, the `end` of scan_once/scanstring) are code point
 * indexes, as CPython's.
 *
 * Files: _json.c (module, JSONDecodeError, scanner), _json_encode.c
 * (encoder, encode_basestring[_ascii]).  The Python layer is lib/json/.
 */
#ifndef KR_MODULES_JSON_H
#define KR_MODULES_JSON_H

#include "objects/object.h"

extern KrTypeObject KrJsonDecodeError_Type, KrJsonScanner_Type, KrJsonEncoder_Type;

// c_make_encoder / c_encode_basestring[_ascii] (_json_encode.c).  New references.
KrObject *krJson_encode_basestring(KrThreadState *ts, KrObject *self, KrObject *s);
KrObject *krJson_encode_basestring_ascii(KrThreadState *ts, KrObject *self, KrObject *s);
// _json.dumps(obj, ...): one-shot encoding with the options of JSONEncoder
// (see _json_encode.c for the parameters).  New reference.
KrObject *krJson_dumps(KrThreadState *ts, KrObject *self, KrObject *const *args, KrSsize nargs, KrObject *kwnames);

#endif
