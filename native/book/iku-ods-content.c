/* SPDX-License-Identifier: GPL-3.0-or-later
 * content.xml -> IkuBook through libxml2's streaming xmlTextReader: memory stays
 * small whatever the file's size. This file feeds libxml2 (behind the DOCTYPE
 * guard) and turns its errors into ours; iku-ods-walk.c says what the elements
 * mean, and the builder keeps positions and bounds. */
#include "iku-ods-walk.h"

/* One error libxml2 reported. */
typedef struct {
  gboolean seen;
  int      code;
  int      line;
} XmlProblem;

typedef struct {
  xmlTextReaderPtr reader;
  IkuBookStream   *content;
  const char      *display_name;
  IkuBookBuilder  *builder;
  IkuOdsWalk      *walk;

  /* Raised while feeding libxml2: it wins over what libxml2 then says. */
  GError          *feed_error;
  IkuBookProlog    prolog;
  IkuBookMarkup    markup;
  gboolean         not_xml;

  /* The first errors libxml2 reported: one of its own limits (a text node
   * over 10 MB, nesting deeper than 256, ...), a fatal error, any error. */
  XmlProblem       xml_limit;
  XmlProblem       xml_fatal;
  XmlProblem       xml_other;
} Parser;

static void
parser_clear (Parser *p)
{
  g_clear_pointer (&p->walk, iku_ods_walk_free);
  g_clear_pointer (&p->reader, xmlFreeTextReader);
  g_clear_pointer (&p->builder, iku_book_builder_free);
  g_clear_error (&p->feed_error);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

/* ---- feeding libxml2 ------------------------------------------------------ */

static gboolean
check_markup (Parser *p, const guint8 *bytes, gsize len)
{
  const char *what = NULL;
  switch (iku_book_markup_feed (&p->markup, bytes, len))
    {
    case IKU_BOOK_MARKUP_OK:
      return TRUE;
    case IKU_BOOK_MARKUP_TOO_MANY_ATTRIBUTES:
      what = "et element med flere egenskaber (attributter)";
      break;
    case IKU_BOOK_MARKUP_TOO_MANY_NAMESPACES:
      what = "flere navnerumserklæringer";
      break;
    case IKU_BOOK_MARKUP_TOO_DEEP:
    default:
      what = "dybere indlejring";
      break;
    }
  g_set_error (&p->feed_error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
               "Filen »%s« kan ikke læses: content.xml har %s, end noget regneark skriver, "
               "og end ikuflet kan læse. Kontrollér, at det er det rigtige skema, eller åbn "
               "det i LibreOffice Calc, og gem det igen.",
               p->display_name, what);
  return FALSE;
}

static int
read_callback (void *context, char *buffer, int len)
{
  Parser *p = context;
  if (p->feed_error != NULL)
    return -1;
  if (len <= 0)
    return 0;
  gssize n = iku_book_stream_read (p->content, (guint8 *) buffer, (gsize) len, &p->feed_error);
  if (n < 0)
    return -1;
  switch (iku_book_prolog_feed (&p->prolog, (const guint8 *) buffer, (gsize) n))
    {
    case IKU_BOOK_PROLOG_OK:
      return check_markup (p, (const guint8 *) buffer, (gsize) n) ? (int) n : -1;
    case IKU_BOOK_PROLOG_DOCTYPE:
      iku_book_error_set_forbidden (&p->feed_error, p->display_name);
      return -1;
    case IKU_BOOK_PROLOG_NOT_XML:
    default:
      p->not_xml = TRUE;
      iku_book_error_set_corrupt (&p->feed_error, p->display_name,
                                  "content.xml er ikke et XML-dokument i UTF-8");
      return -1;
    }
}

/* libxml2's own bounds: a text node over 10 MB (reported as a memory error),
 * nesting deeper than 256, a name too long, ... */
static gboolean
is_limit_error (int code)
{
  return code == XML_ERR_INTERNAL_ERROR || code == XML_ERR_NO_MEMORY
         || code == XML_ERR_NAME_TOO_LONG;
}

static void
structured_error_callback (void *context, xmlErrorPtr xml_error)
{
  Parser *p = context;
  if (xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;
  /* libxml2 goes on after plain errors (an undeclared namespace prefix, ...),
   * as Calc does, but not after hitting one of its limits (reported as plain
   * errors) or after a fatal error (not well-formed, bad encoding). */
  XmlProblem *slot = &p->xml_other;
  if (is_limit_error (xml_error->code))
    slot = &p->xml_limit;
  else if (xml_error->level >= XML_ERR_FATAL)
    slot = &p->xml_fatal;
  if (slot->seen)
    return;
  slot->seen = TRUE;
  slot->code = xml_error->code;
  slot->line = xml_error->line;
}

static void
set_xml_error (Parser *p, GError **error)
{
  const XmlProblem *problem = p->xml_limit.seen ? &p->xml_limit
                              : p->xml_fatal.seen ? &p->xml_fatal : &p->xml_other;
  if (!problem->seen)
    {
      iku_book_error_set_corrupt (error, p->display_name, "content.xml kunne ikke læses som XML");
      return;
    }
  switch (problem->code)
    {
    case XML_ERR_INVALID_CHAR:  /* bytes that are not UTF-8, or a forbidden character */
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_I18N_CONV_FAILED:
      iku_book_error_set_corrupt (error, p->display_name, "content.xml har ugyldige tegn i linje %d",
                                  problem->line);
      break;
    case XML_ERR_INTERNAL_ERROR:
    case XML_ERR_NO_MEMORY:
    case XML_ERR_NAME_TOO_LONG:
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« kan ikke læses: content.xml har i linje %d mere tekst eller "
                   "dybere indlejring, end ikuflet kan læse. "
                   "Åbn den i LibreOffice Calc, og gem den igen.",
                   p->display_name, problem->line);
      break;
    default:
      iku_book_error_set_corrupt (error, p->display_name, "content.xml har en XML-fejl i linje %d",
                                  problem->line);
      break;
    }
}

/* libxml2's global tables are set up once per process. xmlCleanupParser is
 * never called: the host process (LibreOffice) may use libxml2 itself. */
static void
init_libxml (void)
{
  static gsize initialised = 0;
  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }
}

IkuBook *
iku_ods_content_parse (IkuBookStream *content, const char *display_name, gboolean *out_not_xml,
                       GError **error)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  init_libxml ();
  g_auto(Parser) p = { 0 };
  p.content = content;
  p.display_name = display_name;
  p.builder = iku_book_builder_new (display_name);
  p.prolog = (IkuBookProlog) IKU_BOOK_PROLOG_INIT;
  p.markup = (IkuBookMarkup) IKU_BOOK_MARKUP_INIT;
  if (out_not_xml != NULL)
    *out_not_xml = FALSE;

  /* UTF-8 whatever the document declares (ODF packages are UTF-8), so that the
   * prolog guard sees the bytes as libxml2 does. No network, no entity
   * substitution, no DTD loading, libxml2's default size limits (no HUGE). */
  p.reader = xmlReaderForIO (read_callback, NULL, &p, "content.xml", "UTF-8",
                             XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT
                             | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  int status = -1;
  if (p.reader != NULL)
    {
      xmlTextReaderSetStructuredErrorHandler (p.reader, structured_error_callback, &p);
      p.walk = iku_ods_walk_new (p.reader, p.builder, display_name);
      while ((status = xmlTextReaderRead (p.reader)) == 1)
        if (!iku_ods_walk_node (p.walk, error))
          return NULL;
    }

  if (p.feed_error != NULL)
    {
      if (out_not_xml != NULL)
        *out_not_xml = p.not_xml;
      g_propagate_error (error, g_steal_pointer (&p.feed_error));
      return NULL;
    }
  if (status != 0 || p.xml_fatal.seen || p.xml_limit.seen)
    {
      set_xml_error (&p, error);
      return NULL;
    }
  if (p.walk == NULL || !iku_ods_walk_saw_spreadsheet (p.walk))
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET,
                   "Filen »%s« er et OpenDocument-dokument, men ikke et regneark. "
                   "Gem skemaet som .ods i LibreOffice Calc, og prøv igen.",
                   display_name);
      return NULL;
    }
  return iku_book_builder_steal_book (p.builder);
}
