/* test-loader.c: every rule of FORMAT.md, accepted and refused, with the
 * path and the line of what is refused */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tranche-loader.h"

/* Documents of the table share a frame, so a case's event is always on
 * line 5 (and its next lines on 6, 7…). */
#define HEAD "{\"tranche\": 1,\n" \
             "\"entities\": [{\"id\": \"a\", \"name\": \"A\"}, " \
             "{\"id\": \"b\", \"name\": \"B\"}],\n" \
             "\"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n" \
             "\"events\": [\n"
#define DOC(events) HEAD events "\n]}\n"
/* an investment with everything it needs but date and amount */
#define INV "\"id\": \"e\", \"title\": \"T\", \"investors\": [\"a\"], \"target\": \"b\""
#define EV(rest) DOC ("{" INV ", \"date\": \"2023\", " rest "}")

typedef struct
{
  const char      *name;
  const char      *json;
  const char      *path;      /* NULL: loads with no problem at all */
  guint            line;
  guint            column;    /* 0: not checked */
  TrancheSeverity  severity;
  gboolean         invalid;   /* no dataset at all */
  guint            n_events;  /* events loaded */
} Case;

static const Case cases[] = {
  /* version and the events array */
  { "version/ok", "{\"tranche\": 1, \"events\": []}", NULL, 0, 0, 0, FALSE, 0 },
  { "version/missing", "{\"events\": []}", "tranche", 1, 1, TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "version/2", "{\"title\": \"x\",\n \"tranche\": 2, \"events\": []}", "tranche", 2, 2,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "version/string", "{\"tranche\": \"1\", \"events\": []}", "tranche", 1, 2,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "version/float", "{\"tranche\": 1.5, \"events\": []}", "tranche", 1, 2,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "events/missing", "{\"tranche\": 1}", "events", 1, 1, TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "events/object", "{\"tranche\": 1,\n\"events\": {}}", "events", 2, 1,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "root/array", "[1, 2]", "", 1, 1, TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "root/unknown-member", "{\"tranche\": 1, \"events\": [],\n\"colour\": 1}", "colour", 2, 1,
    TRANCHE_SEVERITY_WARNING, FALSE, 0 },
  { "root/repeated", "{\"tranche\": 1, \"events\": [],\n\"title\": \"a\", \"title\": \"b\"}",
    "title", 2, 15, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "root/title-type", "{\"tranche\": 1, \"events\": [],\n\"title\": 5}", "title", 2, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "root/description-type", "{\"tranche\": 1, \"events\": [],\n\"description\": []}",
    "description", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "root/entities-type", "{\"tranche\": 1, \"events\": [],\n\"entities\": {}}", "entities", 2, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },

  /* currency and rates */
  { "currency/ok", "{\"tranche\": 1, \"currency\": \"EUR\", \"events\": []}", NULL, 0, 0, 0,
    FALSE, 0 },
  { "currency/lowercase", "{\"tranche\": 1,\n\"currency\": \"eur\", \"events\": []}", "currency",
    2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "rates/ok", "{\"tranche\": 1, \"rates\": {\"EUR\": 1.08, \"GBP\": 2}, \"events\": []}", NULL,
    0, 0, 0, FALSE, 0 },
  { "rates/negative", "{\"tranche\": 1, \"events\": [], \"rates\": {\"EUR\": 1.08,\n"
    "\"GBP\": -1}}", "rates.GBP", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "rates/zero", "{\"tranche\": 1, \"events\": [], \"rates\": {\n\"GBP\": 0}}", "rates.GBP", 2, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "rates/infinite", "{\"tranche\": 1, \"events\": [], \"rates\": {\n\"GBP\": 1e400}}",
    "rates.GBP", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "rates/bad-code", "{\"tranche\": 1, \"events\": [], \"rates\": {\n\"euro\": 1.1}}",
    "rates.euro", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "rates/string", "{\"tranche\": 1, \"events\": [], \"rates\": {\n\"EUR\": \"1.1\"}}",
    "rates.EUR", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "rates/not-object", "{\"tranche\": 1, \"events\": [],\n\"rates\": [1]}", "rates", 2, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },

  /* entities */
  { "entity/ok", "{\"tranche\": 1, \"events\": [], \"entities\": [{\"id\": \"x.y_z-1\", \"name\": "
    "\"X\", \"kind\": \"fund\", \"color\": \"#A1b2C3\"}]}", NULL, 0, 0, 0, FALSE, 0 },
  { "entity/id-pattern", "{\"tranche\": 1, \"events\": [], \"entities\": [\n{\"id\": \"Open AI\", "
    "\"name\": \"X\"}]}", "entities[0].id", 2, 2, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "entity/id-leading-dash", "{\"tranche\": 1, \"events\": [], \"entities\": [\n{\"id\": \"-x\", "
    "\"name\": \"X\"}]}", "entities[0].id", 2, 2, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "entity/id-missing", "{\"tranche\": 1, \"events\": [], \"entities\": [{\"name\": \"X\"},\n"
    "{\"name\": \"Y\"}]}", "entities[1].id", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "entity/duplicate", "{\"tranche\": 1, \"events\": [], \"entities\": [{\"id\": \"x\", "
    "\"name\": \"X\"},\n{\"id\": \"x\", \"name\": \"Y\"}]}", "entities[1].id", 2, 2,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "entity/name-missing", "{\"tranche\": 1, \"events\": [], \"entities\": [\n{\"id\": \"x\"}]}",
    "entities[0].name", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "entity/kind", "{\"tranche\": 1, \"events\": [], \"entities\": [{\"id\": \"x\", \"name\": "
    "\"X\",\n\"kind\": \"bank\"}]}", "entities[0].kind", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "entity/color", "{\"tranche\": 1, \"events\": [], \"entities\": [{\"id\": \"x\", \"name\": "
    "\"X\",\n\"color\": \"#12345\"}]}", "entities[0].color", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE,
    0 },
  { "entity/color-name", "{\"tranche\": 1, \"events\": [], \"entities\": [{\"id\": \"x\", "
    "\"name\": \"X\",\n \"color\": \"red\"}]}", "entities[0].color", 2, 2,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "entity/not-object", "{\"tranche\": 1, \"events\": [], \"entities\": [\n\"x\"]}",
    "entities[0]", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "entity/unknown-member", "{\"tranche\": 1, \"events\": [], \"entities\": [{\"id\": \"x\", "
    "\"name\": \"X\",\n\"logo\": \"x.png\"}]}", "entities[0].logo", 2, 1,
    TRANCHE_SEVERITY_WARNING, FALSE, 0 },

  /* sources */
  { "source/ok", "{\"tranche\": 1, \"events\": [], \"sources\": [{\"id\": \"s\", "
    "\"title\": \"T\", "
    "\"publisher\": \"P\", \"author\": \"A\", \"url\": \"javascript:alert(1)\", \"published\": "
    "\"2023-11\", \"language\": \"pt-BR\", \"summary\": \"S\", \"text\": \"x\\n\\ny\"}]}", NULL, 0,
    0, 0, FALSE, 0 },
  { "source/title-missing", "{\"tranche\": 1, \"events\": [], \"sources\": [\n{\"id\": \"s\"}]}",
    "sources[0].title", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "source/duplicate", "{\"tranche\": 1, \"events\": [], \"sources\": [{\"id\": \"s\", "
    "\"title\": \"T\"},\n{\"id\": \"s\", \"title\": \"U\"}]}", "sources[1].id", 2, 2,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "source/published", "{\"tranche\": 1, \"events\": [], \"sources\": [{\"id\": \"s\", "
    "\"title\": \"T\",\n\"published\": \"Nov 2023\"}]}", "sources[0].published", 2, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "source/url-type", "{\"tranche\": 1, \"events\": [], \"sources\": [{\"id\": \"s\", "
    "\"title\": \"T\",\n\"url\": 5}]}", "sources[0].url", 2, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "source/language", "{\"tranche\": 1, \"events\": [], \"sources\": [{\"id\": \"s\", "
    "\"title\": \"T\",\n\"language\": \"French\"}]}", "sources[0].language", 2, 1,
    TRANCHE_SEVERITY_WARNING, FALSE, 0 },
  { "source/text-and-file", "{\"tranche\": 1, \"events\": [], \"sources\": [{\"id\": \"s\", "
    "\"title\": \"T\", \"text\": \"x\",\n\"text_file\": \"a.txt\"}]}", "sources[0].text_file",
    2, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },

  /* dates */
  { "date/ok-quarter", EV ("\"amount\": 1, \"end\": \"2024-Q2\""), NULL, 0, 0, 0, FALSE, 1 },
  { "date/syntax", DOC ("{" INV ", \"amount\": 1,\n\"date\": \"2023/01\"}"), "events[0].date", 6,
    1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "date/range", DOC ("{" INV ", \"amount\": 1,\n \"date\": \"0999\"}"), "events[0].date", 6, 2,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "date/calendar", DOC ("{" INV ", \"amount\": 1,\n\"date\": \"2023-02-30\"}"),
    "events[0].date", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "date/month-13", DOC ("{" INV ", \"amount\": 1,\n\"date\": \"2023-13\"}"), "events[0].date", 6,
    1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "date/number", DOC ("{" INV ", \"amount\": 1,\n\"date\": 2023}"), "events[0].date", 6, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "date/missing", DOC ("{" INV ", \"amount\": 1}"), "events[0].date", 5, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "end/ok-same-year", DOC ("{" INV ", \"amount\": 1, \"date\": \"2023-05\", \"end\": \"2023\"}"),
    NULL, 0, 0, 0, FALSE, 1 },
  { "end/before", DOC ("{" INV ", \"amount\": 1, \"date\": \"2023-05\",\n\"end\": \"2023-01\"}"),
    "events[0].end", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "end/bad", DOC ("{" INV ", \"amount\": 1, \"date\": \"2023-05\",\n\"end\": \"soon\"}"),
    "events[0].end", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },

  /* money */
  { "money/number", EV ("\"amount\": 1000000000"), NULL, 0, 0, 0, FALSE, 1 },
  { "money/zero", EV ("\"amount\": 0"), NULL, 0, 0, 0, FALSE, 1 },
  { "money/object", EV ("\"amount\": {\"value\": 1.5e9, \"currency\": \"EUR\", \"approx\": true}"),
    NULL, 0, 0, 0, FALSE, 1 },
  { "money/range", EV ("\"amount\": {\"min\": 1, \"max\": 2}"), NULL, 0, 0, 0, FALSE, 1 },
  { "money/undisclosed", EV ("\"amount\": {\"disclosed\": false}"), NULL, 0, 0, 0, FALSE, 1 },
  { "money/huge-integer", EV ("\"amount\": 99999999999999999999"), NULL, 0, 0, 0, FALSE, 1 },
  { "money/negative", EV ("\n\"amount\": -1"), "events[0].amount", 6, 1, TRANCHE_SEVERITY_ERROR,
    FALSE, 0 },
  { "money/infinite", EV ("\n\"amount\": 1e400"), "events[0].amount", 6, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/infinite-value", EV ("\"amount\": {\n\"value\": 1e400}"), "events[0].amount.value", 6,
    1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/string", EV ("\n\"amount\": \"1B\""), "events[0].amount", 6, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/empty", EV ("\n\"amount\": {}"), "events[0].amount.value", 6, 11,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/min-above-max", EV ("\"amount\": {\"max\": 2,\n\"min\": 5}"), "events[0].amount.min", 6,
    1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  /* a bound alone is "at least" or "up to" (test-loader-totals.c) */
  { "money/min-only", EV ("\"amount\": {\n\"min\": 5}"), NULL, 0, 0, 0, FALSE, 1 },
  { "money/min-infinite", EV ("\"amount\": {\"max\": 2,\n\"min\": 1e999}"),
    "events[0].amount.min", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/undisclosed-value", EV ("\"amount\": {\"value\": 5,\n\"disclosed\": false}"),
    "events[0].amount.disclosed", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/approx-type", EV ("\"amount\": {\"value\": 5,\n\"approx\": \"yes\"}"),
    "events[0].amount.approx", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/disclosed-type", EV ("\"amount\": {\"value\": 5,\n\"disclosed\": 0}"),
    "events[0].amount.disclosed", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/currency", EV ("\"amount\": {\"value\": 5,\n\"currency\": \"EURO\"}"),
    "events[0].amount.currency", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "money/unknown-member", EV ("\"amount\": {\"value\": 5,\n\"note\": \"x\"}"),
    "events[0].amount.note", 6, 1, TRANCHE_SEVERITY_WARNING, FALSE, 1 },
  { "money/basis-outside-valuation", EV ("\"amount\": {\"value\": 5,\n\"basis\": \"reported\"}"),
    "events[0].amount.basis", 6, 1, TRANCHE_SEVERITY_WARNING, FALSE, 1 },
  { "cumulative/ok", EV ("\"amount\": 1, \"cumulative\": {\"value\": 13e9, \"approx\": true}"),
    NULL, 0, 0, 0, FALSE, 1 },
  { "cumulative/negative", EV ("\"amount\": 1, \"cumulative\": {\n\"value\": -13}"),
    "events[0].cumulative.value", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },

  /* valuations */
  { "valuation/ok", DOC ("{\"id\": \"v\", \"date\": \"2023\", \"kind\": \"valuation\", \"title\": "
    "\"V\", \"target\": \"b\", \"valuation\": {\"value\": 29e9, \"basis\": \"post-money\"}}"),
    NULL, 0, 0, 0, FALSE, 1 },
  { "valuation/basis", DOC ("{\"id\": \"v\", \"date\": \"2023\", \"kind\": \"valuation\", "
    "\"title\": \"V\", \"target\": \"b\", \"valuation\": {\"value\": 29e9,\n"
    "\"basis\": \"post\"}}"),
    "events[0].valuation.basis", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "valuation/missing", DOC ("{\"id\": \"v\", \"date\": \"2023\", \"kind\": \"valuation\", "
    "\"title\": \"V\", \"target\": \"b\"}"), "events[0].valuation", 5, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "valuation/on-investment", EV ("\"amount\": 1, \"valuation\": 2e9"), NULL, 0, 0, 0, FALSE, 1 },

  /* kinds and what each one needs */
  { "kind/news-alone", DOC ("{\"id\": \"n\", \"date\": \"2023\", \"kind\": \"news\", \"title\": "
    "\"N\"}"), NULL, 0, 0, 0, FALSE, 1 },
  { "kind/acquisition", DOC ("{" INV ", \"date\": \"2023\", \"kind\": \"acquisition\", "
    "\"amount\": {\"disclosed\": false}}"), NULL, 0, 0, 0, FALSE, 1 },
  { "kind/unknown", EV ("\"amount\": 1,\n\"kind\": \"ipo\""), "events[0].kind", 6, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  /* an investment may leave its investors out ("investors not reported"),
   * a commitment may not */
  { "kind/investors-missing", DOC ("{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", "
    "\"target\": \"b\", \"amount\": 1}"), NULL, 0, 0, 0, FALSE, 1 },
  { "kind/commitment-investors-missing", DOC ("{\"id\": \"e\", \"date\": \"2023\", "
    "\"title\": \"T\", \"kind\": \"commitment\", \"target\": \"b\", \"amount\": 1}"),
    "events[0].investors", 5, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "kind/investors-empty", DOC ("{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", "
    "\"kind\": \"commitment\", \"target\": \"b\", \"amount\": 1,\n\"investors\": []}"),
    "events[0].investors", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "kind/commitment-target-missing", DOC ("{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", "
    "\"kind\": \"commitment\", \"investors\": [\"a\"], \"amount\": 1}"), "events[0].target", 5, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "kind/amount-missing", DOC ("{" INV ", \"date\": \"2023\"}"), "events[0].amount", 5, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "kind/title-missing", DOC ("{\"id\": \"n\", \"date\": \"2023\", \"kind\": \"news\"}"),
    "events[0].title", 5, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "kind/id-missing", DOC ("{\"date\": \"2023\", \"kind\": \"news\", \"title\": \"N\"}"),
    "events[0].id", 5, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },

  /* members' types */
  { "event/not-object", DOC ("\"an event\""), "events[0]", 5, 1, TRANCHE_SEVERITY_ERROR, FALSE,
    0 },
  { "event/title-type", DOC ("{\"id\": \"n\", \"date\": \"2023\", \"kind\": \"news\",\n"
    "\"title\": [\"N\"]}"), "events[0].title", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "event/round-type", EV ("\"amount\": 1,\n\"round\": 2"), "events[0].round", 6, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "event/summary-type", EV ("\"amount\": 1,\n\"summary\": null"), "events[0].summary", 6, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "event/investors-type", DOC ("{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", "
    "\"target\": \"b\", \"amount\": 1,\n\"investors\": \"a\"}"), "events[0].investors", 6, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "event/investor-pattern", DOC ("{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", "
    "\"target\": \"b\", \"amount\": 1, \"investors\": [\"a\",\n\"Big Bank\"]}"),
    "events[0].investors[1]", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "event/target-type", DOC ("{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", "
    "\"investors\": [\"a\"], \"amount\": 1,\n\"target\": [\"b\"]}"), "events[0].target", 6, 1,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "event/tags-ok", EV ("\"amount\": 1, \"tags\": [\"ai\", \"cloud\"]"), NULL, 0, 0, 0, FALSE,
    1 },
  { "event/tags-type", EV ("\"amount\": 1, \"tags\": [\"ai\",\n 3]"), "events[0].tags[1]", 6, 2,
    TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "event/unknown-member", EV ("\"amount\": 1,\n\"stage\": \"A\""), "events[0].stage", 6, 1,
    TRANCHE_SEVERITY_WARNING, FALSE, 1 },
  { "event/duplicate-id", DOC ("{" INV ", \"date\": \"2023\", \"amount\": 1},\n"
    "{" INV ", \"date\": "
    "\"2024\", \"amount\": 2}"), "events[1].id", 6, 2, TRANCHE_SEVERITY_ERROR, FALSE, 1 },
  { "event/markup-is-text", EV ("\"amount\": 1, \"summary\": \"<b>bold</b> & <i>\""), NULL, 0, 0,
    0, FALSE, 1 },

  /* citations */
  { "citation/ok", EV ("\"amount\": 1, \"sources\": [{\"source\": \"s\", \"quote\": \"q\"}]"),
    NULL, 0, 0, 0, FALSE, 1 },
  { "citation/quote-missing", EV ("\"amount\": 1, \"sources\": [\n{\"source\": \"s\"}]"),
    "events[0].sources[0].quote", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "citation/source-type",
    EV ("\"amount\": 1, \"sources\": [{\"quote\": \"q\",\n\"source\": 1}]"),
    "events[0].sources[0].source", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "citation/not-object", EV ("\"amount\": 1, \"sources\": [\n\"s\"]"), "events[0].sources[0]",
    6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "citation/not-array",
    EV ("\"amount\": 1,\n\"sources\": {\"source\": \"s\", \"quote\": \"q\"}"),
    "events[0].sources", 6, 1, TRANCHE_SEVERITY_ERROR, FALSE, 0 },
  { "citation/unknown-source", EV ("\"amount\": 1, \"sources\": [{\"quote\": \"q\",\n"
    "\"source\": \"nowhere\"}]"), "events[0].sources[0].source", 6, 11, TRANCHE_SEVERITY_WARNING,
    FALSE, 1 },

  /* unknown entities: a warning at the first use, once */
  { "entity/undeclared",
    DOC ("{\"id\": \"e\", \"title\": \"T\", \"date\": \"2023\", \"amount\": 1,"
    " \"target\": \"b\",\n\"investors\": [\"zed\"]},\n{\"id\": \"f\", \"title\": \"T\", \"date\": "
    "\"2023\", \"amount\": 1, \"target\": \"zed\", \"investors\": [\"a\"]}"),
    "events[0].investors[0]", 6, 15, TRANCHE_SEVERITY_WARNING, FALSE, 2 },

  /* JSON that is not */
  { "syntax/trailing-comma", DOC ("{" INV ",\n\"date\": \"2023\", \"amount\": 1,}"), "", 6, 28,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/comment", "{\"tranche\": 1,\n  // note\n\"events\": []}", "", 2, 3,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/single-quotes", "{\"tranche\": 1,\n'events': []}", "", 2, 1, TRANCHE_SEVERITY_ERROR,
    TRUE, 0 },
  { "syntax/leading-zero", "{\"tranche\": 01, \"events\": []}", "", 1, 13,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/bare-word", "{\"tranche\": 1, \"events\": [NaN]}", "", 1, 27,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/line-break-in-string", "{\"tranche\": 1, \"title\": \"a\nb\", \"events\": []}", "", 1,
    27, TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/bad-escape", "{\"tranche\": 1, \"title\": \"a\\qb\", \"events\": []}", "", 1, 27,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/lone-surrogate", "{\"tranche\": 1, \"title\": \"\\ud800x\", \"events\": []}", "", 1,
    26, TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/missing-comma", "{\"tranche\": 1\n\"events\": []}", "", 2, 1, TRANCHE_SEVERITY_ERROR,
    TRUE, 0 },
  { "syntax/missing-colon", "{\"tranche\" 1, \"events\": []}", "", 1, 12, TRANCHE_SEVERITY_ERROR,
    TRUE, 0 },
  { "syntax/mismatched", "{\"tranche\": 1, \"events\": [}\n}", "", 1, 27, TRANCHE_SEVERITY_ERROR,
    TRUE, 0 },
  { "syntax/trailing-text", "{\"tranche\": 1, \"events\": []}\n{}", "", 2, 1,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/truncated", "{\"tranche\": 1,\n\"events\": [\n{\"id\": \"e\", \"da", "", 3, 13,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/truncated-after-value", "{\"tranche\": 1,\n\"events\": [\n", "", 3, 1,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/empty", "  \n ", "", 1, 1, TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "syntax/columns-are-characters", "{\"title\": \"été\", \"tranche\": 1, x}", "", 1, 32,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "encoding/bom", "\xef\xbb\xbf{\"tranche\": 1, \"events\": []}", NULL, 0, 0, 0, FALSE, 0 },
  { "encoding/latin1", "{\"tranche\": 1,\n\"title\": \"caf\xe9\", \"events\": []}", "", 2, 14,
    TRANCHE_SEVERITY_ERROR, TRUE, 0 },
  { "encoding/utf16", "\xff\xfe{\0\"\0", "", 1, 1, TRANCHE_SEVERITY_ERROR, TRUE, 0 },
};

static TrancheDataset *
load_string (const char          *json,
             gsize                len,
             const char          *filename,
             TrancheDiagnostics  *diagnostics,
             GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, len);

  return tranche_loader_load_bytes (bytes, filename, NULL, diagnostics, error);
}

static void
print_diagnostics (TrancheDiagnostics *diagnostics)
{
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      g_autofree char *text =
        tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), "doc");
      g_test_message ("%s", text);
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  /* the UTF-16 case has NUL bytes: its length is its array's */
  gsize len = g_str_has_prefix (c->json, "\xff\xfe") ? 6 : strlen (c->json);
  const TrancheDiagnostic *d;

  dataset = load_string (c->json, len, NULL, diagnostics, &error);
  print_diagnostics (diagnostics);

  if (c->invalid)
    {
      g_assert_error (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID);
      g_assert_null (dataset);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (dataset);
      g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, c->n_events);
    }

  if (c->path == NULL)
    {
      g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
      return;
    }

  d = tranche_diagnostics_find (diagnostics, c->path);
  g_assert_nonnull (d);
  g_assert_cmpint (d->severity, ==, c->severity);
  g_assert_cmpuint (d->line, ==, c->line);
  if (c->column > 0)
    g_assert_cmpuint (d->column, ==, c->column);
  g_assert_cmpstr (d->message, !=, "");
  if (c->invalid && g_str_has_prefix (c->name, "syntax/"))
    /* not JSON: one error, nothing else */
    g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 1);
  if (!c->invalid && c->severity == TRANCHE_SEVERITY_ERROR && g_str_has_prefix (c->path, "events"))
    g_assert_cmpuint (tranche_dataset_get_n_skipped (dataset), ==, 1);
}

/* Each kind is named by a whole sentence, with its own article ("an
 * investment", "a commitment"), not by a word put into one. */
static void
test_kind_messages (void)
{
  static const struct
  {
    const char *kind;
    const char *more;
    const char *path;
    const char *message;
  } checks[] = {
    { "secondary", "", "investors",
      "missing: a secondary sale needs its buyers as investors, like [\"softbank\"]" },
    { "secondary", ", \"investors\": [\"a\"]", "target",
      "missing: a secondary sale needs the id of the entity whose shares were sold" },
    { "commitment", "", "investors",
      "missing: a commitment needs its investors, like [\"microsoft\"]" },
    { "acquisition", ", \"investors\": []", "investors",
      "empty: an acquisition names at least one investor" },
    { "commitment", ", \"investors\": []", "investors",
      "empty: a commitment names at least one investor" },
    { "investment", "", "target", "missing: an investment event needs the id of its target "
      "entity" },
    { "valuation", "", "target", "missing: a valuation event needs the id of its target "
      "entity" },
    { "acquisition", "", "target", "missing: an acquisition event needs the id of its target "
      "entity" },
    { "investment", "", "amount", "missing: an investment needs an amount (or "
      "{\"disclosed\": false})" },
    { "commitment", "", "amount", "missing: a commitment needs an amount (or "
      "{\"disclosed\": false})" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *json =
        g_strdup_printf (DOC ("{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", "
                              "\"kind\": \"%s\"%s}"), checks[i].kind, checks[i].more);
      g_autofree char *path = g_strconcat ("events[0].", checks[i].path, NULL);
      g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
      g_autoptr(TrancheDataset) dataset = load_string (json, strlen (json), NULL, diagnostics,
                                                       NULL);
      const TrancheDiagnostic *d = tranche_diagnostics_find (diagnostics, path);

      print_diagnostics (diagnostics);
      g_assert_nonnull (d);
      g_assert_cmpstr (d->message, ==, checks[i].message);
    }
}

/* Date problems of each kind say something different. */
static void
test_date_messages (void)
{
  const char *dates[] = { "2023/01", "0999", "2023-02-30" };
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *json = g_strdup_printf (DOC ("{" INV ", \"amount\": 1, \"date\": \"%s\"}"),
                                               dates[i]);
      g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
      g_autoptr(TrancheDataset) dataset = load_string (json, strlen (json), NULL, diagnostics,
                                                       NULL);
      const TrancheDiagnostic *d = tranche_diagnostics_find (diagnostics, "events[0].date");

      g_assert_nonnull (d);
      g_assert_true (strstr (d->message, dates[i]) != NULL);
      g_assert_true (g_hash_table_add (messages, g_strdup (d->message)));
    }
  g_assert_cmpuint (g_hash_table_size (messages), ==, 3);
}

static void
test_version_message (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  const char *json = "{\"tranche\": 7, \"events\": []}";
  g_autoptr(TrancheDataset) dataset = load_string (json, strlen (json), NULL, diagnostics,
                                                   &error);
  const TrancheDiagnostic *d = tranche_diagnostics_find (diagnostics, "tranche");

  g_assert_null (dataset);
  g_assert_nonnull (d);
  g_assert_true (strstr (d->message, "7") != NULL);
}

/* Three bad events among good ones: three errors, the rest loads. */
static void
test_all_problems (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char *json =
    DOC ("{\"id\": \"g1\", \"date\": \"2020\", \"kind\": \"news\", \"title\": \"G\"},\n"
         "{\"id\": \"b1\", \"date\": \"2020-13\", \"kind\": \"news\", \"title\": \"B\"},\n"
         "{\"id\": \"g2\", \"date\": \"2021\", \"kind\": \"news\", \"title\": \"G\"},\n"
         "{\"id\": \"b2\", \"date\": \"2021\", \"kind\": \"news\"},\n"
         "{\"id\": \"b3\", \"date\": \"2022\", \"kind\": \"news\", \"title\": \"B\",\n"
         " \"tags\": \"x\"},\n"
         "{\"id\": \"g3\", \"date\": \"2022\", \"kind\": \"news\", \"title\": \"G\"}");
  const char *paths[] = { "events[1].date", "events[3].title", "events[4].tags" };
  const guint lines[] = { 6, 8, 10 };

  dataset = load_string (json, strlen (json), "/nowhere/doc.json", diagnostics, &error);
  print_diagnostics (diagnostics);
  g_assert_no_error (error);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_find (diagnostics, paths[i]);
      g_assert_nonnull (d);
      g_assert_cmpuint (d->line, ==, lines[i]);
      /* in file order */
      g_assert_true (d == tranche_diagnostics_get (diagnostics, i));
    }
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 3);
  g_assert_cmpuint (tranche_dataset_get_n_skipped (dataset), ==, 3);
  g_assert_cmpuint (tranche_dataset_find_event (dataset, "b1"), ==, TRANCHE_NO_ENTITY);
  g_assert_cmpuint (tranche_dataset_find_event (dataset, "g3"), !=, TRANCHE_NO_ENTITY);
  g_assert_cmpstr (tranche_dataset_get_filename (dataset), ==, "/nowhere/doc.json");
}

/* Events first, then the entities and currency they rely on. */
static void
test_any_order (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  const char *json =
    "{\"events\": [{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", \"investors\": [\"m\"],\n"
    "  \"target\": \"o\", \"amount\": 5, \"sources\": [{\"source\": \"s\", \"quote\": \"q\"}]}],\n"
    " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
    " \"entities\": [{\"id\": \"m\", \"name\": \"Microsoft\", \"kind\": \"investor\"},\n"
    "                {\"id\": \"o\", \"name\": \"OpenAI\"}],\n"
    " \"currency\": \"EUR\",\n"
    " \"tranche\": 1}";
  const TrancheEvent *event;
  const TrancheCitation *citation;
  char code[4];

  dataset = load_string (json, strlen (json), NULL, diagnostics, NULL);
  print_diagnostics (diagnostics);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
  event = tranche_dataset_get_event (dataset, 0);
  g_assert_cmpstr (tranche_dataset_get_entity (dataset, event->target)->name, ==, "OpenAI");
  g_assert_cmpstr (tranche_dataset_get_entity (dataset,
                                               tranche_dataset_event_investor (dataset, event, 0))
                   ->name, ==, "Microsoft");
  g_assert_cmpstr (tranche_currency_to_code (event->amount.currency, code), ==, "EUR");
  citation = tranche_dataset_event_citation (dataset, event, 0);
  g_assert_cmpuint (citation->source, ==, tranche_dataset_find_source (dataset, "s"));
  g_assert_cmpuint (event->line, ==, 1);
}

/* What the fields hold once loaded. */
static void
test_values (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  const char *json =
    DOC ("{" INV ", \"date\": \"2023-01\", \"end\": \"2026\", \"kind\": \"commitment\",\n"
         " \"amount\": {\"min\": 1e9, \"max\": 2e9, \"approx\": true, \"currency\": \"GBP\"},\n"
         " \"valuation\": {\"value\": 29e9, \"basis\": \"reported\"},\n"
         " \"cumulative\": {\"disclosed\": false}, \"round\": \"Series A\",\n"
         " \"summary\": \"<b>x</b>\", \"tags\": [\"ai\", \"cloud\"]}");
  const TrancheEvent *e;
  char code[4];
  g_autofree char *end = NULL;

  dataset = load_string (json, strlen (json), NULL, diagnostics, NULL);
  print_diagnostics (diagnostics);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
  g_assert_nonnull (dataset);
  e = tranche_dataset_get_event (dataset, 0);
  g_assert_cmpint (e->kind, ==, TRANCHE_EVENT_COMMITMENT);
  g_assert_cmpuint (e->line, ==, 5);
  end = tranche_date_to_iso (&e->end);
  g_assert_cmpstr (end, ==, "2026");
  g_assert_cmpint (e->date.precision, ==, TRANCHE_PRECISION_MONTH);
  g_assert_true (e->amount.flags & TRANCHE_MONEY_HAS_RANGE);
  g_assert_false (e->amount.flags & TRANCHE_MONEY_HAS_VALUE);
  g_assert_true (e->amount.flags & TRANCHE_MONEY_APPROX);
  g_assert_cmpfloat (e->amount.min, ==, 1e9);
  g_assert_cmpfloat (e->amount.max, ==, 2e9);
  g_assert_cmpstr (tranche_currency_to_code (e->amount.currency, code), ==, "GBP");
  g_assert_cmpint (e->valuation.basis, ==, TRANCHE_BASIS_REPORTED);
  g_assert_cmpfloat (e->valuation.value, ==, 29e9);
  g_assert_cmpstr (tranche_currency_to_code (e->valuation.currency, code), ==, "USD");
  g_assert_true (e->cumulative.flags & TRANCHE_MONEY_UNDISCLOSED);
  g_assert_false (tranche_money_is_known (&e->cumulative));
  g_assert_cmpstr (e->round, ==, "Series A");
  g_assert_cmpstr (e->summary, ==, "<b>x</b>");
  g_assert_cmpuint (e->n_tags, ==, 2);
  g_assert_cmpstr (tranche_dataset_event_tag (dataset, e, 1), ==, "cloud");
}

static void
test_huge_integer (void)
{
  const char *json = EV ("\"amount\": 99999999999999999999");
  g_autoptr(TrancheDataset) dataset = load_string (json, strlen (json), NULL, NULL, NULL);

  /* json-glib wraps it to -1; the loader reads what was written */
  g_assert_nonnull (dataset);
  g_assert_cmpfloat_with_epsilon (tranche_dataset_get_event (dataset, 0)->amount.value, 1e20,
                                  1e6);
}

/* The first use of an undeclared id warns once; the id is its name. */
static void
test_unknown_entity (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  const char *json =
    DOC ("{\"id\": \"e1\", \"date\": \"2023\", \"title\": \"T\", \"investors\": [\"zed\", \"a\"],"
         " \"target\": \"b\", \"amount\": 1},\n"
         "{\"id\": \"e2\", \"date\": \"2024\", \"title\": \"T\", \"investors\": [\"zed\"],\n"
         " \"target\": \"yon\", \"amount\": 1},\n"
         "{\"id\": \"e3\", \"date\": \"2025\", \"kind\": \"news\", \"title\": \"T\", \"target\": "
         "\"yon\"}");
  const TrancheDiagnostic *d;
  guint zed;

  dataset = load_string (json, strlen (json), NULL, diagnostics, NULL);
  print_diagnostics (diagnostics);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_WARNING), ==, 2);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  d = tranche_diagnostics_find (diagnostics, "events[0].investors[0]");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 5);
  g_assert_true (strstr (d->message, "zed") != NULL);
  d = tranche_diagnostics_find (diagnostics, "events[1].target");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 7);
  g_assert_null (tranche_diagnostics_find (diagnostics, "events[1].investors[0]"));
  g_assert_null (tranche_diagnostics_find (diagnostics, "events[2].target"));
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 3);
  zed = tranche_dataset_find_entity (dataset, "zed");
  g_assert_cmpuint (zed, !=, TRANCHE_NO_ENTITY);
  g_assert_cmpstr (tranche_dataset_get_entity (dataset, zed)->name, ==, "zed");
  g_assert_false (tranche_dataset_get_entity (dataset, zed)->declared);
}

/* text_file: beside the dataset yes; absolute, outside or from no file no. */
typedef struct
{
  const char *name;
  const char *text_file;  /* NULL: the absolute path of the fixture */
  gboolean    with_filename;
  gboolean    ok;
} TextFileCase;

static const TextFileCase text_file_cases[] = {
  { "relative", "texts/article.txt", TRUE, TRUE },
  { "dot-segments-inside", "./texts/../texts/article.txt", TRUE, TRUE },
  { "absolute", NULL, TRUE, FALSE },
  { "parent", "../loader/texts/article.txt", TRUE, FALSE },
  { "parent-after-folder", "texts/../../loader/texts/article.txt", TRUE, FALSE },
  { "missing", "texts/nope.txt", TRUE, FALSE },
  { "no-filename", "texts/article.txt", FALSE, FALSE },
};

static void
test_text_file (gconstpointer data)
{
  const TextFileCase *c = data;
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fixtures", "loader", NULL);
  g_autofree char *dataset_path = g_build_filename (folder, "virtual.json", NULL);
  g_autofree char *absolute = g_build_filename (folder, "texts", "article.txt", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *json = NULL;
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  const TrancheSource *source;
  const TrancheDiagnostic *d;

  escaped = g_strescape (c->text_file != NULL ? c->text_file : absolute, NULL);
  json = g_strdup_printf ("{\"tranche\": 1, \"events\": [],\n\"sources\": [{\"id\": \"s\", "
                          "\"title\": \"S\",\n\"text_file\": \"%s\"}]}", escaped);
  dataset = load_string (json, strlen (json), c->with_filename ? dataset_path : NULL,
                         diagnostics, NULL);
  print_diagnostics (diagnostics);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_dataset_get_n_sources (dataset), ==, 1);
  source = tranche_dataset_get_source (dataset, 0);
  d = tranche_diagnostics_find (diagnostics, "sources[0].text_file");
  if (c->ok)
    {
      g_assert_null (d);
      g_assert_true (g_str_has_prefix (source->text, "1 milliard de dollars en 2019"));
    }
  else
    {
      /* refused or unreadable: said at its line, the source stays, textless */
      g_assert_nonnull (d);
      g_assert_cmpint (d->severity, ==, TRANCHE_SEVERITY_ERROR);
      g_assert_cmpuint (d->line, ==, 3);
      g_assert_null (source->text);
      g_assert_cmpstr (source->title, ==, "S");
    }
}

/* A link inside the folder that leads out of it is refused too. */
static void
test_text_file_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tranche-loader-XXXXXX", &error);
  g_autofree char *inner = NULL, *outside = NULL, *link = NULL, *dataset_path = NULL;
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  const char *json = "{\"tranche\": 1, \"events\": [],\n\"sources\": [{\"id\": \"s\", \"title\": "
                     "\"S\", \"text_file\": \"escape.txt\"}]}";
  const TrancheDiagnostic *d;

  g_assert_no_error (error);
  inner = g_build_filename (dir, "data", NULL);
  outside = g_build_filename (dir, "secret.txt", NULL);
  link = g_build_filename (inner, "escape.txt", NULL);
  dataset_path = g_build_filename (inner, "d.json", NULL);
  g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);
  g_file_set_contents (outside, "secret", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  dataset = load_string (json, strlen (json), dataset_path, diagnostics, NULL);
  d = tranche_diagnostics_find (diagnostics, "sources[0].text_file");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 2);
  g_assert_nonnull (dataset);
  g_assert_null (tranche_dataset_get_source (dataset, 0)->text);

  g_unlink (link);
  g_unlink (outside);
  g_rmdir (inner);
  g_rmdir (dir);
}

static void
test_load_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "loader", "good.json",
                                                 NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  guint article;

  dataset = tranche_loader_load_file (path, NULL, diagnostics, &error);
  print_diagnostics (diagnostics);
  g_assert_no_error (error);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, 5);
  g_assert_cmpstr (tranche_dataset_get_title (dataset), ==, "Fixture: every part of the format");
  article = tranche_dataset_find_source (dataset, "article");
  g_assert_nonnull (tranche_dataset_get_source (dataset, article)->text);
  g_assert_cmpstr (tranche_dataset_get_filename (dataset), ==, path);
}

/* Files over 16 MB take the read into one mapping: the same dataset comes out. */
static void
test_big_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tranche-loader-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  GString *json = g_string_new ("{\"tranche\": 1, \"events\": [\n");
  const guint n = 120000;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2023\", \"kind\": \"news\", "
                            "\"title\": \"%0100u\"}\n", i == 0 ? "" : ",", i, i);
  g_string_append (json, "],\n\"colour\": 1}");
  g_assert_cmpuint (json->len, >, 16 * 1024 * 1024);
  path = g_build_filename (dir, "big.json", NULL);
  g_file_set_contents (path, json->str, json->len, &error);
  g_string_free (json, TRUE);
  g_assert_no_error (error);

  dataset = tranche_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, n);
  g_assert_cmpuint (tranche_dataset_get_event (dataset, n - 1)->line, ==, n + 1);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 1);
  g_assert_cmpuint (tranche_diagnostics_get (diagnostics, 0)->line, ==, n + 3);
  g_assert_cmpstr (tranche_dataset_get_filename (dataset), ==, path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unreadable (void)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset;

  dataset = tranche_loader_load_file ("/nonexistent/tranche.json", NULL, diagnostics, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* The bad byte of a Latin-1 file is found where it is. */
static void
test_invalid_utf8 (void)
{
  const char json[] = "{\"tranche\": 1,\n \"events\": [],\n \"title\": \"\xc3\xa9t\xe9\"}";
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheDataset) dataset = load_string (json, strlen (json), NULL, diagnostics,
                                                   &error);
  const TrancheDiagnostic *d;

  g_assert_null (dataset);
  g_assert_error (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 1);
  d = tranche_diagnostics_get (diagnostics, 0);
  g_assert_cmpuint (d->line, ==, 3);
  /* ` "title": "ét` is 13 characters: the bad byte is the 14th */
  g_assert_cmpuint (d->column, ==, 14);
}

/* Deep nesting is refused before json-glib's recursion sees it. */
static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  GString *json = g_string_new ("{\"tranche\": 1, \"events\": [],\n\"deep\": ");
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheDataset) dataset = NULL;
  const TrancheDiagnostic *d;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  dataset = load_string (json->str, json->len, NULL, diagnostics, &error);
  g_string_free (json, TRUE);
  g_assert_null (dataset);
  g_assert_error (error, TRANCHE_LOADER_ERROR, TRANCHE_LOADER_ERROR_INVALID);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 1);
  d = tranche_diagnostics_get (diagnostics, 0);
  g_assert_cmpuint (d->line, ==, 2);
  /* the root object is level 1: the 512th '[' is level 513 */
  g_assert_cmpuint (d->column, ==, strlen ("\"deep\": ") + 512);
  g_assert_true (strstr (d->message, "512") != NULL);
}

static void
test_depth_limit_accepted (void)
{
  GString *json = g_string_new ("{\"tranche\": 1, \"events\": [], \"deep\": ");
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;

  /* 511 arrays in the root object: 512 levels, the most allowed */
  for (guint i = 0; i < 511; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 511; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  dataset = load_string (json->str, json->len, NULL, diagnostics, NULL);
  g_string_free (json, TRUE);
  g_assert_nonnull (dataset);
  /* only the unknown member */
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 1);
  g_assert_nonnull (tranche_diagnostics_find (diagnostics, "deep"));
}

/* More than 65535 investors can't be stored in an event. */
static void
test_too_many_investors (void)
{
  GString *json = g_string_new (HEAD "{\"id\": \"e\", \"date\": \"2023\", \"title\": \"T\", "
                                "\"target\": \"b\", \"amount\": 1,\n\"investors\": [");
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  const TrancheDiagnostic *d;

  for (guint i = 0; i <= G_MAXUINT16; i++)
    g_string_append (json, i == 0 ? "\"a\"" : ", \"a\"");
  g_string_append (json, "]}\n]}");
  dataset = load_string (json->str, json->len, NULL, diagnostics, NULL);
  g_string_free (json, TRUE);
  d = tranche_diagnostics_find (diagnostics, "events[0].investors");
  g_assert_nonnull (d);
  g_assert_cmpuint (d->line, ==, 6);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_dataset_get_n_skipped (dataset), ==, 1);
}

/* A broken file with many events keeps a bounded list of problems. */
static void
test_diagnostics_cap (void)
{
  GString *json = g_string_new (HEAD);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  const TrancheDiagnostic *last;
  const guint n = 1500;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2023-13\", \"kind\": \"news\", "
                            "\"title\": \"T\"}\n", i == 0 ? "" : ",", i);
  g_string_append (json, "]}");
  dataset = load_string (json->str, json->len, NULL, diagnostics, NULL);
  g_string_free (json, TRUE);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_dataset_get_n_skipped (dataset), ==, n);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 1001);
  last = tranche_diagnostics_get (diagnostics, 1000);
  g_assert_cmpint (last->severity, ==, TRANCHE_SEVERITY_ERROR);
  g_assert_cmpstr (last->message, ==, "500 more errors are not listed");
  /* the count is of every error, listed or not */
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, n);
  g_assert_cmpstr (tranche_diagnostics_get (diagnostics, 999)->path, ==, "events[999].date");
}

static GString *
many_events (guint n)
{
  GString *json = g_string_new ("{\"tranche\": 1, \"events\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2023\", \"kind\": \"news\", "
                            "\"title\": \"T\"}\n", i == 0 ? "" : ",", i);
  g_string_append (json, "]}");
  return json;
}

/* Parsed on three threads (whatever GLib's slice allocator), so that
 * elements are parsed on one thread and converted on another: problems keep
 * their paths, lines and order, and a duplicate is found however far from
 * the first. */
static void
test_many_events_problems (void)
{
  GString *json = g_string_new (HEAD);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TrancheLoaderOptions options = { .n_threads = 3 };
  const guint n = 6000;
  guint n_bad = 0;

  /* event i is on line 5 + i */
  for (guint i = 0; i < n; i++)
    {
      gboolean bad_date = i % 997 == 3;
      guint id = i == 5999 ? 17 : i;

      n_bad += bad_date || i == 5999;
      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"%s\", \"kind\": \"news\", "
                              "\"title\": \"T\"}\n", i == 0 ? "" : ",", id,
                              bad_date ? "2023-13" : "2023-01-02");
    }
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);
  dataset = tranche_loader_load_bytes (bytes, NULL, &options, diagnostics, NULL);
  print_diagnostics (diagnostics);

  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, n - n_bad);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, n_bad);
  for (guint k = 0; k + 1 < n_bad; k++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (diagnostics, k);
      g_autofree char *path = g_strdup_printf ("events[%u].date", 3 + 997 * k);

      g_assert_cmpstr (d->path, ==, path);
      g_assert_cmpuint (d->line, ==, 5 + 3 + 997 * k);
    }
  g_assert_cmpstr (tranche_diagnostics_get (diagnostics, n_bad - 1)->path, ==,
                   "events[5999].id");
  g_assert_cmpuint (tranche_diagnostics_get (diagnostics, n_bad - 1)->line, ==, 5 + 5999);
  /* the first e17 is kept, with its own line */
  g_assert_cmpuint (tranche_dataset_get_event (dataset,
                                               tranche_dataset_find_event (dataset, "e17"))->line,
                    ==, 5 + 17);
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  double        cancel_at;  /* cancel once past this share; > 1: never */
} ProgressData;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressData *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
  if (fraction > p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_progress (void)
{
  GString *json = many_events (5000);
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (json);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ProgressData data = { cancellable, 0, 0, 2.0 };
  TrancheLoaderOptions options = { cancellable, progress_cb, &data };
  g_autoptr(TrancheDataset) dataset = NULL;

  dataset = tranche_loader_load_bytes (bytes, NULL, &options, NULL, NULL);
  g_assert_nonnull (dataset);
  g_assert_cmpfloat (data.last, ==, 1.0);
  /* about every 1%, not every event */
  g_assert_cmpuint (data.calls, >=, 50);
  g_assert_cmpuint (data.calls, <=, 110);
}

static void
test_cancel (void)
{
  GString *json = many_events (5000);
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (json);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ProgressData data = { cancellable, 0, 0, 0.3 };
  TrancheLoaderOptions options = { cancellable, progress_cb, &data };
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset;
  guint calls;

  dataset = tranche_loader_load_bytes (bytes, NULL, &options, diagnostics, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (tranche_diagnostics_get_length (diagnostics), ==, 0);
  /* the work stopped at the cancel: no progress was reported after it */
  g_assert_cmpfloat (data.last, <, 0.35);
  calls = data.calls;

  /* cancelled before it starts */
  g_clear_error (&error);
  dataset = tranche_loader_load_bytes (bytes, NULL, &options, diagnostics, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (data.calls, ==, calls);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/loader/rules/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_file_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/loader/text-file/%s", text_file_cases[i].name);
      g_test_add_data_func (path, &text_file_cases[i], test_text_file);
    }
  g_test_add_func ("/loader/text-file/link-out", test_text_file_link);
  g_test_add_func ("/loader/dates/messages", test_date_messages);
  g_test_add_func ("/loader/kinds/messages", test_kind_messages);
  g_test_add_func ("/loader/version/message", test_version_message);
  g_test_add_func ("/loader/all-problems", test_all_problems);
  g_test_add_func ("/loader/any-order", test_any_order);
  g_test_add_func ("/loader/values", test_values);
  g_test_add_func ("/loader/huge-integer", test_huge_integer);
  g_test_add_func ("/loader/unknown-entity", test_unknown_entity);
  g_test_add_func ("/loader/file", test_load_file);
  g_test_add_func ("/loader/big-file", test_big_file);
  g_test_add_func ("/loader/unreadable", test_unreadable);
  g_test_add_func ("/loader/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/loader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/loader/depth-limit", test_depth_limit_accepted);
  g_test_add_func ("/loader/too-many-investors", test_too_many_investors);
  g_test_add_func ("/loader/diagnostics-cap", test_diagnostics_cap);
  g_test_add_func ("/loader/many-events-problems", test_many_events_problems);
  g_test_add_func ("/loader/progress", test_progress);
  g_test_add_func ("/loader/cancel", test_cancel);

  return g_test_run ();
}
