/* test-format.c: money and dates in English (C.UTF-8, nothing translated)
 *
 * The French cases of the same table run in test-format-fr: gettext (and
 * GLib's check of whether to translate at all) settle on the first lookup,
 * so one process can't honestly test both languages.
 */
#include "config.h"

#include <locale.h>

#include "tranche-format.h"
#include "tranche-i18n.h"

#include "format-cases.h"

/* LC_NUMERIC is the C library's decimal point, which printf would use; the
 * formatter must not, or a French LC_NUMERIC under English messages would
 * give "$1,25B". */
static void
test_lc_numeric_ignored (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *money = NULL;
  g_autofree char *tick = NULL;
  TrancheMoney m = { .value = 1.25e9, .flags = VALUE,
                     .currency = tranche_currency_from_code ("USD") };

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not installed (locale-gen it, as "
                   "build-aux/install-deps.sh does)");
      return;
    }
  money = tranche_format_money (&m);
  tick = tranche_format_amount (0.5, 0, FALSE);
  setlocale (LC_NUMERIC, saved);

  g_assert_cmpstr (money, ==, "$1.25B");
  g_assert_cmpstr (tick, ==, "0.5");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The catalog is bound as in the app; under C.UTF-8 it must not apply. */
  tranche_i18n_init ();

  format_language.french = FALSE;
  add_format_tests ("/format/en");
  g_test_add_func ("/format/en/lc-numeric-ignored", test_lc_numeric_ignored);
  return g_test_run ();
}
