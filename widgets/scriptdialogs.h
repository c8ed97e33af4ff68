#pragma once
// The editor of the Slurm script template every "Run on a Cluster" fills in.

#include <QDialog>

class QPlainTextEdit;

/// Edits a script template; Restore Defaults puts `defaults` back.
class ScriptTemplateDialog : public QDialog {
    Q_OBJECT
public:
    ScriptTemplateDialog(const QString& text, const QString& defaults, QWidget* parent = nullptr);
    QString text() const;

private:
    QPlainTextEdit* m_edit;
};
