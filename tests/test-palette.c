/* test-palette.c: entity colours are a function of the id and the declared
 * colours only, and never merely close to each other */
#include "config.h"

#include "tranche-dataset-builder.h"
#include "tranche-palette.h"

static void
test_distance (void)
{
  g_assert_cmpfloat_with_epsilon (tranche_palette_distance (0x000000, 0xffffff), 100, 0.01);
  g_assert_cmpfloat (tranche_palette_distance (0x0072b2, 0x0072b2), ==, 0);
  /* Microsoft's own blue is close to the palette's first */
  g_assert_cmpfloat (tranche_palette_distance (0x0078d4, 0x0072b2), <,
                     TRANCHE_PALETTE_MIN_DISTANCE);
}

static void
test_spread (void)
{
  guint n = tranche_palette_get_n_colors ();

  g_assert_cmpuint (n, >=, 12);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double d = tranche_palette_distance (tranche_palette_get_color (i),
                                             tranche_palette_get_color (j));
        if (d < TRANCHE_PALETTE_MIN_DISTANCE)
          g_error ("#%06x and #%06x are %.1f apart", tranche_palette_get_color (i),
                   tranche_palette_get_color (j), d);
      }
}

/* Many ids against declared colours: none lands near a declared one. */
static void
test_declared (void)
{
  const guint32 declared[] = { 0x0078d4, 0x10a37f, 0xe5e5e5 };

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("entity-%u", i);
      guint32 color = tranche_palette_auto_color (id, declared, G_N_ELEMENTS (declared));

      for (guint k = 0; k < G_N_ELEMENTS (declared); k++)
        g_assert_cmpfloat (tranche_palette_distance (color, declared[k]), >=,
                           TRANCHE_PALETTE_MIN_DISTANCE);
      g_assert_cmpuint (color, ==, tranche_palette_auto_color (id, declared,
                                                               G_N_ELEMENTS (declared)));
    }
  /* with nothing declared, the id's own colour */
  g_assert_cmpuint (tranche_palette_auto_color ("softbank", NULL, 0), ==,
                    tranche_palette_color_for_id ("softbank"));
}

static TrancheDataset *
build (const char * const *ids,
       const guint32       *colors)
{
  TrancheDatasetBuilder *b = tranche_dataset_builder_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      TrancheEntity e = { .id = ids[i], .name = ids[i] };

      e.has_color = colors[i] != 0;
      e.color = colors[i];
      tranche_dataset_builder_add_entity (b, &e);
    }
  return tranche_dataset_builder_finish (b);
}

static guint32
color_of (TrancheDataset *ds,
          const char     *id)
{
  return tranche_palette_entity_color (
    tranche_dataset_get_entity (ds, tranche_dataset_find_entity (ds, id)));
}

/* The reload: removing an entity changes no one else's colour, and
 * neither does showing fewer of them. */
static void
test_stable (void)
{
  static const char * const all[] = { "sequoia", "softbank", "a16z", "tiger", "msft", NULL };
  static const char * const fewer[] = { "msft", "tiger", "softbank", NULL };
  static const guint32 all_colors[] = { 0, 0, 0, 0, 0x0078d4 };
  static const guint32 fewer_colors[] = { 0x0078d4, 0, 0 };
  g_autoptr(TrancheDataset) a = build (all, all_colors);
  g_autoptr(TrancheDataset) b = build (fewer, fewer_colors);
  const TrancheEntity *shown[2];
  guint32 colors[2];

  g_assert_cmpuint (color_of (a, "softbank"), ==, color_of (b, "softbank"));
  g_assert_cmpuint (color_of (a, "tiger"), ==, color_of (b, "tiger"));
  g_assert_cmpuint (color_of (a, "msft"), ==, 0x0078d4);
  g_assert_cmpfloat (tranche_palette_distance (color_of (a, "sequoia"), 0x0078d4), >=,
                     TRANCHE_PALETTE_MIN_DISTANCE);

  shown[0] = tranche_dataset_get_entity (a, tranche_dataset_find_entity (a, "tiger"));
  shown[1] = tranche_dataset_get_entity (a, tranche_dataset_find_entity (a, "softbank"));
  tranche_palette_assign (shown, 2, colors);
  g_assert_cmpuint (colors[0], ==, color_of (a, "tiger"));
  g_assert_cmpuint (colors[1], ==, color_of (b, "softbank"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/palette/distance", test_distance);
  g_test_add_func ("/palette/spread", test_spread);
  g_test_add_func ("/palette/declared", test_declared);
  g_test_add_func ("/palette/stable", test_stable);
  return g_test_run ();
}
