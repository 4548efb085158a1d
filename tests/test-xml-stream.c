/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading as a stream: the same sheet as through the tree, and libxml2
 * never holding the whole file or a tree of it. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <libxml/xmlmemory.h>

#include "kensho-sheet-xml.h"

/* libxml2's allocations, counted: each block carries its size before it. */
#define HEADER 16

static gsize live_bytes;
static gsize peak_bytes;

static void *
counted_malloc (size_t size)
{
  char *block = malloc (size + HEADER);

  if (block == NULL)
    return NULL;
  *(size_t *) block = size;
  live_bytes += size;
  peak_bytes = MAX (peak_bytes, live_bytes);
  return block + HEADER;
}

static void
counted_free (void *memory)
{
  char *block;

  if (memory == NULL)
    return;
  block = (char *) memory - HEADER;
  live_bytes -= *(size_t *) block;
  free (block);
}

static void *
counted_realloc (void *memory, size_t size)
{
  char *block;
  size_t old;

  if (memory == NULL)
    return counted_malloc (size);
  block = (char *) memory - HEADER;
  old = *(size_t *) block;
  block = realloc (block, size + HEADER);
  if (block == NULL)
    return NULL;
  *(size_t *) block = size;
  live_bytes = live_bytes - old + size;
  peak_bytes = MAX (peak_bytes, live_bytes);
  return block + HEADER;
}

static char *
counted_strdup (const char *text)
{
  size_t size = strlen (text) + 1;
  char *copy = counted_malloc (size);

  if (copy != NULL)
    memcpy (copy, text, size);
  return copy;
}

/* Goals, subgoals and measures with notes, indicators at every level. */
static GBytes *
make_sheet (guint n_goals, const char *before_root)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  guint id = 0;

  g_string_append (xml, before_root);
  g_string_append (xml,
                   "<sheet xmlns=\"urn:x-kensho:sheet\" version=\"1.2\">\n"
                   "  <meta>\n    <municipality>伊勢崎市</municipality>\n    <title>検証</title>\n"
                   "    <fiscal-year>2023</fiscal-year>\n    <plan first=\"2020\" last=\"2027\"/>\n"
                   "    <baseline-year>2019</baseline-year>\n  </meta>\n"
                   "  <rating-scale name=\"3段階\">\n"
                   "    <rating id=\"on-track\" colour=\"#2E7D32\" at-least=\"100\">順調</rating>\n"
                   "    <rating id=\"delayed\" delayed=\"true\" below=\"100\">遅れ</rating>\n"
                   "  </rating-scale>\n"
                   "  <divisions><division>企画課</division><division>農政課</division></divisions>\n");
  for (guint g = 0; g < n_goals; g++)
    {
      g_string_append_printf (xml, "  <goal id=\"g%u\" code=\"%u\" title=\"目標%u\">\n"
                              "    <notes>目標の注記 &amp; %u</notes>\n", g, g, g, g);
      for (guint s = 0; s < 3; s++)
        {
          g_string_append_printf (xml, "    <subgoal id=\"s%u-%u\" code=\"%u-%u\" title=\"施策\">\n",
                                  g, s, g, s);
          for (guint m = 0; m < 3; m++)
            {
              g_string_append_printf (xml, "      <measure id=\"m%u-%u-%u\" code=\"①\" title=\"事業\">\n",
                                      g, s, m);
              for (guint i = 0; i < 4; i++, id++)
                g_string_append_printf (xml,
                                        "        <indicator id=\"i%u\" kind=\"%s\" direction=\"%s\">\n"
                                        "          <name>指標%u</name>\n          <unit>人</unit>\n"
                                        "          <division>企画課</division>\n"
                                        "          <acknowledged check=\"no-target\"/>\n"
                                        "          <series>\n"
                                        "            <baseline num=\"%u\" unit=\"人\" period=\"令和元年\"/>\n"
                                        "            <actual fy=\"2023\" num=\"%u.5\" note=\"速報\"/>\n"
                                        "            <target fy=\"2023\" text=\"増加\"/>\n"
                                        "            <final num=\"%u\"/>\n"
                                        "          </series>\n"
                                        "          <year fy=\"2023\">\n"
                                        "            <activities>取組 %u</activities>\n"
                                        "            <issues> </issues>\n"
                                        "            <rating>%s</rating>\n"
                                        "            <committee-opinion>意見</committee-opinion>\n"
                                        "          </year>\n"
                                        "        </indicator>\n",
                                        id, i % 2 ? "kpi" : "target", i % 3 ? "higher" : "lower",
                                        id, id, id, id + 10, id, i % 2 ? "on-track" : "delayed");
              g_string_append (xml, "      </measure>\n");
            }
          g_string_append (xml, "    </subgoal>\n");
        }
      g_string_append_printf (xml, "    <indicator id=\"gi%u\" kind=\"kpi\" direction=\"level\">\n"
                              "      <name>目標の指標</name>\n      <series/>\n    </indicator>\n"
                              "  </goal>\n", g);
    }
  g_string_append (xml, "  <indicator id=\"top\" kind=\"kpi\" direction=\"higher\">"
                        "<name>全体</name><series name=\"男性\"><final text=\"維持\"/></series>"
                        "</indicator>\n</sheet>\n");
  return g_string_free_to_bytes (xml);
}

/* A comment before the root is valid, but the stream leaves such a file to
 * the tree: the two ways must give the same sheet. */
static void
test_same_as_tree (void)
{
  g_autoptr(GBytes) streamed_bytes = make_sheet (120, "");
  g_autoptr(GBytes) tree_bytes = make_sheet (120, "<!-- read through the tree -->\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) streamed = kensho_sheet_xml_load_bytes (streamed_bytes, "s.xml", &error);
  g_autoptr(KenshoSheet) tree = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  tree = kensho_sheet_xml_load_bytes (tree_bytes, "t.xml", &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (streamed, tree));
  first = kensho_sheet_xml_serialize (streamed);
  second = kensho_sheet_xml_serialize (tree);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpstr (kensho_sheet_get_divisions (streamed)[1], ==, "農政課");
}

/* libxml2's peak while loading, over what it held before. */
static gsize
peak_of_load (GBytes *bytes, KenshoSheet **sheet)
{
  g_autoptr(GError) error = NULL;
  gsize before = live_bytes;

  peak_bytes = live_bytes;
  *sheet = kensho_sheet_xml_load_bytes (bytes, "sheet.xml", &error);
  g_assert_no_error (error);
  return peak_bytes - before;
}

/* The file itself is the caller's; libxml2 holds the piece it reads and
 * one indicator's tree: neither a copy of the file nor a tree of it (some
 * six times its size), so six times the file takes no more. */
static void
test_memory_bounded (void)
{
  g_autoptr(GBytes) small = make_sheet (20, "");
  g_autoptr(GBytes) large = make_sheet (120, "");
  g_autoptr(GBytes) tree_bytes = make_sheet (120, "<!-- read through the tree -->\n");
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(KenshoSheet) tree = NULL;
  gsize small_peak, large_peak, tree_peak, size = g_bytes_get_size (large);

  /* The schema, parsed once for the process, is not the load's. */
  peak_of_load (small, &sheet);
  g_clear_object (&sheet);

  small_peak = peak_of_load (small, &sheet);
  g_clear_object (&sheet);
  large_peak = peak_of_load (large, &sheet);
  tree_peak = peak_of_load (tree_bytes, &tree);
  g_test_message ("libxml2's peak: %zu bytes for %zu, %zu for %zu, through the tree %zu",
                  small_peak, g_bytes_get_size (small), large_peak, size, tree_peak);
  g_assert_cmpuint (large_peak, <, size / 4);
  g_assert_cmpuint (large_peak, <=, small_peak + small_peak / 4);
  g_assert_cmpuint (tree_peak, >, size);
  g_assert_true (kensho_sheet_equal (sheet, tree));
}

int
main (int argc, char *argv[])
{
  /* Before libxml2 allocates anything. */
  g_assert_cmpint (xmlMemSetup (counted_free, counted_malloc, counted_realloc, counted_strdup), ==, 0);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xml-stream/same-as-tree", test_same_as_tree);
  g_test_add_func ("/xml-stream/memory-bounded", test_memory_bounded);
  return g_test_run ();
}
