/* test-format-fr.c: the same cases as test-format, in French
 *
 * Runs under fr_FR.UTF-8 with the catalog the build made from po/fr.po
 * (TRANCHE_LOCALEDIR points at it), so it checks the translations as much as
 * the code. Without the locale every case is skipped with the reason.
 */
#include "config.h"

#include <locale.h>

#include "tranche-format.h"
#include "tranche-i18n.h"

#include "format-cases.h"

static gboolean have_french;

static gboolean
french_ready (void)
{
  if (!have_french)
    g_test_skip ("the fr_FR.UTF-8 locale is not installed: enable it in /etc/locale.gen "
                 "and run locale-gen (build-aux/install-deps.sh does)");
  return have_french;
}

/* Without the catalog every French case would fail on English text; say why
 * once, plainly. */
static void
test_catalog_built (void)
{
  const char *dir = g_getenv ("TRANCHE_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (dir);
  mo = g_build_filename (dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_test_fail_printf ("%s is missing: build the tranche-gmo target", mo);
}

int
main (int argc, char *argv[])
{
  const char *messages;

  g_test_init (&argc, &argv, NULL);

  /* Only the environment is changed: tranche_i18n_init() sets the locale
   * from it exactly as the app does at start-up. */
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  tranche_i18n_init ();
  messages = setlocale (LC_MESSAGES, NULL);
  have_french = messages != NULL && g_str_has_prefix (messages, "fr_FR");

  g_test_add_func ("/format/fr/catalog-built", test_catalog_built);
  format_language.french = TRUE;
  format_language.language_ready = french_ready;
  add_format_tests ("/format/fr");
  return g_test_run ();
}
