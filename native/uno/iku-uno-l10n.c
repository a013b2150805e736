/* SPDX-License-Identifier: GPL-3.0-or-later
 * The extension's texts in Danish and English (see iku-uno-l10n.h). */
#include "iku-uno-l10n.h"

#include <string.h>

typedef struct {
  const char *da;
  const char *en;
} IkuUnoText;

static const IkuUnoText texts[IKU_UNO_N_TEXTS] = {
  [IKU_UNO_TEXT_TITLE] = {
    "Lav IKU'er",
    "Make IKUs" },
  [IKU_UNO_TEXT_PROGRESS] = {
    "Laver IKU'er …",
    "Making IKUs …" },
  [IKU_UNO_TEXT_DONE_ONE] = {
    "Der er lavet 1 IKU i mappen\n%1",
    "1 IKU was made in the folder\n%1" },
  [IKU_UNO_TEXT_DONE_MANY] = {
    "Der er lavet %1 IKU'er i mappen\n%2",
    "%1 IKUs were made in the folder\n%2" },
  [IKU_UNO_TEXT_NOTES] = {
    "Bemærk:",
    "Please note:" },
  [IKU_UNO_TEXT_MORE_NOTES] = {
    "… og %1 bemærkninger mere.",
    "… and %1 more notes." },
  [IKU_UNO_TEXT_NONE_MADE] = {
    "Der blev ikke lavet nogen IKU'er.",
    "No IKUs were made." },
  [IKU_UNO_TEXT_SOME_MADE] = {
    "Kun %1 IKU'er blev lavet.",
    "Only %1 IKUs were made." },
  [IKU_UNO_TEXT_NO_DOCUMENT] = {
    "Der er ikke noget åbent regneark at lave IKU'er fra. "
    "Åbn kompetenceskemaet, og prøv igen.",
    "There is no open spreadsheet to make IKUs from. "
    "Open the competence schema and try again." },
  [IKU_UNO_TEXT_WHICH_DOCUMENT] = {
    "Flere regneark er åbne, og det er ikke klart, hvilket der skal laves IKU'er fra. "
    "Klik i kompetenceskemaet, og prøv igen.",
    "Several spreadsheets are open, and it is not clear which one to make IKUs from. "
    "Click into the competence schema and try again." },
  [IKU_UNO_TEXT_NOT_SPREADSHEET] = {
    "Dokumentet er ikke et regneark. IKU'er laves fra kompetenceskemaet i Calc.",
    "The document is not a spreadsheet. IKUs are made from the competence schema in Calc." },
  [IKU_UNO_TEXT_NOT_SAVED] = {
    "Skemaet er ikke gemt endnu. Gem det først: IKU'erne lægges i samme mappe som skemaet.",
    "The schema has not been saved yet. Save it first: the IKUs are put in the same "
    "folder as the schema." },
  [IKU_UNO_TEXT_NOT_LOCAL] = {
    "Skemaet ligger ikke i en mappe på computeren (%1). "
    "Gem det i en almindelig mappe, og prøv igen.",
    "The schema is not in a folder on this computer (%1). "
    "Save it in an ordinary folder and try again." },
  [IKU_UNO_TEXT_OFFICE_FAILED] = {
    "LibreOffice svarede med en fejl, mens skemaet blev læst (%1). "
    "Gem dit arbejde, og prøv igen.",
    "LibreOffice reported an error while the schema was read (%1). "
    "Save your work and try again." },
  [IKU_UNO_TEXT_NEW_TITLE] = {
    "Nyt kompetenceskema",
    "New competence schema" },
  [IKU_UNO_TEXT_NO_TEMPLATE] = {
    "Det tomme kompetenceskema kunne ikke åbnes (%1). Installér ikuflet igen, og prøv igen.",
    "The empty competence schema could not be opened (%1). Install ikuflet again and try again." },
  [IKU_UNO_TEXT_SHEET_ONE] = {
    "Fra arket %1.",
    "From the sheet %1." },
  [IKU_UNO_TEXT_SHEET_MANY] = {
    "Fra arkene %1.",
    "From the sheets %1." },
  [IKU_UNO_TEXT_SHEET_NAME] = {
    "»%1«",
    "“%1”" },
  [IKU_UNO_TEXT_SHEET_NAME_TEAM] = {
    "»%1« (team: %2)",
    "“%1” (team: %2)" },
  [IKU_UNO_TEXT_PICK_TITLE] = {
    "Vælg skemaets ark",
    "Choose the schema's sheet" },
  [IKU_UNO_TEXT_PICK_PROMPT] = {
    "Det aktive ark »%1« er ikke et kompetenceskema, og regnearket har flere. "
    "Hvilket ark skal der laves IKU'er fra?",
    "The active sheet “%1” is not a competence schema, and the workbook has several. "
    "Which sheet should the IKUs be made from?" },
  [IKU_UNO_TEXT_OK] = {
    "OK",
    "OK" },
  [IKU_UNO_TEXT_CANCEL] = {
    "Annuller",
    "Cancel" },
  [IKU_UNO_TEXT_UNSELECTED_ONE] = {
    "1 medarbejder uden for markeringen er ikke med.",
    "1 employee outside the selection was left out." },
  [IKU_UNO_TEXT_CHECK_TITLE] = {
    "Tjek skemaet",
    "Check the schema" },
  [IKU_UNO_TEXT_CHECK_ONE] = {
    "1 medarbejder får en IKU:",
    "1 employee will get an IKU:" },
  [IKU_UNO_TEXT_CHECK_MANY] = {
    "%1 medarbejdere får en IKU:",
    "%1 employees will get an IKU:" },
  [IKU_UNO_TEXT_CHECK_LINE] = {
    "%1: »%2«",
    "%1: “%2”" },
  [IKU_UNO_TEXT_PAGES_ONE] = {
    "1 side",
    "1 page" },
  [IKU_UNO_TEXT_PAGES_MANY] = {
    "%1 sider",
    "%1 pages" },
  [IKU_UNO_TEXT_CHECK_NO_NOTES] = {
    "Der er ingen bemærkninger.",
    "There are no notes." },
  [IKU_UNO_TEXT_CHECK_NOTHING_SAVED] = {
    "Tjekket har ikke gemt noget. Lav IKU'erne, når skemaet er, som det skal være.",
    "The check has saved nothing. Make the IKUs when the schema is as it should be." },
  [IKU_UNO_TEXT_UNSELECTED_MANY] = {
    "%1 medarbejdere uden for markeringen er ikke med.",
    "%1 employees outside the selection were left out." },
  [IKU_UNO_TEXT_EDIT_NOT_COMMITTED] = {
    "Det, du var ved at skrive i en celle, kom ikke ind i cellen: LibreOffice tog ikke imod "
    "det. Ret indtastningen, tryk Enter, og lav så IKU'erne igen.",
    "What you were typing into a cell did not get into the cell: LibreOffice did not accept "
    "it. Correct the entry, press Enter, and then make the IKUs again." },
  [IKU_UNO_TEXT_OPEN_FOLDER] = {
    "Vil du åbne mappen nu?",
    "Do you want to open the folder now?" },
  [IKU_UNO_TEXT_OPEN_FOLDER_FAILED] = {
    "Mappen kunne ikke åbnes (%1). IKU'erne ligger i\n%2",
    "The folder could not be opened (%1). The IKUs are in\n%2" },
};

IkuUnoLang
iku_uno_l10n_lang_from_tag (const char *tag)
{
  if (tag == NULL || *tag == '\0')
    return IKU_UNO_LANG_DA;
  if (g_ascii_strncasecmp (tag, "da", 2) == 0 &&
      (tag[2] == '\0' || tag[2] == '-' || tag[2] == '_' || tag[2] == '.' || tag[2] == '@'))
    return IKU_UNO_LANG_DA;
  return IKU_UNO_LANG_EN;
}

const char *
iku_uno_l10n_get (IkuUnoLang   lang,
                  IkuUnoTextId id)
{
  g_return_val_if_fail (id < IKU_UNO_N_TEXTS, "");
  return lang == IKU_UNO_LANG_EN ? texts[id].en : texts[id].da;
}

char *
iku_uno_l10n_format (IkuUnoLang   lang,
                     IkuUnoTextId id,
                     const char  *arg1,
                     const char  *arg2)
{
  const char *p = iku_uno_l10n_get (lang, id);
  GString *out = g_string_sized_new (strlen (p) + 64);

  while (*p != '\0')
    {
      if (p[0] == '%' && (p[1] == '1' || p[1] == '2'))
        {
          const char *arg = p[1] == '1' ? arg1 : arg2;
          if (arg != NULL)
            g_string_append (out, arg);
          else
            g_string_append_len (out, p, 2);
          p += 2;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
