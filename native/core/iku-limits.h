/* SPDX-License-Identifier: GPL-3.0-or-later
 * Named bounds for everything that enters ikuflet from a file or from UNO. */
#pragma once

/* One cell's text, in UTF-8 bytes. A whole IKU page holds about 4 KB, so this is
 * some 60 pages of text in a single cell: anything larger is a paste accident. */
#define IKU_MAX_CELL_BYTES (256 * 1024)

/* Rows and columns of one sheet that may hold content (LibreOffice's own limits
 * are 1,048,576 rows and 16,384 columns; repeated empty rows cost nothing). */
#define IKU_MAX_ROWS 1048576u
#define IKU_MAX_COLS 16384u

/* Non-empty cells of one workbook, counted over all its sheets (hidden cells
 * too) by the .ods reader; an IkuGrid also refuses more in one sheet. 20,000
 * employees with three columns each is far beyond any team; this caps memory
 * and time on hostile files (256 sheets of repeated cells). */
#define IKU_MAX_CELLS 200000u

/* Sheets of one workbook that are looked at. */
#define IKU_MAX_SHEETS 256u

/* Bytes of a printed name; longer names are reported (file names cut at 120). */
#define IKU_MAX_NAME_BYTES 400

/* UTF-8 text kept for one workbook, counted over all its sheets after repeated
 * cells are expanded. Without it a tiny file (one 256 KB cell repeated over
 * IKU_MAX_CELLS cells) would ask for 50 GB. Both readers apply it: the .ods
 * reader, and the live-document reader, which holds each text as UTF-16 and as
 * UTF-8 for a moment inside the office. 2,000 employees with 1 KB in each of
 * their three cells need 6 MB, and 16 MB of text is some 4,000 IKU pages; the
 * bound keeps reading any file within 2 s and 300 MB, and the office's growth
 * under 100 MB. */
#define IKU_MAX_BOOK_TEXT_BYTES (16u * 1024u * 1024u)
