/*
 * frameobject.h — Python-visible frame objects (`types.FrameType`).
 *
 * A frame object is made lazily for an internal frame (sys._getframe, a
 * traceback entry, gi_frame) and points at it.  It is allocated with enough
 * room to hold that frame: when the internal frame goes away while the object
 * is still referenced (the function returned, the generator finished or died),
 * the frame's contents are moved into the object ("take-over"), so f_locals,
 * f_lineno, f_code... keep working.  At take-over the object also captures its
 * caller's frame object as f_back.
 *
 * Owner of: frameobject.c.  Related: src/vm/frame.h.
 */
#ifndef KR_FRAMEOBJECT_H
#define KR_FRAMEOBJECT_H

#include "objects/object.h"
#include "vm/frame.h"

struct KrFrameObject {
    KR_OBJECT_HEAD;
    KrFrame *f_frame;              // the frame described: live, or f_data after take-over
    KrFrameObject *f_back;         // strong; the caller captured at take-over, else NULL
    KrObject *f_trace;             // strong or NULL
    int f_lineno;                  // line set by a tracer, 0 = derive from f_lasti
    bool f_trace_lines, f_trace_opcodes;
    KrObject *f_data[];            // room for a KrFrame of the code (used after take-over)
};

extern KrTypeObject KrFrame_Type;

static inline bool krFrameObject_check(const KrObject *o) { return !kr_is_smallint(o) && o->ob_type == &KrFrame_Type; }

// A new frame object for the live frame `f` (which must not have one yet); it
// becomes f->frame_obj.  Borrowed (the frame holds the reference); NULL with
// MemoryError.
KrFrameObject *krFrameObject_new(KrThreadState *ts, KrFrame *f);
// Called when `f`, which has a frame object, is about to disappear: if the
// object is referenced elsewhere the frame's contents (all its references)
// move into it and true is returned; otherwise nothing happens and false is
// returned (the caller then releases the frame normally).  Never fails.
bool krFrameObject_take_over(KrThreadState *ts, KrFrame *f);

#endif
