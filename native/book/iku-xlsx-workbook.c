/* SPDX-License-Identifier: GPL-3.0-or-later
 * Which sheets a workbook has: xl/workbook.xml lists them in the order Calc
 * shows them, with their names and whether they are hidden, and names each by a
 * relationship id; xl/_rels/workbook.xml.rels says which part that id is. The
 * part names themselves (sheet1.xml, ...) say nothing about order or name. */
#include "iku-xlsx-private.h"

#include <string.h>

#define PACKAGE_RELS "_rels/.rels"
#define DEFAULT_WORKBOOK "xl/workbook.xml"
/* Relationships of a package beyond any real workbook's (its sheets, strings,
 * styles, theme, ...): the rest is refused, so that no file makes a big table. */
#define MAX_RELATIONSHIPS (4 * IKU_MAX_SHEETS + 64)

typedef struct {
  char *id;
  char *type;    /* the last segment of the Type URI: "worksheet", "styles", ... */
  char *target;
} Relationship;

static void
relationship_free (gpointer data)
{
  Relationship *r = data;
  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
  g_free (r);
}

static void
sheet_ref_free (gpointer data)
{
  IkuXlsxSheetRef *ref = data;
  g_free (ref->name);
  g_free (ref->part);
  g_free (ref);
}

void
iku_xlsx_workbook_free (IkuXlsxWorkbook *workbook)
{
  if (workbook == NULL)
    return;
  g_ptr_array_unref (workbook->sheets);
  g_free (workbook->shared_strings);
  g_free (workbook->styles);
  g_free (workbook);
}

typedef struct {
  GPtrArray  *relationships;
  const char *display_name;
  const char *part;
} RelsWalk;

static gboolean
rels_node (IkuBookXml *xml, xmlTextReaderPtr reader, gpointer user_data, GError **error)
{
  RelsWalk *w = user_data;
  if (!iku_xlsx_is_element (reader, "Relationship"))
    return TRUE;
  if (w->relationships->len >= MAX_RELATIONSHIPS)
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« kan ikke læses: %s har flere henvisninger, end noget regneark "
                   "har. Åbn den i LibreOffice Calc, og gem den igen.",
                   w->display_name, w->part);
      return FALSE;
    }
  g_autofree char *mode = iku_book_xml_dup_attribute (xml, "TargetMode");
  if (mode != NULL && strcmp (mode, "External") == 0)
    return TRUE;  /* a link outside the package: never followed */
  g_autofree char *type = iku_book_xml_dup_attribute (xml, "Type");
  const char *slash = type != NULL ? strrchr (type, '/') : NULL;
  Relationship *r = g_new0 (Relationship, 1);
  r->id = iku_book_xml_dup_attribute (xml, "Id");
  r->type = g_strdup (slash != NULL ? slash + 1 : "");
  r->target = iku_book_xml_dup_attribute (xml, "Target");
  g_ptr_array_add (w->relationships, r);
  return TRUE;
}

/* The relationships of @part (in <folder>/_rels/<name>.rels); empty when it has none. */
static GPtrArray *
read_relationships (IkuBookZip *zip, const char *part, const char *display_name,
                    guint64 *budget, GError **error)
{
  const char *slash = strrchr (part, '/');
  g_autofree char *rels = slash != NULL
                          ? g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part,
                                             slash + 1)
                          : g_strdup_printf ("_rels/%s.rels", part);
  g_autoptr(GPtrArray) relationships = g_ptr_array_new_with_free_func (relationship_free);
  if (!iku_book_zip_has_member (zip, rels))
    return g_steal_pointer (&relationships);
  RelsWalk w = { relationships, display_name, rels };
  if (!iku_xlsx_walk_part (zip, rels, display_name, budget, rels_node, &w, error))
    return NULL;
  return g_steal_pointer (&relationships);
}

static const Relationship *
find_by_id (GPtrArray *relationships, const char *id)
{
  for (guint i = 0; id != NULL && i < relationships->len; i++)
    {
      const Relationship *r = g_ptr_array_index (relationships, i);
      if (r->id != NULL && strcmp (r->id, id) == 0)
        return r;
    }
  return NULL;
}

static const Relationship *
find_by_type (GPtrArray *relationships, const char *type)
{
  for (guint i = 0; i < relationships->len; i++)
    {
      const Relationship *r = g_ptr_array_index (relationships, i);
      if (strcmp (r->type, type) == 0 && r->target != NULL)
        return r;
    }
  return NULL;
}

typedef struct {
  IkuXlsxWorkbook *workbook;
  GPtrArray       *relationships;
  const char      *part;
  const char      *display_name;
  guint            n_sheets;     /* <sheet> elements seen */
} WorkbookWalk;

static gboolean
is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

static gboolean
workbook_node (IkuBookXml *xml, xmlTextReaderPtr reader, gpointer user_data, GError **error)
{
  WorkbookWalk *w = user_data;
  if (iku_xlsx_is_element (reader, "workbookPr"))
    {
      g_autofree char *date1904 = iku_book_xml_dup_attribute (xml, "date1904");
      w->workbook->date1904 = is_true (date1904);
      return TRUE;
    }
  if (!iku_xlsx_is_element (reader, "sheet"))
    return TRUE;
  if (++w->n_sheets > IKU_MAX_SHEETS)
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« har mere end %u ark. "
                   "Slet de ark, der ikke hører til skemaet, og prøv igen.",
                   w->display_name, IKU_MAX_SHEETS);
      return FALSE;
    }
  g_autofree char *name = iku_book_xml_dup_attribute (xml, "name");
  g_autofree char *state = iku_book_xml_dup_attribute (xml, "state");
  g_autofree char *id = iku_xlsx_dup_attribute_ns (reader, "id");
  const Relationship *r = find_by_id (w->relationships, id);
  /* A chart sheet, dialog sheet or macro sheet holds no cells. */
  if (r == NULL || strcmp (r->type, "worksheet") != 0 || r->target == NULL)
    {
      if (r == NULL)
        {
          iku_book_error_set_corrupt (error, w->display_name,
                                      "arket »%s« i %s henviser til en del, der ikke findes",
                                      name != NULL ? name : "", w->part);
          return FALSE;
        }
      return TRUE;
    }
  g_autofree char *target = iku_xlsx_resolve_target (w->part, r->target);
  if (target == NULL)
    {
      iku_book_error_set_corrupt (error, w->display_name,
                                  "arket »%s« i %s henviser uden for filen",
                                  name != NULL ? name : "", w->part);
      return FALSE;
    }
  IkuXlsxSheetRef *ref = g_new0 (IkuXlsxSheetRef, 1);
  ref->name = g_steal_pointer (&name);
  ref->part = g_steal_pointer (&target);
  ref->hidden = state != NULL && (strcmp (state, "hidden") == 0
                                  || strcmp (state, "veryHidden") == 0);
  g_ptr_array_add (w->workbook->sheets, ref);
  return TRUE;
}

/* Where the workbook part is: the package's officeDocument relationship, or
 * where every producer puts it. */
static char *
find_workbook_part (IkuBookZip *zip, const char *display_name, guint64 *budget, GError **error)
{
  g_autoptr(GPtrArray) package = read_relationships (zip, PACKAGE_RELS, display_name, budget,
                                                     error);
  if (package == NULL)
    return NULL;
  const Relationship *r = find_by_type (package, "officeDocument");
  char *part = r != NULL ? iku_xlsx_resolve_target ("", r->target) : NULL;
  if (part != NULL && iku_book_zip_has_member (zip, part))
    return part;
  g_free (part);
  return g_strdup (DEFAULT_WORKBOOK);
}

IkuXlsxWorkbook *
iku_xlsx_workbook_read (IkuBookZip *zip, const char *display_name, guint64 *budget,
                        GError **error)
{
  g_return_val_if_fail (zip != NULL && display_name != NULL && budget != NULL, NULL);

  g_autofree char *part = find_workbook_part (zip, display_name, budget, error);
  if (part == NULL)
    return NULL;
  g_autoptr(GPtrArray) relationships = read_relationships (zip, part, display_name, budget,
                                                           error);
  if (relationships == NULL)
    return NULL;

  g_autoptr(IkuXlsxWorkbook) workbook = g_new0 (IkuXlsxWorkbook, 1);
  workbook->sheets = g_ptr_array_new_with_free_func (sheet_ref_free);
  WorkbookWalk w = { workbook, relationships, part, display_name, 0 };
  if (!iku_xlsx_walk_part (zip, part, display_name, budget, workbook_node, &w, error))
    return NULL;

  const Relationship *strings = find_by_type (relationships, "sharedStrings");
  const Relationship *styles = find_by_type (relationships, "styles");
  workbook->shared_strings = strings != NULL ? iku_xlsx_resolve_target (part, strings->target)
                                             : NULL;
  workbook->styles = styles != NULL ? iku_xlsx_resolve_target (part, styles->target) : NULL;
  /* A relationship to a part that is not there: as if there were none. */
  if (workbook->shared_strings != NULL
      && !iku_book_zip_has_member (zip, workbook->shared_strings))
    g_clear_pointer (&workbook->shared_strings, g_free);
  if (workbook->styles != NULL && !iku_book_zip_has_member (zip, workbook->styles))
    g_clear_pointer (&workbook->styles, g_free);
  return g_steal_pointer (&workbook);
}
