/* tranche-cli.h: the command-line modes, which need no display */
#pragma once

#include <glib.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

/* Exit status: 0 every file loads without errors, 1 some have errors, 2 some
 * can't be read. */
int tranche_cli_check (const char * const *filenames);

/* Loads `filename` (NULL: the bundled sample) for a command that draws or
 * summarises it. When it can't be loaded, prints why and returns NULL. When
 * it loads with problems, prints one line saying so to standard error (the
 * events left out, or the warnings) and where to see them: a figure drawn
 * without some events must never look complete. When no event is left,
 * prints that and returns NULL: there is nothing honest to draw. */
TrancheDataset *tranche_cli_load_for_output (const char *filename);

/* What `tranche --export` was asked for. Strings are NULL, `scale` NAN and
 * `title`/`footer` -1 when not given. */
typedef struct
{
  const char *output;
  const char *filename;     /* NULL: the bundled sample */
  const char *size;
  double      scale;
  const char *theme;
  const char *view;
  const char *from;
  const char *to;
  gboolean    transparent;
  gboolean    deck;
  int         title;        /* 1 --title or --subtitle, 0 --no-title */
  const char *title_text;   /* --title TEXT, or NULL */
  const char *subtitle_text;/* --subtitle TEXT, or NULL */
  int         footer;       /* 1 --footer, 0 --no-footer */
} TrancheCliExport;

/* Renders `filename`'s charts, or its presentation deck, into `output` (a
 * .png, .svg or .pdf; for a deck a .pdf or a folder). Exit status: 0
 * written, 1 the data or the file failed, 2 bad options. */
int tranche_cli_export (const TrancheCliExport *args);

/* What `tranche --draft` was asked for; NULL when not given. */
typedef struct
{
  const char *article;
  const char *language;    /* "fr", "en"; NULL: guessed */
  const char *published;   /* a Date */
  const char *into;        /* a dataset whose ids to use */
} TrancheCliDraft;

/* Prints the draft dataset of an article. Exit status: 0 printed, 1 the
 * article or --into can't be read, 2 bad options. */
int tranche_cli_draft (const TrancheCliDraft *args);
/* What `tranche --import` was asked for; NULL when not given. */
typedef struct
{
  const char         *filename;    /* the CSV file */
  const char         *output;      /* -o: the dataset to write */
  const char * const *map;         /* --map COLUMN=MEMBER, NULL-terminated */
  const char         *currency;
  const char         *date_order;  /* "dmy" or "mdy" */
  const char         *into;        /* a dataset to add the rows to */
} TrancheCliImport;

/* Writes the CSV's rows as a format-1 dataset. Exit status: 0 written, 1
 * written with rows left out or not written (the CSV can't be read), 2 bad
 * options or unreadable files. */
int tranche_cli_import (const TrancheCliImport *args);

G_END_DECLS
