/* tranche-document.h: a dataset file being edited, as text
 *
 * A TrancheDocument holds a file's bytes and knows where every root member
 * and every element of `entities`, `sources` and `events` is in them. Every
 * edit is a splice of that text: it rewrites only the bytes of what changed,
 * so unknown members, member order, the file's indentation and every
 * untouched element stay byte for byte as the analyst wrote them, and a
 * `git diff` after changing one amount shows one line. Values are written
 * compact but readable (tranche-json-write.h); new elements follow the
 * layout of their neighbours.
 *
 * The document is not the dataset: tranche_document_load_dataset() runs the
 * loader on the current text, so what an edit means, and what is wrong with
 * it, is decided by the loader alone (one implementation of every rule).
 *
 * Every edit can be undone and redone. The document knows whether its text
 * differs from what was last loaded or saved, saves atomically (see
 * tranche-atomic-file.h), tells whether the file changed on disk since, and
 * keeps unsaved text in a recovery file.
 *
 * Not thread-safe: use a document from one thread; the bytes it hands out
 * (tranche_document_get_bytes) can go anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "tranche-dataset.h"
#include "tranche-diagnostics.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_DOCUMENT (tranche_document_get_type ())
G_DECLARE_FINAL_TYPE (TrancheDocument, tranche_document, TRANCHE, DOCUMENT, GObject)

#define TRANCHE_DOCUMENT_ERROR (tranche_document_error_quark ())

typedef enum
{
  TRANCHE_DOCUMENT_ERROR_NOT_JSON,     /* the text is not JSON, or its root no object */
  TRANCHE_DOCUMENT_ERROR_NOT_OBJECT,   /* the element to edit is no JSON object */
  TRANCHE_DOCUMENT_ERROR_NOT_ARRAY,    /* `entities`, `sources` or `events` is no array */
  TRANCHE_DOCUMENT_ERROR_RESERVED,     /* set through the element functions instead */
  TRANCHE_DOCUMENT_ERROR_NO_RECOVERY,
} TrancheDocumentError;

/* The arrays whose elements the document edits one by one. */
typedef enum
{
  TRANCHE_DOCUMENT_ENTITIES,
  TRANCHE_DOCUMENT_SOURCES,
  TRANCHE_DOCUMENT_EVENTS,
} TrancheDocumentArray;

#define TRANCHE_DOCUMENT_N_ARRAYS 3

/* What tranche_document_check_disk() found. */
typedef enum
{
  TRANCHE_DISK_UNCHANGED,  /* as loaded or last saved (or never on disk) */
  TRANCHE_DISK_CHANGED,    /* someone else wrote the file */
  TRANCHE_DISK_DELETED,    /* it is gone */
} TrancheDiskState;

GQuark            tranche_document_error_quark        (void);

/* {"tranche": 1, "events": []}, pretty-printed, with no file yet. */
TrancheDocument  *tranche_document_new_empty          (void);
/* Reads `filename`. Fails when it can't be read or is not JSON with an
 * object at its root (the loader's first pass decides); a document that is
 * JSON but no valid dataset opens, so that it can be fixed. */
TrancheDocument  *tranche_document_new_from_file      (const char            *filename,
                                                       GError               **error);
/* `filename` may be NULL: the text has no file yet (Save As gives it one). */
TrancheDocument  *tranche_document_new_from_bytes     (GBytes                *bytes,
                                                       const char            *filename,
                                                       GError               **error);
/* Text made elsewhere (a CSV import) with no file yet: modified from the
 * start, so closing asks to save it and Save asks where. */
TrancheDocument  *tranche_document_new_unsaved        (GBytes                *bytes,
                                                       GError               **error);

const char       *tranche_document_get_filename       (TrancheDocument       *self);
/* The current text, valid until the next change; not NUL-terminated. */
const char       *tranche_document_get_text           (TrancheDocument       *self,
                                                       gsize                 *len);
/* The current text as bytes of their own, shared until the next change. */
GBytes           *tranche_document_get_bytes          (TrancheDocument       *self);

/* The dataset the current text describes, read by the loader (see
 * tranche-loader.h for what NULL and `error` mean). Safe to run on the
 * bytes from a worker thread instead: tranche_loader_load_bytes (bytes,
 * tranche_document_get_filename (doc), …). */
TrancheDataset   *tranche_document_load_dataset       (TrancheDocument       *self,
                                                       TrancheDiagnostics    *diagnostics,
                                                       GError               **error);
/* "events[3]": the JSON path of an element, as diagnostics name it; see
 * tranche_diagnostics_filter_path() for the problems of one element. */
char             *tranche_document_element_path       (TrancheDocumentArray   array,
                                                       guint                  index);

/* The loader's problems with one element, fast enough for every change of
 * a field in a big file: the element is loaded with the root members and
 * `entities` and `sources` but without the rest of its array, so what
 * compares it with the others (a repeated id) is only in a full load.
 * Paths, lines and columns are those of the document. */
TrancheDiagnostics *tranche_document_check_element    (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       guint                  index);

/* Elements, in file order (the loader's JSON paths count the same way). */
guint             tranche_document_get_n_elements     (TrancheDocument       *self,
                                                       TrancheDocumentArray   array);
/* The element's text, byte for byte. */
char             *tranche_document_dup_element_text   (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       guint                  index);
/* The element parsed, for a form to show; NULL if it is not valid JSON. */
JsonNode         *tranche_document_dup_element        (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       guint                  index);
/* The index of the element whose "id" is `id`, or -1. */
int               tranche_document_find_element       (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       const char            *id);
/* A root member's value parsed, or NULL when there is none. */
JsonNode         *tranche_document_dup_root_member    (TrancheDocument       *self,
                                                       const char            *member);

/* Edits. Each is one splice of the text and one step of undo (or part of
 * the user action around it). FALSE, with nothing changed, when the value
 * can't be written (a NaN…) or the element is not a JSON object. */
gboolean          tranche_document_set_member         (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       guint                  index,
                                                       const char            *member,
                                                       JsonNode              *value,
                                                       GError               **error);
/* Removing a member that is not there changes nothing and is no error. */
gboolean          tranche_document_remove_member      (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       guint                  index,
                                                       const char            *member,
                                                       GError               **error);
/* Root members other than `entities`, `sources` and `events` (whose
 * elements have functions of their own): TRANCHE_DOCUMENT_ERROR_RESERVED. */
gboolean          tranche_document_set_root_member    (TrancheDocument       *self,
                                                       const char            *member,
                                                       JsonNode              *value,
                                                       GError               **error);
gboolean          tranche_document_remove_root_member (TrancheDocument       *self,
                                                       const char            *member,
                                                       GError               **error);
/* Adds `element` (an object) at the end of its array, laid out like the
 * array's last element, and creates the array when the file has none. */
gboolean          tranche_document_append_element     (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       JsonNode              *element,
                                                       guint                 *index,
                                                       GError               **error);
/* A copy right after the original, byte for byte but for its "id", which
 * gets a "-copy" suffix (then "-copy-2"…) unused in the array. */
gboolean          tranche_document_duplicate_element  (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       guint                  index,
                                                       guint                 *copy_index,
                                                       GError               **error);
/* Removes the element with the comma and line break that separate it. */
void              tranche_document_delete_element     (TrancheDocument       *self,
                                                       TrancheDocumentArray   array,
                                                       guint                  index);

/* Undo and redo. Edits between begin and end (they nest) are one step. */
void              tranche_document_begin_user_action  (TrancheDocument       *self);
void              tranche_document_end_user_action    (TrancheDocument       *self);
gboolean          tranche_document_can_undo           (TrancheDocument       *self);
gboolean          tranche_document_can_redo           (TrancheDocument       *self);
void              tranche_document_undo               (TrancheDocument       *self);
void              tranche_document_redo               (TrancheDocument       *self);
/* Whether the text differs from the last load or save; undoing back to it
 * makes the document unmodified again. */
gboolean          tranche_document_get_modified       (TrancheDocument       *self);

/* Saving (tranche-document-save.c): atomic, keeps the file's permissions,
 * writes through a symbolic link to its target. On failure the old file and
 * the document are as they were, and `error` names the file and the reason. */
/* To the document's file; one with no file yet needs Save As. */
gboolean          tranche_document_save               (TrancheDocument       *self,
                                                       GError               **error);
/* Saves under a new name, which becomes the document's file. */
gboolean          tranche_document_save_as            (TrancheDocument       *self,
                                                       const char            *filename,
                                                       GError               **error);
/* The same off the calling thread (`filename` NULL: the document's file):
 * the text as it is now is written; the document may be edited meanwhile
 * (it stays modified then). */
void              tranche_document_save_async         (TrancheDocument       *self,
                                                       const char            *filename,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gboolean          tranche_document_save_finish        (TrancheDocument       *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);
/* Whether the file on disk is still what was loaded or last saved: its
 * modification time and size, then (only when those differ) its content's
 * hash, so a `touch` or an identical rewrite is no change. */
TrancheDiskState  tranche_document_check_disk         (TrancheDocument       *self);

/* Recovery (tranche-document-recovery.c): the unsaved text and the file's
 * path, written atomically to
 * `g_get_user_state_dir()/tranche/recovery/<hash of the path>.json`. A
 * document with no file has a recovery name of its own. */
gboolean          tranche_document_write_recovery     (TrancheDocument       *self,
                                                       GError               **error);
/* The recovery file kept for this document's file, or NULL. */
char             *tranche_document_find_recovery      (TrancheDocument       *self);
/* Replaces the text with the recovered one as one step that can be undone
 * (back to the file as it is on disk); the document is then modified. */
gboolean          tranche_document_restore_recovery   (TrancheDocument       *self,
                                                       GError               **error);
/* Every recovery file kept (paths), newest first: what an application
 * offers after a crash, for documents with no file among others. */
GPtrArray        *tranche_document_list_recoveries    (void);
/* The document a recovery file holds: its file, opened and restored (one
 * step to undo) when it is still there; else the recovered text under the
 * file's name (or none), modified. */
TrancheDocument  *tranche_document_new_from_recovery  (const char            *file,
                                                       GError               **error);
/* Deletes the recovery file; a save does it too. */
gboolean          tranche_document_discard_recovery   (TrancheDocument       *self,
                                                       GError               **error);

G_END_DECLS
