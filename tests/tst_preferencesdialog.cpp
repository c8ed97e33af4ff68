// File > Preferences as a user sees it: the system's language first (named), then every translation by
// its own name; the stored choice is selected when the dialog opens, and what the user picks comes back
// as a locale code (empty for "follow the system"); the microscope for the CTF fit is shown and edited.

#include "preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QTest>

class TestPreferencesDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsTheSystemLanguageFirstThenTheTranslations();
    void opensOnTheStoredChoice_data();
    void opensOnTheStoredChoice();
    void reportsWhatTheUserPicks();
    void microscopeIsShownAndEdited();

private:
    const QList<LanguageChoice> m_languages{{"en", "English"}, {"de", "Deutsch"}, {"ja", "日本語"}};
};

void TestPreferencesDialog::listsTheSystemLanguageFirstThenTheTranslations()
{
    PreferencesDialog dialog(m_languages, QString(), "Français (France)");
    auto* combo = dialog.findChild<QComboBox*>("language");
    QVERIFY(combo);
    QCOMPARE(combo->count(), 4);
    QVERIFY2(combo->itemText(0).contains("Français (France)"), qPrintable(combo->itemText(0)));
    QCOMPARE(combo->itemData(0).toString(), QString());
    QCOMPARE(combo->itemText(2), QString("Deutsch"));
    QCOMPARE(combo->itemData(3).toString(), QString("ja"));
}

void TestPreferencesDialog::opensOnTheStoredChoice_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<int>("index");
    QTest::newRow("system") << QString() << 0;
    QTest::newRow("German") << QString("de") << 2;
    QTest::newRow("Japanese") << QString("ja") << 3;
    // A language whose translation is gone (an older setting): the system's is shown, not a wrong one.
    QTest::newRow("no longer translated") << QString("fr") << 0;
}

void TestPreferencesDialog::opensOnTheStoredChoice()
{
    QFETCH(QString, stored);
    QFETCH(int, index);
    PreferencesDialog dialog(m_languages, stored, "English");
    QCOMPARE(dialog.findChild<QComboBox*>("language")->currentIndex(), index);
}

void TestPreferencesDialog::reportsWhatTheUserPicks()
{
    PreferencesDialog dialog(m_languages, "de", "English");
    auto* combo = dialog.findChild<QComboBox*>("language");
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down); // Deutsch → 日本語
    QCOMPARE(dialog.language(), QString("ja"));
    QTest::keyClick(combo, Qt::Key_Home);
    QCOMPARE(dialog.language(), QString());
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestPreferencesDialog::microscopeIsShownAndEdited()
{
    PreferencesDialog dialog(m_languages, QString(), "English");
    QCOMPARE(dialog.microscope(), Microscope{}); // 300 kV, 2.7 mm, 0.07 until the user says otherwise
    dialog.setMicroscope({200, 2.0, 0.1});
    auto* voltage = dialog.findChild<QDoubleSpinBox*>("voltage");
    QVERIFY(voltage);
    QCOMPARE(voltage->value(), 200.0);
    QCOMPARE(dialog.findChild<QDoubleSpinBox*>("sphericalAberration")->value(), 2.0);
    QCOMPARE(dialog.findChild<QDoubleSpinBox*>("amplitudeContrast")->value(), 0.1);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    voltage->setFocus();
    voltage->selectAll();
    QTest::keyClicks(voltage, "120");
    QTest::keyClick(voltage, Qt::Key_Tab);
    QCOMPARE(dialog.microscope(), (Microscope{120, 2.0, 0.1}));
    voltage->selectAll();
    QTest::keyClicks(voltage, "5000"); // beyond any microscope: the box keeps it in range
    QTest::keyClick(voltage, Qt::Key_Tab);
    QVERIFY(dialog.microscope().voltageKv <= 1000);
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
