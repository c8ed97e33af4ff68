<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BackgroundJob</name>
    <message>
        <location filename="../app/gui/backgroundjob.cpp" line="68"/>
        <source>Not enough memory</source>
        <translation>Nicht genug Speicher</translation>
    </message>
</context>
<context>
    <name>ColourBar</name>
    <message>
        <location filename="../widgets/colourbar.cpp" line="26"/>
        <source>%1: %2 to %3</source>
        <translation>%1: %2 bis %3</translation>
    </message>
</context>
<context>
    <name>ContrastPanel</name>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Percentiles</source>
        <translation>Perzentile</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Mean ± kσ</source>
        <translation>Mittelwert ± kσ</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="36"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="38"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="42"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="56"/>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="56"/>
        <source>Inverted grey</source>
        <translation>Grau invertiert</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="56"/>
        <source>Cubehelix</source>
        <translation>Cubehelix</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="59"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="61"/>
        <source>Black at</source>
        <translation>Schwarz bei</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="62"/>
        <source>White at</source>
        <translation>Weiß bei</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="63"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../widgets/galleryview.cpp" line="24"/>
        <source>Each section its own contrast</source>
        <translation>Jeder Schnitt mit eigenem Kontrast</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="24"/>
        <source>One contrast for all</source>
        <translation>Ein Kontrast für alle</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="26"/>
        <source>One contrast for all compares the sections&apos; values; each its own shows every section&apos;s detail (0.5–99.5 % of its values).</source>
        <translation>Ein Kontrast für alle vergleicht die Werte der Schnitte; ein eigener zeigt die Details jedes Schnitts (0,5–99,5 % seiner Werte).</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="38"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="61"/>
        <source>The first %1 of %2 sections</source>
        <translation>Die ersten %1 von %2 Schnitten</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/galleryview.cpp" line="62"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n Schnitt</numerusform>
            <numerusform>%n Schnitte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="121"/>
        <source>Section %1: show it alone</source>
        <translation>Schnitt %1: allein zeigen</translation>
    </message>
</context>
<context>
    <name>HistogramWidget</name>
    <message>
        <location filename="../widgets/histogramwidget.cpp" line="17"/>
        <source>Drag a line to move that limit, or between them to move the window</source>
        <translation>Ziehen Sie eine Linie, um diese Grenze zu verschieben, oder zwischen ihnen, um das Fenster zu verschieben</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <location filename="../widgets/jobprogress.cpp" line="19"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/jobprogress.cpp" line="20"/>
        <source>Stop this job</source>
        <translation>Diese Aufgabe anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/jobprogress.cpp" line="66"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.ui" line="9"/>
        <location filename="../ui/mainwindow.cpp" line="443"/>
        <source>CryoSR</source>
        <translation>CryoSR</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="17"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="31"/>
        <source>Power spectrum</source>
        <translation>Leistungsspektrum</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="56"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="61"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="79"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="100"/>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="117"/>
        <source>Sections</source>
        <translation>Schnitte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="129"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="137"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="145"/>
        <source>Export View as &amp;PNG…</source>
        <translation>Ansicht als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="153"/>
        <source>Export View as PNG &amp;without Scale Bar…</source>
        <translation>Ansicht als PNG &amp;ohne Maßstab exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="158"/>
        <source>Export &amp;Region as MRC/TIFF…</source>
        <translation>&amp;Bereich als MRC/TIFF exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="164"/>
        <source>The selection (Shift+drag on the image), or the part in view, as float32 with its pixel size and origin</source>
        <translation>Die Auswahl (Umschalt+Ziehen im Bild) oder der sichtbare Teil, als float32 mit Pixelgröße und Ursprung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="169"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="174"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="185"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="193"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="199"/>
        <source>Show the whole image</source>
        <translation>Das ganze Bild zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="204"/>
        <source>&amp;1:1</source>
        <translation>&amp;1:1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="210"/>
        <source>One image pixel per screen pixel</source>
        <translation>Ein Bildpixel pro Bildschirmpixel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="215"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="223"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="231"/>
        <source>&amp;Scale Bar</source>
        <translation>&amp;Maßstab</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="245"/>
        <source>&amp;Image</source>
        <translation>&amp;Bild</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="253"/>
        <source>&amp;Power Spectrum</source>
        <translation>&amp;Leistungsspektrum</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="259"/>
        <source>Power spectrum of the whole image, with its rotational average</source>
        <translation>Leistungsspektrum des ganzen Bildes, mit seinem radialen Mittel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="264"/>
        <source>Power Spectrum of &amp;Region</source>
        <translation>Leistungsspektrum des &amp;Bereichs</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="270"/>
        <source>Power spectrum of the selection (Shift+drag on the image), or of the part in view</source>
        <translation>Leistungsspektrum der Auswahl (Umschalt+Ziehen im Bild) oder des sichtbaren Teils</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="275"/>
        <source>P&amp;revious Section</source>
        <translation>&amp;Vorheriger Schnitt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="283"/>
        <source>&amp;Next Section</source>
        <translation>&amp;Nächster Schnitt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Micrographs</source>
        <translation>Mikrographen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="89"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="100"/>
        <location filename="../ui/mainwindow.cpp" line="112"/>
        <source>Upscale</source>
        <translation>Hochskalieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="107"/>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="115"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="124"/>
        <source>Section (stack image or volume plane), numbered from 0</source>
        <translation>Schnitt (Bild eines Stapels oder Ebene eines Volumens), ab 0 gezählt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="126"/>
        <source>Section </source>
        <translation>Schnitt </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>&amp;Ruler</source>
        <translation>&amp;Lineal</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>Particle &amp;Circle</source>
        <translation>Partikel&amp;kreis</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>The particle circle&apos;s diameter (Å, or pixels when the pixel size is unknown)</source>
        <translation>Durchmesser des Partikelkreises (Å, oder Pixel, wenn die Pixelgröße unbekannt ist)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="177"/>
        <source> Å</source>
        <translation> Å</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="177"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="202"/>
        <source>Set Pixel Si&amp;ze…</source>
        <translation>Pixel&amp;größe festlegen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210"/>
        <source>No region is selected: Shift+drag on the image to select one (F3 shows the whole micrograph&apos;s spectrum).</source>
        <translation>Kein Bereich ausgewählt: Umschalt+Ziehen im Bild wählt einen aus (F3 zeigt das Spektrum des ganzen Mikrographen).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="286"/>
        <source>&amp;Upscale</source>
        <translation>&amp;Hochskalieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="295"/>
        <source>&amp;Upscale Region</source>
        <translation>&amp;Bereich hochskalieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="296"/>
        <source>Upscale &amp;Whole Micrograph</source>
        <translation>&amp;Ganzen Mikrographen hochskalieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="300"/>
        <source>&amp;Cancel Upscale</source>
        <translation>Hochskalieren &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="302"/>
        <source>Show the &amp;Upscale Page</source>
        <translation>Seite „&amp;Hochskalieren“ zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="304"/>
        <source>&amp;Export Upscaled Result…</source>
        <translation>Hochskaliertes &amp;Ergebnis exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="305"/>
        <source>Export the Reverse-Process &amp;Frames…</source>
        <translation>&amp;Bilder des Rückwärtsprozesses exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="310"/>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>Show the &amp;Training Page</source>
        <translation>Seite „&amp;Training“ zeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>&amp;New Training…</source>
        <translation>&amp;Neues Training…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="320"/>
        <source>&amp;Load Training Configuration…</source>
        <translation>Trainingskonfiguration &amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>Load a Training Configuration</source>
        <translation>Eine Trainingskonfiguration laden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="329"/>
        <source>Cannot load the configuration</source>
        <translation>Die Konfiguration kann nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="333"/>
        <source>&amp;Follow a Run Folder…</source>
        <translation>Einem Lauf&amp;ordner folgen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Follow a Training Run</source>
        <translation>Einem Trainingslauf folgen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338"/>
        <source>Edit Cluster Script &amp;Template…</source>
        <translation>Cluster-Skript&amp;vorlage bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="344"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>&amp;About CryoSR</source>
        <translation>Ü&amp;ber CryoSR</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="347"/>
        <source>About CryoSR</source>
        <translation>Über CryoSR</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="348"/>
        <source>&lt;h3&gt;CryoSR %1&lt;/h3&gt;&lt;p&gt;A viewer and diffusion upscaler for cryo-EM micrographs.&lt;/p&gt;&lt;p&gt;The user guide: docs/user-guide.md in the source, or /usr/share/doc/cryosr/ where CryoSR was installed from its package.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CryoSR %1&lt;/h3&gt;&lt;p&gt;Ein Betrachter und Diffusions-Hochskalierer für Kryo-EM-Mikrographen.&lt;/p&gt;&lt;p&gt;Das Benutzerhandbuch: docs/user-guide.md in den Quellen, oder /usr/share/doc/cryosr/, wenn CryoSR aus seinem Paket installiert wurde.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="352"/>
        <source>&lt;p&gt;Free software under the BSD 3-Clause License. The licences of the libraries it includes are listed in /usr/share/doc/cryosr/copyright.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Freie Software unter der BSD-3-Clause-Lizenz. Die Lizenzen der enthaltenen Bibliotheken stehen in /usr/share/doc/cryosr/copyright.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="361"/>
        <source>Export upscaled result</source>
        <translation>Hochskaliertes Ergebnis exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="362"/>
        <source>MRC (*.mrc);;TIFF (*.tif *.tiff);;PNG as displayed (*.png)</source>
        <translation>MRC (*.mrc);;TIFF (*.tif *.tiff);;PNG wie angezeigt (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="373"/>
        <source>Set Pixel Size</source>
        <translation>Pixelgröße festlegen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="374"/>
        <source>Å per pixel of %1 (remembered for this file; 0 goes back to its header&apos;s value):</source>
        <translation>Å pro Pixel von %1 (für diese Datei gemerkt; 0 kehrt zum Wert des Headers zurück):</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="383"/>
        <source>Export frames</source>
        <translation>Bilder exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="384"/>
        <source>MRC stack (*.mrcs *.mrc);;Animated GIF (*.gif);;PNG sequence: name_001.png, … (*.png)</source>
        <translation>MRC-Stapel (*.mrcs *.mrc);;Animiertes GIF (*.gif);;PNG-Folge: name_001.png, … (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="398"/>
        <source>%1 — CryoSR</source>
        <translation>%1 — CryoSR</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="414"/>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="424"/>
        <source>Reading the sections…</source>
        <translation>Die Schnitte werden gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="438"/>
        <source>no micrograph</source>
        <translation>kein Mikrograph</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="480"/>
        <source>log₁₀ relative power</source>
        <translation>log₁₀ relative Leistung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="563"/>
        <source>Open micrographs</source>
        <translation>Mikrographen öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>Micrographs (*.mrc *.mrcs *.map *.st *.ali *.rec *.tif *.tiff *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Mikrographen (*.mrc *.mrcs *.map *.st *.ali *.rec *.tif *.tiff *.png *.jpg *.jpeg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>Export view as PNG</source>
        <translation>Ansicht als PNG exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="577"/>
        <source>Cannot export the view</source>
        <translation>Die Ansicht kann nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="578"/>
        <source>%1 could not be written. Check the folder exists and is writable.</source>
        <translation>%1 konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="584"/>
        <source>Export region</source>
        <translation>Bereich exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="584"/>
        <source>MRC (*.mrc);;TIFF (*.tif *.tiff)</source>
        <translation>MRC (*.mrc);;TIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="591"/>
        <source>x %1  y %2  value %3</source>
        <translation>x %1  y %2  Wert %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="593"/>
        <source>  (%1, %2 Å)</source>
        <translation>  (%1, %2 Å)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>selection x %1 y %2, %3 × %4 px</source>
        <translation>Auswahl x %1 y %2, %3 × %4 px</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="605"/>
        <source> (%1 × %2 Å)</source>
        <translation> (%1 × %2 Å)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="613"/>
        <source>frequency %1 %2</source>
        <translation>Frequenz %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="615"/>
        <source> (%1 %2)</source>
        <translation> (%1 %2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="616"/>
        <source>  log₁₀ power %1</source>
        <translation>  log₁₀ Leistung %1</translation>
    </message>
</context>
<context>
    <name>MicrographController</name>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="199"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="233"/>
        <source>%1: not enough memory to open it</source>
        <translation>%1: nicht genug Speicher, um die Datei zu öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="288"/>
        <source>%1: not enough memory to show section %2</source>
        <translation>%1: nicht genug Speicher, um Schnitt %2 zu zeigen</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="304"/>
        <source>%1 image</source>
        <translation>%1-Bild</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="309"/>
        <source>%1 × %2 × %3  %4  %5</source>
        <translation>%1 × %2 × %3  %4  %5</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="314"/>
        <source>%1
%2 × %3 pixels, %4 sections
Stored as %5
Pixel size %6

Section %7
%8</source>
        <translation>%1
%2 × %3 Pixel, %4 Schnitte
Gespeichert als %5
Pixelgröße %6

Schnitt %7
%8</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="340"/>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="354"/>
        <source>%1 is still being opened</source>
        <translation>%1 wird noch geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="369"/>
        <source>Gallery of %1</source>
        <translation>Galerie von %1</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="403"/>
        <source>Whole section</source>
        <translation>Ganzer Schnitt</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="406"/>
        <source>Region x %1, y %2, %3 × %4</source>
        <translation>Bereich x %1, y %2, %3 × %4</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="413"/>
        <source>Power spectrum</source>
        <translation>Leistungsspektrum</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="68"/>
        <source>%1: mean of %2 periodograms of %3 × %3 pixels; Nyquist %4</source>
        <translation>%1: Mittel aus %2 Periodogrammen von %3 × %3 Pixeln; Nyquist %4</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="73"/>
        <source>%1 Å</source>
        <translation>%1 Å</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="74"/>
        <source>0.5 1/px</source>
        <translation>0,5 1/px</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="447"/>
        <source>Cannot tell the format from the name %1: use .mrc or .tif</source>
        <translation>Das Format ist am Namen %1 nicht zu erkennen: Verwenden Sie .mrc oder .tif</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="449"/>
        <source>%1 is the open file; CryoSR never overwrites its input</source>
        <translation>%1 ist die geöffnete Datei; CryoSR überschreibt nie seine Eingabe</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="506"/>
        <source>Problem with %1</source>
        <translation>Problem mit %1</translation>
    </message>
</context>
<context>
    <name>ModelInstaller</name>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="71"/>
        <source>no validation files</source>
        <translation>keine Validierungsdateien</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="84"/>
        <source>whole images</source>
        <translation>ganze Bilder</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="89"/>
        <source>central 256² regions, 20 DDIM steps</source>
        <translation>zentrale 256²-Bereiche, 20 DDIM-Schritte</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="103"/>
        <source>evaluation failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/modelinstaller.cpp" line="119"/>
        <source>%n training file(s), %1 validation; %2</source>
        <translation>
            <numerusform>%n Trainingsdatei, %1 zur Validierung; %2</numerusform>
            <numerusform>%n Trainingsdateien, %1 zur Validierung; %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="121"/>
        <source>%1 Å/px</source>
        <translation>%1 Å/px</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="121"/>
        <source>pixel size unknown</source>
        <translation>Pixelgröße unbekannt</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="136"/>
        <source>Adding the model %1</source>
        <translation>Das Modell %1 wird hinzugefügt</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="52"/>
        <source>The finished model could not be added to %1: %2</source>
        <translation>Das fertige Modell konnte nicht zu %1 hinzugefügt werden: %2</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="17"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="20"/>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="27"/>
        <source>CryoSR shows the new language when it next starts.</source>
        <translation>CryoSR zeigt die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="31"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="35"/>
        <source> kV</source>
        <translation> kV</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="37"/>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="39"/>
        <source>Microscope (the power spectrum&apos;s CTF fit)</source>
        <translation>Mikroskop (für den CTF-Fit des Leistungsspektrums)</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="41"/>
        <source>&amp;Voltage:</source>
        <translation>Spa&amp;nnung:</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="42"/>
        <source>Spherical &amp;aberration (Cs):</source>
        <translation>Sphärische &amp;Aberration (Cs):</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="43"/>
        <source>A&amp;mplitude contrast:</source>
        <translation>A&amp;mplitudenkontrast:</translation>
    </message>
</context>
<context>
    <name>ProfilePlot</name>
    <message>
        <location filename="../widgets/profileplot.cpp" line="120"/>
        <source>spatial frequency (%1)</source>
        <translation>Ortsfrequenz (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/profileplot.cpp" line="58"/>
        <source>log₁₀ power</source>
        <translation>log₁₀ Leistung</translation>
    </message>
    <message>
        <location filename="../widgets/profileplot.cpp" line="146"/>
        <source>%1 %2  (%3 %4)</source>
        <translation>%1 %2  (%3 %4)</translation>
    </message>
    <message>
        <location filename="../widgets/profileplot.cpp" line="147"/>
        <source>0 %1</source>
        <translation>0 %1</translation>
    </message>
    <message>
        <location filename="../widgets/profileplot.cpp" line="171"/>
        <source>fit to %1 %2</source>
        <translation>Fit bis %1 %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="96"/>
        <source>Minimum %1
Maximum %2
Mean %3
Standard deviation %4</source>
        <translation>Minimum %1
Maximum %2
Mittelwert %3
Standardabweichung %4</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="102"/>
        <source>
Non-finite samples %1 (shown as the mean)</source>
        <translation>
Nicht endliche Werte %1 (als Mittelwert gezeigt)</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="156"/>
        <source>%1 Å/px (set in CryoSR)</source>
        <translation>%1 Å/px (in CryoSR festgelegt)</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="158"/>
        <source>%1 Å/px</source>
        <translation>%1 Å/px</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="160"/>
        <source>pixel size unknown (the header&apos;s %1 Å is a placeholder)</source>
        <translation>Pixelgröße unbekannt (die %1 Å des Headers sind ein Platzhalter)</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="161"/>
        <source>pixel size unknown</source>
        <translation>Pixelgröße unbekannt</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="41"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="83"/>
        <source>%1 did not answer within a minute</source>
        <translation>%1 hat nicht innerhalb einer Minute geantwortet</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="85"/>
        <source>%1 stopped unexpectedly</source>
        <translation>%1 wurde unerwartet beendet</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="87"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="35"/>
        <source>PSNR %1 dB (Fourier padding %2 dB), SSIM %3</source>
        <translation>PSNR %1 dB (Fourier-Padding %2 dB), SSIM %3</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="40"/>
        <source>, FRC 0.143 at %1 Å</source>
        <translation>, FRC 0,143 bei %1 Å</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/modelinstaller.cpp" line="41"/>
        <source> on %n validation file(s) (%1)</source>
        <translation>
            <numerusform> auf %n Validierungsdatei (%1)</numerusform>
            <numerusform> auf %n Validierungsdateien (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="197"/>
        <source>the process ended without finishing (last step %1): %2</source>
        <translation>der Prozess endete, ohne fertig zu werden (letzter Schritt %1): %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="199"/>
        <source>%1 steps</source>
        <translation>%1 Schritte</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="200"/>
        <source>%1 steps; the model is in the Upscale panel&apos;s list as %2</source>
        <translation>%1 Schritte; das Modell steht in der Liste der Hochskalieren-Leiste als %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="205"/>
        <source>step %1 of %2; the last checkpoint&apos;s model is %3</source>
        <translation>Schritt %1 von %2; das Modell des letzten Checkpoints ist %3</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="211"/>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="215"/>
        <source>Slurm job %1: no log yet</source>
        <translation>Slurm-Job %1: noch kein Protokoll</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="216"/>
        <source>Slurm job %1, no log yet: %2</source>
        <translation>Slurm-Job %1, noch kein Protokoll: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="51"/>
        <source>fp16 training is not supported; use bf16 (or fp32)</source>
        <translation>Training in fp16 wird nicht unterstützt; verwenden Sie bf16 (oder fp32)</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="33"/>
        <source>Not enough memory on the %1: choose a smaller region, fewer samples, or bf16 precision on a GPU.</source>
        <translation>Nicht genug Speicher auf der %1: Wählen Sie einen kleineren Bereich, weniger Samples oder bf16-Genauigkeit auf einer GPU.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="37"/>
        <source>Not enough memory on the %1 (%2 more were needed): choose a smaller region, fewer samples, or bf16 precision on a GPU.</source>
        <translation>Nicht genug Speicher auf der %1 (%2 mehr wären nötig gewesen): Wählen Sie einen kleineren Bereich, weniger Samples oder bf16-Genauigkeit auf einer GPU.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="55"/>
        <source>Trained on %1 files, validated on %2 (file names: cryosr-cli model show)</source>
        <translation>Trainiert mit %1 Dateien, validiert mit %2 (Dateinamen: cryosr-cli model show)</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="60"/>
        <source>Trained on %1</source>
        <translation>Trainiert mit %1</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="63"/>
        <source>Training time %1 h %2 min</source>
        <translation>Trainingszeit %1 h %2 min</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="69"/>
        <source>Validation at step %1: PSNR %2 dB (Fourier padding %3 dB)</source>
        <translation>Validierung bei Schritt %1: PSNR %2 dB (Fourier-Padding %3 dB)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscaleworker.cpp" line="94"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="25"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="30"/>
        <location filename="../widgets/upscalepanel.cpp" line="47"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="32"/>
        <location filename="../widgets/upscalepanel.cpp" line="49"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="33"/>
        <location filename="../widgets/upscalepanel.cpp" line="50"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../widgets/viewtools.cpp" line="20"/>
        <source>%1 Å (%2 px)</source>
        <translation>%1 Å (%2 px)</translation>
    </message>
    <message>
        <location filename="../widgets/viewtools.cpp" line="23"/>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <location filename="../widgets/viewtools.cpp" line="83"/>
        <source>⌀ %1</source>
        <translation>⌀ %1</translation>
    </message>
</context>
<context>
    <name>ScriptTemplateDialog</name>
    <message>
        <location filename="../widgets/scriptdialogs.cpp" line="12"/>
        <source>Cluster Script Template</source>
        <translation>Vorlage für Cluster-Skripte</translation>
    </message>
    <message>
        <location filename="../widgets/scriptdialogs.cpp" line="14"/>
        <source>The Slurm batch script each &quot;Run on a Cluster&quot; writes. {{JOB_NAME}}, {{RUN_DIR}}, {{CRYOSR_CLI}} and {{CONFIG_JSON}} are filled in for each run.</source>
        <translation>Das Slurm-Batch-Skript, das jedes „Auf einem Cluster ausführen“ schreibt. {{JOB_NAME}}, {{RUN_DIR}}, {{CRYOSR_CLI}} und {{CONFIG_JSON}} werden für jeden Lauf eingesetzt.</translation>
    </message>
</context>
<context>
    <name>SimulationDialog</name>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="15"/>
        <source>Simulate Training Data from a Map</source>
        <translation>Trainingsdaten aus einer Dichtekarte simulieren</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="22"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="25"/>
        <source>Folder for the Simulated Data</source>
        <translation>Ordner für die simulierten Daten</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="26"/>
        <source>A 3D Map</source>
        <translation>Eine 3D-Dichtekarte</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="26"/>
        <source>Maps (*.mrc *.map *.ccp4);;All files (*)</source>
        <translation>Dichtekarten (*.mrc *.map *.ccp4);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="36"/>
        <source>Map:</source>
        <translation>Dichtekarte:</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="37"/>
        <source>Into folder:</source>
        <translation>In den Ordner:</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="39"/>
        <source>Micrographs:</source>
        <translation>Mikrographen:</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="41"/>
        <source>Size (px):</source>
        <translation>Größe (px):</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="43"/>
        <source>Particles each:</source>
        <translation>Partikel je Bild:</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="45"/>
        <source>the map&apos;s</source>
        <translation>die der Karte</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="46"/>
        <source>Pixel size (Å):</source>
        <translation>Pixelgröße (Å):</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="48"/>
        <source>Dose (e⁻/Å²):</source>
        <translation>Dosis (e⁻/Å²):</translation>
    </message>
</context>
<context>
    <name>SimulationJob</name>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="25"/>
        <source>A simulation is already running</source>
        <translation>Es läuft bereits eine Simulation</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="27"/>
        <source>The map %1 does not exist</source>
        <translation>Die Dichtekarte %1 existiert nicht</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="29"/>
        <source>The folder %1 cannot be created</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="75"/>
        <source>cryosr-cli simulate stopped</source>
        <translation>cryosr-cli simulate wurde beendet</translation>
    </message>
</context>
<context>
    <name>SpectrumFit</name>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="38"/>
        <source>CTF fit at %1 kV, Cs %2 mm,
  amplitude contrast %3:
  Underfocus U %4 µm, V %5 µm
  Astigmatism %6 µm, U along %7°
  Rings follow the fit to %8 Å</source>
        <translation>CTF-Fit bei %1 kV, Cs %2 mm,
  Amplitudenkontrast %3:
  Unterfokus U %4 µm, V %5 µm
  Astigmatismus %6 µm, U bei %7°
  Ringe folgen dem Fit bis %8 Å</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="77"/>
        <source>No CTF fit: the pixel size is unknown
(View › Set Pixel Size…).</source>
        <translation>Kein CTF-Fit: Pixelgröße unbekannt
(Ansicht › Pixelgröße festlegen…).</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="83"/>
        <source>No CTF fit: no Thon rings follow
a defocus of 0.1–10 µm here.</source>
        <translation>Kein CTF-Fit: Keine Thon-Ringe folgen
einem Defokus von 0,1–10 µm.</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="65"/>
        <source>Simulation failed</source>
        <translation>Simulation fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="69"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="196"/>
        <source>Cannot start the training</source>
        <translation>Das Training kann nicht gestartet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="76"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="235"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="447"/>
        <source>Cannot follow the run</source>
        <translation>Dem Lauf kann nicht gefolgt werden</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="132"/>
        <source>%1 is already running</source>
        <translation>%1 läuft bereits</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="117"/>
        <source>sbatch was not found on this computer: Run on a Cluster submits the run with Slurm, so start CryoSR on the cluster&apos;s login node (or a computer with Slurm&apos;s commands), or use Launch to train here.</source>
        <translation>sbatch wurde auf diesem Computer nicht gefunden: „Auf einem Cluster ausführen“ übergibt den Lauf an Slurm. Starten Sie CryoSR auf dem Login-Knoten des Clusters (oder einem Computer mit den Slurm-Befehlen), oder trainieren Sie hier mit „Starten“.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="134"/>
        <source>The folder %1 cannot be created</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="138"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="180"/>
        <source>%1 cannot be written</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="159"/>
        <source>cryosr-cli was not found beside CryoSR or on the PATH</source>
        <translation>cryosr-cli wurde weder neben CryoSR noch im PATH gefunden</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="164"/>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="196"/>
        <source>sbatch failed: %1</source>
        <translation>sbatch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="216"/>
        <source>This run was not started by CryoSR: stop it where it runs (Ctrl-C or kill -TERM); it checkpoints and stops</source>
        <translation>Dieser Lauf wurde nicht von CryoSR gestartet: Beenden Sie ihn dort, wo er läuft (Strg-C oder kill -TERM); er speichert einen Checkpoint und hält an</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="220"/>
        <source>The training process is not running</source>
        <translation>Der Trainingsprozess läuft nicht</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="225"/>
        <source>Stop the job on the cluster with: scancel --batch --signal=TERM JOB (it checkpoints and stops)</source>
        <translation>Beenden Sie den Job auf dem Cluster mit: scancel --batch --signal=TERM JOB (er speichert einen Checkpoint und hält an)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="235"/>
        <source>scancel failed: %1</source>
        <translation>scancel fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="248"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="256"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="268"/>
        <source>No such run: %1</source>
        <translation>Kein solcher Lauf: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="258"/>
        <source>The run is still going</source>
        <translation>Der Lauf ist noch im Gang</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="260"/>
        <source>%1 has no checkpoint to resume from; start a new run</source>
        <translation>%1 hat keinen Checkpoint zum Fortsetzen; starten Sie einen neuen Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="270"/>
        <source>Cancel the Training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="271"/>
        <source>End %1? It stops after the current step; its last checkpoint and model stay in %2.</source>
        <translation>%1 beenden? Der Lauf hält nach dem aktuellen Schritt an; sein letzter Checkpoint und sein Modell bleiben in %2.</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="289"/>
        <source>%1 holds no training run (no log.jsonl)</source>
        <translation>%1 enthält keinen Trainingslauf (kein log.jsonl)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="348"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="348"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="349"/>
        <source>Stopping</source>
        <translation>Hält an</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="349"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="350"/>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="350"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="351"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="351"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="352"/>
        <source>Stopped unexpectedly</source>
        <translation>Unerwartet beendet</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="355"/>
        <source>, step %1/%2</source>
        <translation>, Schritt %1/%2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="357"/>
        <source> (cluster)</source>
        <translation> (Cluster)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="357"/>
        <source> (Slurm job %1)</source>
        <translation> (Slurm-Job %1)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="375"/>
        <source>%1
%2 · %3 training and %4 validation files</source>
        <translation>%1
%2 · %3 Trainings- und %4 Validierungsdateien</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="377"/>
        <source>on the cluster</source>
        <translation>auf dem Cluster</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="59"/>
        <source>Training finished</source>
        <translation>Training fertig</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="441"/>
        <source>Cannot simulate</source>
        <translation>Simulation nicht möglich</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="455"/>
        <source>Cluster Script Template</source>
        <translation>Vorlage für Cluster-Skripte</translation>
    </message>
</context>
<context>
    <name>TrainingDataPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="100"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="102"/>
        <source>The micrographs to learn from: files, folders or a RELION micrograph STAR file. Ticked files are held out for validation (whole files, never crops of training files).</source>
        <translation>Die Mikrographen, aus denen gelernt wird: Dateien, Ordner oder eine RELION-Mikrographen-STAR-Datei. Angehakte Dateien werden zur Validierung zurückgehalten (ganze Dateien, nie Ausschnitte von Trainingsdateien).</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="112"/>
        <source>Add Files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="113"/>
        <source>Add Micrographs</source>
        <translation>Mikrographen hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="114"/>
        <source>Micrographs (*.mrc *.mrcs *.tif *.tiff);;All files (*)</source>
        <translation>Mikrographen (*.mrc *.mrcs *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="116"/>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="117"/>
        <source>Add a Folder of Micrographs</source>
        <translation>Einen Ordner mit Mikrographen hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="121"/>
        <source>Add STAR File…</source>
        <translation>STAR-Datei hinzufügen…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="123"/>
        <source>Add a RELION Micrograph STAR File</source>
        <translation>Eine RELION-Mikrographen-STAR-Datei hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="123"/>
        <source>STAR files (*.star)</source>
        <translation>STAR-Dateien (*.star)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="127"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Size (px)</source>
        <translation>Größe (px)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Pixel size (Å)</source>
        <translation>Pixelgröße (Å)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="152"/>
        <source> Å</source>
        <translation> Å</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="153"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="154"/>
        <source>From the files&apos; headers; correct it when they are wrong. It goes into the model&apos;s card.</source>
        <translation>Aus den Kopfdaten der Dateien; korrigieren Sie sie, wenn sie falsch sind. Sie geht in die Modellkarte ein.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="156"/>
        <source>Pixel size:</source>
        <translation>Pixelgröße:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="187"/>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="227"/>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="261"/>
        <source>Add micrographs: files, a folder or a RELION micrograph STAR file.</source>
        <translation>Mikrographen hinzufügen: Dateien, einen Ordner oder eine RELION-Mikrographen-STAR-Datei.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="277"/>
        <source>The files differ in size (%1 and %2 in %3): train on micrographs of one camera and mode at a time.</source>
        <translation>Die Dateien sind unterschiedlich groß (%1 und %2 in %3): Trainieren Sie jeweils mit Mikrographen einer Kamera und eines Modus.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="281"/>
        <source>The files&apos; pixel sizes differ (%1 and %2 Å in %3): a model learns one magnification; train on one pixel size at a time.</source>
        <translation>Die Pixelgrößen der Dateien unterscheiden sich (%1 und %2 Å in %3): Ein Modell lernt eine Vergrößerung; trainieren Sie jeweils mit einer Pixelgröße.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="290"/>
        <source>%n file(s) cannot be read; remove them: %1</source>
        <translation>
            <numerusform>%n Datei kann nicht gelesen werden; entfernen Sie sie: %1</numerusform>
            <numerusform>%n Dateien können nicht gelesen werden; entfernen Sie sie: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="293"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird gelesen…</numerusform>
            <numerusform>%n Dateien werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="295"/>
        <source>Every file is ticked for validation: leave some for training.</source>
        <translation>Alle Dateien sind zur Validierung angehakt: Lassen Sie einige für das Training übrig.</translation>
    </message>
</context>
<context>
    <name>TrainingModelPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="499"/>
        <source>Model Size</source>
        <translation>Modellgröße</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="501"/>
        <source>Larger networks learn more detail and take longer per step. Speeds are measured on this machine with the schedule&apos;s batch and patch.</source>
        <translation>Größere Netze lernen mehr Details und brauchen länger pro Schritt. Die Geschwindigkeiten sind auf diesem Rechner mit Batch und Patch des Zeitplans gemessen.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Training speed</source>
        <translation>Trainingsgeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="547"/>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="548"/>
        <source>%1 steps/s</source>
        <translation>%1 Schritte/s</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="549"/>
        <source>cannot run on this device</source>
        <translation>läuft nicht auf diesem Gerät</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="550"/>
        <source>measuring…</source>
        <translation>wird gemessen…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="551"/>
        <source>base %1, levels %2</source>
        <translation>Basis %1, Stufen %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="556"/>
        <source>From the configuration</source>
        <translation>Aus der Konfiguration</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="559"/>
        <source>Fine-tuning keeps the architecture of the model it starts from.</source>
        <translation>Feinabstimmung behält die Architektur des Ausgangsmodells bei.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="560"/>
        <source>Speeds: batch %1, patch %2 px.</source>
        <translation>Geschwindigkeiten: Batch %1, Patch %2 px.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="573"/>
        <source>Choose a model size.</source>
        <translation>Wählen Sie eine Modellgröße.</translation>
    </message>
</context>
<context>
    <name>TrainingMonitor</name>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="91"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="91"/>
        <source>Checkpoint after the current step and stop</source>
        <translation>Nach dem aktuellen Schritt einen Checkpoint speichern und anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="92"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="92"/>
        <source>Continue from the last checkpoint</source>
        <translation>Ab dem letzten Checkpoint weitermachen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="93"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="94"/>
        <source>End the run after the current step; its last checkpoint and model stay in its folder</source>
        <translation>Den Lauf nach dem aktuellen Schritt beenden; sein letzter Checkpoint und sein Modell bleiben in seinem Ordner</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="96"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="96"/>
        <source>The run&apos;s folder: model, checkpoint, log</source>
        <translation>Der Ordner des Laufs: Modell, Checkpoint, Protokoll</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="108"/>
        <source>Loss (ε mean squared error)</source>
        <translation>Verlust (mittlerer quadratischer Fehler von ε)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="112"/>
        <location filename="../widgets/trainingmonitor.cpp" line="125"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="119"/>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="120"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="121"/>
        <source>Validation PSNR</source>
        <translation>Validierungs-PSNR</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="128"/>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="131"/>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="132"/>
        <source>Fourier padding</source>
        <translation>Fourier-Padding</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="169"/>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="170"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="171"/>
        <source>Stopping after the current step…</source>
        <translation>Hält nach dem aktuellen Schritt an…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="172"/>
        <source>Paused at a checkpoint</source>
        <translation>An einem Checkpoint pausiert</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="173"/>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="174"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="175"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="176"/>
        <source>Waiting for the run to start</source>
        <translation>Wartet auf den Start des Laufs</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="177"/>
        <source>Stopped unexpectedly</source>
        <translation>Unerwartet beendet</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="189"/>
        <source>%1 steps/s, %2 left</source>
        <translation>%1 Schritte/s, noch %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="253"/>
        <source>Validation samples at step %1: input (upsampled) · output · target</source>
        <translation>Validierungsbeispiele bei Schritt %1: Eingabe (hochgetastet) · Ausgabe · Ziel</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
</context>
<context>
    <name>TrainingOutputPage</name>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="209"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="211"/>
        <source>Where the run keeps its model, checkpoints and log, and the configuration it starts with (editable; the schema of `cryosr-cli train --config`).</source>
        <translation>Wo der Lauf sein Modell, seine Checkpoints und sein Protokoll ablegt, und die Konfiguration, mit der er beginnt (bearbeitbar; das Schema von `cryosr-cli train --config`).</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="219"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="224"/>
        <source>e.g. apoferritin-k3-2x</source>
        <translation>z. B. apoferritin-k3-2x</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="225"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="226"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="233"/>
        <source>Load Configuration…</source>
        <translation>Konfiguration laden…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="235"/>
        <source>Save Configuration…</source>
        <translation>Konfiguration speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="245"/>
        <source>Folder for Training Runs</source>
        <translation>Ordner für Trainingsläufe</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="263"/>
        <source>Load a Training Configuration</source>
        <translation>Eine Trainingskonfiguration laden</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="263"/>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="270"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="269"/>
        <source>Save the Training Configuration</source>
        <translation>Die Trainingskonfiguration speichern</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="320"/>
        <source>The configuration is not a valid JSON object.</source>
        <translation>Die Konfiguration ist kein gültiges JSON-Objekt.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="323"/>
        <source>Name the run: it becomes the folder&apos;s and the model&apos;s name.</source>
        <translation>Benennen Sie den Lauf: Der Name wird zum Namen des Ordners und des Modells.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="325"/>
        <source>The name must not contain slashes or start with a dot.</source>
        <translation>Der Name darf keine Schrägstriche enthalten und nicht mit einem Punkt beginnen.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="328"/>
        <source>Choose an existing folder for the run.</source>
        <translation>Wählen Sie einen vorhandenen Ordner für den Lauf.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="330"/>
        <source>%1 cannot be written: choose another folder.</source>
        <translation>%1 kann nicht geschrieben werden: Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="334"/>
        <source>%1 already holds a training run: choose another name.</source>
        <translation>%1 enthält bereits einen Trainingslauf: Wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="102"/>
        <source>Tiny (tests, quick looks)</source>
        <translation>Winzig (Tests, schnelle Versuche)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="103"/>
        <source>Small (the default model&apos;s network)</source>
        <translation>Klein (das Netz des Standardmodells)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="104"/>
        <source>Medium (cryosr-cli train&apos;s default)</source>
        <translation>Mittel (Vorgabe von cryosr-cli train)</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="105"/>
        <source>Large (for a GPU)</source>
        <translation>Groß (für eine GPU)</translation>
    </message>
</context>
<context>
    <name>TrainingSchedulePage</name>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="42"/>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="43"/>
        <source>How long and how the network trains. A checkpoint is where Pause stops and Resume continues.</source>
        <translation>Wie lange und wie das Netz trainiert. Ein Checkpoint ist die Stelle, an der „Pause“ anhält und „Fortsetzen“ weitermacht.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="49"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="58"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="59"/>
        <source>bf16 mixed precision (GPU)</source>
        <translation>bf16 gemischte Genauigkeit (GPU)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="62"/>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="63"/>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="64"/>
        <source>Patch (crop side):</source>
        <translation>Patch (Seitenlänge des Ausschnitts):</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="65"/>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="66"/>
        <source>EMA decay:</source>
        <translation>EMA-Zerfall:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="67"/>
        <source>Checkpoint every:</source>
        <translation>Checkpoint alle:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="68"/>
        <source>Validate every:</source>
        <translation>Validieren alle:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="69"/>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="70"/>
        <source>Precision:</source>
        <translation>Genauigkeit:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="71"/>
        <source>Expected duration:</source>
        <translation>Voraussichtliche Dauer:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="105"/>
        <source>Automatic (GPU when present)</source>
        <translation>Automatisch (GPU, wenn vorhanden)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="106"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="108"/>
        <source>CUDA (no GPU found)</source>
        <translation>CUDA (keine GPU gefunden)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="108"/>
        <source>CUDA: %1</source>
        <translation>CUDA: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="132"/>
        <source>about %1 (%2 steps/s measured here; validation adds to it)</source>
        <translation>etwa %1 (%2 Schritte/s hier gemessen; die Validierung kommt hinzu)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="135"/>
        <source>unknown: the network cannot run on this device</source>
        <translation>unbekannt: das Netz läuft nicht auf diesem Gerät</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="136"/>
        <source>measuring the speed…</source>
        <translation>Geschwindigkeit wird gemessen…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="145"/>
        <source>No CUDA GPU was found on this machine: choose Automatic or CPU (or run on a cluster).</source>
        <translation>Auf diesem Rechner wurde keine CUDA-GPU gefunden: Wählen Sie „Automatisch“ oder „CPU“ (oder führen Sie den Lauf auf einem Cluster aus).</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="147"/>
        <source>bf16 mixed precision needs a GPU; choose fp32.</source>
        <translation>bf16 gemischte Genauigkeit braucht eine GPU; wählen Sie fp32.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="153"/>
        <source>The patch (%1 px) is larger than the images (%2 × %3).</source>
        <translation>Der Patch (%1 px) ist größer als die Bilder (%2 × %3).</translation>
    </message>
</context>
<context>
    <name>TrainingTaskPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="338"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="340"/>
        <source>What the model learns: the scale, how its low-resolution inputs are made, and which images it learns to produce.</source>
        <translation>Was das Modell lernt: den Maßstab, wie seine niedrig aufgelösten Eingaben entstehen und welche Bilder es erzeugen lernt.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="344"/>
        <source>Train a new model</source>
        <translation>Ein neues Modell trainieren</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="347"/>
        <source>Fine-tune:</source>
        <translation>Feinabstimmen:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="366"/>
        <source>Scale:</source>
        <translation>Maßstab:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="367"/>
        <source>2×</source>
        <translation>2×</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="368"/>
        <source>4×</source>
        <translation>4×</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="371"/>
        <source>Low-resolution inputs by:</source>
        <translation>Niedrig aufgelöste Eingaben durch:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="372"/>
        <source>Fourier cropping</source>
        <translation>Fourier-Beschnitt</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="373"/>
        <source>binning (averaging pixels)</source>
        <translation>Binning (Mitteln von Pixeln)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="376"/>
        <source>Targets:</source>
        <translation>Ziele:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="377"/>
        <source>the micrographs themselves (self-supervised)</source>
        <translation>die Mikrographen selbst (selbstüberwacht)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="378"/>
        <source>simulated clean images</source>
        <translation>simulierte rauschfreie Bilder</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="379"/>
        <source>Each NAME.mrc needs NAME.clean.mrc beside it, as `cryosr-cli simulate --map MAP -o NAME.mrc --clean NAME.clean.mrc` writes: the model learns to denoise too.</source>
        <translation>Zu jeder NAME.mrc gehört eine NAME.clean.mrc daneben, wie sie `cryosr-cli simulate --map MAP -o NAME.mrc --clean NAME.clean.mrc` schreibt: Das Modell lernt auch zu entrauschen.</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="381"/>
        <source>Simulate from a Map…</source>
        <translation>Aus einer Dichtekarte simulieren…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="384"/>
        <source>Make simulated micrographs with their clean images from a 3D map (an EMDB map, your own reconstruction) and train on them</source>
        <translation>Simulierte Mikrographen mit ihren rauschfreien Bildern aus einer 3D-Dichtekarte erzeugen (einer EMDB-Karte, Ihrer eigenen Rekonstruktion) und damit trainieren</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="440"/>
        <source>The model&apos;s architecture, noise schedule, scale and condition are kept; a lower learning rate than for a new model (e.g. 5e-5) keeps what it learnt.</source>
        <translation>Architektur, Rauschplan, Maßstab und Bedingung des Modells bleiben erhalten; eine kleinere Lernrate als für ein neues Modell (z. B. 5e-5) bewahrt, was es gelernt hat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="459"/>
        <source>Simulated pairs need NAME.clean.EXT beside each file (from `cryosr-cli simulate --clean`); %n file(s) have none: %1</source>
        <translation>
            <numerusform>Simulierte Paare brauchen NAME.clean.EXT neben jeder Datei (aus `cryosr-cli simulate --clean`); %n Datei hat keine: %1</numerusform>
            <numerusform>Simulierte Paare brauchen NAME.clean.EXT neben jeder Datei (aus `cryosr-cli simulate --clean`); %n Dateien haben keine: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <location filename="../widgets/trainingview.cpp" line="27"/>
        <source>New Training…</source>
        <translation>Neues Training…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="30"/>
        <source>Runs:</source>
        <translation>Läufe:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="35"/>
        <source>Remove from List</source>
        <translation>Aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="37"/>
        <source>The run&apos;s folder stays as it is</source>
        <translation>Der Ordner des Laufs bleibt, wie er ist</translation>
    </message>
</context>
<context>
    <name>TrainingWizard</name>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="28"/>
        <source>Launch</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="29"/>
        <source>Run on a Cluster…</source>
        <translation>Auf einem Cluster ausführen…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="32"/>
        <source>Write a Slurm batch script for this configuration and submit it</source>
        <translation>Ein Slurm-Batch-Skript für diese Konfiguration schreiben und einreichen</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="141"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="147"/>
        <source>%1 is not a training configuration (a JSON object): %2</source>
        <translation>%1 ist keine Trainingskonfiguration (ein JSON-Objekt): %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="160"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>UpscaleController</name>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="251"/>
        <source>No estimate: %1</source>
        <translation>Keine Schätzung: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="262"/>
        <source>Cancelled after %n step(s).</source>
        <translation>
            <numerusform>Nach %n Schritt abgebrochen.</numerusform>
            <numerusform>Nach %n Schritten abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="262"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="279"/>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="287"/>
        <source>The export of %1 was cancelled.</source>
        <translation>Der Export von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="301"/>
        <source>Cancelled: the whole result was not saved.</source>
        <translation>Abgebrochen: Das ganze Ergebnis wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="339"/>
        <source>Measuring this device&apos;s speed…</source>
        <translation>Die Geschwindigkeit dieses Geräts wird gemessen…</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="352"/>
        <location filename="../app/gui/upscalecontroller.cpp" line="366"/>
        <source>Open a micrograph first.</source>
        <translation>Öffnen Sie zuerst einen Mikrographen.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="370"/>
        <source>Choose a usable model in the Upscale panel (%1).</source>
        <translation>Wählen Sie in der Hochskalieren-Leiste ein verwendbares Modell (%1).</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="370"/>
        <source>none found</source>
        <translation>keines gefunden</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="374"/>
        <source>Choose a region first: Shift+drag on the image, or type it in the Upscale panel.</source>
        <translation>Wählen Sie zuerst einen Bereich: Umschalt+Ziehen im Bild, oder geben Sie ihn in der Hochskalieren-Leiste ein.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="379"/>
        <source>Unknown sampler, device or precision.</source>
        <translation>Unbekannter Sampler, unbekanntes Gerät oder unbekannte Genauigkeit.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="403"/>
        <source>%1 · x %2 y %3, %4 × %5 px · %6, %7 steps, %n sample(s), seed %8</source>
        <translation>
            <numerusform>%1 · x %2 y %3, %4 × %5 px · %6, %7 Schritte, %n Sample, Seed %8</numerusform>
            <numerusform>%1 · x %2 y %3, %4 × %5 px · %6, %7 Schritte, %n Samples, Seed %8</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="484"/>
        <source>Step %1 of %2 · tile %3 of %4</source>
        <translation>Schritt %1 von %2 · Kachel %3 von %4</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="486"/>
        <source> · sample %1 of %2</source>
        <translation> · Sample %1 von %2</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="499"/>
        <source>Whole micrograph upscaled in %1 s on %2; saved as %3 and opened.</source>
        <translation>Ganzer Mikrograph in %1 s auf %2 hochskaliert; als %3 gespeichert und geöffnet.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="502"/>
        <source>Saving it as %1…</source>
        <translation>Es wird als %1 gespeichert…</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="504"/>
        <source>Saving %1</source>
        <translation>%1 wird gespeichert</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="523"/>
        <source>Finished: %n step(s) in %1 s on %2.</source>
        <translation>
            <numerusform>Fertig: %n Schritt in %1 s auf %2.</numerusform>
            <numerusform>Fertig: %n Schritte in %1 s auf %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="579"/>
        <source>Upscale</source>
        <translation>Hochskalieren</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="586"/>
        <source>Nothing to export yet: upscale a region first.</source>
        <translation>Noch nichts zu exportieren: Skalieren Sie zuerst einen Bereich hoch.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="588"/>
        <source>%1 is an open micrograph; CryoSR never overwrites its input. Choose another name.</source>
        <translation>%1 ist ein geöffneter Mikrograph; CryoSR überschreibt nie seine Eingabe. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="636"/>
        <source>%1 is still under way: wait for it, or cancel it in the status bar.</source>
        <translation>%1 läuft noch: Warten Sie darauf oder brechen Sie es in der Statusleiste ab.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="589"/>
        <source>Exporting %1</source>
        <translation>%1 wird exportiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="625"/>
        <source>Exporting %n frame(s)</source>
        <translation>
            <numerusform>%n Bild wird exportiert</numerusform>
            <numerusform>%n Bilder werden exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="599"/>
        <source>Cannot tell the format from the name %1: use .mrc, .tif or .png</source>
        <translation>Das Format ist am Namen %1 nicht zu erkennen: Verwenden Sie .mrc, .tif oder .png</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="607"/>
        <source>No frames to export yet: upscale a region first.</source>
        <translation>Noch keine Bilder zu exportieren: Skalieren Sie zuerst einen Bereich hoch.</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="609"/>
        <source>%1 is the open micrograph; CryoSR never overwrites its input</source>
        <translation>%1 ist der geöffnete Mikrograph; CryoSR überschreibt nie seine Eingabe</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="623"/>
        <source>This build of CryoSR has no GIF support (giflib): export an MRC stack or PNGs</source>
        <translation>Diese CryoSR-Version kann kein GIF schreiben (giflib fehlt): Exportieren Sie einen MRC-Stapel oder PNGs</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="620"/>
        <source>Cannot tell the format from the name %1: use .mrcs, .gif or .png</source>
        <translation>Das Format ist am Namen %1 nicht zu erkennen: Verwenden Sie .mrcs, .gif oder .png</translation>
    </message>
</context>
<context>
    <name>UpscalePanel</name>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="74"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="88"/>
        <location filename="../widgets/upscalepanel.cpp" line="525"/>
        <source>Upscale</source>
        <translation>Hochskalieren</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="91"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="163"/>
        <source>Region</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="164"/>
        <source>Shift+drag on the image to select a region, or type it here.</source>
        <translation>Umschalt+Ziehen im Bild wählt einen Bereich, oder geben Sie ihn hier ein.</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="171"/>
        <source>The region&apos;s x</source>
        <translation>x des Bereichs</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="172"/>
        <source>The region&apos;s y</source>
        <translation>y des Bereichs</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="173"/>
        <source>The region&apos;s width</source>
        <translation>Breite des Bereichs</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="174"/>
        <source>The region&apos;s height</source>
        <translation>Höhe des Bereichs</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="182"/>
        <source>x, y</source>
        <translation>x, y</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="183"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="197"/>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="200"/>
        <source>DDPM</source>
        <translation>DDPM</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="200"/>
        <source>DDIM</source>
        <translation>DDIM</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="200"/>
        <source>DPM-Solver++</source>
        <translation>DPM-Solver++</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="202"/>
        <source>DDPM follows every step of the trained chain; DDIM and DPM-Solver++ skip steps and need far fewer (20-50) for the same quality.</source>
        <translation>DDPM folgt jedem Schritt der trainierten Kette; DDIM und DPM-Solver++ überspringen Schritte und brauchen für dieselbe Qualität weit weniger (20–50).</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="205"/>
        <source>Fast (%n steps)</source>
        <translation>
            <numerusform>Schnell (%n Schritt)</numerusform>
            <numerusform>Schnell (%n Schritte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="208"/>
        <source>%n deterministic DDIM steps of the same network instead of the steps chosen here. On held-out simulations the denoise model&apos;s mean of 8 samples came as close to the clean image as with 50 steps, or closer (docs/models.md). Its uncertainty is calibrated for so few steps only where the model&apos;s card lists a scale for them. Untick to use the step count beside it.</source>
        <translation>
            <numerusform>%n deterministischer DDIM-Schritt desselben Netzes statt der hier gewählten Schritte. Auf zurückgehaltenen Simulationen kam der Mittelwert von 8 Stichproben des Entrauschungsmodells dem sauberen Bild so nah wie mit 50 Schritten oder näher (docs/models.md). Seine Unsicherheit ist für so wenige Schritte nur kalibriert, wenn die Modellkarte einen Faktor dafür nennt. Abwählen, um die Schrittzahl daneben zu verwenden.</numerusform>
            <numerusform>%n deterministische DDIM-Schritte desselben Netzes statt der hier gewählten Schritte. Auf zurückgehaltenen Simulationen kam der Mittelwert von 8 Stichproben des Entrauschungsmodells dem sauberen Bild so nah wie mit 50 Schritten oder näher (docs/models.md). Seine Unsicherheit ist für so wenige Schritte nur kalibriert, wenn die Modellkarte einen Faktor dafür nennt. Abwählen, um die Schrittzahl daneben zu verwenden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="221"/>
        <source>DDIM&apos;s noise: 0 is deterministic, 1 behaves like DDPM.</source>
        <translation>Rauschen von DDIM: 0 ist deterministisch, 1 verhält sich wie DDPM.</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="227"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="234"/>
        <location filename="../widgets/upscalepanel.cpp" line="236"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="234"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="234"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="236"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="236"/>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="236"/>
        <source>fp16</source>
        <translation>fp16</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="238"/>
        <source>Automatic is bf16 on a CPU with bf16 arithmetic (AVX512-BF16), where it takes 0.6-0.8× the time with the same accuracy, and fp32 elsewhere. bf16 and fp16 halve the GPU memory a run needs; their results differ from fp32&apos;s by rounding.</source>
        <translation>Automatisch ist bf16 auf einer CPU mit bf16-Arithmetik (AVX512-BF16), wo ein Lauf 0,6–0,8× so lange dauert und ebenso genau ist, und sonst fp32. bf16 und fp16 halbieren den GPU-Speicher, den ein Lauf braucht; ihre Ergebnisse weichen von fp32 um Rundungsfehler ab.</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="242"/>
        <location filename="../widgets/upscalepanel.cpp" line="367"/>
        <source>Model&apos;s default</source>
        <translation>Vorgabe des Modells</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="243"/>
        <source>Keep exactly, noise included</source>
        <translation>Genau behalten, mitsamt Rauschen</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="244"/>
        <source>Keep by signal-to-noise</source>
        <translation>Nach Signal-Rausch-Verhältnis behalten</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="245"/>
        <source>Let the model change it</source>
        <translation>Vom Modell ändern lassen</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="247"/>
        <source>How each step keeps the region&apos;s own frequencies. Exactly: only detail beyond its resolution is generated, and its noise stays. By signal-to-noise: each frequency is kept as far as the region itself shows signal there, so strong features stay as measured and noise is removed.</source>
        <translation>Wie jeder Schritt die eigenen Frequenzen des Bereichs behält. Genau: nur Details jenseits seiner Auflösung werden erzeugt, sein Rauschen bleibt. Nach Signal-Rausch-Verhältnis: jede Frequenz wird so weit behalten, wie der Bereich selbst dort Signal zeigt; starke Strukturen bleiben wie gemessen, Rauschen wird entfernt.</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="255"/>
        <source>Sampler</source>
        <translation>Sampler</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="413"/>
        <source>Automatic (bf16 on this CPU)</source>
        <translation>Automatisch (bf16 auf dieser CPU)</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="413"/>
        <source>Automatic (fp32)</source>
        <translation>Automatisch (fp32)</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="553"/>
        <source>%1 holds no valid value (“%2”): correct it before upscaling.</source>
        <translation>%1 enthält keinen gültigen Wert („%2“): korrigieren Sie ihn vor dem Hochskalieren.</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="251"/>
        <location filename="../widgets/upscalepanel.cpp" line="256"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="224"/>
        <source>Several samples give their mean and a per-pixel uncertainty map. They come in pairs whose second sample starts from the first one&apos;s noise negated, which brings their mean nearer the truth: prefer an even number.</source>
        <translation>Mehrere Samples ergeben ihren Mittelwert und eine Unsicherheitskarte pro Pixel. Sie kommen paarweise: Das zweite Sample eines Paars beginnt mit dem negierten Rauschen des ersten, was ihren Mittelwert näher an die Wahrheit bringt. Wählen Sie eine gerade Anzahl.</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="252"/>
        <location filename="../widgets/upscalepanel.cpp" line="257"/>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="253"/>
        <location filename="../widgets/upscalepanel.cpp" line="258"/>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="254"/>
        <location filename="../widgets/upscalepanel.cpp" line="259"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="260"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="261"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="262"/>
        <source>Measured data</source>
        <translation>Gemessene Daten</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="315"/>
        <source>No region: Shift+drag on the image or type one.</source>
        <translation>Kein Bereich: Umschalt+Ziehen im Bild oder einen eingeben.</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="319"/>
        <source>%1 × %2 px → %3 × %4 px</source>
        <translation>%1 × %2 px → %3 × %4 px</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="325"/>
        <source> (%1 × %2 Å, %3 Å/px out)</source>
        <translation> (%1 × %2 Å, %3 Å/px danach)</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="330"/>
        <source>; sides in steps of %1 px for this model</source>
        <translation>; Seitenlängen in Schritten von %1 px für dieses Modell</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="344"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="362"/>
        <source>keep exactly</source>
        <translation>genau behalten</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="363"/>
        <source>by signal-to-noise</source>
        <translation>nach Signal-Rausch-Verhältnis</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="364"/>
        <source>let the model change it</source>
        <translation>vom Modell ändern lassen</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="367"/>
        <source>Model&apos;s default (%1)</source>
        <translation>Vorgabe des Modells (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="374"/>
        <source>No model found: put .cryosr files in your models folder.</source>
        <translation>Kein Modell gefunden: Legen Sie .cryosr-Dateien in Ihren Modellordner.</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="383"/>
        <source>CUDA (no GPU found)</source>
        <translation>CUDA (keine GPU gefunden)</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="383"/>
        <source>CUDA — %1</source>
        <translation>CUDA — %1</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="519"/>
        <source>About %1 on %2</source>
        <translation>Etwa %1 auf %2</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="525"/>
        <source>Queue this region</source>
        <translation>Diesen Bereich einreihen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="529"/>
        <source>%n region(s) waiting</source>
        <translation>
            <numerusform>%n Bereich wartet</numerusform>
            <numerusform>%n Bereiche warten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="534"/>
        <source>Step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="535"/>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="536"/>
        <source>%1 steps/s, %2 left</source>
        <translation>%1 Schritte/s, noch %2</translation>
    </message>
</context>
<context>
    <name>UpscaleView</name>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="72"/>
        <source>Baseline: classical upscaling</source>
        <translation>Baseline: klassisches Hochskalieren</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="73"/>
        <source>Diffusion</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="113"/>
        <source>Choose a region and press Upscale.</source>
        <translation>Wählen Sie einen Bereich und drücken Sie „Hochskalieren“.</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <location filename="../widgets/upscaleview.cpp" line="373"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Side by side with the baseline</source>
        <translation>Neben der Baseline</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Split with the baseline</source>
        <translation>Geteilt mit der Baseline</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Difference from the baseline</source>
        <translation>Differenz zur Baseline</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="125"/>
        <source>The baseline is the region upscaled the classical way (Fourier padding or bicubic).</source>
        <translation>Die Baseline ist der klassisch hochskalierte Bereich (Fourier-Padding oder bikubisch).</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="128"/>
        <source>Where the baseline (left) gives way to the diffusion result (right).</source>
        <translation>Wo die Baseline (links) in das Diffusionsergebnis (rechts) übergeht.</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="130"/>
        <source>Uncertainty</source>
        <translation>Unsicherheit</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="133"/>
        <source>The per-pixel standard deviation of the samples over the result (cubehelix: brighter is less certain). Needs two samples or more.</source>
        <translation>Die Standardabweichung der Samples pro Pixel über dem Ergebnis (Cubehelix: heller ist unsicherer). Braucht zwei oder mehr Samples.</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="139"/>
        <source>Image&apos;s contrast</source>
        <translation>Kontrast des Bildes</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="143"/>
        <source>Show the baseline, the result and every step with the Image page&apos;s contrast (the Contrast panel), so that what changes is the image, not the stretch.</source>
        <translation>Baseline, Ergebnis und jeden Schritt mit dem Kontrast der Bildseite (Kontrastleiste) zeigen, damit sich das Bild ändert, nicht die Streckung.</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="145"/>
        <source>Split:</source>
        <translation>Teilung:</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="152"/>
        <source>Opacity:</source>
        <translation>Deckkraft:</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="182"/>
        <source>Play the reverse process (Space)</source>
        <translation>Den Rückwärtsprozess abspielen (Leertaste)</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="188"/>
        <source>Result: mean of 64 samples</source>
        <translation>Ergebnis: Mittel aus 64 Samples</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="192"/>
        <source>%1 steps/s</source>
        <translation>%1 Schritte/s</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="194"/>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="198"/>
        <source>Predicted clean image x̂₀</source>
        <translation>Vorhergesagtes rauschfreies Bild x̂₀</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="199"/>
        <source>Noisy state xₜ</source>
        <translation>Verrauschter Zustand xₜ</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="201"/>
        <source>x̂₀ is the network&apos;s estimate of the final image at each step; xₜ is the sampler&apos;s state, noise turning into the image.</source>
        <translation>x̂₀ ist die Schätzung des Netzes für das endgültige Bild in jedem Schritt; xₜ ist der Zustand des Samplers, Rauschen, das zum Bild wird.</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="373"/>
        <source>Result: mean of the samples</source>
        <translation>Ergebnis: Mittel der Samples</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="379"/>
        <source>Step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="381"/>
        <source>Step 0 / %1</source>
        <translation>Schritt 0 / %1</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="392"/>
        <source>Shown − baseline (the image&apos;s values)</source>
        <translation>Angezeigt − Baseline (Werte des Bildes)</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="401"/>
        <source>baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="401"/>
        <source>diffusion</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="411"/>
        <source>Standard deviation of one sample (the image&apos;s values)</source>
        <translation>Standardabweichung eines Samples (Werte des Bildes)</translation>
    </message>
</context>
<context>
    <name>UpscaleWorker</name>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="218"/>
        <source>Faithful upscale: keeps the measured data, noise included</source>
        <translation>Getreues Hochskalieren: behält die gemessenen Daten, mitsamt Rauschen</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="220"/>
        <source>Denoise and upscale</source>
        <translation>Entrauschen und hochskalieren</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="239"/>
        <source>%1× upscaling, %2 M parameters, %3 training steps, %4 condition.
%5</source>
        <translation>%1×-Hochskalierung, %2 Mio. Parameter, %3 Trainingsschritte, Bedingung %4.
%5</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="243"/>
        <source>%1 + Wiener-filtered</source>
        <translation>%1 + Wiener-gefiltert</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="247"/>
        <source>Uncertainty calibrated on held-out simulations (spread × %1).</source>
        <translation>Unsicherheit an zurückgehaltenen Simulationen kalibriert (Streuung × %1).</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscaleworker.cpp" line="252"/>
        <source>For %n step(s) (half to twice as many): spread × %1.</source>
        <translation>
            <numerusform>Für %n Schritt (halb bis doppelt so viele): Streuung × %1.</numerusform>
            <numerusform>Für %n Schritte (halb bis doppelt so viele): Streuung × %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="254"/>
        <source>Cannot be used: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
</context>
</TS>
