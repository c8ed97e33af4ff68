<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackgroundJob</name>
    <message>
        <location filename="../app/gui/backgroundjob.cpp" line="68"/>
        <source>Not enough memory</source>
        <translation>内存不足</translation>
    </message>
</context>
<context>
    <name>ColourBar</name>
    <message>
        <location filename="../widgets/colourbar.cpp" line="26"/>
        <source>%1: %2 to %3</source>
        <translation>%1：%2 至 %3</translation>
    </message>
</context>
<context>
    <name>ContrastPanel</name>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Percentiles</source>
        <translation>百分位</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Mean ± kσ</source>
        <translation>均值 ± kσ</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="27"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="36"/>
        <source>to</source>
        <translation>至</translation>
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
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="56"/>
        <source>Inverted grey</source>
        <translation>反相灰度</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="56"/>
        <source>Cubehelix</source>
        <translation>Cubehelix</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="59"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="61"/>
        <source>Black at</source>
        <translation>黑色位于</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="62"/>
        <source>White at</source>
        <translation>白色位于</translation>
    </message>
    <message>
        <location filename="../widgets/contrastpanel.cpp" line="63"/>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <location filename="../widgets/galleryview.cpp" line="24"/>
        <source>Each section its own contrast</source>
        <translation>每个切片使用各自的对比度</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="24"/>
        <source>One contrast for all</source>
        <translation>所有切片使用同一对比度</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="26"/>
        <source>One contrast for all compares the sections&apos; values; each its own shows every section&apos;s detail (0.5–99.5 % of its values).</source>
        <translation>同一对比度可比较各切片的数值；各自的对比度显示每个切片的细节（其数值的 0.5–99.5 %）。</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="38"/>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="61"/>
        <source>The first %1 of %2 sections</source>
        <translation>%2 个切片中的前 %1 个</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/galleryview.cpp" line="62"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n 个切片</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/galleryview.cpp" line="121"/>
        <source>Section %1: show it alone</source>
        <translation>切片 %1：单独显示</translation>
    </message>
</context>
<context>
    <name>HistogramWidget</name>
    <message>
        <location filename="../widgets/histogramwidget.cpp" line="17"/>
        <source>Drag a line to move that limit, or between them to move the window</source>
        <translation>拖动一条线可移动该界限，在两线之间拖动可移动窗口</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <location filename="../widgets/jobprogress.cpp" line="19"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../widgets/jobprogress.cpp" line="20"/>
        <source>Stop this job</source>
        <translation>停止此任务</translation>
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
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="31"/>
        <source>Power spectrum</source>
        <translation>功率谱</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="56"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="61"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="79"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="100"/>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="117"/>
        <source>Sections</source>
        <translation>切片</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="129"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="137"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="145"/>
        <source>Export View as &amp;PNG…</source>
        <translation>将视图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="153"/>
        <source>Export View as PNG &amp;without Scale Bar…</source>
        <translation>将视图导出为不带比例尺的 PNG(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="158"/>
        <source>Export &amp;Region as MRC/TIFF…</source>
        <translation>将区域导出为 MRC/TIFF(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="164"/>
        <source>The selection (Shift+drag on the image), or the part in view, as float32 with its pixel size and origin</source>
        <translation>选区（在图像上 Shift+拖动）或可见部分，以带像素尺寸和原点的 float32 格式导出</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="169"/>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="174"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="185"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="193"/>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="199"/>
        <source>Show the whole image</source>
        <translation>显示整幅图像</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="204"/>
        <source>&amp;1:1</source>
        <translation>1:1(&amp;1)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="210"/>
        <source>One image pixel per screen pixel</source>
        <translation>一个图像像素对应一个屏幕像素</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="215"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="223"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="231"/>
        <source>&amp;Scale Bar</source>
        <translation>比例尺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="245"/>
        <source>&amp;Image</source>
        <translation>图像(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="253"/>
        <source>&amp;Power Spectrum</source>
        <translation>功率谱(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="259"/>
        <source>Power spectrum of the whole image, with its rotational average</source>
        <translation>整幅图像的功率谱及其旋转平均</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="264"/>
        <source>Power Spectrum of &amp;Region</source>
        <translation>区域的功率谱(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="270"/>
        <source>Power spectrum of the selection (Shift+drag on the image), or of the part in view</source>
        <translation>选区（在图像上 Shift+拖动）或可见部分的功率谱</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="275"/>
        <source>P&amp;revious Section</source>
        <translation>上一切片(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="283"/>
        <source>&amp;Next Section</source>
        <translation>下一切片(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Micrographs</source>
        <translation>显微图像</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="89"/>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="100"/>
        <location filename="../ui/mainwindow.cpp" line="112"/>
        <source>Upscale</source>
        <translation>超分辨率放大</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="107"/>
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="115"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="124"/>
        <source>Section (stack image or volume plane), numbered from 0</source>
        <translation>切片（堆栈中的图像或体数据的平面），从 0 开始编号</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="126"/>
        <source>Section </source>
        <translation>切片 </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>&amp;Ruler</source>
        <translation>标尺(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>Particle &amp;Circle</source>
        <translation>粒子圆(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>The particle circle&apos;s diameter (Å, or pixels when the pixel size is unknown)</source>
        <translation>粒子圆的直径（Å；像素尺寸未知时为像素）</translation>
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
        <translation>设置像素尺寸(&amp;Z)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210"/>
        <source>No region is selected: Shift+drag on the image to select one (F3 shows the whole micrograph&apos;s spectrum).</source>
        <translation>未选择区域：在图像上按住 Shift 拖动来选择（F3 显示整张显微图像的功率谱）。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="286"/>
        <source>&amp;Upscale</source>
        <translation>超分辨率放大(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="295"/>
        <source>&amp;Upscale Region</source>
        <translation>放大区域(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="296"/>
        <source>Upscale &amp;Whole Micrograph</source>
        <translation>放大整幅显微图像(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="300"/>
        <source>&amp;Cancel Upscale</source>
        <translation>取消放大(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="302"/>
        <source>Show the &amp;Upscale Page</source>
        <translation>显示放大页面(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="304"/>
        <source>&amp;Export Upscaled Result…</source>
        <translation>导出放大结果(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="305"/>
        <source>Export the Reverse-Process &amp;Frames…</source>
        <translation>导出逆过程帧(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="310"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>Show the &amp;Training Page</source>
        <translation>显示训练页面(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>&amp;New Training…</source>
        <translation>新建训练(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="320"/>
        <source>&amp;Load Training Configuration…</source>
        <translation>加载训练配置(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>Load a Training Configuration</source>
        <translation>加载训练配置</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="322"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="329"/>
        <source>Cannot load the configuration</source>
        <translation>无法加载配置</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="333"/>
        <source>&amp;Follow a Run Folder…</source>
        <translation>跟踪运行文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Follow a Training Run</source>
        <translation>跟踪训练运行</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338"/>
        <source>Edit Cluster Script &amp;Template…</source>
        <translation>编辑集群脚本模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="344"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="346"/>
        <source>&amp;About CryoSR</source>
        <translation>关于 CryoSR(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="347"/>
        <source>About CryoSR</source>
        <translation>关于 CryoSR</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="348"/>
        <source>&lt;h3&gt;CryoSR %1&lt;/h3&gt;&lt;p&gt;A viewer and diffusion upscaler for cryo-EM micrographs.&lt;/p&gt;&lt;p&gt;The user guide: docs/user-guide.md in the source, or /usr/share/doc/cryosr/ where CryoSR was installed from its package.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CryoSR %1&lt;/h3&gt;&lt;p&gt;冷冻电镜显微图像的查看器与扩散模型超分辨率工具。&lt;/p&gt;&lt;p&gt;用户指南：源代码中的 docs/user-guide.md，或通过软件包安装时的 /usr/share/doc/cryosr/。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="352"/>
        <source>&lt;p&gt;Free software under the BSD 3-Clause License. The licences of the libraries it includes are listed in /usr/share/doc/cryosr/copyright.&lt;/p&gt;</source>
        <translation>&lt;p&gt;基于 BSD 3-Clause 许可证的自由软件。所含库的许可证列于 /usr/share/doc/cryosr/copyright。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="361"/>
        <source>Export upscaled result</source>
        <translation>导出放大结果</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="362"/>
        <source>MRC (*.mrc);;TIFF (*.tif *.tiff);;PNG as displayed (*.png)</source>
        <translation>MRC (*.mrc);;TIFF (*.tif *.tiff);;按显示效果的 PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="373"/>
        <source>Set Pixel Size</source>
        <translation>设置像素尺寸</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="374"/>
        <source>Å per pixel of %1 (remembered for this file; 0 goes back to its header&apos;s value):</source>
        <translation>%1 每像素的 Å（对此文件记住；0 恢复文件头中的值）：</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="383"/>
        <source>Export frames</source>
        <translation>导出帧</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="384"/>
        <source>MRC stack (*.mrcs *.mrc);;Animated GIF (*.gif);;PNG sequence: name_001.png, … (*.png)</source>
        <translation>MRC 堆栈 (*.mrcs *.mrc);;GIF 动画 (*.gif);;PNG 序列: name_001.png, … (*.png)</translation>
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
        <translation>正在读取切片…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="438"/>
        <source>no micrograph</source>
        <translation>无显微图像</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="480"/>
        <source>log₁₀ relative power</source>
        <translation>log₁₀ 相对功率</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="563"/>
        <source>Open micrographs</source>
        <translation>打开显微图像</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>Micrographs (*.mrc *.mrcs *.map *.st *.ali *.rec *.tif *.tiff *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>显微图像 (*.mrc *.mrcs *.map *.st *.ali *.rec *.tif *.tiff *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>Export view as PNG</source>
        <translation>将视图导出为 PNG</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="573"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="577"/>
        <source>Cannot export the view</source>
        <translation>无法导出视图</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="578"/>
        <source>%1 could not be written. Check the folder exists and is writable.</source>
        <translation>无法写入 %1。请检查文件夹是否存在且可写。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="584"/>
        <source>Export region</source>
        <translation>导出区域</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="584"/>
        <source>MRC (*.mrc);;TIFF (*.tif *.tiff)</source>
        <translation>MRC (*.mrc);;TIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="591"/>
        <source>x %1  y %2  value %3</source>
        <translation>x %1  y %2  值 %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="593"/>
        <source>  (%1, %2 Å)</source>
        <translation>  (%1, %2 Å)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>selection x %1 y %2, %3 × %4 px</source>
        <translation>选区 x %1 y %2, %3 × %4 px</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="605"/>
        <source> (%1 × %2 Å)</source>
        <translation> (%1 × %2 Å)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="613"/>
        <source>frequency %1 %2</source>
        <translation>频率 %1 %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="615"/>
        <source> (%1 %2)</source>
        <translation> (%1 %2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="616"/>
        <source>  log₁₀ power %1</source>
        <translation>  log₁₀ 功率 %1</translation>
    </message>
</context>
<context>
    <name>MicrographController</name>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="199"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="233"/>
        <source>%1: not enough memory to open it</source>
        <translation>%1：内存不足，无法打开</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="288"/>
        <source>%1: not enough memory to show section %2</source>
        <translation>%1：内存不足，无法显示切片 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="304"/>
        <source>%1 image</source>
        <translation>%1 图像</translation>
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
%2 × %3 像素，%4 个切片
存储为 %5
像素尺寸 %6

切片 %7
%8</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="340"/>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="354"/>
        <source>%1 is still being opened</source>
        <translation>%1 仍在打开中</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="369"/>
        <source>Gallery of %1</source>
        <translation>%1 的图库</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="403"/>
        <source>Whole section</source>
        <translation>整个切片</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="406"/>
        <source>Region x %1, y %2, %3 × %4</source>
        <translation>区域 x %1, y %2, %3 × %4</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="413"/>
        <source>Power spectrum</source>
        <translation>功率谱</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="68"/>
        <source>%1: mean of %2 periodograms of %3 × %3 pixels; Nyquist %4</source>
        <translation>%1：%2 个 %3 × %3 像素周期图的平均；奈奎斯特 %4</translation>
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
        <translation>无法从名称 %1 判断格式：请使用 .mrc 或 .tif</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="449"/>
        <source>%1 is the open file; CryoSR never overwrites its input</source>
        <translation>%1 是已打开的文件；CryoSR 从不覆盖输入文件</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="506"/>
        <source>Problem with %1</source>
        <translation>%1 有问题</translation>
    </message>
</context>
<context>
    <name>ModelInstaller</name>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="71"/>
        <source>no validation files</source>
        <translation>无验证文件</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="84"/>
        <source>whole images</source>
        <translation>整幅图像</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="89"/>
        <source>central 256² regions, 20 DDIM steps</source>
        <translation>中央 256² 区域，20 步 DDIM</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="103"/>
        <source>evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/modelinstaller.cpp" line="119"/>
        <source>%n training file(s), %1 validation; %2</source>
        <translation>
            <numerusform>%n 个训练文件，%1 个验证文件；%2</numerusform>
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
        <translation>像素尺寸未知</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="136"/>
        <source>Adding the model %1</source>
        <translation>正在添加模型 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="52"/>
        <source>The finished model could not be added to %1: %2</source>
        <translation>无法将完成的模型添加到 %1：%2</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="17"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="20"/>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="27"/>
        <source>CryoSR shows the new language when it next starts.</source>
        <translation>CryoSR 将在下次启动时显示新语言。</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="31"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
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
        <translation>显微镜（功率谱的 CTF 拟合）</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="41"/>
        <source>&amp;Voltage:</source>
        <translation>加速电压(&amp;V):</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="42"/>
        <source>Spherical &amp;aberration (Cs):</source>
        <translation>球差 Cs(&amp;A):</translation>
    </message>
    <message>
        <location filename="../widgets/preferencesdialog.cpp" line="43"/>
        <source>A&amp;mplitude contrast:</source>
        <translation>振幅衬度(&amp;M):</translation>
    </message>
</context>
<context>
    <name>ProfilePlot</name>
    <message>
        <location filename="../widgets/profileplot.cpp" line="120"/>
        <source>spatial frequency (%1)</source>
        <translation>空间频率 (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/profileplot.cpp" line="58"/>
        <source>log₁₀ power</source>
        <translation>log₁₀ 功率</translation>
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
        <translation>拟合至 %1 %2</translation>
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
        <translation>最小值 %1
最大值 %2
均值 %3
标准差 %4</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="102"/>
        <source>
Non-finite samples %1 (shown as the mean)</source>
        <translation>
非有限值 %1 个（以均值显示）</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="156"/>
        <source>%1 Å/px (set in CryoSR)</source>
        <translation>%1 Å/px（在 CryoSR 中设置）</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="158"/>
        <source>%1 Å/px</source>
        <translation>%1 Å/px</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="160"/>
        <source>pixel size unknown (the header&apos;s %1 Å is a placeholder)</source>
        <translation>像素尺寸未知（文件头中的 %1 Å 是占位值）</translation>
    </message>
    <message>
        <location filename="../app/gui/micrographcontroller.cpp" line="161"/>
        <source>pixel size unknown</source>
        <translation>像素尺寸未知</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="41"/>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="83"/>
        <source>%1 did not answer within a minute</source>
        <translation>%1 在一分钟内没有响应</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="85"/>
        <source>%1 stopped unexpectedly</source>
        <translation>%1 意外停止</translation>
    </message>
    <message>
        <location filename="../app/gui/slurmscript.cpp" line="87"/>
        <source>exit code %1</source>
        <translation>退出代码 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="35"/>
        <source>PSNR %1 dB (Fourier padding %2 dB), SSIM %3</source>
        <translation>PSNR %1 dB（傅里叶填充 %2 dB），SSIM %3</translation>
    </message>
    <message>
        <location filename="../app/gui/modelinstaller.cpp" line="40"/>
        <source>, FRC 0.143 at %1 Å</source>
        <translation>，FRC 0.143 处为 %1 Å</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/modelinstaller.cpp" line="41"/>
        <source> on %n validation file(s) (%1)</source>
        <translation>
            <numerusform>（%n 个验证文件，%1）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="197"/>
        <source>the process ended without finishing (last step %1): %2</source>
        <translation>进程未完成即结束（最后一步 %1）：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="199"/>
        <source>%1 steps</source>
        <translation>%1 步</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="200"/>
        <source>%1 steps; the model is in the Upscale panel&apos;s list as %2</source>
        <translation>%1 步；模型已加入放大面板的列表，名称为 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="205"/>
        <source>step %1 of %2; the last checkpoint&apos;s model is %3</source>
        <translation>第 %1 步，共 %2 步；最后一个检查点的模型为 %3</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="211"/>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="215"/>
        <source>Slurm job %1: no log yet</source>
        <translation>Slurm 作业 %1：尚无日志</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingrun.cpp" line="216"/>
        <source>Slurm job %1, no log yet: %2</source>
        <translation>Slurm 作业 %1，尚无日志：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="51"/>
        <source>fp16 training is not supported; use bf16 (or fp32)</source>
        <translation>不支持 fp16 训练；请使用 bf16（或 fp32）</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="33"/>
        <source>Not enough memory on the %1: choose a smaller region, fewer samples, or bf16 precision on a GPU.</source>
        <translation>%1 内存不足：请选择更小的区域、更少的样本，或在 GPU 上使用 bf16 精度。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="37"/>
        <source>Not enough memory on the %1 (%2 more were needed): choose a smaller region, fewer samples, or bf16 precision on a GPU.</source>
        <translation>%1 内存不足（还需要 %2）：请选择更小的区域、更少的样本，或在 GPU 上使用 bf16 精度。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="55"/>
        <source>Trained on %1 files, validated on %2 (file names: cryosr-cli model show)</source>
        <translation>用 %1 个文件训练，%2 个文件验证（文件名：cryosr-cli model show）</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="60"/>
        <source>Trained on %1</source>
        <translation>用 %1 训练</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="63"/>
        <source>Training time %1 h %2 min</source>
        <translation>训练时间 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="69"/>
        <source>Validation at step %1: PSNR %2 dB (Fourier padding %3 dB)</source>
        <translation>第 %1 步的验证：PSNR %2 dB（傅里叶填充 %3 dB）</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscaleworker.cpp" line="94"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="25"/>
        <source>unknown</source>
        <translation>未知</translation>
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
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="33"/>
        <location filename="../widgets/upscalepanel.cpp" line="50"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../widgets/viewtools.cpp" line="20"/>
        <source>%1 Å (%2 px)</source>
        <translation>%1 Å（%2 px）</translation>
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
        <translation>集群脚本模板</translation>
    </message>
    <message>
        <location filename="../widgets/scriptdialogs.cpp" line="14"/>
        <source>The Slurm batch script each &quot;Run on a Cluster&quot; writes. {{JOB_NAME}}, {{RUN_DIR}}, {{CRYOSR_CLI}} and {{CONFIG_JSON}} are filled in for each run.</source>
        <translation>每次“在集群上运行”写出的 Slurm 批处理脚本。{{JOB_NAME}}、{{RUN_DIR}}、{{CRYOSR_CLI}} 和 {{CONFIG_JSON}} 会针对每次运行填入。</translation>
    </message>
</context>
<context>
    <name>SimulationDialog</name>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="15"/>
        <source>Simulate Training Data from a Map</source>
        <translation>从密度图模拟训练数据</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="22"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="25"/>
        <source>Folder for the Simulated Data</source>
        <translation>模拟数据的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="26"/>
        <source>A 3D Map</source>
        <translation>三维密度图</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="26"/>
        <source>Maps (*.mrc *.map *.ccp4);;All files (*)</source>
        <translation>密度图 (*.mrc *.map *.ccp4);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="36"/>
        <source>Map:</source>
        <translation>密度图：</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="37"/>
        <source>Into folder:</source>
        <translation>输出到文件夹：</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="39"/>
        <source>Micrographs:</source>
        <translation>显微图像数：</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="41"/>
        <source>Size (px):</source>
        <translation>尺寸 (px)：</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="43"/>
        <source>Particles each:</source>
        <translation>每幅颗粒数：</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="45"/>
        <source>the map&apos;s</source>
        <translation>取自密度图</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="46"/>
        <source>Pixel size (Å):</source>
        <translation>像素尺寸 (Å)：</translation>
    </message>
    <message>
        <location filename="../widgets/simulationdialog.cpp" line="48"/>
        <source>Dose (e⁻/Å²):</source>
        <translation>剂量 (e⁻/Å²)：</translation>
    </message>
</context>
<context>
    <name>SimulationJob</name>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="25"/>
        <source>A simulation is already running</source>
        <translation>已有模拟正在运行</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="27"/>
        <source>The map %1 does not exist</source>
        <translation>密度图 %1 不存在</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="29"/>
        <source>The folder %1 cannot be created</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/simulationjob.cpp" line="75"/>
        <source>cryosr-cli simulate stopped</source>
        <translation>cryosr-cli simulate 已停止</translation>
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
        <translation>CTF 拟合（%1 kV，Cs %2 mm，
  振幅衬度 %3）：
  欠焦 U %4 µm，V %5 µm
  像散 %6 µm，U 方向 %7°
  Thon 环与拟合一致至 %8 Å</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="77"/>
        <source>No CTF fit: the pixel size is unknown
(View › Set Pixel Size…).</source>
        <translation>无 CTF 拟合：像素尺寸未知
（视图 › 设置像素尺寸…）。</translation>
    </message>
    <message>
        <location filename="../app/gui/spectrumfit.cpp" line="83"/>
        <source>No CTF fit: no Thon rings follow
a defocus of 0.1–10 µm here.</source>
        <translation>无 CTF 拟合：没有与 0.1–10 µm
离焦一致的 Thon 环。</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="65"/>
        <source>Simulation failed</source>
        <translation>模拟失败</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="69"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="196"/>
        <source>Cannot start the training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="76"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="235"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="447"/>
        <source>Cannot follow the run</source>
        <translation>无法跟踪该运行</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="132"/>
        <source>%1 is already running</source>
        <translation>%1 已在运行</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="117"/>
        <source>sbatch was not found on this computer: Run on a Cluster submits the run with Slurm, so start CryoSR on the cluster&apos;s login node (or a computer with Slurm&apos;s commands), or use Launch to train here.</source>
        <translation>此计算机上找不到 sbatch：“在集群上运行”通过 Slurm 提交任务。请在集群的登录节点（或装有 Slurm 命令的计算机）上启动 CryoSR，或使用“启动”在本机训练。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="134"/>
        <source>The folder %1 cannot be created</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="138"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="180"/>
        <source>%1 cannot be written</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="159"/>
        <source>cryosr-cli was not found beside CryoSR or on the PATH</source>
        <translation>在 CryoSR 所在目录和 PATH 中都找不到 cryosr-cli</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="164"/>
        <source>%1 could not be started: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="196"/>
        <source>sbatch failed: %1</source>
        <translation>sbatch 失败：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="216"/>
        <source>This run was not started by CryoSR: stop it where it runs (Ctrl-C or kill -TERM); it checkpoints and stops</source>
        <translation>此运行不是由 CryoSR 启动的：请在其运行的地方停止它（Ctrl-C 或 kill -TERM）；它会保存检查点后停止</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="220"/>
        <source>The training process is not running</source>
        <translation>训练进程未在运行</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="225"/>
        <source>Stop the job on the cluster with: scancel --batch --signal=TERM JOB (it checkpoints and stops)</source>
        <translation>在集群上停止作业：scancel --batch --signal=TERM JOB（它会保存检查点后停止）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="235"/>
        <source>scancel failed: %1</source>
        <translation>scancel 失败：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="248"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="256"/>
        <location filename="../app/gui/trainingcontroller.cpp" line="268"/>
        <source>No such run: %1</source>
        <translation>没有这个运行：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="258"/>
        <source>The run is still going</source>
        <translation>运行仍在进行</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="260"/>
        <source>%1 has no checkpoint to resume from; start a new run</source>
        <translation>%1 没有可恢复的检查点；请开始新的运行</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="270"/>
        <source>Cancel the Training</source>
        <translation>取消训练</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="271"/>
        <source>End %1? It stops after the current step; its last checkpoint and model stay in %2.</source>
        <translation>结束 %1？它会在当前步骤之后停止；最后的检查点和模型保留在 %2 中。</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="289"/>
        <source>%1 holds no training run (no log.jsonl)</source>
        <translation>%1 中没有训练运行（没有 log.jsonl）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="348"/>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="348"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="349"/>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="349"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="350"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="350"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="351"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="351"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="352"/>
        <source>Stopped unexpectedly</source>
        <translation>意外停止</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="355"/>
        <source>, step %1/%2</source>
        <translation>，第 %1/%2 步</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="357"/>
        <source> (cluster)</source>
        <translation>（集群）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="357"/>
        <source> (Slurm job %1)</source>
        <translation>（Slurm 作业 %1）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="375"/>
        <source>%1
%2 · %3 training and %4 validation files</source>
        <translation>%1
%2 · %3 个训练文件和 %4 个验证文件</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="377"/>
        <source>on the cluster</source>
        <translation>在集群上</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="59"/>
        <source>Training finished</source>
        <translation>训练完成</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="441"/>
        <source>Cannot simulate</source>
        <translation>无法模拟</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingcontroller.cpp" line="455"/>
        <source>Cluster Script Template</source>
        <translation>集群脚本模板</translation>
    </message>
</context>
<context>
    <name>TrainingDataPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="100"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="102"/>
        <source>The micrographs to learn from: files, folders or a RELION micrograph STAR file. Ticked files are held out for validation (whole files, never crops of training files).</source>
        <translation>用于学习的显微图像：文件、文件夹或 RELION 显微图像 STAR 文件。勾选的文件留作验证（整个文件，绝不使用训练文件的裁剪）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="112"/>
        <source>Add Files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="113"/>
        <source>Add Micrographs</source>
        <translation>添加显微图像</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="114"/>
        <source>Micrographs (*.mrc *.mrcs *.tif *.tiff);;All files (*)</source>
        <translation>显微图像 (*.mrc *.mrcs *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="116"/>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="117"/>
        <source>Add a Folder of Micrographs</source>
        <translation>添加显微图像文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="121"/>
        <source>Add STAR File…</source>
        <translation>添加 STAR 文件…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="123"/>
        <source>Add a RELION Micrograph STAR File</source>
        <translation>添加 RELION 显微图像 STAR 文件</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="123"/>
        <source>STAR files (*.star)</source>
        <translation>STAR 文件 (*.star)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="127"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Size (px)</source>
        <translation>尺寸 (px)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Pixel size (Å)</source>
        <translation>像素尺寸 (Å)</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="133"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="152"/>
        <source> Å</source>
        <translation> Å</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="153"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="154"/>
        <source>From the files&apos; headers; correct it when they are wrong. It goes into the model&apos;s card.</source>
        <translation>取自文件头；如有错误请更正。它会写入模型的信息卡。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="156"/>
        <source>Pixel size:</source>
        <translation>像素尺寸：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="187"/>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="227"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="261"/>
        <source>Add micrographs: files, a folder or a RELION micrograph STAR file.</source>
        <translation>添加显微图像：文件、文件夹或 RELION 显微图像 STAR 文件。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="277"/>
        <source>The files differ in size (%1 and %2 in %3): train on micrographs of one camera and mode at a time.</source>
        <translation>文件尺寸不同（%3 中为 %1 和 %2）：每次只用同一相机和模式的显微图像训练。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="281"/>
        <source>The files&apos; pixel sizes differ (%1 and %2 Å in %3): a model learns one magnification; train on one pixel size at a time.</source>
        <translation>文件的像素尺寸不同（%3 中为 %1 Å 和 %2 Å）：一个模型只学习一种放大倍率；每次只用一种像素尺寸训练。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="290"/>
        <source>%n file(s) cannot be read; remove them: %1</source>
        <translation>
            <numerusform>%n 个文件无法读取；请移除它们：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="293"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文件…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="295"/>
        <source>Every file is ticked for validation: leave some for training.</source>
        <translation>所有文件都勾选为验证：请留一些用于训练。</translation>
    </message>
</context>
<context>
    <name>TrainingModelPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="499"/>
        <source>Model Size</source>
        <translation>模型大小</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="501"/>
        <source>Larger networks learn more detail and take longer per step. Speeds are measured on this machine with the schedule&apos;s batch and patch.</source>
        <translation>更大的网络能学到更多细节，每步耗时更长。速度是在本机上用日程的批大小和图块测得的。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="506"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="547"/>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="548"/>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="549"/>
        <source>cannot run on this device</source>
        <translation>无法在此设备上运行</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="550"/>
        <source>measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="551"/>
        <source>base %1, levels %2</source>
        <translation>基础 %1，层级 %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="556"/>
        <source>From the configuration</source>
        <translation>来自配置</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="559"/>
        <source>Fine-tuning keeps the architecture of the model it starts from.</source>
        <translation>微调保留起始模型的架构。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="560"/>
        <source>Speeds: batch %1, patch %2 px.</source>
        <translation>速度：批大小 %1，图块 %2 px。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="573"/>
        <source>Choose a model size.</source>
        <translation>请选择模型大小。</translation>
    </message>
</context>
<context>
    <name>TrainingMonitor</name>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="91"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="91"/>
        <source>Checkpoint after the current step and stop</source>
        <translation>在当前步骤之后保存检查点并停止</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="92"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="92"/>
        <source>Continue from the last checkpoint</source>
        <translation>从最后一个检查点继续</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="93"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="94"/>
        <source>End the run after the current step; its last checkpoint and model stay in its folder</source>
        <translation>在当前步骤之后结束运行；最后的检查点和模型保留在其文件夹中</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="96"/>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="96"/>
        <source>The run&apos;s folder: model, checkpoint, log</source>
        <translation>运行的文件夹：模型、检查点、日志</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="108"/>
        <source>Loss (ε mean squared error)</source>
        <translation>损失（ε 的均方误差）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="112"/>
        <location filename="../widgets/trainingmonitor.cpp" line="125"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="119"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="120"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="121"/>
        <source>Validation PSNR</source>
        <translation>验证 PSNR</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="128"/>
        <source>dB</source>
        <translation>dB</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="131"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="132"/>
        <source>Fourier padding</source>
        <translation>傅里叶填充</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="169"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="170"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="171"/>
        <source>Stopping after the current step…</source>
        <translation>将在当前步骤之后停止…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="172"/>
        <source>Paused at a checkpoint</source>
        <translation>已在检查点暂停</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="173"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="174"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="175"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="176"/>
        <source>Waiting for the run to start</source>
        <translation>等待运行开始</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="177"/>
        <source>Stopped unexpectedly</source>
        <translation>意外停止</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="189"/>
        <source>%1 steps/s, %2 left</source>
        <translation>%1 步/秒，剩余 %2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="253"/>
        <source>Validation samples at step %1: input (upsampled) · output · target</source>
        <translation>第 %1 步的验证样例：输入（上采样）· 输出 · 目标</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../widgets/trainingmonitor.cpp" line="258"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>TrainingOutputPage</name>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="209"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="211"/>
        <source>Where the run keeps its model, checkpoints and log, and the configuration it starts with (editable; the schema of `cryosr-cli train --config`).</source>
        <translation>运行保存模型、检查点和日志的位置，以及它开始时使用的配置（可编辑；即 `cryosr-cli train --config` 的格式）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="219"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="224"/>
        <source>e.g. apoferritin-k3-2x</source>
        <translation>例如 apoferritin-k3-2x</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="225"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="226"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="233"/>
        <source>Load Configuration…</source>
        <translation>加载配置…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="235"/>
        <source>Save Configuration…</source>
        <translation>保存配置…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="245"/>
        <source>Folder for Training Runs</source>
        <translation>训练运行的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="263"/>
        <source>Load a Training Configuration</source>
        <translation>加载训练配置</translation>
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
        <translation>保存训练配置</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="320"/>
        <source>The configuration is not a valid JSON object.</source>
        <translation>该配置不是有效的 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="323"/>
        <source>Name the run: it becomes the folder&apos;s and the model&apos;s name.</source>
        <translation>为运行命名：它将成为文件夹和模型的名称。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="325"/>
        <source>The name must not contain slashes or start with a dot.</source>
        <translation>名称不能包含斜杠，也不能以点开头。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="328"/>
        <source>Choose an existing folder for the run.</source>
        <translation>请为运行选择一个已存在的文件夹。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="330"/>
        <source>%1 cannot be written: choose another folder.</source>
        <translation>无法写入 %1：请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="334"/>
        <source>%1 already holds a training run: choose another name.</source>
        <translation>%1 中已有训练运行：请选择其他名称。</translation>
    </message>
</context>
<context>
    <name>TrainingPresets</name>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="102"/>
        <source>Tiny (tests, quick looks)</source>
        <translation>极小（测试、快速查看）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="103"/>
        <source>Small (the default model&apos;s network)</source>
        <translation>小（默认模型的网络）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="104"/>
        <source>Medium (cryosr-cli train&apos;s default)</source>
        <translation>中（cryosr-cli train 的默认值）</translation>
    </message>
    <message>
        <location filename="../app/gui/trainingservices.cpp" line="105"/>
        <source>Large (for a GPU)</source>
        <translation>大（适用于 GPU）</translation>
    </message>
</context>
<context>
    <name>TrainingSchedulePage</name>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="42"/>
        <source>Schedule</source>
        <translation>日程</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="43"/>
        <source>How long and how the network trains. A checkpoint is where Pause stops and Resume continues.</source>
        <translation>网络训练多久以及如何训练。检查点是“暂停”停下、“继续”接着运行的位置。</translation>
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
        <translation>bf16 混合精度（GPU）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="62"/>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="63"/>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="64"/>
        <source>Patch (crop side):</source>
        <translation>图块（裁剪边长）：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="65"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="66"/>
        <source>EMA decay:</source>
        <translation>EMA 衰减：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="67"/>
        <source>Checkpoint every:</source>
        <translation>检查点间隔：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="68"/>
        <source>Validate every:</source>
        <translation>验证间隔：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="69"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="70"/>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="71"/>
        <source>Expected duration:</source>
        <translation>预计耗时：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="105"/>
        <source>Automatic (GPU when present)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="106"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="108"/>
        <source>CUDA (no GPU found)</source>
        <translation>CUDA（未找到 GPU）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="108"/>
        <source>CUDA: %1</source>
        <translation>CUDA：%1</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="132"/>
        <source>about %1 (%2 steps/s measured here; validation adds to it)</source>
        <translation>约 %1（在此测得 %2 步/秒；验证另需时间）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="135"/>
        <source>unknown: the network cannot run on this device</source>
        <translation>未知：网络无法在此设备上运行</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="136"/>
        <source>measuring the speed…</source>
        <translation>正在测量速度…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="145"/>
        <source>No CUDA GPU was found on this machine: choose Automatic or CPU (or run on a cluster).</source>
        <translation>此计算机上未找到 CUDA GPU：请选择“自动”或“CPU”（或在集群上运行）。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="147"/>
        <source>bf16 mixed precision needs a GPU; choose fp32.</source>
        <translation>bf16 混合精度需要 GPU；请选择 fp32。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardrunpages.cpp" line="153"/>
        <source>The patch (%1 px) is larger than the images (%2 × %3).</source>
        <translation>图块（%1 px）大于图像（%2 × %3）。</translation>
    </message>
</context>
<context>
    <name>TrainingTaskPage</name>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="338"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="340"/>
        <source>What the model learns: the scale, how its low-resolution inputs are made, and which images it learns to produce.</source>
        <translation>模型学习的内容：放大倍数、低分辨率输入的生成方式，以及它学习生成的图像。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="344"/>
        <source>Train a new model</source>
        <translation>训练新模型</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="347"/>
        <source>Fine-tune:</source>
        <translation>微调：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="366"/>
        <source>Scale:</source>
        <translation>放大倍数：</translation>
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
        <translation>低分辨率输入的生成方式：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="372"/>
        <source>Fourier cropping</source>
        <translation>傅里叶裁剪</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="373"/>
        <source>binning (averaging pixels)</source>
        <translation>合并像素（像素平均）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="376"/>
        <source>Targets:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="377"/>
        <source>the micrographs themselves (self-supervised)</source>
        <translation>显微图像本身（自监督）</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="378"/>
        <source>simulated clean images</source>
        <translation>模拟的无噪声图像</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="379"/>
        <source>Each NAME.mrc needs NAME.clean.mrc beside it, as `cryosr-cli simulate --map MAP -o NAME.mrc --clean NAME.clean.mrc` writes: the model learns to denoise too.</source>
        <translation>每个 NAME.mrc 旁边都需要 NAME.clean.mrc，即 `cryosr-cli simulate --map MAP -o NAME.mrc --clean NAME.clean.mrc` 写出的文件：模型也会学习去噪。</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="381"/>
        <source>Simulate from a Map…</source>
        <translation>从密度图模拟…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="384"/>
        <source>Make simulated micrographs with their clean images from a 3D map (an EMDB map, your own reconstruction) and train on them</source>
        <translation>从三维密度图（EMDB 密度图或您自己的重构）生成带无噪声图像的模拟显微图像，并用其训练</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizardpages.cpp" line="440"/>
        <source>The model&apos;s architecture, noise schedule, scale and condition are kept; a lower learning rate than for a new model (e.g. 5e-5) keeps what it learnt.</source>
        <translation>模型的架构、噪声日程、放大倍数和条件方式保持不变；比新模型更低的学习率（如 5e-5）能保留它已学到的内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="459"/>
        <source>Simulated pairs need NAME.clean.EXT beside each file (from `cryosr-cli simulate --clean`); %n file(s) have none: %1</source>
        <translation>
            <numerusform>模拟配对需要每个文件旁有 NAME.clean.EXT（由 `cryosr-cli simulate --clean` 生成）；%n 个文件没有：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <location filename="../widgets/trainingview.cpp" line="27"/>
        <source>New Training…</source>
        <translation>新建训练…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="30"/>
        <source>Runs:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="35"/>
        <source>Remove from List</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <location filename="../widgets/trainingview.cpp" line="37"/>
        <source>The run&apos;s folder stays as it is</source>
        <translation>运行的文件夹保持不变</translation>
    </message>
</context>
<context>
    <name>TrainingWizard</name>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="28"/>
        <source>Launch</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="29"/>
        <source>Run on a Cluster…</source>
        <translation>在集群上运行…</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="32"/>
        <source>Write a Slurm batch script for this configuration and submit it</source>
        <translation>为此配置写出 Slurm 批处理脚本并提交</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="141"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="147"/>
        <source>%1 is not a training configuration (a JSON object): %2</source>
        <translation>%1 不是训练配置（JSON 对象）：%2</translation>
    </message>
    <message>
        <location filename="../widgets/trainingwizard.cpp" line="160"/>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>UpscaleController</name>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="251"/>
        <source>No estimate: %1</source>
        <translation>无法估计：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="262"/>
        <source>Cancelled after %n step(s).</source>
        <translation>
            <numerusform>在 %n 步后取消。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="262"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="279"/>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="287"/>
        <source>The export of %1 was cancelled.</source>
        <translation>%1 的导出已取消。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="301"/>
        <source>Cancelled: the whole result was not saved.</source>
        <translation>已取消：整体结果未保存。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="339"/>
        <source>Measuring this device&apos;s speed…</source>
        <translation>正在测量此设备的速度…</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="352"/>
        <location filename="../app/gui/upscalecontroller.cpp" line="366"/>
        <source>Open a micrograph first.</source>
        <translation>请先打开一幅显微图像。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="370"/>
        <source>Choose a usable model in the Upscale panel (%1).</source>
        <translation>请在放大面板中选择一个可用的模型（%1）。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="370"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="374"/>
        <source>Choose a region first: Shift+drag on the image, or type it in the Upscale panel.</source>
        <translation>请先选择区域：在图像上 Shift+拖动，或在放大面板中输入。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="379"/>
        <source>Unknown sampler, device or precision.</source>
        <translation>未知的采样器、设备或精度。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="403"/>
        <source>%1 · x %2 y %3, %4 × %5 px · %6, %7 steps, %n sample(s), seed %8</source>
        <translation>
            <numerusform>%1 · x %2 y %3, %4 × %5 px · %6, %7 步, %n 个样本, 种子 %8</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="484"/>
        <source>Step %1 of %2 · tile %3 of %4</source>
        <translation>第 %1/%2 步 · 第 %3/%4 块</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="486"/>
        <source> · sample %1 of %2</source>
        <translation> · 第 %1/%2 个样本</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="499"/>
        <source>Whole micrograph upscaled in %1 s on %2; saved as %3 and opened.</source>
        <translation>整幅显微图像已在 %2 上用 %1 秒完成放大；已保存为 %3 并打开。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="502"/>
        <source>Saving it as %1…</source>
        <translation>正在保存为 %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="504"/>
        <source>Saving %1</source>
        <translation>正在保存 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="523"/>
        <source>Finished: %n step(s) in %1 s on %2.</source>
        <translation>
            <numerusform>完成：%n 步，用时 %1 秒，设备 %2。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="579"/>
        <source>Upscale</source>
        <translation>超分辨率放大</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="586"/>
        <source>Nothing to export yet: upscale a region first.</source>
        <translation>尚无可导出的内容：请先放大一个区域。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="588"/>
        <source>%1 is an open micrograph; CryoSR never overwrites its input. Choose another name.</source>
        <translation>%1 是已打开的显微图像；CryoSR 从不覆盖输入文件。请选择其他名称。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="636"/>
        <source>%1 is still under way: wait for it, or cancel it in the status bar.</source>
        <translation>%1 仍在进行中：请等待，或在状态栏中取消。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="589"/>
        <source>Exporting %1</source>
        <translation>正在导出 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="625"/>
        <source>Exporting %n frame(s)</source>
        <translation>
            <numerusform>正在导出 %n 帧</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="599"/>
        <source>Cannot tell the format from the name %1: use .mrc, .tif or .png</source>
        <translation>无法从名称 %1 判断格式：请使用 .mrc、.tif 或 .png</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="607"/>
        <source>No frames to export yet: upscale a region first.</source>
        <translation>尚无可导出的帧：请先放大一个区域。</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="609"/>
        <source>%1 is the open micrograph; CryoSR never overwrites its input</source>
        <translation>%1 是已打开的显微图像；CryoSR 从不覆盖输入文件</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="623"/>
        <source>This build of CryoSR has no GIF support (giflib): export an MRC stack or PNGs</source>
        <translation>此版本的 CryoSR 不支持 GIF（giflib）：请导出为 MRC 堆栈或 PNG</translation>
    </message>
    <message>
        <location filename="../app/gui/upscalecontroller.cpp" line="620"/>
        <source>Cannot tell the format from the name %1: use .mrcs, .gif or .png</source>
        <translation>无法从名称 %1 判断格式：请使用 .mrcs、.gif 或 .png</translation>
    </message>
</context>
<context>
    <name>UpscalePanel</name>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="74"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="88"/>
        <location filename="../widgets/upscalepanel.cpp" line="525"/>
        <source>Upscale</source>
        <translation>超分辨率放大</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="163"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="164"/>
        <source>Shift+drag on the image to select a region, or type it here.</source>
        <translation>在图像上 Shift+拖动以选择区域，或在此输入。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="171"/>
        <source>The region&apos;s x</source>
        <translation>区域的 x</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="172"/>
        <source>The region&apos;s y</source>
        <translation>区域的 y</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="173"/>
        <source>The region&apos;s width</source>
        <translation>区域的宽度</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="174"/>
        <source>The region&apos;s height</source>
        <translation>区域的高度</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="182"/>
        <source>x, y</source>
        <translation>x, y</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="183"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="197"/>
        <source>Sampling</source>
        <translation>采样</translation>
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
        <translation>DDPM 遵循训练链的每一步；DDIM 和 DPM-Solver++ 跳过步骤，达到同样质量所需的步数少得多（20–50）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="205"/>
        <source>Fast (%n steps)</source>
        <translation>
            <numerusform>快速（%n 步）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="208"/>
        <source>%n deterministic DDIM steps of the same network instead of the steps chosen here. On held-out simulations the denoise model&apos;s mean of 8 samples came as close to the clean image as with 50 steps, or closer (docs/models.md). Its uncertainty is calibrated for so few steps only where the model&apos;s card lists a scale for them. Untick to use the step count beside it.</source>
        <translation>
            <numerusform>用同一网络的 %n 步确定性 DDIM 代替此处选择的步数。在留出的模拟数据上，去噪模型 8 个样本的平均值与 50 步时一样接近干净图像，甚至更接近（docs/models.md）。只有当模型卡列出相应系数时，其不确定度才针对如此少的步数做过校准。取消勾选则使用旁边的步数。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="221"/>
        <source>DDIM&apos;s noise: 0 is deterministic, 1 behaves like DDPM.</source>
        <translation>DDIM 的噪声：0 为确定性，1 的行为与 DDPM 相同。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="227"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="234"/>
        <location filename="../widgets/upscalepanel.cpp" line="236"/>
        <source>Automatic</source>
        <translation>自动</translation>
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
        <translation>“自动”在具有 bf16 运算（AVX512-BF16）的 CPU 上为 bf16（精度相同，耗时为 0.6–0.8 倍），其他情况下为 fp32。bf16 和 fp16 可将一次运行所需的 GPU 内存减半；其结果与 fp32 仅有舍入差异。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="242"/>
        <location filename="../widgets/upscalepanel.cpp" line="367"/>
        <source>Model&apos;s default</source>
        <translation>模型默认</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="243"/>
        <source>Keep exactly, noise included</source>
        <translation>精确保留（含噪声）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="244"/>
        <source>Keep by signal-to-noise</source>
        <translation>按信噪比保留</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="245"/>
        <source>Let the model change it</source>
        <translation>允许模型修改</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="247"/>
        <source>How each step keeps the region&apos;s own frequencies. Exactly: only detail beyond its resolution is generated, and its noise stays. By signal-to-noise: each frequency is kept as far as the region itself shows signal there, so strong features stay as measured and noise is removed.</source>
        <translation>每一步如何保留区域自身的频率。精确：只生成超出其分辨率的细节，噪声保留。按信噪比：每个频率按区域本身在该处显示的信号程度保留，因此强结构保持测量值，噪声被去除。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="255"/>
        <source>Sampler</source>
        <translation>采样器</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="413"/>
        <source>Automatic (bf16 on this CPU)</source>
        <translation>自动（此 CPU 上为 bf16）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="413"/>
        <source>Automatic (fp32)</source>
        <translation>自动（fp32）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="553"/>
        <source>%1 holds no valid value (“%2”): correct it before upscaling.</source>
        <translation>%1 的值无效（“%2”）：请在放大前更正。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="251"/>
        <location filename="../widgets/upscalepanel.cpp" line="256"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="224"/>
        <source>Several samples give their mean and a per-pixel uncertainty map. They come in pairs whose second sample starts from the first one&apos;s noise negated, which brings their mean nearer the truth: prefer an even number.</source>
        <translation>多个样本给出其平均值和逐像素的不确定性图。样本成对生成：每对中的第二个样本从第一个样本取反的噪声开始，使其平均值更接近真实图像。请选择偶数。</translation>
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
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="254"/>
        <location filename="../widgets/upscalepanel.cpp" line="259"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="260"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="261"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="262"/>
        <source>Measured data</source>
        <translation>测量数据</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="315"/>
        <source>No region: Shift+drag on the image or type one.</source>
        <translation>无区域：在图像上 Shift+拖动或输入一个。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="319"/>
        <source>%1 × %2 px → %3 × %4 px</source>
        <translation>%1 × %2 px → %3 × %4 px</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="325"/>
        <source> (%1 × %2 Å, %3 Å/px out)</source>
        <translation> （%1 × %2 Å，输出 %3 Å/px）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="330"/>
        <source>; sides in steps of %1 px for this model</source>
        <translation>；此模型的边长以 %1 px 为步长</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="344"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="362"/>
        <source>keep exactly</source>
        <translation>精确保留</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="363"/>
        <source>by signal-to-noise</source>
        <translation>按信噪比</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="364"/>
        <source>let the model change it</source>
        <translation>允许模型修改</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="367"/>
        <source>Model&apos;s default (%1)</source>
        <translation>模型默认（%1）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="374"/>
        <source>No model found: put .cryosr files in your models folder.</source>
        <translation>未找到模型：请将 .cryosr 文件放入模型文件夹。</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="383"/>
        <source>CUDA (no GPU found)</source>
        <translation>CUDA（未找到 GPU）</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="383"/>
        <source>CUDA — %1</source>
        <translation>CUDA — %1</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="519"/>
        <source>About %1 on %2</source>
        <translation>在 %2 上约 %1</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="525"/>
        <source>Queue this region</source>
        <translation>将此区域加入队列</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="529"/>
        <source>%n region(s) waiting</source>
        <translation>
            <numerusform>%n 个区域等待中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="534"/>
        <source>Step %1 / %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="535"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../widgets/upscalepanel.cpp" line="536"/>
        <source>%1 steps/s, %2 left</source>
        <translation>%1 步/秒，剩余 %2</translation>
    </message>
</context>
<context>
    <name>UpscaleView</name>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="72"/>
        <source>Baseline: classical upscaling</source>
        <translation>基线：经典放大</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="73"/>
        <source>Diffusion</source>
        <translation>扩散</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="113"/>
        <source>Choose a region and press Upscale.</source>
        <translation>选择一个区域并按“放大”。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <location filename="../widgets/upscaleview.cpp" line="373"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Side by side with the baseline</source>
        <translation>与基线并排</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Split with the baseline</source>
        <translation>与基线分屏</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="124"/>
        <source>Difference from the baseline</source>
        <translation>与基线的差异</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="125"/>
        <source>The baseline is the region upscaled the classical way (Fourier padding or bicubic).</source>
        <translation>基线是用经典方法（傅里叶填充或双三次插值）放大的区域。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="128"/>
        <source>Where the baseline (left) gives way to the diffusion result (right).</source>
        <translation>基线（左）过渡到扩散结果（右）的位置。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="130"/>
        <source>Uncertainty</source>
        <translation>不确定度</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="133"/>
        <source>The per-pixel standard deviation of the samples over the result (cubehelix: brighter is less certain). Needs two samples or more.</source>
        <translation>叠加在结果上的样本逐像素标准差（cubehelix：越亮越不确定）。需要两个或更多样本。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="139"/>
        <source>Image&apos;s contrast</source>
        <translation>图像的对比度</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="143"/>
        <source>Show the baseline, the result and every step with the Image page&apos;s contrast (the Contrast panel), so that what changes is the image, not the stretch.</source>
        <translation>用图像页的对比度（对比度面板）显示基线、结果和每一步，使变化的是图像而不是拉伸。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="145"/>
        <source>Split:</source>
        <translation>分割：</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="152"/>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="182"/>
        <source>Play the reverse process (Space)</source>
        <translation>播放逆过程（空格键）</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="188"/>
        <source>Result: mean of 64 samples</source>
        <translation>结果：64 个样本的均值</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="192"/>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="194"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="198"/>
        <source>Predicted clean image x̂₀</source>
        <translation>预测的无噪声图像 x̂₀</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="199"/>
        <source>Noisy state xₜ</source>
        <translation>带噪声的状态 xₜ</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="201"/>
        <source>x̂₀ is the network&apos;s estimate of the final image at each step; xₜ is the sampler&apos;s state, noise turning into the image.</source>
        <translation>x̂₀ 是网络在每一步对最终图像的估计；xₜ 是采样器的状态，即逐渐变成图像的噪声。</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="373"/>
        <source>Result: mean of the samples</source>
        <translation>结果：样本的均值</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="379"/>
        <source>Step %1 / %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="381"/>
        <source>Step 0 / %1</source>
        <translation>第 0 / %1 步</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="392"/>
        <source>Shown − baseline (the image&apos;s values)</source>
        <translation>显示 − 基线（图像的数值）</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="401"/>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="401"/>
        <source>diffusion</source>
        <translation>扩散</translation>
    </message>
    <message>
        <location filename="../widgets/upscaleview.cpp" line="411"/>
        <source>Standard deviation of one sample (the image&apos;s values)</source>
        <translation>单个样本的标准差（图像的数值）</translation>
    </message>
</context>
<context>
    <name>UpscaleWorker</name>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="218"/>
        <source>Faithful upscale: keeps the measured data, noise included</source>
        <translation>忠实放大：保留测量数据（含噪声）</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="220"/>
        <source>Denoise and upscale</source>
        <translation>去噪并放大</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="239"/>
        <source>%1× upscaling, %2 M parameters, %3 training steps, %4 condition.
%5</source>
        <translation>%1× 放大，%2 M 参数，%3 训练步，%4 条件。
%5</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="243"/>
        <source>%1 + Wiener-filtered</source>
        <translation>%1 + 维纳滤波</translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="247"/>
        <source>Uncertainty calibrated on held-out simulations (spread × %1).</source>
        <translation>不确定度已在未参与训练的模拟数据上校准（离散度 × %1）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscaleworker.cpp" line="252"/>
        <source>For %n step(s) (half to twice as many): spread × %1.</source>
        <translation>
            <numerusform>用于 %n 步（其一半到两倍）：离散度 × %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/upscaleworker.cpp" line="254"/>
        <source>Cannot be used: %1</source>
        <translation>无法使用：%1</translation>
    </message>
</context>
</TS>
