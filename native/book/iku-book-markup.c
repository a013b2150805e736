/* SPDX-License-Identifier: GPL-3.0-or-later
 * The markup guard in front of libxml2: follows the tags of the raw bytes and
 * stops at what makes libxml2 slow before libxml2 sees it. libxml2 compares
 * each attribute of a start tag with every earlier one and looks each prefix up
 * through every namespace declaration in scope, so one element with 100,000
 * attributes, or thousands of declarations in scope of every cell, costs
 * minutes on a file of a few hundred kilobytes. Spreadsheets have a few
 * attributes per element and declare their namespaces once, on the root.
 *
 * The guard is exact for well-formed XML; at the first malformed byte it may
 * lose track, but libxml2 stops at that byte too and parses nothing after it. */
#include "iku-book-private.h"

typedef enum {
  STATE_TEXT,          /* character data, or between markup */
  STATE_LT,            /* after '<' */
  STATE_TAG_NAME,      /* the name of a start tag */
  STATE_IN_TAG,        /* inside a start tag, between attributes */
  STATE_ATTR_NAME,     /* the name of an attribute */
  STATE_BEFORE_VALUE,  /* after the name, before the quote */
  STATE_VALUE,         /* inside a quoted value */
  STATE_TAG_SLASH,     /* after '/' inside a start tag */
  STATE_END_TAG,       /* inside </...> */
  STATE_BANG,          /* after "<!" */
  STATE_BANG_DASH,     /* after "<!-" */
  STATE_COMMENT,       /* inside <!-- ... --> (counts the dashes seen in a row) */
  STATE_CDATA,         /* inside <![CDATA[ ... ]]> (counts the brackets in a row) */
  STATE_DECLARATION,   /* another <!...>: the prolog guard refuses a DOCTYPE */
  STATE_PI,            /* inside <? ... ?> */
  STATE_REFUSED,       /* a bound was exceeded: final */
} State;

G_STATIC_ASSERT (STATE_TEXT == 0);  /* IKU_BOOK_MARKUP_INIT */

static const char XMLNS[] = "xmlns";

static gboolean
is_space (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static IkuBookMarkupResult
open_element (IkuBookMarkup *m)
{
  if (m->depth >= IKU_BOOK_MAX_DEPTH)
    return IKU_BOOK_MARKUP_TOO_DEEP;
  m->namespaces_at[m->depth++] = (guint8) m->tag_namespaces;
  return IKU_BOOK_MARKUP_OK;
}

static void
close_element (IkuBookMarkup *m)
{
  if (m->depth == 0)
    return;  /* not well-formed: libxml2 says so */
  m->n_namespaces -= m->namespaces_at[--m->depth];
}

/* One byte; returns the next state, or sets *result and returns STATE_REFUSED. */
static State
step (IkuBookMarkup *m, State state, guint8 c, IkuBookMarkupResult *result)
{
  switch (state)
    {
    case STATE_TEXT:
      return c == '<' ? STATE_LT : STATE_TEXT;
    case STATE_LT:
      if (c == '/')
        return STATE_END_TAG;
      if (c == '!')
        return STATE_BANG;
      if (c == '?')
        return STATE_PI;
      m->tag_attributes = 0;
      m->tag_namespaces = 0;
      return STATE_TAG_NAME;
    case STATE_TAG_NAME:
    case STATE_IN_TAG:
      if (c == '>')
        {
          *result = open_element (m);
          return *result == IKU_BOOK_MARKUP_OK ? STATE_TEXT : STATE_REFUSED;
        }
      if (c == '/')
        return STATE_TAG_SLASH;
      if (is_space (c))
        return STATE_IN_TAG;
      if (state == STATE_TAG_NAME)
        return STATE_TAG_NAME;
      if (++m->tag_attributes > IKU_BOOK_MAX_ATTRIBUTES)
        {
          *result = IKU_BOOK_MARKUP_TOO_MANY_ATTRIBUTES;
          return STATE_REFUSED;
        }
      m->name_matched = c == XMLNS[0] ? 1 : -1;
      return STATE_ATTR_NAME;
    case STATE_ATTR_NAME:
      if (c == '=' || is_space (c))
        {
          /* "xmlns" or "xmlns:prefix": a namespace declaration. */
          if (m->name_matched == 5 || m->name_matched == 6)
            {
              m->tag_namespaces++;
              if (++m->n_namespaces > IKU_BOOK_MAX_NAMESPACES)
                {
                  *result = IKU_BOOK_MARKUP_TOO_MANY_NAMESPACES;
                  return STATE_REFUSED;
                }
            }
          return STATE_BEFORE_VALUE;
        }
      if (m->name_matched >= 0 && m->name_matched < 5 && c == (guint8) XMLNS[m->name_matched])
        m->name_matched++;
      else if (m->name_matched == 5 && c == ':')
        m->name_matched = 6;
      else if (m->name_matched != 6)
        m->name_matched = -1;
      return STATE_ATTR_NAME;
    case STATE_BEFORE_VALUE:
      if (c == '"' || c == '\'')
        {
          m->quote = c;
          return STATE_VALUE;
        }
      return STATE_BEFORE_VALUE;
    case STATE_VALUE:
      return c == m->quote ? STATE_IN_TAG : STATE_VALUE;
    case STATE_TAG_SLASH:
      if (c == '>')
        {
          /* An empty element: its declarations end with it. */
          m->n_namespaces -= m->tag_namespaces;
          return STATE_TEXT;
        }
      return STATE_IN_TAG;
    case STATE_END_TAG:
      if (c == '>')
        {
          close_element (m);
          return STATE_TEXT;
        }
      return STATE_END_TAG;
    case STATE_BANG:
      m->run = 0;
      if (c == '-')
        return STATE_BANG_DASH;
      return c == '[' ? STATE_CDATA : STATE_DECLARATION;
    case STATE_BANG_DASH:
      return c == '-' ? STATE_COMMENT : STATE_DECLARATION;
    case STATE_COMMENT:
      if (c == '>' && m->run >= 2)
        return STATE_TEXT;
      m->run = c == '-' ? m->run + 1 : 0;
      return STATE_COMMENT;
    case STATE_CDATA:
      /* "<![CDATA[" ends at the first "]]>" ("[CDATA[" itself has no "]"). */
      if (c == '>' && m->run >= 2)
        return STATE_TEXT;
      m->run = c == ']' ? m->run + 1 : 0;
      return STATE_CDATA;
    case STATE_DECLARATION:
      return c == '>' ? STATE_TEXT : STATE_DECLARATION;
    case STATE_PI:
      if (c == '>' && m->run == 1)
        return STATE_TEXT;
      m->run = c == '?' ? 1 : 0;
      return STATE_PI;
    case STATE_REFUSED:
    default:
      return STATE_REFUSED;
    }
}

/**
 * iku_book_markup_feed:
 * @markup: the guard's state, IKU_BOOK_MARKUP_INIT for a new document
 * @bytes: the next bytes of the document, before libxml2 gets them
 * @len: their number
 *
 * Returns: whether the bytes may be passed on. After a refusal every further
 * call refuses the same way.
 */
IkuBookMarkupResult
iku_book_markup_feed (IkuBookMarkup *markup, const guint8 *bytes, gsize len)
{
  g_return_val_if_fail (markup != NULL, IKU_BOOK_MARKUP_TOO_DEEP);

  State state = (State) markup->state;
  for (gsize i = 0; i < len && state != STATE_REFUSED; i++)
    state = step (markup, state, bytes[i], &markup->result);
  markup->state = (int) state;
  return markup->result;
}
