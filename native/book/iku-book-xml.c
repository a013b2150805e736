/* SPDX-License-Identifier: GPL-3.0-or-later
 * A spreadsheet package's XML part through libxml2's xmlTextReader. This file
 * feeds libxml2 behind the guards (iku-book-prolog.c, iku-book-markup.c) and
 * turns libxml2's errors into ours, naming the part. */
#include "iku-book-xml.h"

/* One error libxml2 reported. */
typedef struct {
  gboolean seen;
  int      code;
  int      line;
} XmlProblem;

struct _IkuBookXml
{
  xmlTextReaderPtr reader;
  IkuBookStream   *stream;        /* borrowed */
  char            *display_name;
  char            *part_name;

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
};

static gboolean
check_markup (IkuBookXml *x, const guint8 *bytes, gsize len)
{
  const char *what = NULL;
  switch (iku_book_markup_feed (&x->markup, bytes, len))
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
  g_set_error (&x->feed_error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
               "Filen »%s« kan ikke læses: %s har %s, end noget regneark skriver, "
               "og end ikuflet kan læse. Kontrollér, at det er det rigtige skema, eller åbn "
               "det i LibreOffice Calc, og gem det igen.",
               x->display_name, x->part_name, what);
  return FALSE;
}

static int
read_callback (void *context, char *buffer, int len)
{
  IkuBookXml *x = context;
  if (x->feed_error != NULL)
    return -1;
  if (len <= 0)
    return 0;
  gssize n = iku_book_stream_read (x->stream, (guint8 *) buffer, (gsize) len, &x->feed_error);
  if (n < 0)
    return -1;
  switch (iku_book_prolog_feed (&x->prolog, (const guint8 *) buffer, (gsize) n))
    {
    case IKU_BOOK_PROLOG_OK:
      return check_markup (x, (const guint8 *) buffer, (gsize) n) ? (int) n : -1;
    case IKU_BOOK_PROLOG_DOCTYPE:
      iku_book_error_set_forbidden (&x->feed_error, x->display_name);
      return -1;
    case IKU_BOOK_PROLOG_NOT_XML:
    default:
      x->not_xml = TRUE;
      iku_book_error_set_corrupt (&x->feed_error, x->display_name,
                                  "%s er ikke et XML-dokument i UTF-8", x->part_name);
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
  IkuBookXml *x = context;
  if (xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;
  /* libxml2 goes on after plain errors (an undeclared namespace prefix, ...),
   * as Calc does, but not after hitting one of its limits (reported as plain
   * errors) or after a fatal error (not well-formed, bad encoding). */
  XmlProblem *slot = &x->xml_other;
  if (is_limit_error (xml_error->code))
    slot = &x->xml_limit;
  else if (xml_error->level >= XML_ERR_FATAL)
    slot = &x->xml_fatal;
  if (slot->seen)
    return;
  slot->seen = TRUE;
  slot->code = xml_error->code;
  slot->line = xml_error->line;
}

static void
set_xml_error (IkuBookXml *x, GError **error)
{
  const XmlProblem *problem = x->xml_limit.seen ? &x->xml_limit
                              : x->xml_fatal.seen ? &x->xml_fatal : &x->xml_other;
  if (!problem->seen)
    {
      iku_book_error_set_corrupt (error, x->display_name, "%s kunne ikke læses som XML",
                                  x->part_name);
      return;
    }
  switch (problem->code)
    {
    case XML_ERR_INVALID_CHAR:  /* bytes that are not UTF-8, or a forbidden character */
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_I18N_CONV_FAILED:
      iku_book_error_set_corrupt (error, x->display_name, "%s har ugyldige tegn i linje %d",
                                  x->part_name, problem->line);
      break;
    case XML_ERR_INTERNAL_ERROR:
    case XML_ERR_NO_MEMORY:
    case XML_ERR_NAME_TOO_LONG:
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« kan ikke læses: %s har i linje %d mere tekst eller "
                   "dybere indlejring, end ikuflet kan læse. "
                   "Åbn den i LibreOffice Calc, og gem den igen.",
                   x->display_name, x->part_name, problem->line);
      break;
    default:
      iku_book_error_set_corrupt (error, x->display_name, "%s har en XML-fejl i linje %d",
                                  x->part_name, problem->line);
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

IkuBookXml *
iku_book_xml_new (IkuBookStream *stream, const char *display_name, const char *part_name)
{
  g_return_val_if_fail (stream != NULL && display_name != NULL && part_name != NULL, NULL);

  init_libxml ();
  IkuBookXml *x = g_new0 (IkuBookXml, 1);
  x->stream = stream;
  x->display_name = g_strdup (display_name);
  x->part_name = g_strdup (part_name);
  x->prolog = (IkuBookProlog) IKU_BOOK_PROLOG_INIT;
  x->markup = (IkuBookMarkup) IKU_BOOK_MARKUP_INIT;
  /* UTF-8 whatever the document declares (both formats' packages are UTF-8),
   * so that the prolog guard sees the bytes as libxml2 does. No network, no
   * entity substitution, no DTD loading, libxml2's default size limits (no HUGE). */
  x->reader = xmlReaderForIO (read_callback, NULL, x, part_name, "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT
                              | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (x->reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (x->reader, structured_error_callback, x);
  return x;
}

void
iku_book_xml_free (IkuBookXml *xml)
{
  if (xml == NULL)
    return;
  g_clear_pointer (&xml->reader, xmlFreeTextReader);
  g_clear_error (&xml->feed_error);
  g_free (xml->display_name);
  g_free (xml->part_name);
  g_free (xml);
}

int
iku_book_xml_read (IkuBookXml *xml, GError **error)
{
  g_return_val_if_fail (xml != NULL, -1);

  int status = xml->reader != NULL ? xmlTextReaderRead (xml->reader) : -1;
  if (status == 1)
    return 1;
  if (xml->feed_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&xml->feed_error));
      return -1;
    }
  if (status != 0 || xml->xml_fatal.seen || xml->xml_limit.seen)
    {
      set_xml_error (xml, error);
      return -1;
    }
  return 0;
}

xmlTextReaderPtr
iku_book_xml_get_reader (IkuBookXml *xml)
{
  g_return_val_if_fail (xml != NULL, NULL);
  return xml->reader;
}

gboolean
iku_book_xml_not_xml (const IkuBookXml *xml)
{
  g_return_val_if_fail (xml != NULL, FALSE);
  return xml->not_xml;
}

char *
iku_book_xml_dup_attribute (IkuBookXml *xml, const char *name)
{
  g_return_val_if_fail (xml != NULL && name != NULL, NULL);
  xmlChar *value = xmlTextReaderGetAttribute (xml->reader, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  char *copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}
