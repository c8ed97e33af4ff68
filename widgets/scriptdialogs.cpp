#include "scriptdialogs.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ScriptTemplateDialog::ScriptTemplateDialog(const QString& text, const QString& defaults, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Cluster Script Template"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("The Slurm batch script each \"Run on a Cluster\" writes. {{JOB_NAME}}, {{RUN_DIR}}, "
                               "{{CRYOSR_CLI}} and {{CONFIG_JSON}} are filled in for each run."),
                            this);
    note->setWordWrap(true);
    m_edit = new QPlainTextEdit(text, this);
    m_edit->setObjectName("template");
    m_edit->setFont(QFont("monospace"));
    m_edit->setMinimumSize(700, 480);
    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, m_edit,
            [this, defaults] { m_edit->setPlainText(defaults); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(note);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
}

QString ScriptTemplateDialog::text() const
{
    return m_edit->toPlainText();
}
