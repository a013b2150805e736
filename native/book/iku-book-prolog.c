/* SPDX-License-Identifier: GPL-3.0-or-later
 * The DOCTYPE guard: a DTD is where entities are declared (billion laughs,
 * external entities), and an XML document can only have one before its root
 * element. Refusing it there, in the raw bytes, means libxml2 never parses a
 * declaration at all. Exact because libxml2 is made to read UTF-8 whatever the
 * document claims (see iku-ods-content.c): it sees the bytes we see. */
#include "iku-book-private.h"

typedef enum {
  STATE_START,           /* nothing yet; a UTF-8 byte order mark may come */
  STATE_BOM_1,           /* after EF */
  STATE_BOM_2,           /* after EF BB */
  STATE_MISC,            /* between markup: white space or '<' */
  STATE_LT,              /* after '<' */
  STATE_PI,              /* inside <? ... ?> (the XML declaration too) */
  STATE_PI_QUESTION,     /* after '?' inside <? ... */
  STATE_BANG,            /* after "<!" */
  STATE_BANG_DASH,       /* after "<!-" */
  STATE_COMMENT,         /* inside <!-- ... --> */
  STATE_COMMENT_DASH,    /* after '-' inside a comment */
  STATE_COMMENT_DASH_2,  /* after "--" inside a comment */
  STATE_DONE,            /* the root element has begun; libxml2 checks the rest */
} State;

G_STATIC_ASSERT (STATE_START == 0);  /* IKU_BOOK_PROLOG_INIT */

static gboolean
is_xml_space (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* One byte; returns the next state, or STATE_DONE with *result set to refuse. */
static State
step (State state, guint8 c, IkuBookPrologResult *result)
{
  switch (state)
    {
    case STATE_START:
      if (c == 0xEF)
        return STATE_BOM_1;
      return step (STATE_MISC, c, result);
    case STATE_BOM_1:
    case STATE_BOM_2:
      if (c != (state == STATE_BOM_1 ? 0xBB : 0xBF))
        {
          *result = IKU_BOOK_PROLOG_NOT_XML;
          return STATE_DONE;
        }
      return state == STATE_BOM_1 ? STATE_BOM_2 : STATE_MISC;
    case STATE_MISC:
      if (c == '<')
        return STATE_LT;
      if (!is_xml_space (c))
        *result = IKU_BOOK_PROLOG_NOT_XML;
      return is_xml_space (c) ? STATE_MISC : STATE_DONE;
    case STATE_LT:
      if (c == '?')
        return STATE_PI;
      if (c == '!')
        return STATE_BANG;
      return STATE_DONE;
    case STATE_PI:
      return c == '?' ? STATE_PI_QUESTION : STATE_PI;
    case STATE_PI_QUESTION:
      if (c == '>')
        return STATE_MISC;
      return c == '?' ? STATE_PI_QUESTION : STATE_PI;
    case STATE_BANG:
      if (c == '-')
        return STATE_BANG_DASH;
      if (c == 'D')
        *result = IKU_BOOK_PROLOG_DOCTYPE;
      /* Anything else ("<![CDATA[", "<!ENTITY") is not well-formed here, and
       * libxml2 reports it without declaring anything. */
      return STATE_DONE;
    case STATE_BANG_DASH:
      return c == '-' ? STATE_COMMENT : STATE_DONE;
    case STATE_COMMENT:
      return c == '-' ? STATE_COMMENT_DASH : STATE_COMMENT;
    case STATE_COMMENT_DASH:
      return c == '-' ? STATE_COMMENT_DASH_2 : STATE_COMMENT;
    case STATE_COMMENT_DASH_2:
      /* "--" must end a comment; if it does not, libxml2 reports the error. */
      return c == '>' ? STATE_MISC : STATE_DONE;
    case STATE_DONE:
    default:
      return STATE_DONE;
    }
}

/**
 * iku_book_prolog_feed:
 * @prolog: the guard's state, IKU_BOOK_PROLOG_INIT for a new document
 * @bytes: the next bytes of the document, before libxml2 gets them
 * @len: their number
 *
 * Returns: whether the bytes may be passed on. After a refusal every further
 * call refuses the same way.
 */
IkuBookPrologResult
iku_book_prolog_feed (IkuBookProlog *prolog, const guint8 *bytes, gsize len)
{
  g_return_val_if_fail (prolog != NULL, IKU_BOOK_PROLOG_NOT_XML);

  State state = (State) prolog->state;
  for (gsize i = 0; i < len && state != STATE_DONE; i++)
    state = step (state, bytes[i], &prolog->result);
  prolog->state = (int) state;
  return prolog->result;
}
