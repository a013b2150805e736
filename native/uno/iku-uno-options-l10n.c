/* SPDX-License-Identifier: GPL-3.0-or-later
 * The Options page handler's texts (see iku-uno-options-l10n.h). */
#include "iku-uno-options-l10n.h"

typedef struct {
  const char *da;
  const char *en;
} Text;

static const Text texts[IKU_UNO_OPTIONS_N_TEXTS] = {
  [IKU_UNO_OPTIONS_TEXT_TITLE] = {
    "ikuflet – indstillinger",
    "ikuflet – settings" },
  [IKU_UNO_OPTIONS_TEXT_PREVIEW] = {
    "Eksempel: %1",
    "Example: %1" },
  [IKU_UNO_OPTIONS_TEXT_PREVIEW_BAD] = {
    "Kan ikke bruges: %1",
    "Cannot be used: %1" },
  [IKU_UNO_OPTIONS_TEXT_NOT_SAVED] = {
    "Indstillingerne er ikke gemt; de hidtidige gælder stadig.\n\n%1\n\n"
    "Ret det under Funktioner ▸ Indstillinger ▸ LibreOffice Calc ▸ ikuflet, og tryk OK igen.",
    "The settings were not saved; the previous ones still apply.\n\n%1\n\n"
    "Correct it in Tools ▸ Options ▸ LibreOffice Calc ▸ ikuflet and press OK again." },
  [IKU_UNO_OPTIONS_TEXT_SAVE_FAILED] = {
    "LibreOffice kunne ikke gemme indstillingerne (%1).",
    "LibreOffice could not save the settings (%1)." },
  [IKU_UNO_OPTIONS_TEXT_LOAD_FAILED] = {
    "LibreOffice kunne ikke læse ikuflets indstillinger (%1). Installér ikuflet igen.",
    "LibreOffice could not read ikuflet's settings (%1). Install ikuflet again." },
  [IKU_UNO_OPTIONS_TEXT_NO_SUBFOLDER] = {
    "Skriv navnet på undermappen, fx \"IKU 2026\", eller vælg at gemme i samme mappe som skemaet.",
    "Type the name of the subfolder, e.g. \"IKU 2026\", or choose to save in the schema's folder." },
  [IKU_UNO_OPTIONS_TEXT_BAD_SUBFOLDER] = {
    "Undermappen \"%1\" skal være et navn på en mappe i skemaets mappe, ikke en sti. "
    "Vælg \"I en fast mappe\" for en mappe et andet sted.",
    "The subfolder \"%1\" must be the name of a folder in the schema's folder, not a path. "
    "Choose \"In a fixed folder\" for a folder elsewhere." },
  [IKU_UNO_OPTIONS_TEXT_NO_FOLDER] = {
    "Vælg den faste mappe med \"Gennemse…\", eller vælg at gemme i samme mappe som skemaet.",
    "Choose the fixed folder with \"Browse…\", or choose to save in the schema's folder." },
  [IKU_UNO_OPTIONS_TEXT_BAD_FOLDER] = {
    "Den faste mappe \"%1\" findes ikke på computeren. "
    "Vælg den med \"Gennemse…\".",
    "The fixed folder \"%1\" does not exist on this computer. "
    "Choose it with \"Browse…\"." },
  [IKU_UNO_OPTIONS_TEXT_PICK_LOGO] = {
    "Vælg logo (PNG eller JPEG)",
    "Choose a logo (PNG or JPEG)" },
  [IKU_UNO_OPTIONS_TEXT_PICK_TEXTS] = {
    "Vælg fil med egne tekster",
    "Choose a file with your own wording" },
  [IKU_UNO_OPTIONS_TEXT_PICK_FOLDER] = {
    "Vælg mappen til IKU'erne",
    "Choose the folder for the IKUs" },
  [IKU_UNO_OPTIONS_TEXT_FILTER_IMAGES] = {
    "Billeder (PNG, JPEG)",
    "Images (PNG, JPEG)" },
  [IKU_UNO_OPTIONS_TEXT_FILTER_TEXTS] = {
    "Tekstfiler (.ini, .txt)",
    "Text files (.ini, .txt)" },
  [IKU_UNO_OPTIONS_TEXT_FILTER_ALL] = {
    "Alle filer",
    "All files" },
};

char *
iku_uno_options_l10n_format (IkuUnoLang          lang,
                             IkuUnoOptionsTextId id,
                             const char         *arg)
{
  const char *text;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (id < IKU_UNO_OPTIONS_N_TEXTS, g_strdup (""));

  text = lang == IKU_UNO_LANG_EN ? texts[id].en : texts[id].da;
  if (arg == NULL)
    return g_strdup (text);
  parts = g_strsplit (text, "%1", -1);
  return g_strjoinv (arg, parts);
}
