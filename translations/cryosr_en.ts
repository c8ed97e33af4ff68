<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>GalleryView</name>
    <message numerus="yes">
        <location filename="../widgets/galleryview.cpp" line="62"/>
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelInstaller</name>
    <message numerus="yes">
        <location filename="../app/gui/modelinstaller.cpp" line="119"/>
        <source>%n training file(s), %1 validation; %2</source>
        <translation>
            <numerusform>%n training file, %1 validation; %2</numerusform>
            <numerusform>%n training files, %1 validation; %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <location filename="../app/gui/modelinstaller.cpp" line="41"/>
        <source> on %n validation file(s) (%1)</source>
        <translation>
            <numerusform> on %n validation file (%1)</numerusform>
            <numerusform> on %n validation files (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscaleworker.cpp" line="94"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingDataPage</name>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="290"/>
        <source>%n file(s) cannot be read; remove them: %1</source>
        <translation>
            <numerusform>%n file cannot be read; remove it: %1</numerusform>
            <numerusform>%n files cannot be read; remove them: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="293"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingTaskPage</name>
    <message numerus="yes">
        <location filename="../widgets/trainingwizardpages.cpp" line="459"/>
        <source>Simulated pairs need NAME.clean.EXT beside each file (from `cryosr-cli simulate --clean`); %n file(s) have none: %1</source>
        <translation>
            <numerusform>Simulated pairs need NAME.clean.EXT beside each file (from `cryosr-cli simulate --clean`); %n file has none: %1</numerusform>
            <numerusform>Simulated pairs need NAME.clean.EXT beside each file (from `cryosr-cli simulate --clean`); %n files have none: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpscaleController</name>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="262"/>
        <source>Cancelled after %n step(s).</source>
        <translation>
            <numerusform>Cancelled after %n step.</numerusform>
            <numerusform>Cancelled after %n steps.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="403"/>
        <source>%1 · x %2 y %3, %4 × %5 px · %6, %7 steps, %n sample(s), seed %8</source>
        <translation>
            <numerusform>%1 · x %2 y %3, %4 × %5 px · %6, %7 steps, %n sample, seed %8</numerusform>
            <numerusform>%1 · x %2 y %3, %4 × %5 px · %6, %7 steps, %n samples, seed %8</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="523"/>
        <source>Finished: %n step(s) in %1 s on %2.</source>
        <translation>
            <numerusform>Finished: %n step in %1 s on %2.</numerusform>
            <numerusform>Finished: %n steps in %1 s on %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/upscalecontroller.cpp" line="625"/>
        <source>Exporting %n frame(s)</source>
        <translation>
            <numerusform>Exporting %n frame</numerusform>
            <numerusform>Exporting %n frames</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpscalePanel</name>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="205"/>
        <source>Fast (%n steps)</source>
        <translation>
            <numerusform>Fast (%n step)</numerusform>
            <numerusform>Fast (%n steps)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="208"/>
        <source>%n deterministic DDIM steps of the same network instead of the steps chosen here. On held-out simulations the denoise model&apos;s mean of 8 samples came as close to the clean image as with 50 steps, or closer (docs/models.md). Its uncertainty is calibrated for so few steps only where the model&apos;s card lists a scale for them. Untick to use the step count beside it.</source>
        <translation>
            <numerusform>%n deterministic DDIM step of the same network instead of the steps chosen here. On held-out simulations the denoise model&apos;s mean of 8 samples came as close to the clean image as with 50 steps, or closer (docs/models.md). Its uncertainty is calibrated for so few steps only where the model&apos;s card lists a scale for them. Untick to use the step count beside it.</numerusform>
            <numerusform>%n deterministic DDIM steps of the same network instead of the steps chosen here. On held-out simulations the denoise model&apos;s mean of 8 samples came as close to the clean image as with 50 steps, or closer (docs/models.md). Its uncertainty is calibrated for so few steps only where the model&apos;s card lists a scale for them. Untick to use the step count beside it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/upscalepanel.cpp" line="529"/>
        <source>%n region(s) waiting</source>
        <translation>
            <numerusform>%n region waiting</numerusform>
            <numerusform>%n regions waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpscaleWorker</name>
    <message numerus="yes">
        <location filename="../app/gui/upscaleworker.cpp" line="252"/>
        <source>For %n step(s) (half to twice as many): spread × %1.</source>
        <translation>
            <numerusform>For %n step (half to twice as many): spread × %1.</numerusform>
            <numerusform>For %n steps (half to twice as many): spread × %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
