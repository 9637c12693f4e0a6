/* tranche-document-private.h: what the document's files share
 *
 * tranche-document.c    the object, queries, undo and redo
 * tranche-document-index.c  where root members and elements are in the text,
 *                       kept right across splices without scanning again
 * tranche-document-edit.c   edits, each turned into one TrancheDocChange
 * tranche-document-save.c   saving and the check for changes on disk
 * tranche-document-recovery.c   the recovery file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tranche-document.h"

G_BEGIN_DECLS

/* Not an array: a root member such as "title". */
#define TRANCHE_DOC_NO_ARRAY (-1)

typedef struct
{
  gsize start;
  gsize end;   /* just past the element */
} TrancheDocRange;

/* A member of the root object (or, from tranche_doc_scan_members, of one
 * element): offsets into the text. */
typedef struct
{
  char  *key;
  gsize  key_offset;    /* its opening quote */
  gsize  value_offset;
  gsize  value_end;
  int    array;         /* a TrancheDocumentArray, or TRANCHE_DOC_NO_ARRAY */
} TrancheDocMember;

typedef enum
{
  TRANCHE_DOC_CHANGE_INNER,          /* inside one element or root member */
  TRANCHE_DOC_CHANGE_ADD_ELEMENT,
  TRANCHE_DOC_CHANGE_REMOVE_ELEMENT,
  TRANCHE_DOC_CHANGE_ADD_MEMBER,     /* a root member */
  TRANCHE_DOC_CHANGE_REMOVE_MEMBER,
  TRANCHE_DOC_CHANGE_REPLACE_ALL,    /* the whole text; the index is scanned again */
} TrancheDocChangeKind;

/* One splice and what it does to the index. Applied backwards it undoes
 * itself: the texts swap and an added element or member is removed. */
typedef struct
{
  TrancheDocChangeKind  kind;
  gsize                 offset;
  GBytes               *old_text;
  GBytes               *new_text;
  int                   array;      /* for element changes */
  guint                 index;      /* of the element, or of the root member */
  TrancheDocRange       range;      /* the element, where it is in the text */
  TrancheDocMember      member;     /* the root member, where it is in the text */
  GArray               *elements;   /* TrancheDocRange: an array member's elements */
} TrancheDocChange;

/* One step of undo: the changes of one edit or user action. */
typedef struct
{
  GPtrArray *changes;   /* TrancheDocChange, in the order they were made */
  guint64    before;    /* the document's state before and after the step */
  guint64    after;
} TrancheDocStep;

/* Identifies saved bytes on disk. */
typedef struct
{
  gboolean  known;
  gint64    mtime_us;
  goffset   size;
  guint64   hash;
} TrancheDiskStamp;

struct _TrancheDocument
{
  GObject           parent_instance;

  GString          *text;
  GBytes           *bytes;         /* a copy of text, until it changes */
  char             *filename;
  char             *untitled_id;   /* names the recovery of a document with no file */

  /* the index */
  gsize             root_open;     /* the root's "{" */
  gsize             root_close;    /* the root's "}" */
  GArray           *members;       /* TrancheDocMember, the root's, in file order */
  GArray           *elements[TRANCHE_DOCUMENT_N_ARRAYS];  /* TrancheDocRange; NULL: no array */

  /* undo */
  GPtrArray        *undo;          /* TrancheDocStep */
  GPtrArray        *redo;
  TrancheDocStep   *open_step;     /* collecting a user action */
  guint             action_depth;
  guint64           state;         /* which text this is: every step has its own */
  guint64           next_state;
  guint64           saved_state;

  TrancheDiskStamp  disk;
};

/* tranche-document-index.c */
gboolean  tranche_doc_index_build      (TrancheDocument        *self,
                                        GError                **error);
void      tranche_doc_index_clear      (TrancheDocument        *self);
/* The members of the object in text[range] (offsets into the text), or
 * FALSE when it is no object. */
gboolean  tranche_doc_scan_members     (const char             *text,
                                        TrancheDocRange         range,
                                        GArray                 *members);
void      tranche_doc_member_clear     (TrancheDocMember       *member);
/* The root member holding `array`, or -1. */
int       tranche_doc_array_member     (TrancheDocument        *self,
                                        int                     array);
/* The last root member named `key` that is no edited array, or -1. */
int       tranche_doc_find_root_member (TrancheDocument        *self,
                                        const char             *key);
/* Splices the text and updates the index, forwards or backwards. */
void      tranche_doc_change_apply     (TrancheDocument        *self,
                                        TrancheDocChange       *change,
                                        gboolean                backwards);
void      tranche_doc_change_free      (TrancheDocChange       *change);
/* A change replacing text[offset, offset + old_len) with `new_text`. */
TrancheDocChange *tranche_doc_change_new (TrancheDocument      *self,
                                          TrancheDocChangeKind  kind,
                                          gsize                 offset,
                                          gsize                 old_len,
                                          const char           *new_text,
                                          gsize                 new_len);

/* tranche-document.c: applies a new change and records it for undo. */
void      tranche_doc_commit           (TrancheDocument        *self,
                                        TrancheDocChange       *change);
void      tranche_doc_mark_saved       (TrancheDocument        *self,
                                        guint64                 state,
                                        const TrancheDiskStamp *stamp);
void      tranche_doc_set_filename     (TrancheDocument        *self,
                                        const char             *filename);

/* tranche-document-save.c */
guint64   tranche_doc_hash             (const char             *data,
                                        gsize                   len);
gboolean  tranche_doc_stamp_file       (const char             *filename,
                                        const char             *data,
                                        gsize                   len,
                                        TrancheDiskStamp       *stamp,
                                        GError                **error);

G_END_DECLS
