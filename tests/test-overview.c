/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-overview.h"
#include "kensho-sheet-xml.h"
#include "test-sample.h"

static void
test_counts (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoOverview) overview = kensho_overview_new (sheet);
  g_autofree char *whole = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *subgoal = NULL;
  guint goals_total = 0;

  /* The whole sheet, 3 basic goals and 6 sub-goals. */
  g_assert_cmpuint (kensho_overview_get_n_rows (overview), ==, 10);
  whole = kensho_overview_dup_row_title (overview, 0);
  g_assert_cmpstr (whole, ==, "Whole sheet");
  g_assert_null (kensho_overview_get_row_node (overview, 0));
  /* on-track, mostly-on-track, delayed: 15, 15, 17 of 47. */
  g_assert_cmpuint (kensho_overview_get_count (overview, 0, 0), ==, 15);
  g_assert_cmpuint (kensho_overview_get_count (overview, 0, 1), ==, 15);
  g_assert_cmpuint (kensho_overview_get_count (overview, 0, 2), ==, 17);
  g_assert_cmpuint (kensho_overview_get_unrated (overview, 0), ==, 0);
  g_assert_cmpuint (kensho_overview_get_total (overview, 0), ==, 47);

  goal = kensho_overview_dup_row_title (overview, 1);
  g_assert_cmpstr (goal, ==, "1 しごとの創生");
  subgoal = kensho_overview_dup_row_title (overview, 2);
  g_assert_cmpstr (subgoal, ==, "　1-1 安定した雇用の創出");
  for (guint row = 1; row < kensho_overview_get_n_rows (overview); row++)
    {
      KenshoNode *node = kensho_overview_get_row_node (overview, row);
      guint sum = kensho_overview_get_unrated (overview, row);

      for (guint r = 0; r < 3; r++)
        sum += kensho_overview_get_count (overview, row, r);
      g_assert_cmpuint (sum, ==, kensho_overview_get_total (overview, row));
      if (kensho_node_get_kind (node) == KENSHO_NODE_GOAL)
        goals_total += sum;
    }
  g_assert_cmpuint (goals_total, ==, 47);

  g_assert_cmpuint (kensho_overview_get_delayed (overview)->len, ==, 17);
  g_assert_cmpstr (kensho_indicator_get_name (g_ptr_array_index (kensho_overview_get_delayed (overview), 0)),
                   ==, "新技術・新製品等の開発数");
}

static void
test_unrated_and_unknown (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoOverview) before = kensho_overview_new (sheet);
  g_autoptr(KenshoOverview) after = NULL;
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

  /* A snapshot: later edits show in a new overview only. */
  kensho_indicator_set_rating_id (indicators->pdata[0], 2023, NULL);
  kensho_sheet_set_fiscal_year (sheet, 2024);
  g_assert_cmpuint (kensho_overview_get_unrated (before, 0), ==, 0);
  after = kensho_overview_new (sheet);
  /* Nothing is rated yet for 令和6年度. */
  g_assert_cmpuint (kensho_overview_get_unrated (after, 0), ==, 47);
  g_assert_cmpuint (kensho_overview_get_delayed (after)->len, ==, 0);
}

/* Numerical targets and KPIs are counted apart, and add up to the whole. */
static void
test_kinds_apart (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoOverview) overview = kensho_overview_new (sheet);
  static const guint targets[] = { 1, 2, 3 }, kpis[] = { 14, 13, 14 };

  for (guint r = 0; r < 3; r++)
    {
      g_assert_cmpuint (kensho_overview_get_kind_count (overview, 0, KENSHO_INDICATOR_TARGET, r), ==, targets[r]);
      g_assert_cmpuint (kensho_overview_get_kind_count (overview, 0, KENSHO_INDICATOR_KPI, r), ==, kpis[r]);
    }
  g_assert_cmpuint (kensho_overview_get_kind_total (overview, 0, KENSHO_INDICATOR_TARGET), ==, 6);
  g_assert_cmpuint (kensho_overview_get_kind_total (overview, 0, KENSHO_INDICATOR_KPI), ==, 41);
  for (guint row = 0; row < kensho_overview_get_n_rows (overview); row++)
    {
      g_assert_cmpuint (kensho_overview_get_kind_total (overview, row, KENSHO_INDICATOR_TARGET) +
                        kensho_overview_get_kind_total (overview, row, KENSHO_INDICATOR_KPI),
                        ==, kensho_overview_get_total (overview, row));
      for (guint r = 0; r < 3; r++)
        g_assert_cmpuint (kensho_overview_get_kind_count (overview, row, KENSHO_INDICATOR_TARGET, r) +
                          kensho_overview_get_kind_count (overview, row, KENSHO_INDICATOR_KPI, r),
                          ==, kensho_overview_get_count (overview, row, r));
    }
  /* Each sub-goal has its one numerical target. */
  g_assert_cmpuint (kensho_overview_get_kind_total (overview, 2, KENSHO_INDICATOR_TARGET), ==, 1);

  /* Unrated ones, by kind. */
  {
    g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
    g_autoptr(KenshoOverview) after = NULL;

    g_assert_cmpint (kensho_indicator_get_indicator_kind (indicators->pdata[0]), ==, KENSHO_INDICATOR_TARGET);
    kensho_indicator_set_rating_id (indicators->pdata[0], 2023, NULL);
    after = kensho_overview_new (sheet);
    g_assert_cmpuint (kensho_overview_get_kind_unrated (after, 0, KENSHO_INDICATOR_TARGET), ==, 1);
    g_assert_cmpuint (kensho_overview_get_kind_unrated (after, 0, KENSHO_INDICATOR_KPI), ==, 0);
  }
}

static void
test_format_share (void)
{
  g_autofree char *third = kensho_overview_format_share (2, 6);
  g_autofree char *all = kensho_overview_format_share (41, 41);
  g_autofree char *none = kensho_overview_format_share (0, 0);

  g_assert_cmpstr (third, ==, "2 (33.3%)");
  g_assert_cmpstr (all, ==, "41 (100.0%)");
  g_assert_cmpstr (none, ==, "0");
}

static guint
count_pixels (cairo_surface_t *surface, guint32 rgb)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((((const guint32 *) (data + y * stride))[x] & 0xFFFFFF) == rgb)
        n++;
  return n;
}

/* Paints @cr white, then the chart of @kind (-1: of all) 800 wide. */
static void
paint_chart (cairo_t *cr, KenshoOverview *overview, int kind, double height)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (kind < 0)
    kensho_overview_draw_chart (overview, cr, 800, height);
  else
    kensho_overview_draw_kind_chart (overview, kind, cr, 800, height);
  cairo_surface_flush (cairo_get_target (cr));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_chart (void)
{
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoOverview) overview = kensho_overview_new (sheet);
  double height = kensho_overview_get_chart_height (overview);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, (int) height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "kensho-overview-chart.png", NULL);
  guint red, green, gold;

  g_assert_cmpfloat (height, >, 10 * 20);
  paint_chart (cr, overview, -1, height);

  /* The bars in the scale's colours, in proportion: 17 delayed against 15
   * on track. The legend's swatches add the same to each. */
  red = count_pixels (surface, 0xC62828);
  green = count_pixels (surface, 0x2E7D32);
  gold = count_pixels (surface, 0xB8860B);
  g_test_message ("red %u green %u gold %u", red, green, gold);
  g_assert_cmpuint (green, >, 1000);
  g_assert_cmpuint (red, >, green);
  g_assert_cmpuint (gold, >, 1000);
  cairo_surface_write_to_png (surface, path);
  g_test_message ("chart: %s", path);

  /* For 令和6年度 nothing is rated yet: the bars are the unrated grey. */
  {
    g_autoptr(KenshoOverview) unrated = NULL;
    guint grey_before = count_pixels (surface, 0xBDBDBD);

    kensho_sheet_set_fiscal_year (sheet, 2024);
    unrated = kensho_overview_new (sheet);
    paint_chart (cr, unrated, -1, height);
    g_assert_cmpuint (count_pixels (surface, 0xBDBDBD), >, grey_before + 10000);
    g_assert_cmpuint (count_pixels (surface, 0xC62828), <, red / 10);
  }

  /* A chart for the numerical targets and one for the KPIs (of 令和5年度,
   * the first snapshot), each against its own largest row: 3 of the 6
   * targets are delayed and 1 on track; the KPIs have 14 of each. */
  {
    guint kind_red[2], kind_green[2];

    for (KenshoIndicatorKind kind = KENSHO_INDICATOR_KPI; kind <= KENSHO_INDICATOR_TARGET; kind++)
      {
        g_autofree char *name = g_strdup_printf ("kensho-overview-chart-%s.png",
                                                 kind == KENSHO_INDICATOR_KPI ? "kpis" : "targets");
        g_autofree char *kind_path = g_build_filename (g_get_tmp_dir (), name, NULL);

        paint_chart (cr, overview, kind, height);
        kind_red[kind] = count_pixels (surface, 0xC62828);
        kind_green[kind] = count_pixels (surface, 0x2E7D32);
        g_test_message ("%s: red %u green %u", name, kind_red[kind], kind_green[kind]);
        cairo_surface_write_to_png (surface, kind_path);
      }
    /* Targets: three times as much red as green, bars and legend alike. */
    g_assert_cmpuint (kind_red[KENSHO_INDICATOR_TARGET], >, 2 * kind_green[KENSHO_INDICATOR_TARGET]);
    /* KPIs: as much of each, but for the digits written on the bars. */
    g_assert_cmpuint (kind_red[KENSHO_INDICATOR_KPI], <, kind_green[KENSHO_INDICATOR_KPI] * 11 / 10);
    g_assert_cmpuint (kind_green[KENSHO_INDICATOR_KPI], <, kind_red[KENSHO_INDICATOR_KPI] * 11 / 10);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/counts", test_counts);
  g_test_add_func ("/overview/unrated-and-unknown", test_unrated_and_unknown);
  g_test_add_func ("/overview/chart", test_chart);
  g_test_add_func ("/overview/kinds-apart", test_kinds_apart);
  g_test_add_func ("/overview/format-share", test_format_share);
  return g_test_run ();
}
