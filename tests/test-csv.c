/* test-csv.c: the CSV reader, cell values and header names
 *
 * Every form the import promises to read is here, beside what it must
 * give; the import of whole files is in test-csv-import.c.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tranche-csv-columns.h"
#include "tranche-csv-reader.h"
#include "tranche-csv-values.h"

static TrancheCsvTable *
read_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return tranche_csv_table_read (data, length, error);
}

static TrancheCsvTable *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  TrancheCsvTable *table = tranche_csv_table_read (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
test_separators (void)
{
  const struct { const char *text; char separator; const char *second; } cases[] = {
    { "a,b;c\n1,2;3\n", ',', "2;3" },
    { "a;b,c;d\n1;2,3;4\n", ';', "2,3" },
    { "a\tb\tc,d;e\n1\t2,3;4\t5\n", '\t', "2,3;4" },
    /* a comma inside quotes is no separator */
    { "\"a,b,c\";d;e\n1;2;3\n", ';', "2" },
    /* Excel's first line names it, and is no row */
    { "sep=;\na,b;c\n1,2;3\n", ';', "3" },
    /* one column: nothing to detect, and nothing breaks */
    { "date\n2023\n", ',', "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TrancheCsvTable) table = read_text (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (tranche_csv_table_get_separator (table), ==, cases[i].separator);
      g_assert_cmpuint (tranche_csv_table_get_n_rows (table), ==, 2);
      g_assert_cmpstr (tranche_csv_table_get (table, 1, 1), ==, cases[i].second);
    }
}

static void
test_quoted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheCsvTable) table = read_fixture ("quoted.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tranche_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (tranche_csv_table_get_n_fields (table, 1), ==, 6);
  g_assert_cmpstr (tranche_csv_table_get (table, 1, 2), ==, "Seed, first close");
  g_assert_cmpstr (tranche_csv_table_get (table, 1, 4), ==, "\"Foo, Bar & Co\", Baz");
  /* the CRLF inside the quotes is one line break, the one after them ends the row */
  g_assert_cmpstr (tranche_csv_table_get (table, 1, 5), ==,
                   "He said \"yes\".\nThen a second line; with a semicolon.");
  g_assert_cmpstr (tranche_csv_table_get (table, 2, 2), ==, "Plain");
  /* an empty last field, and past the end of the row */
  g_assert_cmpstr (tranche_csv_table_get (table, 2, 5), ==, "");
  g_assert_cmpstr (tranche_csv_table_get (table, 2, 9), ==, "");
  /* rows as a spreadsheet numbers them, lines as a text editor does */
  g_assert_cmpuint (tranche_csv_table_get_row_number (table, 2), ==, 3);
  g_assert_cmpuint (tranche_csv_table_get_line (table, 2), ==, 4);
}

static void
test_bom_crlf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheCsvTable) table = read_fixture ("french-excel.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpint (tranche_csv_table_get_separator (table), ==, ';');
  /* the BOM is not part of the first header, and no field keeps a CR */
  g_assert_cmpstr (tranche_csv_table_get (table, 0, 0), ==, "Date");
  g_assert_cmpstr (tranche_csv_table_get (table, 0, 5), ==, "Tour");
  g_assert_cmpstr (tranche_csv_table_get (table, 1, 5), ==, "Série A");
  g_assert_cmpuint (tranche_csv_table_get_n_rows (table), ==, 5);
}

static void
test_blank_lines (void)
{
  g_autoptr(TrancheCsvTable) table = read_text ("a,b\n\n1,2\r\n\r\n3,4");

  g_assert_cmpuint (tranche_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (tranche_csv_table_get (table, 2, 1), ==, "4");
  /* the blank lines still count, as in the spreadsheet */
  g_assert_cmpuint (tranche_csv_table_get_row_number (table, 1), ==, 3);
  g_assert_cmpuint (tranche_csv_table_get_row_number (table, 2), ==, 5);
}

static void
test_encodings (void)
{
  const struct { const char *file; const char *message; } cases[] = {
    { "latin1.csv", "line 3 is not UTF-8" },
    { "utf16.csv", "UTF-16" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrancheCsvTable) table = read_fixture (cases[i].file, &error);

      g_assert_null (table);
      g_assert_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_ENCODING);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
  {
    /* UTF-16 with no BOM: NUL bytes */
    g_autoptr(GError) error = NULL;
    g_autoptr(TrancheCsvTable) table = tranche_csv_table_read ("a\0,\0b\0", 6, &error);

    g_assert_null (table);
    g_assert_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_ENCODING);
  }
}

static void
test_unclosed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheCsvTable) table = read_fixture ("unclosed-quote.csv", &error);

  g_assert_null (table);
  g_assert_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "row 2, column 3"));
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheCsvTable) empty = read_fixture ("empty.csv", &error);
  g_autoptr(TrancheCsvTable) header = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (tranche_csv_table_get_n_rows (empty), ==, 0);
  header = read_fixture ("header-only.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tranche_csv_table_get_n_rows (header), ==, 1);
  g_assert_cmpuint (tranche_csv_table_get_n_fields (header, 0), ==, 4);
  g_assert_cmpstr (tranche_csv_table_get (header, 0, 3), ==, "Investors");
}

/* A 1 MB quoted cell with separators, quotes and line breaks in it. */
static void
test_big_cell (void)
{
  g_autoptr(GString) csv = g_string_new ("date,title\n2023,\"");
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(TrancheCsvTable) table = NULL;
  const char *piece = "a,b;\"\"c\"\"\r\n\xc3\xa9";
  const char *plain = "a,b;\"c\"\n\xc3\xa9";

  while (expected->len < 1024 * 1024)
    {
      g_string_append (csv, piece);
      g_string_append (expected, plain);
    }
  g_string_append (csv, "\"\n2024,next\n");
  table = read_text (csv->str);
  g_assert_cmpuint (tranche_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (strlen (tranche_csv_table_get (table, 1, 1)), ==, expected->len);
  g_assert_cmpstr (tranche_csv_table_get (table, 1, 1), ==, expected->str);
  g_assert_cmpstr (tranche_csv_table_get (table, 2, 1), ==, "next");
}

static void
test_amounts (void)
{
  const struct { const char *text; TrancheCsvValue value; double amount; const char *currency;
                 gboolean approx; } cases[] = {
    { "$124,000,000", TRANCHE_CSV_VALUE_OK, 124e6, "USD", FALSE },
    { "€105,000,000", TRANCHE_CSV_VALUE_OK, 105e6, "EUR", FALSE },
    { "124000000", TRANCHE_CSV_VALUE_OK, 124e6, NULL, FALSE },
    { "600 000 000", TRANCHE_CSV_VALUE_OK, 600e6, NULL, FALSE },
    { "600\xc2\xa0" "000\xc2\xa0" "000", TRANCHE_CSV_VALUE_OK, 600e6, NULL, FALSE },
    { "600\xe2\x80\xaf" "000\xe2\x80\xaf" "000 €", TRANCHE_CSV_VALUE_OK, 600e6, "EUR", FALSE },
    { "1 700 000 000,00", TRANCHE_CSV_VALUE_OK, 1.7e9, NULL, FALSE },
    { "1.700.000.000,50", TRANCHE_CSV_VALUE_OK, 1700000000.5, NULL, FALSE },
    { "1,700,000,000.50", TRANCHE_CSV_VALUE_OK, 1700000000.5, NULL, FALSE },
    { "1.25B", TRANCHE_CSV_VALUE_OK, 1.25e9, NULL, FALSE },
    { "$300M", TRANCHE_CSV_VALUE_OK, 300e6, "USD", FALSE },
    { "1,25 Md€", TRANCHE_CSV_VALUE_OK, 1.25e9, "EUR", FALSE },
    { "1,25 milliard", TRANCHE_CSV_VALUE_OK, 1.25e9, NULL, FALSE },
    { "300 M€", TRANCHE_CSV_VALUE_OK, 300e6, "EUR", FALSE },
    { "250k", TRANCHE_CSV_VALUE_OK, 250e3, NULL, FALSE },
    { "1,250M", TRANCHE_CSV_VALUE_OK, 1.25e9, NULL, FALSE },
    { "1.250B", TRANCHE_CSV_VALUE_OK, 1.25e9, NULL, FALSE },
    { "USD 5m", TRANCHE_CSV_VALUE_OK, 5e6, "USD", FALSE },
    { "1 $bn", TRANCHE_CSV_VALUE_OK, 1e9, "USD", FALSE },
    { "300 USD m", TRANCHE_CSV_VALUE_OK, 300e6, "USD", FALSE },
    { "5 M M", TRANCHE_CSV_VALUE_INVALID, 0, NULL, FALSE },
    { "5 EUR", TRANCHE_CSV_VALUE_OK, 5, "EUR", FALSE },
    { "US$ 2 bn", TRANCHE_CSV_VALUE_OK, 2e9, "USD", FALSE },
    { "£20m", TRANCHE_CSV_VALUE_OK, 20e6, "GBP", FALSE },
    { "CHF 3'000'000", TRANCHE_CSV_VALUE_OK, 3e6, "CHF", FALSE },
    { "~40M", TRANCHE_CSV_VALUE_OK, 40e6, NULL, TRUE },
    { "environ 40 M€", TRANCHE_CSV_VALUE_OK, 40e6, "EUR", TRUE },
    { "about $1B", TRANCHE_CSV_VALUE_OK, 1e9, "USD", TRUE },
    { "250000000.5", TRANCHE_CSV_VALUE_OK, 250000000.5, NULL, FALSE },
    { "1e+20", TRANCHE_CSV_VALUE_OK, 1e20, NULL, FALSE },
    { "  ", TRANCHE_CSV_VALUE_EMPTY, 0, NULL, FALSE },
    { "undisclosed", TRANCHE_CSV_VALUE_UNDISCLOSED, 0, NULL, FALSE },
    { "Non communiqué", TRANCHE_CSV_VALUE_UNDISCLOSED, 0, NULL, FALSE },
    { "N/A", TRANCHE_CSV_VALUE_UNDISCLOSED, 0, NULL, FALSE },
    { "\xe2\x80\x94", TRANCHE_CSV_VALUE_UNDISCLOSED, 0, NULL, FALSE },
    { "-5", TRANCHE_CSV_VALUE_INVALID, 0, NULL, FALSE },
    { "12 apples", TRANCHE_CSV_VALUE_INVALID, 0, NULL, FALSE },
    { "$", TRANCHE_CSV_VALUE_INVALID, 0, NULL, FALSE },
    { "1,2,3.4.5", TRANCHE_CSV_VALUE_INVALID, 0, NULL, FALSE },
    { "1e999", TRANCHE_CSV_VALUE_INVALID, 0, NULL, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TrancheCsvAmount amount;
      TrancheCsvValue value = tranche_csv_parse_amount (cases[i].text, &amount);
      char code[4];

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (value, ==, cases[i].value);
      if (value != TRANCHE_CSV_VALUE_OK)
        continue;
      g_assert_cmpfloat_with_epsilon (amount.value, cases[i].amount, 1e-6);
      if (cases[i].currency == NULL)
        g_assert_cmpuint (amount.currency, ==, 0);
      else
        g_assert_cmpstr (tranche_currency_to_code (amount.currency, code), ==,
                         cases[i].currency);
      g_assert_cmpint (amount.approx, ==, cases[i].approx);
    }
}

static void
test_dates (void)
{
  const guint DMY = TRANCHE_CSV_DATE_ORDER_DMY, MDY = TRANCHE_CSV_DATE_ORDER_MDY;
  const struct { const char *text; TrancheCsvDateOrder order; TrancheCsvValue value;
                 const char *iso; guint orders; } cases[] = {
    { "2023-09-25", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "2023-09", 0, TRANCHE_CSV_VALUE_OK, "2023-09", DMY | MDY },
    { "2023", 0, TRANCHE_CSV_VALUE_OK, "2023", DMY | MDY },
    { "2023-Q3", 0, TRANCHE_CSV_VALUE_OK, "2023-Q3", DMY | MDY },
    { "25/09/2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY },
    { "09/25/2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", MDY },
    { "9/25/23", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", MDY },
    { "25.09.2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY },
    { "25-09-2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY },
    { "2023/09/25", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "2023/09", 0, TRANCHE_CSV_VALUE_OK, "2023-09", DMY | MDY },
    { "01/02/2023", 0, TRANCHE_CSV_VALUE_AMBIGUOUS, NULL, DMY | MDY },
    { "01/02/2023", TRANCHE_CSV_DATE_ORDER_DMY, TRANCHE_CSV_VALUE_OK, "2023-02-01", DMY | MDY },
    { "01/02/2023", TRANCHE_CSV_DATE_ORDER_MDY, TRANCHE_CSV_VALUE_OK, "2023-01-02", DMY | MDY },
    /* the same day either way: nothing to decide */
    { "05/05/2023", 0, TRANCHE_CSV_VALUE_OK, "2023-05-05", DMY | MDY },
    { "25/09/2023", TRANCHE_CSV_DATE_ORDER_MDY, TRANCHE_CSV_VALUE_INVALID, NULL, DMY },
    { "Sep 25, 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "September 25 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "Monday, September 25, 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "25-Sep-23", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "25 Sep 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "25 septembre 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "lundi 25 sept. 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "1er février 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-02-01", DMY | MDY },
    { "Sep-23", 0, TRANCHE_CSV_VALUE_OK, "2023-09", DMY | MDY },
    { "Sep 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-09", DMY | MDY },
    { "août 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-08", DMY | MDY },
    { "Q3 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-Q3", DMY | MDY },
    { "T3 2023", 0, TRANCHE_CSV_VALUE_OK, "2023-Q3", DMY | MDY },
    { "2023-09-25T14:30:00Z", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "2023-09-25 14:30:00", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "9/25/2023 2:30 PM", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", MDY },
    { "25/09/2023 00:00", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY },
    /* a date cell that lost its style in a spreadsheet: its day number */
    { "45194", 0, TRANCHE_CSV_VALUE_OK, "2023-09-25", DMY | MDY },
    { "", 0, TRANCHE_CSV_VALUE_EMPTY, NULL, DMY | MDY },
    { "2023-02-30", 0, TRANCHE_CSV_VALUE_INVALID, NULL, 0 },
    { "31/02/2023", 0, TRANCHE_CSV_VALUE_INVALID, NULL, 0 },
    { "Sep 31, 2023", 0, TRANCHE_CSV_VALUE_INVALID, NULL, 0 },
    { "soon", 0, TRANCHE_CSV_VALUE_INVALID, NULL, 0 },
    { "25/09", 0, TRANCHE_CSV_VALUE_INVALID, NULL, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TrancheDate date;
      TrancheCsvValue value = tranche_csv_parse_date (cases[i].text, cases[i].order, &date);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (value, ==, cases[i].value);
      g_assert_cmpuint (tranche_csv_date_orders (cases[i].text), ==, cases[i].orders);
      if (cases[i].iso != NULL)
        {
          g_autofree char *iso = tranche_date_to_iso (&date);

          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
    }
}

static void
test_locale_order (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));

  g_assert_cmpint (tranche_csv_date_order_from_locale (), ==, TRANCHE_CSV_DATE_ORDER_UNKNOWN);
  if (setlocale (LC_TIME, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale");
      return;
    }
  g_assert_cmpint (tranche_csv_date_order_from_locale (), ==, TRANCHE_CSV_DATE_ORDER_DMY);
  setlocale (LC_TIME, saved);
}

static void
test_flags (void)
{
  const char *kind = NULL, *basis = NULL;
  gboolean flag = FALSE;

  g_assert_true (tranche_csv_parse_bool ("Oui", &flag) && flag);
  g_assert_true (tranche_csv_parse_bool (" yes ", &flag) && flag);
  g_assert_true (tranche_csv_parse_bool ("", &flag) && !flag);
  g_assert_true (tranche_csv_parse_bool ("FALSE", &flag) && !flag);
  g_assert_false (tranche_csv_parse_bool ("perhaps", &flag));
  g_assert_true (tranche_csv_parse_kind ("Investissement", &kind));
  g_assert_cmpstr (kind, ==, "investment");
  g_assert_true (tranche_csv_parse_kind ("secondary", &kind));
  g_assert_cmpstr (kind, ==, "secondary");
  g_assert_false (tranche_csv_parse_kind ("party", &kind));
  g_assert_true (tranche_csv_parse_basis ("Post money", &basis));
  g_assert_cmpstr (basis, ==, "post-money");
  g_assert_false (tranche_csv_parse_basis ("guess", &basis));
}

static void
test_headers (void)
{
  const struct { const char *header; TrancheCsvMember member; } cases[] = {
    { "Date", TRANCHE_CSV_DATE }, { "Announced Date", TRANCHE_CSV_DATE },
    { "DATE D\xe2\x80\x99" "ANNONCE", TRANCHE_CSV_DATE }, { "date_d'annonce", TRANCHE_CSV_DATE },
    { "Organization Name", TRANCHE_CSV_TARGET }, { "Company", TRANCHE_CSV_TARGET },
    { "Société", TRANCHE_CSV_TARGET }, { "target", TRANCHE_CSV_TARGET },
    { "Investor Names", TRANCHE_CSV_INVESTORS }, { "Investisseurs", TRANCHE_CSV_INVESTORS },
    { "Lead Investors", TRANCHE_CSV_LEADS }, { "lead investors", TRANCHE_CSV_LEADS },
    { "Money Raised", TRANCHE_CSV_AMOUNT }, { "Montant", TRANCHE_CSV_AMOUNT },
    { "Money Raised Currency", TRANCHE_CSV_CURRENCY }, { "Devise", TRANCHE_CSV_CURRENCY },
    { "Funding Type", TRANCHE_CSV_ROUND }, { "Tour", TRANCHE_CSV_ROUND },
    { "Pre-Money Valuation", TRANCHE_CSV_PRE_MONEY },
    { "Post-Money Valuation", TRANCHE_CSV_POST_MONEY },
    { "Valorisation", TRANCHE_CSV_VALUATION },
    { "Pre-Money Valuation Currency", TRANCHE_CSV_VALUATION_CURRENCY },
    { "Source", TRANCHE_CSV_SOURCES }, { "URL", TRANCHE_CSV_SOURCES },
    { "Transaction Name", TRANCHE_CSV_TITLE }, { "Title", TRANCHE_CSV_TITLE },
    { "approximate", TRANCHE_CSV_APPROX }, { "basis", TRANCHE_CSV_BASIS },
    /* converted into another currency: not the amount */
    { "Money Raised (in USD)", TRANCHE_CSV_IGNORE },
    { "Pre-Money Valuation (in USD)", TRANCHE_CSV_IGNORE },
    /* units in the header */
    { "Montant (M€)", TRANCHE_CSV_AMOUNT }, { "Amount (USD)", TRANCHE_CSV_AMOUNT },
    { "Valorisation (Md€)", TRANCHE_CSV_VALUATION },
    { "Amount (in millions)", TRANCHE_CSV_AMOUNT },
    { "Date (local)", TRANCHE_CSV_IGNORE }, { "Amount (approx.)", TRANCHE_CSV_IGNORE },
    { "Number of Investors", TRANCHE_CSV_IGNORE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (tranche_csv_member_for_header (cases[i].header), ==, cases[i].member);
    }
}

static void
test_header_units (void)
{
  const struct { const char *header; gboolean unit; double factor; const char *currency; }
  cases[] = {
    { "Montant (M€)", TRUE, 1e6, "EUR" },
    { "Amount (USD)", TRUE, 1, "USD" },
    { "Valuation ($bn)", TRUE, 1e9, "USD" },
    { "Amount (in millions)", TRUE, 1e6, NULL },
    { "Montant (en k€)", TRUE, 1e3, "EUR" },
    { "Amount", FALSE, 1, NULL },
    { "Notes (misc)", FALSE, 1, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double factor = 0;
      TrancheCurrency currency = 1;
      char code[4];

      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (tranche_csv_header_unit (cases[i].header, &factor, &currency), ==,
                       cases[i].unit);
      g_assert_cmpfloat (factor, ==, cases[i].factor);
      if (cases[i].currency == NULL)
        g_assert_cmpuint (currency, ==, 0);
      else
        g_assert_cmpstr (tranche_currency_to_code (currency, code), ==, cases[i].currency);
    }
}

static void
test_map (void)
{
  const char * const headers[] = { "When", "Money Raised", "Who", "Notes" };
  const char * const overrides[] = { "when=date", "Who=target", "4=summary",
                                     "Money Raised=ignore", NULL };
  const char * const bad[][2] = {
    { "Nope=date", "no column" }, { "When=colour", "not a member" }, { "When", "COLUMN=MEMBER" },
    { "9=date", "no column" },
  };
  TrancheCsvMember members[4];

  g_assert_true (tranche_csv_columns_map (headers, 4, NULL, members, NULL));
  g_assert_cmpint (members[0], ==, TRANCHE_CSV_IGNORE);
  g_assert_cmpint (members[1], ==, TRANCHE_CSV_AMOUNT);
  g_assert_true (tranche_csv_columns_map (headers, 4, overrides, members, NULL));
  g_assert_cmpint (members[0], ==, TRANCHE_CSV_DATE);
  g_assert_cmpint (members[1], ==, TRANCHE_CSV_IGNORE);
  g_assert_cmpint (members[2], ==, TRANCHE_CSV_TARGET);
  g_assert_cmpint (members[3], ==, TRANCHE_CSV_SUMMARY);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char * const one[] = { bad[i][0], NULL };
      g_autoptr(GError) error = NULL;

      g_assert_false (tranche_csv_columns_map (headers, 4, one, members, &error));
      g_assert_nonnull (strstr (error->message, bad[i][1]));
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/separators", test_separators);
  g_test_add_func ("/csv/reader/quoted", test_quoted);
  g_test_add_func ("/csv/reader/bom-crlf", test_bom_crlf);
  g_test_add_func ("/csv/reader/blank-lines", test_blank_lines);
  g_test_add_func ("/csv/reader/encodings", test_encodings);
  g_test_add_func ("/csv/reader/unclosed", test_unclosed);
  g_test_add_func ("/csv/reader/empty", test_empty);
  g_test_add_func ("/csv/reader/big-cell", test_big_cell);
  g_test_add_func ("/csv/values/amounts", test_amounts);
  g_test_add_func ("/csv/values/dates", test_dates);
  g_test_add_func ("/csv/values/locale-order", test_locale_order);
  g_test_add_func ("/csv/values/flags", test_flags);
  g_test_add_func ("/csv/columns/headers", test_headers);
  g_test_add_func ("/csv/columns/units", test_header_units);
  g_test_add_func ("/csv/columns/map", test_map);
  return g_test_run ();
}
