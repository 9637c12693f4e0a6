/* hostile-files.h: the large hostile datasets, written at test time
 *
 * These are too big to commit (tens of megabytes in all) and cheap to make:
 * the hostile tests write them into a temporary folder.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HOSTILE_NESTED_ARRAYS,   /* 100,000 '[' inside "events" */
  HOSTILE_NESTED_OBJECTS,  /* 100,000 {"a": inside each other */
  HOSTILE_LONG_STRING,     /* 5 MB title, event title, summary and source text */
  HOSTILE_MANY_INVESTORS,  /* one event with 20,000 investors, one with 70,000 */
  HOSTILE_ONE_DAY,         /* 5,000 events on the same day */
  HOSTILE_N_GENERATED
} HostileGenerated;

/* "nested-arrays.json"… */
const char *hostile_generated_name  (HostileGenerated which);
/* Writes the file into `folder` and returns its path. */
char       *hostile_generated_write (HostileGenerated which,
                                     const char      *folder);

G_END_DECLS
