<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>BackgroundJob</name>
    <message>
        <location filename="../app/gui/backgroundjob.cpp" line="68"/>
        <source>Not enough memory</source>
        <translation>メモリが足りません</translation>
    </message>
</context>
<context>
    <name>ColourBar</name>
    <message>
        <location filename="../widgets/colourbar.cpp" line="26"/>
        <source>%1: %2 to %3</source>
        <translation>%1: %2 ～ %3</translation>
    </message>
</context>
<context>
    <name>ContrastPanel</name>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Percentiles</source>
        <translation>パーセンタイル</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Mean ± kσ</source>
        <translation>平均 ± kσ</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="36"/>
        <source>to</source>
        <translation>～</translation>
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
        <translation>グレー</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="56"/>
        <source>Inverted grey</source>
        <translation>反転グレー</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="56"/>
        <source>Cubehelix</source>
        <translation>Cubehelix</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="59"/>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="61"/>
        <source>Black at</source>
        <translation>黒の位置</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="62"/>
        <source>White at</source>
        <translation>白の位置</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="63"/>
        <source>Colours</source>
        <translation>カラー</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../widgets/galleryview.cpp" line="24"/>
        <source>Each section its own contrast</source>
        <translation>各セクションごとのコントラスト</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="24"/>
        <source>One contrast for all</source>
        <translation>すべてに同じコントラスト</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="26"/>
        <source>One contrast for all compares the sections&apos; values; each its own shows every section&apos;s detail (0.5–99.5 % of its values).</source>
        <translation>同じコントラストでセクションの値を比較でき、個別のコントラストでは各セクションの細部（値の 0.5–99.5 %）が見えます。</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="38"/>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="61"/>
        <source>The first %1 of %2 sections</source>
        <translation>%2 セクション中の最初の %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/galleryview.cpp" line="62"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n セクション</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="121"/>
        <source>Section %1: show it alone</source>
        <translation>セクション %1: 単独で表示</translation>
    </message>
</context>
<context>
    <name>HistogramWidget</name>
    <message>
        <location filename="../widgets/histogramwidget.cpp" line="17"/>
        <source>Drag a line to move that limit, or between them to move the window</source>
        <translation>線をドラッグするとその境界を、線の間をドラッグすると窓を移動します</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <location filename="../widgets/jobprogress.cpp" line="19"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../widgets/jobprogress.cpp" line="20"/>
        <source>Stop this job</source>
        <translation>この処理を中止</translation>
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
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="31"/>
        <source>Power spectrum</source>
        <translation>パワースペクトル</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="56"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="61"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="79"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="100"/>
        <source>View</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="117"/>
        <source>Sections</source>
        <translation>セクション</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="129"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="137"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="145"/>
        <source>Export View as &amp;PNG…</source>
        <translation>表示を PNG でエクスポート(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="153"/>
        <source>Export View as PNG &amp;without Scale Bar…</source>
        <translation>表示をスケールバーなしの PNG でエクスポート(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="158"/>
        <source>Export &amp;Region as MRC/TIFF…</source>
        <translation>領域を MRC/TIFF でエクスポート(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="164"/>
        <source>The selection (Shift+drag on the image), or the part in view, as float32 with its pixel size and origin</source>
        <translation>選択範囲（画像上で Shift+ドラッグ）または表示中の部分を、ピクセルサイズと原点付きの float32 で</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="169"/>
        <source>&amp;Clear List</source>
        <translation>リストを消去(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="174"/>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="185"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="193"/>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="199"/>
        <source>Show the whole image</source>
        <translation>画像全体を表示</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="204"/>
        <source>&amp;1:1</source>
        <translation>等倍(&amp;1)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="210"/>
        <source>One image pixel per screen pixel</source>
        <translation>画像の 1 ピクセルを画面の 1 ピクセルで表示</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="215"/>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="223"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="231"/>
        <source>&amp;Scale Bar</source>
        <translation>スケールバー(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="245"/>
        <source>&amp;Image</source>
        <translation>画像(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="253"/>
        <source>&amp;Power Spectrum</source>
        <translation>パワースペクトル(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="259"/>
        <source>Power spectrum of the whole image, with its rotational average</source>
        <translation>画像全体のパワースペクトルと、その回転平均</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="264"/>
        <source>Power Spectrum of &amp;Region</source>
        <translation>領域のパワースペクトル(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="270"/>
        <source>Power spectrum of the selection (Shift+drag on the image), or of the part in view</source>
        <translation>選択範囲（画像上で Shift+ドラッグ）または表示中の部分のパワースペクトル</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="275"/>
        <source>P&amp;revious Section</source>
        <translation>前のセクション(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="283"/>
        <source>&amp;Next Section</source>
        <translation>次のセクション(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Micrographs</source>
        <translation>顕微鏡像</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="89"/>
        <source>Contrast</source>
        <translation>コントラスト</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="100"/>
        <location filename="../ui/mainwindow.cpp" line="112"/>
        <source>Upscale</source>
        <translation>高解像度化</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="107"/>
        <source>Gallery</source>
        <translation>ギャラリー</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="115"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="124"/>
        <source>Section (stack image or volume plane), numbered from 0</source>
        <translation>セクション（スタックの画像またはボリュームの平面）、0 から数えます</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="126"/>
        <source>Section </source>
        <translation>セクション </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>&amp;Ruler</source>
        <translation>定規(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>Particle &amp;Circle</source>
        <translation>粒子円(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>The particle circle&apos;s diameter (Å, or pixels when the pixel size is unknown)</source>
        <translation>粒子円の直径（Å、ピクセルサイズが不明ならピクセル）</translation>
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
        <translation>ピクセルサイズを設定(&amp;Z)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210"/>
        <source>No region is selected: Shift+drag on the image to select one (F3 shows the whole micrograph&apos;s spectrum).</source>
        <translation>領域が選択されていません: 画像上で Shift+ドラッグして選択してください（F3 で顕微鏡写真全体のスペクトルを表示）。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="286"/>
        <source>&amp;Upscale</source>
        <translation>高解像度化(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="295"/>
        <source>&amp;Upscale Region</source>
        <translation>領域を高解像度化(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="296"/>
        <source>Upscale &amp;Whole Micrograph</source>
        <translation>顕微鏡像全体を高解像度化(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="300"/>
        <source>&amp;Cancel Upscale</source>
        <translation>高解像度化を中止(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="302"/>
        <source>Show the &amp;Upscale Page</source>
        <translation>高解像度化ページを表示(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="304"/>
        <source>&amp;Export Upscaled Result…</source>
        <translation>高解像度化した結果をエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="305"/>
        <source>Export the Reverse-Process &amp;Frames…</source>
        <translation>逆過程のフレームをエクスポート(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="310"/>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>Show the &amp;Training Page</source>
        <translation>学習ページを表示(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>&amp;New Training…</source>
        <translation>新しい学習(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="320"/>
        <source>&amp;Load Training Configuration…</source>
        <translation>学習設定を読み込む(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>Load a Training Configuration</source>
        <translation>学習設定を読み込む</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="329"/>
        <source>Cannot load the configuration</source>
        <translation>設定を読み込めません</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="333"/>
        <source>&amp;Follow a Run Folder…</source>
        <translation>実行フォルダを追跡(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Follow a Training Run</source>
        <translation>学習の実行を追跡</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338"/>
        <source>Edit Cluster Script &amp;Template…</source>
        <translation>クラスタ用スクリプトのテンプレートを編集(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="344"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>&amp;About CryoSR</source>
        <translation>CryoSR について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="347"/>
        <source>About CryoSR</source>
        <translation>CryoSR について</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="348"/>
        <source>&lt;h3&gt;CryoSR %1&lt;/h3&gt;&lt;p&gt;A viewer and diffusion upscaler for cryo-EM micrographs.&lt;/p&gt;&lt;p&gt;The user guide: docs/user-guide.md in the source, or /usr/share/doc/cryosr/ where CryoSR was installed from its package.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CryoSR %1&lt;/h3&gt;&lt;p&gt;クライオ電子顕微鏡像のビューアと拡散モデルによる高解像度化ツール。&lt;/p&gt;&lt;p&gt;ユーザーガイド：ソースの docs/user-guide.md、またはパッケージからインストールした場合は /usr/share/doc/cryosr/。&lt;/p&gt;&lt;p&gt;Qt %2 でビルド。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="352"/>
        <source>&lt;p&gt;Free software under the BSD 3-Clause License. The licences of the libraries it includes are listed in /usr/share/doc/cryosr/copyright.&lt;/p&gt;</source>
        <translation>&lt;p&gt;BSD 3-Clause ライセンスのフリーソフトウェアです。同梱ライブラリのライセンスは /usr/share/doc/cryosr/copyright にあります。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="361"/>
        <source>Export upscaled result</source>
        <translation>高解像度化した結果をエクスポート</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="362"/>
        <source>MRC (*.mrc);;TIFF (*.tif *.tiff);;PNG as displayed (*.png)</source>
        <translation>MRC (*.mrc);;TIFF (*.tif *.tiff);;表示どおりの PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="373"/>
        <source>Set Pixel Size</source>
        <translation>ピクセルサイズを設定</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="374"/>
        <source>Å per pixel of %1 (remembered for this file; 0 goes back to its header&apos;s value):</source>
        <translation>%1 の 1 ピクセルあたりの Å（このファイルについて記憶されます。0 でヘッダーの値に戻ります）:</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="383"/>
        <source>Export frames</source>
        <translation>フレームをエクスポート</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="384"/>
        <source>MRC stack (*.mrcs *.mrc);;Animated GIF (*.gif);;PNG sequence: name_001.png, … (*.png)</source>
        <translation>MRC スタック (*.mrcs *.mrc);;アニメーション GIF (*.gif);;PNG 連番: name_001.png, … (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="398"/>
        <source>%1 — CryoSR</source>
        <translation>%1 — CryoSR</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="414"/>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="424"/>
        <source>Reading the sections…</source>
        <translation>セクションを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="438"/>
        <source>no micrograph</source>
        <translation>顕微鏡像なし</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="480"/>
        <source>log₁₀ relative power</source>
        <translation>log₁₀ 相対パワー</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="563"/>
        <source>Open micrographs</source>
        <translation>顕微鏡像を開く</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>Micrographs (*.mrc *.mrcs *.map *.st *.ali *.rec *.tif *.tiff *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>顕微鏡像 (*.mrc *.mrcs *.map *.st *.ali *.rec *.tif *.tiff *.png *.jpg *.jpeg);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>Export view as PNG</source>
        <translation>表示を PNG でエクスポート</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="577"/>
        <source>Cannot export the view</source>
        <translation>表示をエクスポートできません</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="578"/>
        <source>%1 could not be written. Check the folder exists and is writable.</source>
        <translation>%1 を書き込めませんでした。フォルダが存在し、書き込み可能か確認してください。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="584"/>
        <source>Export region</source>
        <translation>領域をエクスポート</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="584"/>
        <source>MRC (*.mrc);;TIFF (*.tif *.tiff)</source>
        <translation>MRC (*.mrc);;TIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="591"/>
        <source>x %1  y %2  value %3</source>
        <translation>x %1  y %2  値 %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="593"/>
        <source>  (%1, %2 Å)</source>
        <translation>  (%1, %2 Å)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>selection x %1 y %2, %3 × %4 px</source>
        <translation>選択範囲 x %1 y %2, %3 × %4 px</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="605"/>
        <source> (%1 × %2 Å)</source>
        <translation> (%1 × %2 Å)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="613"/>
        <source>frequency %1 %2</source>
        <translation>周波数 %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="615"/>
        <source> (%1 %2)</source>
        <translation> (%1 %2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="616"/>
        <source>  log₁₀ power %1</source>
        <translation>  log₁₀ パワー %1</translation>
    </message>
</context>
<context>
    <name>MicrographController</name>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="199"/>
        <source>Cancelled</source>
        <translation>キャンセルされました</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="233"/>
        <source>%1: not enough memory to open it</source>
        <translation>%1: 開くためのメモリが足りません</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="288"/>
        <source>%1: not enough memory to show section %2</source>
        <translation>%1: セクション %2 を表示するためのメモリが足りません</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="304"/>
        <source>%1 image</source>
        <translation>%1 画像</translation>
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
%2 × %3 ピクセル、%4 セクション
保存形式 %5
ピクセルサイズ %6

セクション %7
%8</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="340"/>
        <source>Opening %1</source>
        <translation>%1 を開いています</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="354"/>
        <source>%1 is still being opened</source>
        <translation>%1 はまだ開いている途中です</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="369"/>
        <source>Gallery of %1</source>
        <translation>%1 のギャラリー</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="403"/>
        <source>Whole section</source>
        <translation>セクション全体</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="406"/>
        <source>Region x %1, y %2, %3 × %4</source>
        <translation>領域 x %1, y %2, %3 × %4</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="413"/>
        <source>Power spectrum</source>
        <translation>パワースペクトル</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="68"/>
        <source>%1: mean of %2 periodograms of %3 × %3 pixels; Nyquist %4</source>
        <translation>%1: %3 × %3 ピクセルのピリオドグラム %2 枚の平均、ナイキスト %4</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="73"/>
        <source>%1 Å</source>
        <translation>%1 Å</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="74"/>
        <source>0.5 1/px</source>
        <translation>0.5 1/px</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="447"/>
        <source>Cannot tell the format from the name %1: use .mrc or .tif</source>
        <translation>名前 %1 から形式を判断できません。.mrc か .tif を使ってください</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="449"/>
        <source>%1 is the open file; CryoSR never overwrites its input</source>
        <translation>%1 は開いているファイルです。CryoSR は入力ファイルを上書きしません</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="506"/>
        <source>Problem with %1</source>
        <translation>%1 に問題があります</translation>
    </message>
</context>
<context>
    <name>ModelInstaller</name>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="71"/>
        <source>no validation files</source>
        <translation>検証ファイルなし</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="84"/>
        <source>whole images</source>
        <translation>画像全体</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="89"/>
        <source>central 256² regions, 20 DDIM steps</source>
        <translation>中央の 256² 領域、DDIM 20 ステップ</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="103"/>
        <source>evaluation failed: %1</source>
        <translation>評価に失敗しました: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/modelinstaller.cpp" line="119"/>
        <source>%n training file(s), %1 validation; %2</source>
        <translation>
            <numerusform>学習ファイル %n 個、検証 %1 個。%2</numerusform>
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
        <translation>ピクセルサイズ不明</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="136"/>
        <source>Adding the model %1</source>
        <translation>モデル %1 を追加しています</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="52"/>
        <source>The finished model could not be added to %1: %2</source>
        <translation>完成したモデルを %1 に追加できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="17"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="20"/>
        <source>System language (%1)</source>
        <translation>システムの言語 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="27"/>
        <source>CryoSR shows the new language when it next starts.</source>
        <translation>新しい言語は CryoSR の次回起動時に反映されます。</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="31"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
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
        <translation>顕微鏡 (パワースペクトルの CTF フィット用)</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="41"/>
        <source>&amp;Voltage:</source>
        <translation>加速電圧(&amp;V):</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="42"/>
        <source>Spherical &amp;aberration (Cs):</source>
        <translation>球面収差 Cs(&amp;A):</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="43"/>
        <source>A&amp;mplitude contrast:</source>
        <translation>振幅コントラスト(&amp;M):</translation>
    </message>
</context>
<context>
    <name>ProfilePlot</name>
    <message>
        <location filename="../widgets/profileplot.cpp" line="120"/>
        <source>spatial frequency (%1)</source>
        <translation>空間周波数 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/profileplot.cpp" line="58"/>
        <source>log₁₀ power</source>
        <translation>log₁₀ パワー</translation>
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
        <translation>%1 %2 までフィット</translation>
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
        <translation>最小 %1
最大 %2
平均 %3
標準偏差 %4</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="102"/>
        <source>
Non-finite samples %1 (shown as the mean)</source>
        <translation>
非有限値 %1 個（平均値で表示）</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="156"/>
        <source>%1 Å/px (set in CryoSR)</source>
        <translation>%1 Å/px（CryoSR で設定）</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="158"/>
        <source>%1 Å/px</source>
        <translation>%1 Å/px</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="160"/>
        <source>pixel size unknown (the header&apos;s %1 Å is a placeholder)</source>
        <translation>ピクセルサイズ不明（ヘッダーの %1 Å は仮の値）</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="161"/>
        <source>pixel size unknown</source>
        <translation>ピクセルサイズ不明</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="41"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="83"/>
        <source>%1 did not answer within a minute</source>
        <translation>%1 が 1 分以内に応答しませんでした</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="85"/>
        <source>%1 stopped unexpectedly</source>
        <translation>%1 が予期せず停止しました</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="87"/>
        <source>exit code %1</source>
        <translation>終了コード %1</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="35"/>
        <source>PSNR %1 dB (Fourier padding %2 dB), SSIM %3</source>
        <translation>PSNR %1 dB（フーリエパディング %2 dB）、SSIM %3</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="40"/>
        <source>, FRC 0.143 at %1 Å</source>
        <translation>、FRC 0.143 で %1 Å</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/modelinstaller.cpp" line="41"/>
        <source> on %n validation file(s) (%1)</source>
        <translation>
            <numerusform>（検証ファイル %n 個、%1）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="197"/>
        <source>the process ended without finishing (last step %1): %2</source>
        <translation>プロセスが完了せずに終了しました（最後のステップ %1）: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="199"/>
        <source>%1 steps</source>
        <translation>%1 ステップ</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="200"/>
        <source>%1 steps; the model is in the Upscale panel&apos;s list as %2</source>
        <translation>%1 ステップ。モデルは高解像度化パネルの一覧に %2 として追加されました</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="205"/>
        <source>step %1 of %2; the last checkpoint&apos;s model is %3</source>
        <translation>ステップ %1 / %2。最後のチェックポイントのモデルは %3</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="211"/>
        <source>step %1 of %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="215"/>
        <source>Slurm job %1: no log yet</source>
        <translation>Slurm ジョブ %1: ログはまだありません</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="216"/>
        <source>Slurm job %1, no log yet: %2</source>
        <translation>Slurm ジョブ %1、ログはまだありません: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="51"/>
        <source>fp16 training is not supported; use bf16 (or fp32)</source>
        <translation>fp16 での学習には対応していません。bf16（または fp32）を使ってください</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="33"/>
        <source>Not enough memory on the %1: choose a smaller region, fewer samples, or bf16 precision on a GPU.</source>
        <translation>%1 のメモリが足りません。領域を小さくするか、サンプル数を減らすか、GPU で bf16 精度を選んでください。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="37"/>
        <source>Not enough memory on the %1 (%2 more were needed): choose a smaller region, fewer samples, or bf16 precision on a GPU.</source>
        <translation>%1 のメモリが足りません（あと %2 必要でした）。領域を小さくするか、サンプル数を減らすか、GPU で bf16 精度を選んでください。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="55"/>
        <source>Trained on %1 files, validated on %2 (file names: cryosr-cli model show)</source>
        <translation>%1 ファイルで学習、%2 ファイルで検証（ファイル名: cryosr-cli model show）</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="60"/>
        <source>Trained on %1</source>
        <translation>%1 で学習</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="63"/>
        <source>Training time %1 h %2 min</source>
        <translation>学習時間 %1 時間 %2 分</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="69"/>
        <source>Validation at step %1: PSNR %2 dB (Fourier padding %3 dB)</source>
        <translation>ステップ %1 での検証: PSNR %2 dB（フーリエパディング %3 dB）</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscaleworker.cpp" line="94"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 項目</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="25"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="30"/>
        <location filename="../widgets/upscalepanel.cpp" line="47"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="32"/>
        <location filename="../widgets/upscalepanel.cpp" line="49"/>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="33"/>
        <location filename="../widgets/upscalepanel.cpp" line="50"/>
        <source>%1 h</source>
        <translation>%1 時間</translation>
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
        <translation>クラスタ用スクリプトのテンプレート</translation>
    </message>
    <message>
        <location filename="../widgets/scriptdialogs.cpp" line="14"/>
        <source>The Slurm batch script each &quot;Run on a Cluster&quot; writes. {{JOB_NAME}}, {{RUN_DIR}}, {{CRYOSR_CLI}} and {{CONFIG_JSON}} are filled in for each run.</source>
        <translation>「クラスタで実行」のたびに書き出される Slurm バッチスクリプトです。{{JOB_NAME}}、{{RUN_DIR}}、{{CRYOSR_CLI}}、{{CONFIG_JSON}} は実行ごとに埋め込まれます。</translation>
    </message>
</context>
<context>
    <name>SimulationDialog</name>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="15"/>
        <source>Simulate Training Data from a Map</source>
        <translation>マップから学習データをシミュレート</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="22"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="25"/>
        <source>Folder for the Simulated Data</source>
        <translation>シミュレーションデータ用のフォルダ</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="26"/>
        <source>A 3D Map</source>
        <translation>3D マップ</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="26"/>
        <source>Maps (*.mrc *.map *.ccp4);;All files (*)</source>
        <translation>マップ (*.mrc *.map *.ccp4);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="36"/>
        <source>Map:</source>
        <translation>マップ:</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="37"/>
        <source>Into folder:</source>
        <translation>出力先フォルダ:</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="39"/>
        <source>Micrographs:</source>
        <translation>顕微鏡像の枚数:</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="41"/>
        <source>Size (px):</source>
        <translation>サイズ (px):</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="43"/>
        <source>Particles each:</source>
        <translation>1 枚あたりの粒子数:</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="45"/>
        <source>the map&apos;s</source>
        <translation>マップの値</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="46"/>
        <source>Pixel size (Å):</source>
        <translation>ピクセルサイズ (Å):</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="48"/>
        <source>Dose (e⁻/Å²):</source>
        <translation>線量 (e⁻/Å²):</translation>
    </message>
</context>
<context>
    <name>SimulationJob</name>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="25"/>
        <source>A simulation is already running</source>
        <translation>シミュレーションはすでに実行中です</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="27"/>
        <source>The map %1 does not exist</source>
        <translation>マップ %1 は存在しません</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="29"/>
        <source>The folder %1 cannot be created</source>
        <translation>フォルダ %1 を作成できません</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="75"/>
        <source>cryosr-cli simulate stopped</source>
        <translation>cryosr-cli simulate が停止しました</translation>
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
        <translation>CTF フィット (%1 kV、Cs %2 mm、
  振幅コントラスト %3):
  アンダーフォーカス U %4 µm、V %5 µm
  非点収差 %6 µm、U の方向 %7°
  リングは %8 Å までフィットに一致</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="77"/>
        <source>No CTF fit: the pixel size is unknown
(View › Set Pixel Size…).</source>
        <translation>CTF フィットなし: ピクセルサイズが不明
(表示 › ピクセルサイズを設定…)。</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="83"/>
        <source>No CTF fit: no Thon rings follow
a defocus of 0.1–10 µm here.</source>
        <translation>CTF フィットなし: 0.1–10 µm の
デフォーカスに一致する Thon リングなし。</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="65"/>
        <source>Simulation failed</source>
        <translation>シミュレーションに失敗しました</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="69"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="196"/>
        <source>Cannot start the training</source>
        <translation>学習を開始できません</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="76"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="235"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="447"/>
        <source>Cannot follow the run</source>
        <translation>実行を追跡できません</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="132"/>
        <source>%1 is already running</source>
        <translation>%1 はすでに実行中です</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="117"/>
        <source>sbatch was not found on this computer: Run on a Cluster submits the run with Slurm, so start CryoSR on the cluster&apos;s login node (or a computer with Slurm&apos;s commands), or use Launch to train here.</source>
        <translation>このコンピューターに sbatch が見つかりません: 「クラスターで実行」は Slurm でジョブを投入します。クラスターのログインノード（または Slurm のコマンドがあるコンピューター）で CryoSR を起動するか、「起動」でここで学習してください。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="134"/>
        <source>The folder %1 cannot be created</source>
        <translation>フォルダ %1 を作成できません</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="138"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="180"/>
        <source>%1 cannot be written</source>
        <translation>%1 を書き込めません</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="159"/>
        <source>cryosr-cli was not found beside CryoSR or on the PATH</source>
        <translation>cryosr-cli が CryoSR と同じ場所にも PATH 上にも見つかりません</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="164"/>
        <source>%1 could not be started: %2</source>
        <translation>%1 を開始できませんでした: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="196"/>
        <source>sbatch failed: %1</source>
        <translation>sbatch が失敗しました: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="216"/>
        <source>This run was not started by CryoSR: stop it where it runs (Ctrl-C or kill -TERM); it checkpoints and stops</source>
        <translation>この実行は CryoSR が開始したものではありません。実行している場所で停止してください（Ctrl-C または kill -TERM）。チェックポイントを保存して停止します</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="220"/>
        <source>The training process is not running</source>
        <translation>学習プロセスは実行されていません</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="225"/>
        <source>Stop the job on the cluster with: scancel --batch --signal=TERM JOB (it checkpoints and stops)</source>
        <translation>クラスタ上のジョブは次のコマンドで停止します: scancel --batch --signal=TERM JOB（チェックポイントを保存して停止します）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="235"/>
        <source>scancel failed: %1</source>
        <translation>scancel が失敗しました: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="248"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="256"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="268"/>
        <source>No such run: %1</source>
        <translation>そのような実行はありません: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="258"/>
        <source>The run is still going</source>
        <translation>実行はまだ続いています</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="260"/>
        <source>%1 has no checkpoint to resume from; start a new run</source>
        <translation>%1 には再開できるチェックポイントがありません。新しい実行を開始してください</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="270"/>
        <source>Cancel the Training</source>
        <translation>学習を中止</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="271"/>
        <source>End %1? It stops after the current step; its last checkpoint and model stay in %2.</source>
        <translation>%1 を終了しますか？現在のステップの後に停止し、最後のチェックポイントとモデルは %2 に残ります。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="289"/>
        <source>%1 holds no training run (no log.jsonl)</source>
        <translation>%1 には学習の実行がありません（log.jsonl がありません）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="348"/>
        <source>Starting</source>
        <translation>開始中</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="348"/>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="349"/>
        <source>Stopping</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="349"/>
        <source>Paused</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="350"/>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="350"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="351"/>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="351"/>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="352"/>
        <source>Stopped unexpectedly</source>
        <translation>予期せず停止</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="355"/>
        <source>, step %1/%2</source>
        <translation>、ステップ %1/%2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="357"/>
        <source> (cluster)</source>
        <translation>（クラスタ）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="357"/>
        <source> (Slurm job %1)</source>
        <translation>（Slurm ジョブ %1）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="375"/>
        <source>%1
%2 · %3 training and %4 validation files</source>
        <translation>%1
%2 · 学習ファイル %3 個、検証ファイル %4 個</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="377"/>
        <source>on the cluster</source>
        <translation>クラスタ上</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="59"/>
        <source>Training finished</source>
        <translation>学習が完了しました</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="441"/>
        <source>Cannot simulate</source>
        <translation>シミュレートできません</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="455"/>
        <source>Cluster Script Template</source>
        <translation>クラスタ用スクリプトのテンプレート</translation>
    </message>
</context>
<context>
    <name>TrainingDataPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="100"/>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="102"/>
        <source>The micrographs to learn from: files, folders or a RELION micrograph STAR file. Ticked files are held out for validation (whole files, never crops of training files).</source>
        <translation>学習に使う顕微鏡像: ファイル、フォルダ、または RELION の顕微鏡像 STAR ファイル。チェックしたファイルは検証用に取り置かれます（ファイル単位で、学習ファイルの切り出しは使いません）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="112"/>
        <source>Add Files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="113"/>
        <source>Add Micrographs</source>
        <translation>顕微鏡像を追加</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="114"/>
        <source>Micrographs (*.mrc *.mrcs *.tif *.tiff);;All files (*)</source>
        <translation>顕微鏡像 (*.mrc *.mrcs *.tif *.tiff);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="116"/>
        <source>Add Folder…</source>
        <translation>フォルダを追加…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="117"/>
        <source>Add a Folder of Micrographs</source>
        <translation>顕微鏡像のフォルダを追加</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="121"/>
        <source>Add STAR File…</source>
        <translation>STAR ファイルを追加…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="123"/>
        <source>Add a RELION Micrograph STAR File</source>
        <translation>RELION の顕微鏡像 STAR ファイルを追加</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="123"/>
        <source>STAR files (*.star)</source>
        <translation>STAR ファイル (*.star)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="127"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Size (px)</source>
        <translation>サイズ (px)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Pixel size (Å)</source>
        <translation>ピクセルサイズ (Å)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="152"/>
        <source> Å</source>
        <translation> Å</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="153"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="154"/>
        <source>From the files&apos; headers; correct it when they are wrong. It goes into the model&apos;s card.</source>
        <translation>ファイルのヘッダから取得します。誤っている場合は修正してください。モデルの情報カードに記録されます。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="156"/>
        <source>Pixel size:</source>
        <translation>ピクセルサイズ:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="187"/>
        <source>reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="227"/>
        <source>unreadable</source>
        <translation>読み込めません</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="261"/>
        <source>Add micrographs: files, a folder or a RELION micrograph STAR file.</source>
        <translation>顕微鏡像を追加してください: ファイル、フォルダ、または RELION の顕微鏡像 STAR ファイル。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="277"/>
        <source>The files differ in size (%1 and %2 in %3): train on micrographs of one camera and mode at a time.</source>
        <translation>ファイルのサイズが異なります（%3 で %1 と %2）。一度に一つのカメラとモードの顕微鏡像で学習してください。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="281"/>
        <source>The files&apos; pixel sizes differ (%1 and %2 Å in %3): a model learns one magnification; train on one pixel size at a time.</source>
        <translation>ファイルのピクセルサイズが異なります（%3 で %1 Å と %2 Å）。モデルは一つの倍率を学習します。一度に一つのピクセルサイズで学習してください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="290"/>
        <source>%n file(s) cannot be read; remove them: %1</source>
        <translation>
            <numerusform>%n 個のファイルを読み込めません。削除してください: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="293"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>%n 個のファイルを読み込み中…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="295"/>
        <source>Every file is ticked for validation: leave some for training.</source>
        <translation>すべてのファイルが検証用にチェックされています。学習用にいくつか残してください。</translation>
    </message>
</context>
<context>
    <name>TrainingModelPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="499"/>
        <source>Model Size</source>
        <translation>モデルのサイズ</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="501"/>
        <source>Larger networks learn more detail and take longer per step. Speeds are measured on this machine with the schedule&apos;s batch and patch.</source>
        <translation>大きなネットワークほど細部を多く学習し、1 ステップの時間が長くなります。速度はこのマシンでスケジュールのバッチとパッチを使って測定したものです。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Parameters</source>
        <translation>パラメータ数</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Training speed</source>
        <translation>学習速度</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="547"/>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="548"/>
        <source>%1 steps/s</source>
        <translation>%1 ステップ/秒</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="549"/>
        <source>cannot run on this device</source>
        <translation>このデバイスでは実行できません</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="550"/>
        <source>measuring…</source>
        <translation>測定中…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="551"/>
        <source>base %1, levels %2</source>
        <translation>ベース %1、レベル %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="556"/>
        <source>From the configuration</source>
        <translation>設定ファイルから</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="559"/>
        <source>Fine-tuning keeps the architecture of the model it starts from.</source>
        <translation>ファインチューニングでは元のモデルのアーキテクチャを引き継ぎます。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="560"/>
        <source>Speeds: batch %1, patch %2 px.</source>
        <translation>速度: バッチ %1、パッチ %2 px。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="573"/>
        <source>Choose a model size.</source>
        <translation>モデルのサイズを選んでください。</translation>
    </message>
</context>
<context>
    <name>TrainingMonitor</name>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="91"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="91"/>
        <source>Checkpoint after the current step and stop</source>
        <translation>現在のステップの後にチェックポイントを保存して停止</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="92"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="92"/>
        <source>Continue from the last checkpoint</source>
        <translation>最後のチェックポイントから続行</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="93"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="94"/>
        <source>End the run after the current step; its last checkpoint and model stay in its folder</source>
        <translation>現在のステップの後に実行を終了します。最後のチェックポイントとモデルはフォルダに残ります</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="96"/>
        <source>Open Folder</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="96"/>
        <source>The run&apos;s folder: model, checkpoint, log</source>
        <translation>実行のフォルダ: モデル、チェックポイント、ログ</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="108"/>
        <source>Loss (ε mean squared error)</source>
        <translation>損失（ε の平均二乗誤差）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="112"/>
        <location filename="../widgets/trainingmonitor.cpp" line="125"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="119"/>
        <source>training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="120"/>
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="121"/>
        <source>Validation PSNR</source>
        <translation>検証 PSNR</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="128"/>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="131"/>
        <source>model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="132"/>
        <source>Fourier padding</source>
        <translation>フーリエパディング</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="169"/>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="170"/>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="171"/>
        <source>Stopping after the current step…</source>
        <translation>現在のステップの後に停止します…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="172"/>
        <source>Paused at a checkpoint</source>
        <translation>チェックポイントで一時停止中</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="173"/>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="174"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="175"/>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="176"/>
        <source>Waiting for the run to start</source>
        <translation>実行の開始を待っています</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="177"/>
        <source>Stopped unexpectedly</source>
        <translation>予期せず停止</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="189"/>
        <source>%1 steps/s, %2 left</source>
        <translation>%1 ステップ/秒、残り %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="253"/>
        <source>Validation samples at step %1: input (upsampled) · output · target</source>
        <translation>ステップ %1 での検証サンプル: 入力（アップサンプリング）· 出力 · 目標</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>input</source>
        <translation>入力</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>target</source>
        <translation>目標</translation>
    </message>
</context>
<context>
    <name>TrainingOutputPage</name>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="209"/>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="211"/>
        <source>Where the run keeps its model, checkpoints and log, and the configuration it starts with (editable; the schema of `cryosr-cli train --config`).</source>
        <translation>実行がモデル、チェックポイント、ログを保存する場所と、開始時の設定（編集可能。`cryosr-cli train --config` のスキーマ）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="219"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="224"/>
        <source>e.g. apoferritin-k3-2x</source>
        <translation>例: apoferritin-k3-2x</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="225"/>
        <source>Folder:</source>
        <translation>フォルダ:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="226"/>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="233"/>
        <source>Load Configuration…</source>
        <translation>設定を読み込む…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="235"/>
        <source>Save Configuration…</source>
        <translation>設定を保存…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="245"/>
        <source>Folder for Training Runs</source>
        <translation>学習の実行用フォルダ</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="263"/>
        <source>Load a Training Configuration</source>
        <translation>学習設定を読み込む</translation>
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
        <translation>学習設定を保存</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="320"/>
        <source>The configuration is not a valid JSON object.</source>
        <translation>設定が有効な JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="323"/>
        <source>Name the run: it becomes the folder&apos;s and the model&apos;s name.</source>
        <translation>実行に名前を付けてください。フォルダとモデルの名前になります。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="325"/>
        <source>The name must not contain slashes or start with a dot.</source>
        <translation>名前にスラッシュを含めたり、ドットで始めたりすることはできません。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="328"/>
        <source>Choose an existing folder for the run.</source>
        <translation>実行用に既存のフォルダを選んでください。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="330"/>
        <source>%1 cannot be written: choose another folder.</source>
        <translation>%1 に書き込めません。別のフォルダを選んでください。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="334"/>
        <source>%1 already holds a training run: choose another name.</source>
        <translation>%1 にはすでに学習の実行があります。別の名前を選んでください。</translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="102"/>
        <source>Tiny (tests, quick looks)</source>
        <translation>極小（テスト、簡単な確認用）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="103"/>
        <source>Small (the default model&apos;s network)</source>
        <translation>小（既定モデルのネットワーク）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="104"/>
        <source>Medium (cryosr-cli train&apos;s default)</source>
        <translation>中（cryosr-cli train の既定）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="105"/>
        <source>Large (for a GPU)</source>
        <translation>大（GPU 向け）</translation>
    </message>
</context>
<context>
    <name>TrainingSchedulePage</name>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="42"/>
        <source>Schedule</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="43"/>
        <source>How long and how the network trains. A checkpoint is where Pause stops and Resume continues.</source>
        <translation>ネットワークをどれだけ、どのように学習させるか。チェックポイントは「一時停止」で止まり「再開」で続行する位置です。</translation>
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
        <translation>bf16 混合精度 (GPU)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="62"/>
        <source>Steps:</source>
        <translation>ステップ数:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="63"/>
        <source>Batch size:</source>
        <translation>バッチサイズ:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="64"/>
        <source>Patch (crop side):</source>
        <translation>パッチ（切り出しの一辺）:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="65"/>
        <source>Learning rate:</source>
        <translation>学習率:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="66"/>
        <source>EMA decay:</source>
        <translation>EMA 減衰率:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="67"/>
        <source>Checkpoint every:</source>
        <translation>チェックポイントの間隔:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="68"/>
        <source>Validate every:</source>
        <translation>検証の間隔:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="69"/>
        <source>Device:</source>
        <translation>デバイス:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="70"/>
        <source>Precision:</source>
        <translation>精度:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="71"/>
        <source>Expected duration:</source>
        <translation>予想所要時間:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="105"/>
        <source>Automatic (GPU when present)</source>
        <translation>自動（GPU があれば GPU）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="106"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="108"/>
        <source>CUDA (no GPU found)</source>
        <translation>CUDA（GPU が見つかりません）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="108"/>
        <source>CUDA: %1</source>
        <translation>CUDA: %1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="132"/>
        <source>about %1 (%2 steps/s measured here; validation adds to it)</source>
        <translation>約 %1（ここで測定した %2 ステップ/秒。検証の時間が加わります）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="135"/>
        <source>unknown: the network cannot run on this device</source>
        <translation>不明: ネットワークはこのデバイスでは実行できません</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="136"/>
        <source>measuring the speed…</source>
        <translation>速度を測定中…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="145"/>
        <source>No CUDA GPU was found on this machine: choose Automatic or CPU (or run on a cluster).</source>
        <translation>このマシンには CUDA GPU が見つかりません。「自動」か「CPU」を選ぶか、クラスタで実行してください。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="147"/>
        <source>bf16 mixed precision needs a GPU; choose fp32.</source>
        <translation>bf16 混合精度には GPU が必要です。fp32 を選んでください。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="153"/>
        <source>The patch (%1 px) is larger than the images (%2 × %3).</source>
        <translation>パッチ（%1 px）が画像（%2 × %3）より大きくなっています。</translation>
    </message>
</context>
<context>
    <name>TrainingTaskPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="338"/>
        <source>Task</source>
        <translation>タスク</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="340"/>
        <source>What the model learns: the scale, how its low-resolution inputs are made, and which images it learns to produce.</source>
        <translation>モデルが学習する内容: 倍率、低解像度の入力の作り方、生成を学習する画像。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="344"/>
        <source>Train a new model</source>
        <translation>新しいモデルを学習</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="347"/>
        <source>Fine-tune:</source>
        <translation>ファインチューニング:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="366"/>
        <source>Scale:</source>
        <translation>倍率:</translation>
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
        <translation>低解像度入力の作成方法:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="372"/>
        <source>Fourier cropping</source>
        <translation>フーリエクロッピング</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="373"/>
        <source>binning (averaging pixels)</source>
        <translation>ビニング（ピクセルの平均）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="376"/>
        <source>Targets:</source>
        <translation>目標:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="377"/>
        <source>the micrographs themselves (self-supervised)</source>
        <translation>顕微鏡像そのもの（自己教師あり）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="378"/>
        <source>simulated clean images</source>
        <translation>シミュレートしたノイズのない画像</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="379"/>
        <source>Each NAME.mrc needs NAME.clean.mrc beside it, as `cryosr-cli simulate --map MAP -o NAME.mrc --clean NAME.clean.mrc` writes: the model learns to denoise too.</source>
        <translation>各 NAME.mrc の隣に、`cryosr-cli simulate --map MAP -o NAME.mrc --clean NAME.clean.mrc` が書き出す NAME.clean.mrc が必要です。モデルはノイズ除去も学習します。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="381"/>
        <source>Simulate from a Map…</source>
        <translation>マップからシミュレート…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="384"/>
        <source>Make simulated micrographs with their clean images from a 3D map (an EMDB map, your own reconstruction) and train on them</source>
        <translation>3D マップ（EMDB のマップや独自の再構成）から、ノイズのない画像付きのシミュレーション顕微鏡像を作成して学習します</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="440"/>
        <source>The model&apos;s architecture, noise schedule, scale and condition are kept; a lower learning rate than for a new model (e.g. 5e-5) keeps what it learnt.</source>
        <translation>モデルのアーキテクチャ、ノイズスケジュール、倍率、条件付けは引き継がれます。新しいモデルより低い学習率（例: 5e-5）にすると、学習済みの内容が保たれます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="459"/>
        <source>Simulated pairs need NAME.clean.EXT beside each file (from `cryosr-cli simulate --clean`); %n file(s) have none: %1</source>
        <translation>
            <numerusform>シミュレーションのペアには各ファイルの隣に NAME.clean.EXT が必要です（`cryosr-cli simulate --clean` で作成）。%n 個のファイルにありません: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <location filename="../widgets/trainingview.cpp" line="27"/>
        <source>New Training…</source>
        <translation>新しい学習…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="30"/>
        <source>Runs:</source>
        <translation>実行:</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="35"/>
        <source>Remove from List</source>
        <translation>一覧から削除</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="37"/>
        <source>The run&apos;s folder stays as it is</source>
        <translation>実行のフォルダはそのまま残ります</translation>
    </message>
</context>
<context>
    <name>TrainingWizard</name>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="28"/>
        <source>Launch</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="29"/>
        <source>Run on a Cluster…</source>
        <translation>クラスタで実行…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="32"/>
        <source>Write a Slurm batch script for this configuration and submit it</source>
        <translation>この設定の Slurm バッチスクリプトを書き出して投入します</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="141"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="147"/>
        <source>%1 is not a training configuration (a JSON object): %2</source>
        <translation>%1 は学習設定（JSON オブジェクト）ではありません: %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="160"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 を書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>UpscaleController</name>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="251"/>
        <source>No estimate: %1</source>
        <translation>見積もりなし: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="262"/>
        <source>Cancelled after %n step(s).</source>
        <translation>
            <numerusform>%n ステップ後に中止しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="262"/>
        <source>Cancelled.</source>
        <translation>中止しました。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="279"/>
        <source>Exported %1.</source>
        <translation>%1 をエクスポートしました。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="287"/>
        <source>The export of %1 was cancelled.</source>
        <translation>%1 のエクスポートはキャンセルされました。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="301"/>
        <source>Cancelled: the whole result was not saved.</source>
        <translation>キャンセル: 全体の結果は保存されませんでした。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="339"/>
        <source>Measuring this device&apos;s speed…</source>
        <translation>このデバイスの速度を測定中…</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="352"/>
        <location filename="../app/gui/upscalecontroller.cpp" line="366"/>
        <source>Open a micrograph first.</source>
        <translation>まず顕微鏡像を開いてください。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="370"/>
        <source>Choose a usable model in the Upscale panel (%1).</source>
        <translation>高解像度化パネルで使用可能なモデルを選んでください（%1）。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="370"/>
        <source>none found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="374"/>
        <source>Choose a region first: Shift+drag on the image, or type it in the Upscale panel.</source>
        <translation>まず領域を選んでください: 画像上で Shift+ドラッグするか、高解像度化パネルに入力します。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="379"/>
        <source>Unknown sampler, device or precision.</source>
        <translation>不明なサンプラー、デバイス、または精度です。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="403"/>
        <source>%1 · x %2 y %3, %4 × %5 px · %6, %7 steps, %n sample(s), seed %8</source>
        <translation>
            <numerusform>%1 · x %2 y %3, %4 × %5 px · %6, %7 ステップ, %n サンプル, シード %8</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="484"/>
        <source>Step %1 of %2 · tile %3 of %4</source>
        <translation>ステップ %1 / %2 · タイル %3 / %4</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="486"/>
        <source> · sample %1 of %2</source>
        <translation> · サンプル %1 / %2</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="499"/>
        <source>Whole micrograph upscaled in %1 s on %2; saved as %3 and opened.</source>
        <translation>顕微鏡像全体を %2 で %1 秒かけて高解像度化しました。%3 として保存して開きました。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="502"/>
        <source>Saving it as %1…</source>
        <translation>%1 として保存しています…</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="504"/>
        <source>Saving %1</source>
        <translation>%1 を保存しています</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="523"/>
        <source>Finished: %n step(s) in %1 s on %2.</source>
        <translation>
            <numerusform>完了: %2 で %n ステップ、%1 秒。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="579"/>
        <source>Upscale</source>
        <translation>高解像度化</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="586"/>
        <source>Nothing to export yet: upscale a region first.</source>
        <translation>まだエクスポートするものがありません。先に領域を高解像度化してください。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="588"/>
        <source>%1 is an open micrograph; CryoSR never overwrites its input. Choose another name.</source>
        <translation>%1 は開いている顕微鏡像です。CryoSR は入力ファイルを上書きしません。別の名前を選んでください。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="636"/>
        <source>%1 is still under way: wait for it, or cancel it in the status bar.</source>
        <translation>%1 はまだ実行中です。終わるのを待つか、ステータスバーでキャンセルしてください。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="589"/>
        <source>Exporting %1</source>
        <translation>%1 をエクスポートしています</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="625"/>
        <source>Exporting %n frame(s)</source>
        <translation>
            <numerusform>%n フレームをエクスポートしています</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="599"/>
        <source>Cannot tell the format from the name %1: use .mrc, .tif or .png</source>
        <translation>名前 %1 から形式を判断できません。.mrc、.tif、.png のいずれかを使ってください</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="607"/>
        <source>No frames to export yet: upscale a region first.</source>
        <translation>まだエクスポートするフレームがありません。先に領域を高解像度化してください。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="609"/>
        <source>%1 is the open micrograph; CryoSR never overwrites its input</source>
        <translation>%1 は開いている顕微鏡像です。CryoSR は入力ファイルを上書きしません</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="623"/>
        <source>This build of CryoSR has no GIF support (giflib): export an MRC stack or PNGs</source>
        <translation>このビルドの CryoSR は GIF に対応していません (giflib)。MRC スタックか PNG でエクスポートしてください</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="620"/>
        <source>Cannot tell the format from the name %1: use .mrcs, .gif or .png</source>
        <translation>名前 %1 から形式を判断できません。.mrcs、.gif、.png のいずれかを使ってください</translation>
    </message>
</context>
<context>
    <name>UpscalePanel</name>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="74"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="88"/>
        <location filename="../widgets/upscalepanel.cpp" line="525"/>
        <source>Upscale</source>
        <translation>高解像度化</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="91"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="163"/>
        <source>Region</source>
        <translation>領域</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="164"/>
        <source>Shift+drag on the image to select a region, or type it here.</source>
        <translation>画像上で Shift+ドラッグして領域を選ぶか、ここに入力します。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="171"/>
        <source>The region&apos;s x</source>
        <translation>領域の x</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="172"/>
        <source>The region&apos;s y</source>
        <translation>領域の y</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="173"/>
        <source>The region&apos;s width</source>
        <translation>領域の幅</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="174"/>
        <source>The region&apos;s height</source>
        <translation>領域の高さ</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="182"/>
        <source>x, y</source>
        <translation>x, y</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="183"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="197"/>
        <source>Sampling</source>
        <translation>サンプリング</translation>
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
        <translation>DDPM は学習した連鎖のすべてのステップをたどります。DDIM と DPM-Solver++ はステップを飛ばし、同じ品質に必要なステップがずっと少なくなります（20～50）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="205"/>
        <source>Fast (%n steps)</source>
        <translation>
            <numerusform>高速（%n ステップ）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="208"/>
        <source>%n deterministic DDIM steps of the same network instead of the steps chosen here. On held-out simulations the denoise model&apos;s mean of 8 samples came as close to the clean image as with 50 steps, or closer (docs/models.md). Its uncertainty is calibrated for so few steps only where the model&apos;s card lists a scale for them. Untick to use the step count beside it.</source>
        <translation>
            <numerusform>ここで選んだステップ数の代わりに、同じネットワークで決定論的な DDIM を %n ステップ実行します。学習に使っていないシミュレーションでは、ノイズ除去モデルの 8 サンプル平均は 50 ステップと同等以上にクリーン画像に近づきました（docs/models.md）。不確かさがこの少ないステップ数で較正されているのは、モデルカードにその係数が記載されている場合だけです。チェックを外すと隣のステップ数を使います。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="221"/>
        <source>DDIM&apos;s noise: 0 is deterministic, 1 behaves like DDPM.</source>
        <translation>DDIM のノイズ: 0 は決定的、1 は DDPM と同じ振る舞いです。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="227"/>
        <source>Random</source>
        <translation>ランダム</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="234"/>
        <location filename="../widgets/upscalepanel.cpp" line="236"/>
        <source>Automatic</source>
        <translation>自動</translation>
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
        <translation>自動は、bf16 演算（AVX512-BF16）を持つ CPU では bf16（同じ精度で所要時間は 0.6〜0.8 倍）、それ以外では fp32 です。bf16 と fp16 は実行に必要な GPU メモリを半分にします。結果は fp32 と丸め誤差の分だけ異なります。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="242"/>
        <location filename="../widgets/upscalepanel.cpp" line="367"/>
        <source>Model&apos;s default</source>
        <translation>モデルの既定</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="243"/>
        <source>Keep exactly, noise included</source>
        <translation>ノイズごと厳密に保つ</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="244"/>
        <source>Keep by signal-to-noise</source>
        <translation>信号対雑音比に応じて保つ</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="245"/>
        <source>Let the model change it</source>
        <translation>モデルに変更させる</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="247"/>
        <source>How each step keeps the region&apos;s own frequencies. Exactly: only detail beyond its resolution is generated, and its noise stays. By signal-to-noise: each frequency is kept as far as the region itself shows signal there, so strong features stay as measured and noise is removed.</source>
        <translation>各ステップが領域自身の周波数をどう保つか。厳密に: 分解能を超える細部だけが生成され、ノイズは残ります。信号対雑音比に応じて: 各周波数は領域自体がそこに信号を示す分だけ保たれ、強い構造は測定どおりに残り、ノイズは除かれます。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="255"/>
        <source>Sampler</source>
        <translation>サンプラー</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="413"/>
        <source>Automatic (bf16 on this CPU)</source>
        <translation>自動（この CPU では bf16）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="413"/>
        <source>Automatic (fp32)</source>
        <translation>自動（fp32）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="553"/>
        <source>%1 holds no valid value (“%2”): correct it before upscaling.</source>
        <translation>%1 に有効な値がありません（「%2」）: 超解像の前に修正してください。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="251"/>
        <location filename="../widgets/upscalepanel.cpp" line="256"/>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="224"/>
        <source>Several samples give their mean and a per-pixel uncertainty map. They come in pairs whose second sample starts from the first one&apos;s noise negated, which brings their mean nearer the truth: prefer an even number.</source>
        <translation>複数のサンプルから平均とピクセルごとの不確かさマップが得られます。サンプルは対で生成され、2つ目は1つ目のノイズを符号反転したものから始まるため、平均が真の像に近づきます。偶数を選んでください。</translation>
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
        <translation>サンプル数</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="254"/>
        <location filename="../widgets/upscalepanel.cpp" line="259"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="260"/>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="261"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="262"/>
        <source>Measured data</source>
        <translation>測定データ</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="315"/>
        <source>No region: Shift+drag on the image or type one.</source>
        <translation>領域がありません: 画像上で Shift+ドラッグするか、入力してください。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="319"/>
        <source>%1 × %2 px → %3 × %4 px</source>
        <translation>%1 × %2 px → %3 × %4 px</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="325"/>
        <source> (%1 × %2 Å, %3 Å/px out)</source>
        <translation> (%1 × %2 Å、出力 %3 Å/px)</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="330"/>
        <source>; sides in steps of %1 px for this model</source>
        <translation>。このモデルでは辺の長さは %1 px 単位</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="344"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="362"/>
        <source>keep exactly</source>
        <translation>厳密に保つ</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="363"/>
        <source>by signal-to-noise</source>
        <translation>信号対雑音比に応じて</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="364"/>
        <source>let the model change it</source>
        <translation>モデルに変更させる</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="367"/>
        <source>Model&apos;s default (%1)</source>
        <translation>モデルの既定（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="374"/>
        <source>No model found: put .cryosr files in your models folder.</source>
        <translation>モデルが見つかりません: モデルフォルダに .cryosr ファイルを置いてください。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="383"/>
        <source>CUDA (no GPU found)</source>
        <translation>CUDA（GPU が見つかりません）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="383"/>
        <source>CUDA — %1</source>
        <translation>CUDA — %1</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="519"/>
        <source>About %1 on %2</source>
        <translation>%2 で約 %1</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="525"/>
        <source>Queue this region</source>
        <translation>この領域を待ち行列に追加</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="529"/>
        <source>%n region(s) waiting</source>
        <translation>
            <numerusform>%n 個の領域が待機中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="534"/>
        <source>Step %1 / %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="535"/>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="536"/>
        <source>%1 steps/s, %2 left</source>
        <translation>%1 ステップ/秒、残り %2</translation>
    </message>
</context>
<context>
    <name>UpscaleView</name>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="72"/>
        <source>Baseline: classical upscaling</source>
        <translation>ベースライン: 従来の拡大</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="73"/>
        <source>Diffusion</source>
        <translation>拡散</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="113"/>
        <source>Choose a region and press Upscale.</source>
        <translation>領域を選んで「高解像度化」を押してください。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <location filename="../widgets/upscaleview.cpp" line="373"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Side by side with the baseline</source>
        <translation>ベースラインと並べて表示</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Split with the baseline</source>
        <translation>ベースラインと分割表示</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Difference from the baseline</source>
        <translation>ベースラインとの差</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="125"/>
        <source>The baseline is the region upscaled the classical way (Fourier padding or bicubic).</source>
        <translation>ベースラインは従来の方法（フーリエパディングまたはバイキュービック）で拡大した領域です。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="128"/>
        <source>Where the baseline (left) gives way to the diffusion result (right).</source>
        <translation>ベースライン（左）から拡散の結果（右）に切り替わる位置。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="130"/>
        <source>Uncertainty</source>
        <translation>不確かさ</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="133"/>
        <source>The per-pixel standard deviation of the samples over the result (cubehelix: brighter is less certain). Needs two samples or more.</source>
        <translation>サンプルのピクセルごとの標準偏差を結果に重ねます（cubehelix: 明るいほど不確か）。2 サンプル以上が必要です。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="139"/>
        <source>Image&apos;s contrast</source>
        <translation>画像のコントラスト</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="143"/>
        <source>Show the baseline, the result and every step with the Image page&apos;s contrast (the Contrast panel), so that what changes is the image, not the stretch.</source>
        <translation>ベースライン、結果、各ステップを画像ページのコントラスト（コントラストパネル）で表示し、変化するのが画像であって強調ではないようにします。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="145"/>
        <source>Split:</source>
        <translation>分割:</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="152"/>
        <source>Opacity:</source>
        <translation>不透明度:</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="182"/>
        <source>Play the reverse process (Space)</source>
        <translation>逆過程を再生 (Space)</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="188"/>
        <source>Result: mean of 64 samples</source>
        <translation>結果: 64 サンプルの平均</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="192"/>
        <source>%1 steps/s</source>
        <translation>%1 ステップ/秒</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="194"/>
        <source>Loop</source>
        <translation>ループ</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="198"/>
        <source>Predicted clean image x̂₀</source>
        <translation>予測されたノイズのない画像 x̂₀</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="199"/>
        <source>Noisy state xₜ</source>
        <translation>ノイズを含む状態 xₜ</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="201"/>
        <source>x̂₀ is the network&apos;s estimate of the final image at each step; xₜ is the sampler&apos;s state, noise turning into the image.</source>
        <translation>x̂₀ は各ステップでネットワークが推定した最終画像、xₜ はサンプラーの状態で、ノイズが画像に変わっていきます。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="373"/>
        <source>Result: mean of the samples</source>
        <translation>結果: サンプルの平均</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="379"/>
        <source>Step %1 / %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="381"/>
        <source>Step 0 / %1</source>
        <translation>ステップ 0 / %1</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="392"/>
        <source>Shown − baseline (the image&apos;s values)</source>
        <translation>表示 − ベースライン（画像の値）</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="401"/>
        <source>baseline</source>
        <translation>ベースライン</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="401"/>
        <source>diffusion</source>
        <translation>拡散</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="411"/>
        <source>Standard deviation of one sample (the image&apos;s values)</source>
        <translation>1 サンプルの標準偏差（画像の値）</translation>
    </message>
</context>
<context>
    <name>UpscaleWorker</name>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="218"/>
        <source>Faithful upscale: keeps the measured data, noise included</source>
        <translation>忠実な超解像: 測定データをノイズごと保つ</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="220"/>
        <source>Denoise and upscale</source>
        <translation>ノイズ除去と超解像</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="239"/>
        <source>%1× upscaling, %2 M parameters, %3 training steps, %4 condition.
%5</source>
        <translation>%1× 高解像度化、パラメータ %2 M、学習 %3 ステップ、%4 条件付け。
%5</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="243"/>
        <source>%1 + Wiener-filtered</source>
        <translation>%1 + Wiener フィルタ済み</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="247"/>
        <source>Uncertainty calibrated on held-out simulations (spread × %1).</source>
        <translation>不確かさは学習に使わなかったシミュレーションで較正済み（ばらつき × %1）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscaleworker.cpp" line="252"/>
        <source>For %n step(s) (half to twice as many): spread × %1.</source>
        <translation>
            <numerusform>%n ステップ用（その半分から2倍まで）：ばらつき × %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="254"/>
        <source>Cannot be used: %1</source>
        <translation>使用できません: %1</translation>
    </message>
</context>
</TS>
