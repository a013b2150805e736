/* SPDX-License-Identifier: GPL-3.0-or-later
 * libFuzzer harness: arbitrary bytes as an .xlsx file -> IkuBook -> IkuSchema,
 * through the format detection the CLI uses (so CFB and .ods bytes are taken
 * too). Whatever the bytes, the reader must return a book or a GError: no
 * crash, no leak, no hang, bounded memory. */
#include "iku-book-read.h"
#include "iku-schema.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) book = iku_book_read_data (data, size, "fuzz.xlsx", &error);
  g_assert ((book == NULL) == (error != NULL));
  if (book == NULL)
    {
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_autoptr(GError) schema_error = NULL;
  g_autoptr(IkuSchema) schema = iku_schema_new_from_book (book, &schema_error);
  g_assert ((schema == NULL) == (schema_error != NULL));
  return 0;
}
