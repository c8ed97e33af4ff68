// Script templates (engine/io/scripttemplate), shared by the GUI's training batch script and
// cryosr-cli's upscale job array: what a shell reads comes back as the exact text, placeholders are filled
// everywhere and once.

#include "io/scripttemplate.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

class TestScriptTemplate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quotedTextReachesTheShellUnchanged_data();
    void quotedTextReachesTheShellUnchanged();
    void placeholdersAreFilledEverywhereOnce();
};

void TestScriptTemplate::quotedTextReachesTheShellUnchanged_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << "/data/run 1";
    QTest::newRow("quote") << "it's a 'test'";
    QTest::newRow("shell syntax") << "$(rm -rf ~); `id` && echo \"$HOME\" > x | y * ?";
    QTest::newRow("empty") << "";
    QTest::newRow("unicode") << "Ångström/データ";
}

void TestScriptTemplate::quotedTextReachesTheShellUnchanged()
{
    QFETCH(QString, text);
    if (QStandardPaths::findExecutable("sh").isEmpty())
        QSKIP("no POSIX shell");
    QProcess shell;
    shell.start("sh", {"-c", QString::fromStdString("printf '%s' " + cryosr::shellQuoted(text.toStdString()))});
    QVERIFY(shell.waitForFinished(10000));
    QCOMPARE(shell.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()), text);
}

void TestScriptTemplate::placeholdersAreFilledEverywhereOnce()
{
    std::string text = "#SBATCH -J {{NAME}}\ncd {{DIR}}\necho {{NAME}} {{UNKNOWN}}";
    cryosr::fillPlaceholder(text, "NAME", "run{{NAME}}");
    cryosr::fillPlaceholder(text, "DIR", cryosr::shellQuoted("/a b"));
    QCOMPARE(QString::fromStdString(text), QString("#SBATCH -J run{{NAME}}\ncd '/a b'\necho run{{NAME}} {{UNKNOWN}}"));
}

QTEST_GUILESS_MAIN(TestScriptTemplate)
#include "tst_scripttemplate.moc"
