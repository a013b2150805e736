/* SPDX-License-Identifier: GPL-3.0-or-later
 * Opening the spreadsheet file for the zip reader, the one place the platforms
 * differ for it: iku-ods-file-posix.c, iku-ods-file-win32.c. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef enum {
  IKU_ODS_FILE_OPENED,
  IKU_ODS_FILE_FAILED,        /* *errsv says why */
  IKU_ODS_FILE_IS_FOLDER,
  IKU_ODS_FILE_NOT_REGULAR,   /* a FIFO, device, ... */
} IkuOdsFileStatus;

/* Opens @path read-only in binary mode, positioned at its start, if it is a
 * regular file; never blocks on a FIFO. *@file is set when it returns
 * IKU_ODS_FILE_OPENED, *@errsv (an errno value) when IKU_ODS_FILE_FAILED. */
IkuOdsFileStatus iku_ods_file_open (const char *path,
                                    FILE      **file,
                                    int        *errsv);

G_END_DECLS
