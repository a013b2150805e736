/* SPDX-License-Identifier: GPL-3.0-or-later
 * The one way this extension calls into the office: by member name
 * ("com.sun.star.frame.XModel::getURL"), with the member's type description looked
 * up once and cached, the call made through the member's declaring interface, and a
 * thrown UNO exception turned into a GError. Return values follow binary UNO:
 * interfaces come back acquired, strings and sequences owned by the caller. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* The complete description of the type or member @name. (transfer none): kept in a
 * process-wide cache guarded by a mutex, valid for the life of the office. */
typelib_TypeDescription *iku_uno_type_get (const char *name,
                                           GError    **error);

/* Calls @member on the object @obj (any of its interfaces). @ret is unconstructed
 * memory for the result (NULL for void), @args the argument pointers as
 * uno_DispatchMethod takes them. On failure @ret is untouched. */
gboolean       iku_uno_call                (uno_Interface *obj,
                                            const char    *member,
                                            void          *ret,
                                            void         **args,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The interface @iface_name of @obj. (transfer full) NULL with IKU_UNO_ERROR_UNSUPPORTED
 * when @obj does not have it. */
uno_Interface *iku_uno_query               (uno_Interface *obj,
                                            const char    *iface_name,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* As iku_uno_query(), but a missing interface (or a NULL @obj) is a plain NULL. */
uno_Interface *iku_uno_query_or_null       (uno_Interface *obj,
                                            const char    *iface_name);
/* TRUE when @obj (NULL allowed) has the interface @iface_name. */
gboolean       iku_uno_has_interface       (uno_Interface *obj,
                                            const char    *iface_name);

/* Calls a member that returns an interface. (transfer full) A null result is
 * IKU_UNO_ERROR_NULL. */
uno_Interface *iku_uno_call_object         (uno_Interface *obj,
                                            const char    *member,
                                            void         **args,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* As iku_uno_call_object(), but a null result is allowed: *@result is NULL then. */
gboolean       iku_uno_call_object_or_null (uno_Interface  *obj,
                                            const char     *member,
                                            void          **args,
                                            uno_Interface **result,
                                            GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* Calls a member that returns a string; the result as UTF-8. (transfer full) */
char          *iku_uno_call_string         (uno_Interface *obj,
                                            const char    *member,
                                            void         **args,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       iku_uno_call_boolean        (uno_Interface *obj,
                                            const char    *member,
                                            void         **args,
                                            gboolean      *result,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       iku_uno_call_int32          (uno_Interface *obj,
                                            const char    *member,
                                            void         **args,
                                            gint32        *result,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The UNO identity of @obj (any interface of it): two references are the same
 * object exactly when their identities are equal. Holds no reference to @obj.
 * (transfer full) NULL when the runtime cannot tell (never for a live object). */
char          *iku_uno_dup_object_id       (uno_Interface *obj) G_GNUC_WARN_UNUSED_RESULT;

/* A weak reference to @obj: an XAdapter that does not keep @obj alive.
 * (transfer full) IKU_UNO_ERROR_UNSUPPORTED when @obj is not an XWeak. */
uno_Interface *iku_uno_weak_new            (uno_Interface *obj,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* The object behind the weak reference @adapter (its XInterface), or NULL when it
 * is gone. (transfer full) */
uno_Interface *iku_uno_weak_dup            (uno_Interface *adapter);

/* Appends the objects the XEnumeration @enumeration yields (acquired; elements
 * that are no objects are skipped) to @out, which frees them with
 * iku_uno_release(). Stops after @max elements: enumerations of the office's
 * documents and views are short, and this bounds one that misbehaves. */
gboolean       iku_uno_enumeration_collect (uno_Interface *enumeration,
                                            guint          max,
                                            GPtrArray     *out,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* A new instance of the service @name, made by the service manager of the
 * component context @context. (transfer full) */
uno_Interface *iku_uno_create_instance     (uno_Interface *context,
                                            const char    *name,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
