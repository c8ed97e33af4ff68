// The interface's translations (translations/*.ts): they hold exactly the strings of the sources as lupdate
// finds them, every one finished, with the source's placeholders, plural forms and menu accelerators; and the
// compiled-in .qm files change the running interface, Qt's own dialogs included.

#include "mainwindow.h"
#include "preferences.h"
#include "trainingservices.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

namespace {

const QString sourceDir = QStringLiteral(CRYOSR_SOURCE_DIR);

struct TsMessage {
    QString context;
    QString source;
    QString type; ///< "unfinished", "vanished", "obsolete" or empty for a finished translation
    bool numerus = false;
    QStringList forms; ///< the translation, or its plural forms
};

QList<TsMessage> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            TsMessage message{context, {}, {}, xml.attributes().value("numerus") == u"yes", {}};
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source") {
                    message.source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    message.type = xml.attributes().value("type").toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement())
                            message.forms << xml.readElementText();
                    } else {
                        message.forms << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << message;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QString describe(const TsMessage& message)
{
    return QStringLiteral("%1: \"%2\"").arg(message.context, message.source);
}

/// %1…%99 and %n: what QString::arg and tr's plural count fill in.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

/// A menu or label accelerator: '&' before a character (not "&&", not an HTML entity's '&').
int accelerators(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("&(?!&|[a-z]+;|\\s)"));
    return int(text.count(pattern));
}

void addLanguageRows()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("German") << "de" << 2;
    QTest::newRow("Japanese") << "ja" << 1;
    QTest::newRow("Simplified Chinese") << "zh_CN" << 1;
    QTest::newRow("English plurals") << "en" << 2;
}

QString tsFile(const QString& language)
{
    return sourceDir + QStringLiteral("/translations/cryosr_%1.ts").arg(language);
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void tsFilesHoldExactlyTheSourcesStrings_data() { addLanguageRows(); }
    void tsFilesHoldExactlyTheSourcesStrings();
    void everyTranslationIsFinishedAndKeepsItsPlaceholders_data() { addLanguageRows(); }
    void everyTranslationIsFinishedAndKeepsItsPlaceholders();
    void everyLanguageIsCompiledIn();
    void aChosenLanguageTranslatesTheWindow();
    void englishSaysOneStepAndTwoSteps();
    void aLanguageWithoutTranslationFallsBackToEnglish();
    void theSystemsLanguagesAreFollowedInOrder();
    void qtsOwnButtonsFollowTheLanguage();
    void preferencesStoreTheChosenLanguage();

private:
    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv("XDG_CONFIG_HOME", m_dir.filePath("config").toUtf8());
}

void TestTranslations::cleanup()
{
    installTranslations(QStringLiteral("en"));
}

void TestTranslations::tsFilesHoldExactlyTheSourcesStrings()
{
    // lupdate over a copy: what it would add is missing from the file, what it marks vanished is obsolete.
    QFETCH(QString, language);
    const QString copy = m_dir.filePath(QStringLiteral("cryosr_%1.ts").arg(language));
    QFile::remove(copy);
    QVERIFY(QFile::copy(tsFile(language), copy));
    QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QStringList arguments{"-silent"};
    if (language == "en")
        arguments << "-pluralonly";
    arguments << sourceDir + "/app/gui" << sourceDir + "/ui" << sourceDir + "/widgets"
              << "-ts" << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(CRYOSR_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QStringList missing, obsolete;
    for (const TsMessage& message : readTs(copy)) {
        if (message.type == u"unfinished")
            missing << describe(message);
        else if (message.type == u"vanished" || message.type == u"obsolete")
            obsolete << describe(message);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 strings of the sources are not in cryosr_%2.ts (run "
                                       "scripts/update-translations.sh and translate them):\n%3")
                            .arg(missing.size())
                            .arg(language, missing.join('\n'))));
    QVERIFY2(obsolete.isEmpty(),
             qPrintable(QStringLiteral("cryosr_%1.ts holds %2 strings the sources no longer "
                                       "have:\n%3")
                            .arg(language)
                            .arg(obsolete.size())
                            .arg(obsolete.join('\n'))));
}

void TestTranslations::everyTranslationIsFinishedAndKeepsItsPlaceholders()
{
    QFETCH(QString, language);
    QFETCH(int, pluralForms);
    const QList<TsMessage> messages = readTs(tsFile(language));
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const TsMessage& message : messages) {
        if (!message.type.isEmpty())
            problems << describe(message) + " is " + message.type;
        if (message.numerus && message.forms.size() != pluralForms)
            problems << describe(message)
                    + QStringLiteral(" has %1 plural forms, not %2").arg(message.forms.size()).arg(pluralForms);
        for (const QString& form : message.forms) {
            if (form.trimmed().isEmpty())
                problems << describe(message) + " is empty";
            else if (placeholders(form) != placeholders(message.source))
                problems << describe(message) + " → \"" + form + "\" changes the placeholders";
            else if (accelerators(form) != accelerators(message.source))
                problems << describe(message) + " → \"" + form + "\" changes the & accelerators";
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
}

void TestTranslations::everyLanguageIsCompiledIn()
{
    const QList<LanguageChoice> languages = translatedLanguages();
    QStringList codes;
    for (const LanguageChoice& language : languages)
        codes << language.code;
    QCOMPARE(codes, (QStringList{"en", "de", "ja", "zh_CN"}));
    QCOMPARE(languages[1].name, QString("Deutsch"));
    QCOMPARE(languages[2].name, QString("日本語"));
    QCOMPARE(languages[3].name, QString("简体中文"));
}

void TestTranslations::aChosenLanguageTranslatesTheWindow()
{
    QCOMPARE(installTranslations("de"), QString("de"));
    {
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QString("&Datei"));
        QCOMPARE(window.menuBar()->actions().last()->text(), QString("&Hilfe"));
    }
    // Names kept untranslated in a table until shown (QT_TRANSLATE_NOOP) are translated when shown.
    QCOMPARE(trainingPresets().first().name, QString("Winzig (Tests, schnelle Versuche)"));

    QCOMPARE(installTranslations("ja"), QString("ja"));
    MainWindow window;
    QCOMPARE(window.menuBar()->actions().first()->text(), QString("ファイル(&F)"));
    QCOMPARE(trainingPresets().first().name, QString("極小（テスト、簡単な確認用）"));
}

void TestTranslations::englishSaysOneStepAndTwoSteps()
{
    QCOMPARE(installTranslations("en"), QString("en"));
    const auto cancelled = [](int steps) {
        return QCoreApplication::translate("UpscaleController", "Cancelled after %n step(s).", nullptr, steps);
    };
    QCOMPARE(cancelled(1), QString("Cancelled after 1 step."));
    QCOMPARE(cancelled(20), QString("Cancelled after 20 steps."));
}

void TestTranslations::aLanguageWithoutTranslationFallsBackToEnglish()
{
    QCOMPARE(installTranslations("fr"), QString("en"));
    QCOMPARE(QCoreApplication::translate("UpscalePanel", "%n region(s) waiting", nullptr, 1), QString("1 region waiting"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QString("&File"));
}

void TestTranslations::theSystemsLanguagesAreFollowedInOrder()
{
    // main() below set LANG=fr_FR and LANGUAGE=fr:ja before Qt read them: no French translation, so the
    // user's next language.
    QCOMPARE(QLocale::system().name(), QString("fr_FR"));
    QCOMPARE(installTranslations(QString()), QString("ja"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QString("ファイル(&F)"));
    // Qt's own buttons in the same language, not in the system's first one (French).
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_ja.qm")) {
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QCoreApplication::translate("QPlatformTheme", "Cancel"));
        QVERIFY2(!buttons.button(QDialogButtonBox::Cancel)->text().contains("Annuler"),
                 qPrintable(buttons.button(QDialogButtonBox::Cancel)->text()));
    }
}

void TestTranslations::qtsOwnButtonsFollowTheLanguage()
{
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_de.qm"))
        QSKIP("Qt's own translations are not installed (Debian: qt6-translations-l10n)");
    installTranslations("de");
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove('&'), QString("Abbrechen"));
}

void TestTranslations::preferencesStoreTheChosenLanguage()
{
    QCOMPARE(storedLanguage(), QString());
    MainWindow window;
    QSignalSpy requested(&window, &MainWindow::preferencesRequested);
    auto* action = window.findChild<QAction*>("actionPreferences");
    QVERIFY(action);
    action->trigger();
    QCOMPARE(requested.size(), 1);

    // The dialog is modal: pick 日本語 and press OK once it is up, then open it again and cancel.
    const auto answer = [](const QString& code, QDialogButtonBox::StandardButton button) {
        QTimer::singleShot(0, [code, button] {
            auto* dialog = qobject_cast<PreferencesDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* combo = dialog->findChild<QComboBox*>("language");
            combo->setCurrentIndex(combo->findData(code));
            dialog->findChild<QDialogButtonBox*>()->button(button)->click();
        });
    };
    answer("ja", QDialogButtonBox::Ok);
    showPreferences(&window);
    QCOMPARE(storedLanguage(), QString("ja"));
    answer("de", QDialogButtonBox::Cancel);
    showPreferences(&window);
    QCOMPARE(storedLanguage(), QString("ja"));
    answer(QString(), QDialogButtonBox::Ok); // back to the system's language: the setting is removed
    showPreferences(&window);
    QCOMPARE(storedLanguage(), QString());
}

int main(int argc, char** argv)
{
    // The system's language as a desktop session sets it; Qt reads these once, when it first needs a locale.
    qputenv("LC_ALL", "");
    qputenv("LC_MESSAGES", "");
    qputenv("LANG", "fr_FR.UTF-8");
    qputenv("LANGUAGE", "fr:ja");
    QApplication application(argc, argv);
    TestTranslations test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_translations.moc"
