/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuPdfTags: see iku-pdf-tags.h. Facts this relies on (libharu 2.3.0):
 *  - the page's content stream is ((HPDF_PageAttr) page->attr)->stream; text
 *    written there lands between libharu's own operators, whose state (mode,
 *    text position) it does not touch;
 *  - HPDF_Xref_Add() must come before an object goes into any container (after,
 *    it fails and frees the object), and an object in two containers must be
 *    indirect; HPDF_Dict_Add() and friends report failure by status only;
 *  - saving closes an open BT or path but never an open BDC, so every sequence
 *    is closed here before the page ends.
 * Elements without any text (an empty heading, a missing leader) are left out
 * of the tree, and so are groups left with no content. */
#include "iku-pdf-tags.h"

#include <hpdf_pages.h>

/* One element: what the layout said, plus what drawing it produced. */
typedef struct {
  IkuTagRole role;
  guint      parent;
  gboolean   section;   /* a layout's Document in a combined file: a Sect */
  GArray    *marks;     /* of Mark: its marked-content sequences */
  gboolean   used;      /* it or one of its descendants has content */
  HPDF_Dict  dict;
  const char *alt;      /* a Figure's alternative text (the layout's), or NULL */
  gboolean   has_bbox;  /* a Figure's box on its page is known */
  double     bbox[4];
} Element;

typedef struct {
  guint page;
  guint mcid;
} Mark;

typedef struct {
  HPDF_Page page;
  GArray   *owners;   /* of guint: the element of each MCID, by MCID */
} Page;

struct _IkuPdfTags
{
  GArray *elements;   /* of Element */
  GArray *pages;      /* of Page */
  gint    open;       /* the open sequence's element or artifact, or OPEN_NONE */
};

#define OPEN_NONE G_MININT

static const char *const role_names[IKU_TAG_N_ROLES] = {
  [IKU_TAG_DOCUMENT] = "Document", [IKU_TAG_H1] = "H1", [IKU_TAG_H2] = "H2",
  [IKU_TAG_P] = "P", [IKU_TAG_TABLE] = "Table", [IKU_TAG_TR] = "TR", [IKU_TAG_TH] = "TH",
  [IKU_TAG_TD] = "TD", [IKU_TAG_L] = "L", [IKU_TAG_LI] = "LI", [IKU_TAG_LBL] = "Lbl",
  [IKU_TAG_LBODY] = "LBody", [IKU_TAG_FIGURE] = "Figure",
};

static void
element_clear (gpointer data)
{
  Element *e = data;
  g_clear_pointer (&e->marks, g_array_unref);
}

static void
page_clear (gpointer data)
{
  Page *p = data;
  g_clear_pointer (&p->owners, g_array_unref);
}

IkuPdfTags *
iku_pdf_tags_new (void)
{
  IkuPdfTags *tags = g_new0 (IkuPdfTags, 1);
  tags->elements = g_array_new (FALSE, TRUE, sizeof (Element));
  g_array_set_clear_func (tags->elements, element_clear);
  tags->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (tags->pages, page_clear);
  tags->open = OPEN_NONE;
  return tags;
}

void
iku_pdf_tags_free (IkuPdfTags *tags)
{
  if (tags == NULL)
    return;
  g_array_unref (tags->elements);
  g_array_unref (tags->pages);
  g_free (tags);
}

guint
iku_pdf_tags_add_elements (IkuPdfTags             *tags,
                           const IkuLayoutElement *elements,
                           guint                   n_elements,
                           gboolean                as_section)
{
  g_return_val_if_fail (tags != NULL, 0);
  g_return_val_if_fail (n_elements > 0 && elements[0].role == IKU_TAG_DOCUMENT, 0);

  gboolean first = tags->elements->len == 0;
  if (first && as_section)
    {
      Element root = { .role = IKU_TAG_DOCUMENT };
      g_array_append_val (tags->elements, root);
    }
  guint base = tags->elements->len;
  for (guint i = 0; i < n_elements; i++)
    {
      g_return_val_if_fail (i == 0 || elements[i].parent < i, base);
      Element e = {
        .role = elements[i].role,
        .parent = i == 0 ? 0 : base + elements[i].parent,
        .section = i == 0 && as_section,
        .alt = elements[i].alt,
      };
      g_array_append_val (tags->elements, e);
    }
  return base;
}

static HPDF_Stream
current_stream (IkuPdfTags *tags)
{
  Page *page = &g_array_index (tags->pages, Page, tags->pages->len - 1);
  return ((HPDF_PageAttr) page->page->attr)->stream;
}

HPDF_STATUS
iku_pdf_tags_begin_page (IkuPdfTags *tags, HPDF_Page page)
{
  g_return_val_if_fail (tags->open == OPEN_NONE, HPDF_INVALID_OPERATION);
  Page p = { page, g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_array_append_val (tags->pages, p);
  return HPDF_OK;
}

void
iku_pdf_tags_set_bbox (IkuPdfTags *tags, gint element, double x, double y, double x2, double y2)
{
  g_return_if_fail (tags != NULL && element >= 0 && (guint) element < tags->elements->len);
  Element *e = &g_array_index (tags->elements, Element, element);
  e->has_bbox = TRUE;
  e->bbox[0] = x;
  e->bbox[1] = y;
  e->bbox[2] = x2;
  e->bbox[3] = y2;
}

HPDF_STATUS
iku_pdf_tags_close (IkuPdfTags *tags)
{
  if (tags->open == OPEN_NONE)
    return HPDF_OK;
  tags->open = OPEN_NONE;
  return HPDF_Stream_WriteStr (current_stream (tags), "EMC\n");
}

HPDF_STATUS
iku_pdf_tags_mark (IkuPdfTags *tags, gint element)
{
  g_return_val_if_fail (tags->pages->len > 0, HPDF_INVALID_OPERATION);
  if (element == tags->open)
    return HPDF_OK;
  HPDF_STATUS status = iku_pdf_tags_close (tags);
  if (status != HPDF_OK)
    return status;

  HPDF_Stream stream = current_stream (tags);
  if (element == IKU_LAYOUT_ARTIFACT_LAYOUT)
    status = HPDF_Stream_WriteStr (stream, "/Artifact <</Type /Layout>> BDC\n");
  else if (element == IKU_LAYOUT_ARTIFACT_PAGINATION)
    status = HPDF_Stream_WriteStr (
        stream, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n");
  else
    {
      g_return_val_if_fail (element > 0 && (guint) element < tags->elements->len,
                            HPDF_INVALID_PARAMETER);
      Element *e = &g_array_index (tags->elements, Element, element);
      Page *page = &g_array_index (tags->pages, Page, tags->pages->len - 1);
      Mark mark = { tags->pages->len - 1, page->owners->len };
      guint owner = (guint) element;
      g_array_append_val (page->owners, owner);
      if (e->marks == NULL)
        e->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
      g_array_append_val (e->marks, mark);
      char line[64];
      g_snprintf (line, sizeof line, "/%s <</MCID %u>> BDC\n", role_names[e->role], mark.mcid);
      status = HPDF_Stream_WriteStr (stream, line);
    }
  if (status == HPDF_OK)
    tags->open = element;
  return status;
}

/* ---- The tree ---- */

/* @obj, new or NULL, made indirect: before it goes into any container. */
static HPDF_STATUS
add_indirect (HPDF_Doc doc, void *obj)
{
  if (obj == NULL)
    return HPDF_FAILD_TO_ALLOC_MEM;
  return HPDF_Xref_Add (doc->xref, obj);
}

/* An element's /K: its marks as MCIDs on its /Pg (the page of its first mark),
 * or as marked-content references on other pages. */
static HPDF_STATUS
element_add_marks (IkuPdfTags *tags, HPDF_Doc doc, Element *e)
{
  const Mark *first = &g_array_index (e->marks, Mark, 0);
  HPDF_Page first_page = g_array_index (tags->pages, Page, first->page).page;
  HPDF_STATUS status = HPDF_Dict_Add (e->dict, "Pg", first_page);
  if (status != HPDF_OK)
    return status;
  if (e->marks->len == 1)
    return HPDF_Dict_AddNumber (e->dict, "K", (HPDF_INT32) first->mcid);

  HPDF_Array kids = HPDF_Array_New (doc->mmgr);
  if (kids == NULL || (status = HPDF_Dict_Add (e->dict, "K", kids)) != HPDF_OK)
    return kids == NULL ? HPDF_FAILD_TO_ALLOC_MEM : status;
  for (guint i = 0; i < e->marks->len && status == HPDF_OK; i++)
    {
      const Mark *mark = &g_array_index (e->marks, Mark, i);
      if (mark->page == first->page)
        {
          status = HPDF_Array_AddNumber (kids, (HPDF_INT32) mark->mcid);
          continue;
        }
      HPDF_Dict mcr = HPDF_Dict_New (doc->mmgr);
      if (mcr == NULL)
        return HPDF_FAILD_TO_ALLOC_MEM;
      if ((status = HPDF_Array_Add (kids, mcr)) == HPDF_OK
          && (status = HPDF_Dict_AddName (mcr, "Type", "MCR")) == HPDF_OK
          && (status = HPDF_Dict_Add (mcr, "Pg",
                                      g_array_index (tags->pages, Page, mark->page).page))
               == HPDF_OK)
        status = HPDF_Dict_AddNumber (mcr, "MCID", (HPDF_INT32) mark->mcid);
    }
  return status;
}

/* @text as a PDF text string: UTF-16BE with its byte order mark, written as
 * a hex string (characters above U+FFFF as surrogate pairs). */
static HPDF_Binary
text_string (HPDF_Doc doc, const char *text)
{
  glong n = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  if (utf16 == NULL)
    return NULL;
  g_autofree HPDF_BYTE *bytes = g_malloc (2 + 2 * (gsize) n);
  bytes[0] = 0xFE;
  bytes[1] = 0xFF;
  for (glong i = 0; i < n; i++)
    {
      bytes[2 + 2 * i] = (HPDF_BYTE) (utf16[i] >> 8);
      bytes[3 + 2 * i] = (HPDF_BYTE) (utf16[i] & 0xFF);
    }
  return HPDF_Binary_New (doc->mmgr, bytes, (HPDF_UINT) (2 + 2 * n));
}

/* A Figure's /Alt and its /BBox (PDF 32000-1, 14.9.3 and 14.8.5.4.3). */
static HPDF_STATUS
figure_add_attributes (HPDF_Doc doc, Element *e)
{
  HPDF_Binary alt = text_string (doc, e->alt != NULL ? e->alt : "Logo");
  if (alt == NULL)
    return HPDF_FAILD_TO_ALLOC_MEM;
  HPDF_STATUS status = HPDF_Dict_Add (e->dict, "Alt", alt);
  if (status != HPDF_OK || !e->has_bbox)
    return status;
  HPDF_Dict a = HPDF_Dict_New (doc->mmgr);
  HPDF_Array box = HPDF_Array_New (doc->mmgr);
  if (a == NULL || box == NULL)
    return HPDF_FAILD_TO_ALLOC_MEM;
  if ((status = HPDF_Dict_Add (e->dict, "A", a)) != HPDF_OK
      || (status = HPDF_Dict_AddName (a, "O", "Layout")) != HPDF_OK
      || (status = HPDF_Dict_Add (a, "BBox", box)) != HPDF_OK)
    return status;
  for (guint i = 0; i < 4 && status == HPDF_OK; i++)
    status = HPDF_Array_AddReal (box, (HPDF_REAL) e->bbox[i]);
  return status;
}

/* Header cells label their row (PDF 32000-1, 14.8.5.7); a Figure has its
 * alternative text. */
static HPDF_STATUS
element_add_attributes (HPDF_Doc doc, Element *e)
{
  if (e->role == IKU_TAG_FIGURE)
    return figure_add_attributes (doc, e);
  if (e->role != IKU_TAG_TH)
    return HPDF_OK;
  HPDF_Dict a = HPDF_Dict_New (doc->mmgr);
  if (a == NULL)
    return HPDF_FAILD_TO_ALLOC_MEM;
  HPDF_STATUS status = HPDF_Dict_Add (e->dict, "A", a);
  if (status == HPDF_OK && (status = HPDF_Dict_AddName (a, "O", "Table")) == HPDF_OK)
    status = HPDF_Dict_AddName (a, "Scope", "Row");
  return status;
}

/* The element dictionaries, parents before children, each in its parent's /K
 * (the root in the tree root's). */
static HPDF_STATUS
build_elements (IkuPdfTags *tags, HPDF_Doc doc, HPDF_Dict root)
{
  GArray *all = tags->elements;
  for (guint i = all->len; i-- > 0;)
    {
      Element *e = &g_array_index (all, Element, i);
      if (e->marks != NULL)
        e->used = TRUE;
      if (i == 0)
        e->used = TRUE;
      else if (e->used)
        g_array_index (all, Element, e->parent).used = TRUE;
    }

  HPDF_Array root_kids = HPDF_Array_New (doc->mmgr);
  HPDF_STATUS status = root_kids != NULL ? HPDF_Dict_Add (root, "K", root_kids)
                                         : HPDF_FAILD_TO_ALLOC_MEM;
  g_autoptr(GHashTable) kids_of = g_hash_table_new (NULL, NULL);   /* Element -> /K */
  for (guint i = 0; i < all->len && status == HPDF_OK; i++)
    {
      Element *e = &g_array_index (all, Element, i);
      if (!e->used)
        continue;
      e->dict = HPDF_Dict_New (doc->mmgr);
      if ((status = add_indirect (doc, e->dict)) != HPDF_OK)
        break;
      HPDF_Dict parent = i == 0 ? root : g_array_index (all, Element, e->parent).dict;
      HPDF_Array siblings = i == 0 ? root_kids : g_hash_table_lookup (kids_of, parent);
      if ((status = HPDF_Array_Add (siblings, e->dict)) != HPDF_OK
          || (status = HPDF_Dict_AddName (e->dict, "S", e->section ? "Sect"
                                                      : role_names[e->role])) != HPDF_OK
          || (status = HPDF_Dict_Add (e->dict, "P", parent)) != HPDF_OK
          || (status = element_add_attributes (doc, e)) != HPDF_OK)
        break;
      if (e->marks != NULL)
        status = element_add_marks (tags, doc, e);
      else
        {
          HPDF_Array kids = HPDF_Array_New (doc->mmgr);
          status = kids != NULL ? HPDF_Dict_Add (e->dict, "K", kids) : HPDF_FAILD_TO_ALLOC_MEM;
          g_hash_table_insert (kids_of, e->dict, kids);
        }
    }
  return status;
}

/* /ParentTree: for each page with marked content, its /StructParents key and an
 * array of the element of each MCID. */
static HPDF_STATUS
build_parent_tree (IkuPdfTags *tags, HPDF_Doc doc, HPDF_Dict root)
{
  HPDF_Dict tree = HPDF_Dict_New (doc->mmgr);
  HPDF_Array nums = HPDF_Array_New (doc->mmgr);
  if (tree == NULL || nums == NULL)
    return HPDF_FAILD_TO_ALLOC_MEM;
  HPDF_STATUS status = HPDF_Dict_Add (root, "ParentTree", tree);
  if (status == HPDF_OK)
    status = HPDF_Dict_Add (tree, "Nums", nums);
  for (guint p = 0; p < tags->pages->len && status == HPDF_OK; p++)
    {
      Page *page = &g_array_index (tags->pages, Page, p);
      if (page->owners->len == 0)
        continue;
      HPDF_Array owners = HPDF_Array_New (doc->mmgr);
      if ((status = add_indirect (doc, owners)) != HPDF_OK
          || (status = HPDF_Dict_AddNumber (page->page, "StructParents", (HPDF_INT32) p))
               != HPDF_OK
          || (status = HPDF_Array_AddNumber (nums, (HPDF_INT32) p)) != HPDF_OK
          || (status = HPDF_Array_Add (nums, owners)) != HPDF_OK)
        break;
      for (guint m = 0; m < page->owners->len && status == HPDF_OK; m++)
        status = HPDF_Array_Add (
            owners, g_array_index (tags->elements, Element,
                                   g_array_index (page->owners, guint, m)).dict);
    }
  if (status == HPDF_OK)
    status = HPDF_Dict_AddNumber (root, "ParentTreeNextKey", (HPDF_INT32) tags->pages->len);
  return status;
}

/* /MarkInfo, /Lang, /ViewerPreferences (the title, not the file name, in the
 * window: libharu's HPDF_SetViewerPreference() cannot say that). */
static HPDF_STATUS
mark_catalog (HPDF_Doc doc, HPDF_Dict root)
{
  HPDF_Dict catalog = doc->catalog;
  HPDF_Dict mark_info = HPDF_Dict_New (doc->mmgr);
  HPDF_String lang = HPDF_String_New (doc->mmgr, "da-DK", NULL);
  if (mark_info == NULL || lang == NULL)
    return HPDF_FAILD_TO_ALLOC_MEM;
  HPDF_STATUS status = HPDF_Dict_Add (catalog, "MarkInfo", mark_info);
  if (status == HPDF_OK)
    status = HPDF_Dict_AddBoolean (mark_info, "Marked", HPDF_TRUE);
  if (status == HPDF_OK)
    status = HPDF_Dict_Add (catalog, "Lang", lang);
  HPDF_Dict prefs = HPDF_Dict_GetItem (catalog, "ViewerPreferences", HPDF_OCLASS_DICT);
  if (status == HPDF_OK && prefs == NULL)
    {
      prefs = HPDF_Dict_New (doc->mmgr);
      status = prefs != NULL ? HPDF_Dict_Add (catalog, "ViewerPreferences", prefs)
                             : HPDF_FAILD_TO_ALLOC_MEM;
    }
  if (status == HPDF_OK)
    status = HPDF_Dict_AddBoolean (prefs, "DisplayDocTitle", HPDF_TRUE);
  if (status == HPDF_OK)
    status = HPDF_Dict_Add (catalog, "StructTreeRoot", root);
  return status;
}

HPDF_STATUS
iku_pdf_tags_finish (IkuPdfTags *tags, HPDF_Doc doc)
{
  g_return_val_if_fail (tags->open == OPEN_NONE, HPDF_INVALID_OPERATION);
  g_return_val_if_fail (tags->elements->len > 0, HPDF_INVALID_OPERATION);

  HPDF_Dict root = HPDF_Dict_New (doc->mmgr);
  HPDF_STATUS status = add_indirect (doc, root);
  if (status == HPDF_OK)
    status = HPDF_Dict_AddName (root, "Type", "StructTreeRoot");
  if (status == HPDF_OK)
    status = build_elements (tags, doc, root);
  if (status == HPDF_OK)
    status = build_parent_tree (tags, doc, root);
  if (status == HPDF_OK)
    status = mark_catalog (doc, root);
  /* Some libharu calls raise the version themselves: set it last. */
  if (status == HPDF_OK)
    doc->pdf_version = HPDF_VER_17;
  return status;
}
