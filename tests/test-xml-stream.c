/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading as a stream: the same sheet as through the tree, and libxml2
 * never holding the whole file or a tree of it. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/xmlmemory.h>

#include "kensho-sheet-xml.h"

/* libxml2's allocations, counted: each block carries its size before it. */
#define HEADER 16

static gsize live_bytes;
static guint n_allocations;
static gsize peak_bytes;

static void *
counted_malloc (size_t size)
{
  char *block = malloc (size + HEADER);

  if (block == NULL)
    return NULL;
  *(size_t *) block = size;
  n_allocations++;
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

/* The root and the head of a sheet, to its rating scale. */
#define SHEET_HEAD \
  "<sheet xmlns=\"urn:x-kensho:sheet\" version=\"1.2\">\n" \
  "  <meta>\n    <municipality>伊勢崎市</municipality>\n    <title>検証</title>\n" \
  "    <fiscal-year>2023</fiscal-year>\n    <plan first=\"2020\" last=\"2027\"/>\n" \
  "    <baseline-year>2019</baseline-year>\n  </meta>\n" \
  "  <rating-scale name=\"3段階\">\n" \
  "    <rating id=\"on-track\" colour=\"#2E7D32\" at-least=\"100\">順調</rating>\n" \
  "    <rating id=\"delayed\" delayed=\"true\" below=\"100\">遅れ</rating>\n" \
  "  </rating-scale>\n"

/* Goals, subgoals and measures with notes, indicators at every level. */
static GBytes *
make_sheet (guint n_goals, const char *before_root)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  guint id = 0;

  g_string_append (xml, before_root);
  g_string_append (xml, SHEET_HEAD
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

/* A sheet's head, then one measure holding @body; a comment before the root
 * on the first line sends the file to the tree without moving any line. */
static GBytes *
make_flat_sheet (const char *body, gboolean through_tree)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

  if (through_tree)
    g_string_append (xml, "<!-- read through the tree -->");
  g_string_append (xml, "\n" SHEET_HEAD
                   "  <goal id=\"g\" code=\"1\" title=\"目標\">\n"
                   "    <measure id=\"m\" code=\"①\" title=\"事業\">\n");
  g_string_append (xml, body);
  g_string_append (xml, "    </measure>\n  </goal>\n</sheet>\n");
  return g_string_free_to_bytes (xml);
}

/* An indicator as Kensho writes it, with an ampersand in a text and in an
 * attribute, which libxml2 hands over differently. */
static void
append_indicator (GString *body, guint id)
{
  g_string_append_printf (body,
                          "      <indicator id=\"i%u\" kind=\"kpi\" direction=\"higher\">\n"
                          "        <name>指標 R&amp;D %u</name>\n        <unit>人</unit>\n"
                          "        <series>\n"
                          "          <baseline num=\"%u\" period=\"令和元年\"/>\n"
                          "          <actual fy=\"2023\" num=\"-%u.25\" note=\"速報 &amp; 確定\"/>\n"
                          "          <final text=\"増加&amp;維持\"/>\n"
                          "        </series>\n"
                          "        <year fy=\"2023\"><activities>取組&#x3042; &lt;%u&gt;</activities>"
                          "<rating>on-track</rating></year>\n"
                          "      </indicator>\n",
                          id, id, id, id + 1, id);
}

/* The indicators, most of the file, are read from the parser's events:
 * libxml2 makes no node of them (a tree takes some two hundred blocks for
 * one), and the sheet is the one the tree gives. */
static void
test_indicators_from_events (void)
{
  const guint n_indicators = 600;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GBytes) streamed_bytes = NULL;
  g_autoptr(GBytes) tree_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) streamed = NULL;
  g_autoptr(KenshoSheet) tree = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  guint streamed_allocations, tree_allocations;

  for (guint i = 0; i < n_indicators; i++)
    append_indicator (body, i);
  streamed_bytes = make_flat_sheet (body->str, FALSE);
  tree_bytes = make_flat_sheet (body->str, TRUE);

  /* Once before counting: the schema is parsed once for the process. */
  tree = kensho_sheet_xml_load_bytes (tree_bytes, "sheet.xml", &error);
  g_assert_no_error (error);
  g_clear_object (&tree);

  n_allocations = 0;
  streamed = kensho_sheet_xml_load_bytes (streamed_bytes, "sheet.xml", &error);
  streamed_allocations = n_allocations;
  g_assert_no_error (error);
  n_allocations = 0;
  tree = kensho_sheet_xml_load_bytes (tree_bytes, "sheet.xml", &error);
  tree_allocations = n_allocations;
  g_assert_no_error (error);
  g_test_message ("libxml2's allocations: %u from events, %u through the tree, for %u indicators",
                  streamed_allocations, tree_allocations, n_indicators);
  /* What is left is libxml2's copy of each attribute value that is not
   * ASCII, three an indicator here. */
  g_assert_cmpuint (streamed_allocations * 20, <, tree_allocations);
  g_assert_cmpuint (tree_allocations, >, n_indicators * 10);

  g_assert_true (kensho_sheet_equal (streamed, tree));
  indicators = kensho_sheet_dup_indicators (streamed);
  g_assert_cmpuint (indicators->len, ==, n_indicators);
  g_assert_cmpstr (kensho_indicator_get_name (indicators->pdata[7]), ==, "指標 R&D 7");
}

/* Indicators written in ways Kensho never writes: read from events or
 * left to the tree, the sheet or the message is the same. */
static void
test_unusual_indicators (void)
{
  static const char *const head = "      <indicator id=\"i\" kind=\"kpi\" direction=\"higher\">";
  static const struct { const char *inside; gboolean valid; } cases[] = {
    { "<name>&#38;&amp;&lt;&#x3042;&quot;</name><series/>", TRUE },
    { "<name/><unit></unit><division> </division><series/><series name=\"&#38;\"/>", TRUE },
    { "<name><![CDATA[a<b]]></name><series/>", TRUE },
    { "<name>a<!-- note -->b</name><series/>", TRUE },
    { "<!-- note --><name>a</name><series/>", TRUE },
    { "<name>a</name><?kensho x?><series/>", TRUE },
    { "<name xmlns=\"urn:x-kensho:sheet\">a</name><series/>", TRUE },
    { "<name>a</name><acknowledged check=\"no-target\"/><acknowledged check=\"x\"/><series/>"
      "<year fy=\"2023\"/><year fy=\"2024\"><issues/><committee-response>b</committee-response></year>", TRUE },
    { "<name>a</name><series><baseline text=\"x\" unit=\"人\" note=\"n\"/><actual fy=\"2022\" num=\"0\"/>"
      "<actual fy=\"2023\" num=\"0.000001\"/><target fy=\"2023\" num=\"123456789012345\"/></series>", TRUE },
    { "<name>a</name><series><final num=\"1\"> </final></series>", TRUE },
    { "<name>a</name><series>x<final num=\"1\"/></series>", FALSE },
    { "<name>a</name><series/><extra/>", FALSE },
    { "<name xml:lang=\"ja\">a</name><series/>", FALSE },
    { "<name>a</name><other:x xmlns:other=\"urn:other\"/><series/>", FALSE },
    { "<unit>人</unit><name>a</name><series/>", FALSE },
    { "<name>a</name>", FALSE },
    { "<name>a</name><series/><acknowledged check=\"x\"/>", FALSE },
    { "<name>a</name><series/><year fy=\"2023\"><issues/><activities/></year>", FALSE },
    { "<name>a</name><series/><year fy=\"2023\"><issues/><issues/></year>", FALSE },
    { "<name>a</name><series/><year/>", FALSE },
    { "<name>a</name><series/><year fy=\"02023\"/>", FALSE },
    { "<name>a</name><series/><year fy=\"2023\"><rating>late</rating></year>", FALSE },
    { "<name>a</name><series/><year fy=\"2023\"><rating> on-track</rating></year>", FALSE },
    { "<name>a</name><series/><year fy=\"2023\"><issues>b</issues></year>"
      "<year fy=\"2023\"><issues>c</issues></year>", FALSE },
    { "<name>a</name><series><baseline num=\"1\" text=\"x\"/></series>", FALSE },
    { "<name>a</name><series><baseline fy=\"2023\" num=\"1\"/></series>", FALSE },
    { "<name>a</name><series><baseline num=\"01\"/></series>", FALSE },
    { "<name>a</name><series><baseline num=\"-0\"/></series>", FALSE },
    { "<name>a</name><series><actual fy=\"2023\" num=\"1\"/><actual fy=\"2023\" num=\"2\"/></series>", FALSE },
    { "<name>a</name><series><target fy=\"2023\" num=\"1\"/><actual fy=\"2023\" num=\"2\"/></series>", FALSE },
    { "<name>a</name><series><final num=\"1\"/><final num=\"2\"/></series>", FALSE },
    { "<name>a</name><acknowledged check=\"x\"> </acknowledged><series/>", TRUE },
    { "<name a=\"b\">a</name><series/>", FALSE },
    { "<name>a<b/></name><series/>", FALSE },
    { "<name>長い名前の途中に\xef\xb7\x90がある</name><series/>", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("%s%s</indicator>\n"
                                               "      <indicator id=\"i\" kind=\"kpi\" direction=\"lower\">"
                                               "<name>二つ目</name><series/></indicator>\n",
                                               head, cases[i].inside);
      g_autofree char *unique = g_strdup_printf ("%s%s</indicator>\n", head, cases[i].inside);
      const char *bodies[] = { unique, body };

      /* Alone, and followed by an indicator of the same id. */
      for (guint b = 0; b < G_N_ELEMENTS (bodies); b++)
        {
          g_autoptr(GBytes) streamed_bytes = make_flat_sheet (bodies[b], FALSE);
          g_autoptr(GBytes) tree_bytes = make_flat_sheet (bodies[b], TRUE);
          g_autoptr(GError) streamed_error = NULL;
          g_autoptr(GError) tree_error = NULL;
          g_autoptr(KenshoSheet) streamed = kensho_sheet_xml_load_bytes (streamed_bytes, "s.xml", &streamed_error);
          g_autoptr(KenshoSheet) tree = kensho_sheet_xml_load_bytes (tree_bytes, "s.xml", &tree_error);

          g_test_message ("case %u%s: %s", i, b ? " twice" : "", tree_error ? tree_error->message : "valid");
          /* Alone, each is valid or not as said; twice, the identifier is
           * used twice. */
          g_assert_cmpint (tree_error == NULL, ==, cases[i].valid && b == 0);
          if (tree_error == NULL)
            {
              g_assert_no_error (streamed_error);
              g_assert_true (kensho_sheet_equal (streamed, tree));
            }
          else
            {
              g_assert_error (streamed_error, tree_error->domain, tree_error->code);
              g_assert_cmpstr (streamed_error->message, ==, tree_error->message);
              g_assert_null (streamed);
            }
        }
    }
}

/* A file read from its path: its bytes are given back while it is parsed,
 * so when the stream gives up far into the file (a comment in the last
 * indicator), the tree reads the file again rather than what is left of
 * them. */
static void
test_file_read_again (void)
{
  const guint n_indicators = 2600;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *folder = g_dir_make_tmp ("kensho-stream-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "sheet.xml", NULL);
  g_autoptr(KenshoSheet) streamed = NULL;
  const char *endings[] = {
    "", "      <indicator id=\"last\" kind=\"kpi\" direction=\"higher\"><!-- c --><name>最後</name><series/>"
        "</indicator>\n",
  };

  g_assert_nonnull (folder);
  for (guint i = 0; i < n_indicators; i++)
    append_indicator (body, i);
  /* Past the first megabyte given back. */
  g_assert_cmpuint (body->len, >, 1100 * 1024);
  for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
    {
      g_autofree char *text = g_strconcat (body->str, endings[e], NULL);
      g_autoptr(GBytes) bytes = make_flat_sheet (text, FALSE);
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) from_file = NULL;
      g_autoptr(GPtrArray) indicators = NULL;
      g_autoptr(GPtrArray) streamed_indicators = NULL;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      from_file = kensho_sheet_xml_load_file (path, &error);
      g_assert_no_error (error);
      indicators = kensho_sheet_dup_indicators (from_file);
      g_assert_cmpuint (indicators->len, ==, n_indicators + e);
      if (e == 0)
        {
          /* The bytes the caller keeps, read the same way. */
          streamed = kensho_sheet_xml_load_bytes (bytes, path, &error);
          g_assert_no_error (error);
          g_assert_true (kensho_sheet_equal (from_file, streamed));
          continue;
        }
      /* Through the tree: the same indicators, and the last one. */
      streamed_indicators = kensho_sheet_dup_indicators (streamed);
      for (guint i = 0; i < n_indicators; i += 997)
        g_assert_true (kensho_indicator_equal (indicators->pdata[i], streamed_indicators->pdata[i]));
      g_assert_cmpstr (kensho_indicator_get_name (indicators->pdata[n_indicators]), ==, "最後");
    }
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (folder));
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

static void
on_top_loaded (KenshoNode *node, guint position, gpointer data)
{
  GPtrArray *told = data;

  /* Told in their order, each in the sheet with its final identifier. */
  g_assert_cmpuint (position, ==, told->len);
  g_assert_nonnull (kensho_node_get_sheet (node));
  g_assert_true (kensho_sheet_lookup (kensho_node_get_sheet (node), kensho_node_get_id (node)) == node);
  g_ptr_array_add (told, g_object_ref (node));
}

/* The workspace writes each node at the top as soon as it is told of it:
 * told are the sheet's goals and its indicator outside them, in order; or, when the file was read
 * the usual way, the caller hears that they were not the sheet's. */
static void
test_top_told (void)
{
  g_autofree char *folder = g_dir_make_tmp ("kensho-stream-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "sheet.xml", NULL);

  for (guint tree = 0; tree < 2; tree++)
    {
      g_autoptr(GBytes) bytes = make_sheet (30, tree ? "<!-- read through the tree -->\n" : "");
      g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) sheet = NULL;
      KenshoNode *root;
      gboolean all_told = !tree;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      sheet = kensho_sheet_xml_load_read_file_told (g_bytes_new (g_bytes_get_data (bytes, NULL),
                                                                 g_bytes_get_size (bytes)),
                                                    path, on_top_loaded, told, &all_told, &error);
      g_assert_no_error (error);
      root = kensho_sheet_get_root (sheet);
      /* 30 goals and an indicator outside them. */
      g_assert_cmpuint (kensho_node_get_n_children (root), ==, 31);
      if (tree)
        {
          g_assert_false (all_told);
          g_assert_cmpuint (told->len, ==, 0);
          continue;
        }
      g_assert_true (all_told);
      g_assert_cmpuint (told->len, ==, 31);
      for (guint i = 0; i < told->len; i++)
        g_assert_true (g_ptr_array_index (told, i) == kensho_node_get_child (root, i));
    }
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (folder));
}

int
main (int argc, char *argv[])
{
  /* Before libxml2 allocates anything. */
  g_assert_cmpint (xmlMemSetup (counted_free, counted_malloc, counted_realloc, counted_strdup), ==, 0);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xml-stream/same-as-tree", test_same_as_tree);
  g_test_add_func ("/xml-stream/memory-bounded", test_memory_bounded);
  g_test_add_func ("/xml-stream/indicators-from-events", test_indicators_from_events);
  g_test_add_func ("/xml-stream/unusual-indicators", test_unusual_indicators);
  g_test_add_func ("/xml-stream/file-read-again", test_file_read_again);
  g_test_add_func ("/xml-stream/top-told", test_top_told);
  return g_test_run ();
}
