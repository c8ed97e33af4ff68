#include "scriptdialogs.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ClusterScriptDialog::ClusterScriptDialog(const QString& file, const QString& text, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Run on a Cluster"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("sbatch is not available on this computer. Submit this script on the cluster "
                               "(it is saved as %1): CryoSR follows the run's log from its folder.")
                                .arg(file),
                            this);
    note->setWordWrap(true);
    note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* edit = new QPlainTextEdit(text, this);
    edit->setObjectName("script");
    edit->setReadOnly(true);
    edit->setMinimumSize(640, 420);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, edit, [edit] {
        edit->selectAll();
        edit->copy();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(note);
    layout->addWidget(edit);
    layout->addWidget(buttons);
}

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
