/* SPDX-License-Identifier: GPL-3.0-or-later
 * UNO values in memory: anys, sequences, struct fields, and the NamedValue lists
 * that XJob.execute takes and returns. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* The byte offset of @field in the UNO struct @struct_name (bases searched too). */
gboolean       iku_uno_struct_offset        (const char *struct_name,
                                             const char *field,
                                             gsize      *offset,
                                             GError    **error) G_GNUC_WARN_UNUSED_RESULT;

/* Destructs the sequence @seq of the type @type_name ("[]string"); NULL is allowed. */
void           iku_uno_sequence_free        (uno_Sequence *seq,
                                             const char   *type_name);

/* The interface held by @any, acquired; NULL when @any holds none. */
uno_Interface *iku_uno_any_dup_interface    (const uno_Any *any);
/* The string held by @any as UTF-8, or NULL when @any holds no string. */
char          *iku_uno_any_dup_string       (const uno_Any *any);
/* The length in UTF-16 code units of the string held by @any (a bound on its
 * UTF-8 length from below), or -1 when @any holds no string. Costs nothing. */
gint32         iku_uno_any_get_string_units (const uno_Any *any);
/* TRUE and *@value when @any holds a boolean. */
gboolean       iku_uno_any_get_boolean      (const uno_Any *any,
                                             gboolean      *value);

/* Construct @any (unconstructed memory) holding a boolean. */
void           iku_uno_any_init_boolean     (uno_Any *any,
                                             gboolean value);
/* Construct @any (unconstructed memory) holding a string, a []string, or a
 * com.sun.star.beans.NamedValue. */
void           iku_uno_any_init_string      (uno_Any    *any,
                                             const char *utf8);
gboolean       iku_uno_any_init_strings     (uno_Any            *any,
                                             const char * const *strv,
                                             guint               n,
                                             GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       iku_uno_any_init_named_value (uno_Any       *any,
                                             const char    *name,
                                             const uno_Any *value,
                                             GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Construct @any (unconstructed memory) holding a []NamedValue made of @names
 * and @values (copied). */
gboolean       iku_uno_any_init_named_values (uno_Any            *any,
                                              const char * const *names,
                                              const uno_Any      *values,
                                              guint               n,
                                              GError            **error) G_GNUC_WARN_UNUSED_RESULT;

#define IKU_UNO_PROPERTY_VALUE_SEQ "[]com.sun.star.beans.PropertyValue"

/* A new []com.sun.star.beans.PropertyValue made of @names and @values (copied), as
 * loadComponentFromURL takes it. (transfer full): free with
 * iku_uno_sequence_free (seq, IKU_UNO_PROPERTY_VALUE_SEQ). */
uno_Sequence  *iku_uno_property_values_new   (const char * const *names,
                                              const uno_Any      *values,
                                              guint               n,
                                              GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* Called for each NamedValue of a list; return FALSE with @error to stop. */
typedef gboolean (*IkuUnoNamedValueFunc) (const char    *name,
                                          const uno_Any *value,
                                          gpointer       user_data,
                                          GError       **error);

/* Walks @seq, a []com.sun.star.beans.NamedValue. */
gboolean iku_uno_named_values_foreach     (const uno_Sequence  *seq,
                                           IkuUnoNamedValueFunc func,
                                           gpointer             user_data,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Walks the NamedValues held by @any: a []NamedValue, or a []any whose elements
 * are NamedValues (what pyuno makes of a tuple); elements of other types are
 * skipped. An @any holding neither is IKU_UNO_ERROR_ARGUMENT. */
gboolean iku_uno_any_foreach_named_value  (const uno_Any       *any,
                                           IkuUnoNamedValueFunc func,
                                           gpointer             user_data,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
