"""German texts of the "Daten laden" panel (import and catalogue template on the web page).

Part of the one text package (``indicators/texts``). Messages say what is wrong;
``*_HINT`` texts say how to fix it. Placeholders are filled with str.format.
"""

from __future__ import annotations

OPEN_BUTTON = "Daten laden"
PANEL_TITLE = "Daten laden"
DISABLED = (
    "Daten laden ist nur auf dem eigenen Rechner der Planerin oder des Planers möglich: "
    "Chancenatlas muss dort lokal gestartet sein (Adresse 127.0.0.1 oder localhost). "
    "Bei diesem Server ist das Hochladen abgeschaltet, damit niemand aus dem Netz "
    "Daten verändern kann."
)
DISABLED_HOW = (
    "So geht es: Chancenatlas auf dem eigenen Rechner mit „make run“ starten und dort "
    "„Daten laden“ wählen – oder das Import-Rezept mit „python app.py import REZEPT.toml“ "
    "einlesen."
)

# --- import -------------------------------------------------------------------
IMPORT_TITLE = "Eigene Daten importieren"
IMPORT_INTRO = (
    "Eine ZIP-Datei mit dem Import-Rezept (.toml) und allen Quelldateien hochladen – "
    "oder das Rezept und die Dateien einzeln auswählen. Der Atlas wird erst geschrieben, "
    "wenn alles geprüft ist; bei einem Fehler bleibt er unverändert."
)
UPLOAD_PROMPT = "Dateien hierher ziehen oder klicken, um sie auszuwählen"
TARGET_NOTE = "Der neue Atlas wird gespeichert in: {folder}"
PROGRESS_LABEL = "{percent} %"
SUCCESS_TITLE = "Import abgeschlossen"
SUCCESS_LINE = "Atlas „{name}“, Version {version}, gespeichert unter {path}."
BACKUP_LINE = "Die vorige Version wurde gesichert als {path}."
SUMMARY_LEVELS = "Gebiete"
SUMMARY_LEVEL = "{level}: {count}"
SUMMARY_INDICATORS = "Indikatoren"
SUMMARY_YEARS = "Jahre"
SUMMARY_OFFERS = "Angebote"
SUMMARY_VALUES = "Werte"
SHOW_NEW_ATLAS = "Neuen Atlas anzeigen"
FAILED_TITLE = "Import nicht möglich"
FAILED_UNCHANGED = (
    "Der Atlas auf der Festplatte ist unverändert. Bitte die Dateien nach dem Prüfbericht "
    "korrigieren und erneut hochladen."
)
UNEXPECTED = "Unerwarteter Fehler beim Import: {detail}"
UNEXPECTED_HINT = (
    "Bitte den Import auf der Kommandozeile wiederholen (python app.py import REZEPT.toml) "
    "und die Meldung an die Betreuung des Chancenatlas weitergeben."
)
REPORT_COLUMNS = {"severity": "Schwere", "file": "Datei", "row": "Zeile", "column": "Spalte",
                  "message": "Meldung", "hint": "Hinweis"}
NO_PROBLEMS = "Keine Warnungen und keine Hinweise."

# --- refusals (upload checks) ---------------------------------------------------------
NOT_LOCAL = (
    "Hochladen abgelehnt: Daten können nur am Rechner geladen werden, auf dem "
    "Chancenatlas läuft (Anfrage kam von {address})."
)
NOT_LOCAL_HINT = "Chancenatlas auf dem eigenen Rechner starten und dort „Daten laden“ wählen."
JOB_RUNNING = "Es läuft bereits ein Import. Bitte warten, bis er fertig ist."
BAD_NAME = "Der Dateiname „{name}“ ist nicht erlaubt."
BAD_NAME_HINT = (
    "Dateinamen ohne „..“ und ohne Laufwerks- oder Ordnerangaben verwenden, "
    "z. B. „bevoelkerung.csv“."
)
DUPLICATE_NAME = "Die Datei „{name}“ wurde zweimal hochgeladen."
DUPLICATE_NAME_HINT = "Jede Datei nur einmal auswählen; gleichnamige Dateien umbenennen."
TOO_LARGE = "Die hochgeladenen Dateien sind zusammen {size} MB groß; erlaubt sind {limit} MB."
TOO_LARGE_HINT = (
    "Nur die Dateien hochladen, die das Rezept nennt, oder den Import auf der "
    "Kommandozeile ausführen (python app.py import REZEPT.toml)."
)
TOO_MANY_FILES = "Zu viele Dateien ({count}); erlaubt sind {limit}."
NOT_READABLE = "Die Datei „{name}“ konnte nicht gelesen werden (beschädigte Übertragung)."
NOT_READABLE_HINT = "Die Datei erneut hochladen."
BAD_ZIP = "Die ZIP-Datei „{name}“ ist beschädigt oder keine ZIP-Datei."
BAD_ZIP_HINT = (
    "Die ZIP-Datei neu erstellen (z. B. im Explorer „Senden an → ZIP-komprimierter Ordner“)."
)
NO_RECIPE = "Unter den hochgeladenen Dateien ist kein Import-Rezept (.toml)."
NO_RECIPE_HINT = (
    "Das Rezept (z. B. „rezept.toml“) mit hochladen – einzeln oder in der ZIP-Datei. "
    "Ein Beispiel steht in docs/import.md."
)
MANY_RECIPES = "Mehrere Import-Rezepte hochgeladen: {names}."
MANY_RECIPES_HINT = "Genau ein Rezept (.toml) je Import hochladen."
DEMO_TARGET = "Der mitgelieferte Demo-Atlas „{name}“ darf nicht überschrieben werden."
DEMO_TARGET_HINT = "Im Rezept unter [atlas] einen anderen Dateinamen bei „output“ angeben."
RELOAD_FAILED = "Der neue Atlas kann nicht geöffnet werden: {detail}"

# --- catalogue template -------------------------------------------------------
CATALOGUE_TITLE = "Indikatorenkatalog als Excel-Vorlage"
CATALOGUE_INTRO = (
    "Vorlage herunterladen (vorausgefüllt mit dem Katalog des angezeigten Atlas), in Excel "
    "ausfüllen und hier zur Prüfung hochladen."
)
CATALOGUE_DOWNLOAD = "Katalog-Vorlage (Excel)"
CATALOGUE_FILE = "katalog-{name}.xlsx"
CATALOGUE_UPLOAD_PROMPT = "Ausgefüllte Vorlage (.xlsx) hierher ziehen oder klicken"
CATALOGUE_OK = "Die Vorlage „{name}“ ist in Ordnung: {count} Indikatoren gelesen."
CATALOGUE_FAILED = "Die Vorlage „{name}“ enthält Fehler; bitte korrigieren und erneut hochladen."
CATALOGUE_HOW_TO_USE = (
    "Die Vorlage verändert den angezeigten Atlas nicht. Sie wird beim nächsten Import "
    "verwendet: im Rezept unter [atlas] catalogue = \"{name}\" eintragen und die Datei "
    "zusammen mit dem Rezept hochladen."
)
CATALOGUE_UNKNOWN_IDS = "Kennungen, die im angezeigten Atlas nicht vorkommen: {ids}."
CATALOGUE_UNKNOWN_IDS_HINT = (
    "Tippfehler in der Kennung? Neue Indikatoren müssen zusätzlich im Rezept stehen."
)
CATALOGUE_NOT_XLSX = "„{name}“ ist keine Excel-Datei (.xlsx)."
CATALOGUE_NOT_XLSX_HINT = "In Excel „Speichern unter … Excel-Arbeitsmappe (.xlsx)“ wählen."
