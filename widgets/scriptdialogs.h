#pragma once
// The two dialogs of cluster runs: the batch script to submit by hand where there is no Slurm here,
// and the editor of the template every "Run on a Cluster" fills in.

#include <QDialog>

class QPlainTextEdit;

/// Shows `text` (saved as `file`) read-only, with Copy and Close.
class ClusterScriptDialog : public QDialog {
    Q_OBJECT
public:
    ClusterScriptDialog(const QString& file, const QString& text, QWidget* parent = nullptr);
};

/// Edits a script template; Restore Defaults puts `defaults` back.
class ScriptTemplateDialog : public QDialog {
    Q_OBJECT
public:
    ScriptTemplateDialog(const QString& text, const QString& defaults, QWidget* parent = nullptr);
    QString text() const;

private:
    QPlainTextEdit* m_edit;
};
