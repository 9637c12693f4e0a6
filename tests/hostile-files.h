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
  HOSTILE_UNDECLARED,      /* one event naming 20,000 undeclared investors */
  HOSTILE_CITATIONS,       /* 20,000 citations of undeclared sources, 20,000 tags */
  HOSTILE_REPEATED_NAMES,  /* 20,000 member names, then 20,000 repeats of the last */
  HOSTILE_N_GENERATED
} HostileGenerated;

/* Files that grow with `n`, for the scaling test (each file's text is
 * about proportional to `n`) and some of the generated ones above. */
typedef enum
{
  HOSTILE_SCALED_UNDECLARED_IDS,  /* one event naming n undeclared investors */
  HOSTILE_SCALED_DUPLICATE_IDS,   /* n entities, sources and events with one id each */
  HOSTILE_SCALED_PROBLEMS,        /* n broken events, n unknown root members, n bad rates */
  HOSTILE_SCALED_CITATIONS_TAGS,  /* n citations and tags in one event, n broken in another */
  HOSTILE_SCALED_MEMBERS,         /* one event of n unknown members */
  HOSTILE_SCALED_DEEP,            /* n events nesting 400 arrays deep */
  HOSTILE_SCALED_LONG_STRINGS,    /* strings of n characters, plain and escaped */
  HOSTILE_N_SCALED
} HostileScaled;

const char *hostile_scaled_name     (HostileScaled    which);
GString    *hostile_scaled_new      (HostileScaled    which,
                                     guint            n);

/* "nested-arrays.json"… */
const char *hostile_generated_name  (HostileGenerated which);
/* Writes the file into `folder` and returns its path. */
char       *hostile_generated_write (HostileGenerated which,
                                     const char      *folder);

G_END_DECLS
