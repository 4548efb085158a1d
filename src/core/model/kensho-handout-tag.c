/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-handout-tag.h"

G_DEFINE_BOXED_TYPE (KenshoHandoutTag, kensho_handout_tag, kensho_handout_tag_copy, kensho_handout_tag_free)

#define TAG_VARIANT_TYPE "(ssssmsmsmay)"

KenshoHandoutTag *
kensho_handout_tag_new (void)
{
  return g_new0 (KenshoHandoutTag, 1);
}

KenshoHandoutTag *
kensho_handout_tag_copy (const KenshoHandoutTag *tag)
{
  KenshoHandoutTag *copy = kensho_handout_tag_new ();

  copy->id = g_strdup (tag->id);
  copy->sheet_key = g_strdup (tag->sheet_key);
  copy->division = g_strdup (tag->division);
  copy->sent = g_strdup (tag->sent);
  copy->due = g_strdup (tag->due);
  copy->contact = g_strdup (tag->contact);
  copy->base = tag->base ? g_bytes_ref (tag->base) : NULL;
  return copy;
}

void
kensho_handout_tag_free (KenshoHandoutTag *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->id);
  g_free (tag->sheet_key);
  g_free (tag->division);
  g_free (tag->sent);
  g_free (tag->due);
  g_free (tag->contact);
  g_clear_pointer (&tag->base, g_bytes_unref);
  g_free (tag);
}

gboolean
kensho_handout_tag_equal (const KenshoHandoutTag *a, const KenshoHandoutTag *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->sheet_key, b->sheet_key) == 0 &&
         g_strcmp0 (a->division, b->division) == 0 && g_strcmp0 (a->sent, b->sent) == 0 &&
         g_strcmp0 (a->due, b->due) == 0 && g_strcmp0 (a->contact, b->contact) == 0 &&
         ((a->base == NULL && b->base == NULL) ||
          (a->base != NULL && b->base != NULL && g_bytes_equal (a->base, b->base)));
}

GBytes *
kensho_handout_tag_to_bytes (const KenshoHandoutTag *tag)
{
  g_autoptr(GVariant) variant = NULL;
  GVariant *base = NULL;

  if (tag->base != NULL)
    base = g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, tag->base, TRUE);
  variant = g_variant_ref_sink (g_variant_new ("(ssssmsmsm@ay)", tag->id ? tag->id : "",
                                               tag->sheet_key ? tag->sheet_key : "",
                                               tag->division ? tag->division : "",
                                               tag->sent ? tag->sent : "", tag->due, tag->contact,
                                               base));
  return g_variant_get_data_as_bytes (variant);
}

KenshoHandoutTag *
kensho_handout_tag_from_bytes (GBytes *bytes)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) base = NULL;
  KenshoHandoutTag *tag;

  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (TAG_VARIANT_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (variant))
    return NULL;
  tag = kensho_handout_tag_new ();
  g_variant_get (variant, "(ssssmsms@may)", &tag->id, &tag->sheet_key, &tag->division, &tag->sent,
                 &tag->due, &tag->contact, &base);
  if (g_variant_n_children (base) > 0)
    {
      g_autoptr(GVariant) inner = g_variant_get_child_value (base, 0);

      tag->base = g_variant_get_data_as_bytes (inner);
    }
  return tag;
}
