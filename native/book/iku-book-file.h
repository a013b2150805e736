/* SPDX-License-Identifier: GPL-3.0-or-later
 * Opening the spreadsheet file for the zip reader, the one place the platforms
 * differ for it: iku-book-file-posix.c, iku-book-file-win32.c. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef enum {
  IKU_BOOK_FILE_OPENED,
  IKU_BOOK_FILE_FAILED,        /* *errsv says why */
  IKU_BOOK_FILE_IS_FOLDER,
  IKU_BOOK_FILE_NOT_REGULAR,   /* a FIFO, device, ... */
} IkuBookFileStatus;

/* Opens @path read-only in binary mode, positioned at its start, if it is a
 * regular file; never blocks on a FIFO. *@file is set when it returns
 * IKU_BOOK_FILE_OPENED, *@errsv (an errno value) when IKU_BOOK_FILE_FAILED. */
IkuBookFileStatus iku_book_file_open (const char *path,
                                      FILE      **file,
                                      int        *errsv);

G_END_DECLS
