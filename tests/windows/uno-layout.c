/* SPDX-License-Identifier: GPL-3.0-or-later
 * Prints the size and alignment of the UNO C types, and the offset of every field
 * the component reads or writes, one "name=value" per line. Built for Linux
 * x86-64 with Debian's SDK headers and for Win64 with the shim (native/windows):
 * test_uno_layout.py expects the same lines except sizeof(long). */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <sal/types.h>
#include <rtl/ustring.h>
#include <typelib/typeclass.h>
#define _typelib_TypeClass typelib_TypeClass
#include <typelib/typedescription.h>
#undef _typelib_TypeClass
#include <uno/any2.h>
#include <uno/dispatcher.h>
#include <uno/environment.h>
#include <uno/sequence2.h>

#define SIZE(type) printf ("sizeof(%s)=%zu alignof=%zu\n", #type, sizeof (type), _Alignof (type))
#define FIELD(type, field) printf ("offsetof(%s.%s)=%zu\n", #type, #field, offsetof (type, field))

int
main (void)
{
  SIZE (long);
  SIZE (sal_Bool); SIZE (sal_Int8); SIZE (sal_Int16); SIZE (sal_Int32); SIZE (sal_Int64);
  SIZE (sal_uInt64); SIZE (sal_Size); SIZE (sal_IntPtr); SIZE (sal_Unicode);
  SIZE (float); SIZE (double); SIZE (void *); SIZE (typelib_TypeClass);
  SIZE (rtl_uString);
  FIELD (rtl_uString, refCount); FIELD (rtl_uString, length); FIELD (rtl_uString, buffer);
  SIZE (sal_Sequence);
  FIELD (sal_Sequence, nRefCount); FIELD (sal_Sequence, nElements); FIELD (sal_Sequence, elements);
  SIZE (uno_Any);
  FIELD (uno_Any, pType); FIELD (uno_Any, pData); FIELD (uno_Any, pReserved);
  SIZE (uno_Interface);
  FIELD (uno_Interface, acquire); FIELD (uno_Interface, release);
  FIELD (uno_Interface, pDispatcher);
  SIZE (typelib_TypeDescriptionReference);
  FIELD (typelib_TypeDescriptionReference, nRefCount);
  FIELD (typelib_TypeDescriptionReference, nStaticRefCount);
  FIELD (typelib_TypeDescriptionReference, eTypeClass);
  FIELD (typelib_TypeDescriptionReference, pTypeName);
  FIELD (typelib_TypeDescriptionReference, pType);
  FIELD (typelib_TypeDescriptionReference, pUniqueIdentifier);
  FIELD (typelib_TypeDescriptionReference, pReserved);
  SIZE (typelib_TypeDescription);
  FIELD (typelib_TypeDescription, nRefCount); FIELD (typelib_TypeDescription, nStaticRefCount);
  FIELD (typelib_TypeDescription, eTypeClass); FIELD (typelib_TypeDescription, pTypeName);
  FIELD (typelib_TypeDescription, pSelf); FIELD (typelib_TypeDescription, pUniqueIdentifier);
  FIELD (typelib_TypeDescription, pReserved); FIELD (typelib_TypeDescription, bComplete);
  FIELD (typelib_TypeDescription, nSize); FIELD (typelib_TypeDescription, nAlignment);
  FIELD (typelib_TypeDescription, pWeakRef); FIELD (typelib_TypeDescription, bOnDemand);
  SIZE (typelib_CompoundTypeDescription);
  FIELD (typelib_CompoundTypeDescription, pBaseTypeDescription);
  FIELD (typelib_CompoundTypeDescription, nMembers);
  FIELD (typelib_CompoundTypeDescription, pMemberOffsets);
  FIELD (typelib_CompoundTypeDescription, ppTypeRefs);
  FIELD (typelib_CompoundTypeDescription, ppMemberNames);
  SIZE (typelib_StructTypeDescription);
  FIELD (typelib_StructTypeDescription, pParameterizedTypes);
  SIZE (typelib_IndirectTypeDescription);
  FIELD (typelib_IndirectTypeDescription, pType);
  SIZE (typelib_EnumTypeDescription);
  FIELD (typelib_EnumTypeDescription, nDefaultEnumValue);
  FIELD (typelib_EnumTypeDescription, ppEnumNames);
  FIELD (typelib_EnumTypeDescription, pEnumValues);
  SIZE (typelib_MethodParameter);
  FIELD (typelib_MethodParameter, pName); FIELD (typelib_MethodParameter, pTypeRef);
  FIELD (typelib_MethodParameter, bIn); FIELD (typelib_MethodParameter, bOut);
  SIZE (typelib_InterfaceMemberTypeDescription);
  FIELD (typelib_InterfaceMemberTypeDescription, nPosition);
  FIELD (typelib_InterfaceMemberTypeDescription, pMemberName);
  SIZE (typelib_InterfaceMethodTypeDescription);
  FIELD (typelib_InterfaceMethodTypeDescription, pReturnTypeRef);
  FIELD (typelib_InterfaceMethodTypeDescription, nParams);
  FIELD (typelib_InterfaceMethodTypeDescription, pParams);
  FIELD (typelib_InterfaceMethodTypeDescription, nExceptions);
  FIELD (typelib_InterfaceMethodTypeDescription, ppExceptions);
  FIELD (typelib_InterfaceMethodTypeDescription, pInterface);
  FIELD (typelib_InterfaceMethodTypeDescription, pBaseRef);
  FIELD (typelib_InterfaceMethodTypeDescription, nIndex);
  FIELD (typelib_InterfaceMethodTypeDescription, bOneWay);
  SIZE (typelib_InterfaceAttributeTypeDescription);
  FIELD (typelib_InterfaceAttributeTypeDescription, bReadOnly);
  FIELD (typelib_InterfaceAttributeTypeDescription, pAttributeTypeRef);
  FIELD (typelib_InterfaceAttributeTypeDescription, pInterface);
  FIELD (typelib_InterfaceAttributeTypeDescription, nGetExceptions);
  FIELD (typelib_InterfaceAttributeTypeDescription, nSetExceptions);
  SIZE (typelib_InterfaceTypeDescription);
  FIELD (typelib_InterfaceTypeDescription, pBaseTypeDescription);
  FIELD (typelib_InterfaceTypeDescription, aUik);
  FIELD (typelib_InterfaceTypeDescription, nMembers);
  FIELD (typelib_InterfaceTypeDescription, ppMembers);
  FIELD (typelib_InterfaceTypeDescription, nAllMembers);
  FIELD (typelib_InterfaceTypeDescription, ppAllMembers);
  FIELD (typelib_InterfaceTypeDescription, nMapFunctionIndexToMemberIndex);
  FIELD (typelib_InterfaceTypeDescription, pMapFunctionIndexToMemberIndex);
  FIELD (typelib_InterfaceTypeDescription, pMapMemberIndexToFunctionIndex);
  FIELD (typelib_InterfaceTypeDescription, nBaseTypes);
  FIELD (typelib_InterfaceTypeDescription, ppBaseTypes);
  SIZE (uno_Environment);
  FIELD (uno_Environment, pReserved); FIELD (uno_Environment, pContext);
  FIELD (uno_Environment, pTypeName); FIELD (uno_Environment, acquire);
  FIELD (uno_Environment, release); FIELD (uno_Environment, acquireWeak);
  FIELD (uno_Environment, releaseWeak); FIELD (uno_Environment, harden);
  FIELD (uno_Environment, dispose); FIELD (uno_Environment, pExtEnv);
  FIELD (uno_Environment, environmentDisposing);
  SIZE (uno_ExtEnvironment);
  FIELD (uno_ExtEnvironment, aBase); FIELD (uno_ExtEnvironment, registerInterface);
  FIELD (uno_ExtEnvironment, getObjectIdentifier);
  FIELD (uno_ExtEnvironment, computeObjectIdentifier);
  FIELD (uno_ExtEnvironment, acquireInterface); FIELD (uno_ExtEnvironment, releaseInterface);
  return 0;
}
