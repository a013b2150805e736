/* SPDX-License-Identifier: GPL-3.0-or-later
 * The one header that includes LibreOffice's binary UNO C API (only native/uno/ uses it). */
#pragma once

#include <glib.h>

#include <sal/types.h>
#include <osl/file.h>
#include <osl/process.h>
#include <rtl/ustring.h>
#include <typelib/typeclass.h>
/* The 7.4 SDK's typelib/typedescription.h ends with two inline helpers spelled in C++
 * (bool, a bare _typelib_TypeClass). We never call them; these two lines let the
 * header parse as C. */
#include <stdbool.h>
#define _typelib_TypeClass typelib_TypeClass
#include <typelib/typedescription.h>
#undef _typelib_TypeClass
#include <uno/any2.h>
#include <uno/data.h>
#include <uno/dispatcher.h>
#include <uno/environment.h>
#include <uno/lbnames.h>
#include <uno/sequence2.h>

G_BEGIN_DECLS

/* Releases a reference; NULL is allowed. */
static inline void
iku_uno_release (uno_Interface *iface)
{
  if (iface != NULL)
    (*iface->release) (iface);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (uno_Interface, iku_uno_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (rtl_uString, rtl_uString_release)

G_END_DECLS
