#pragma once

#include "widgets/FormDialog.h"

class QPlainTextEdit;

namespace citycode::client {

// Register or edit a scanner terminal (002 §5.3.1.3): its terminal id, name, location and the
// public key (PEM, SM2 or P-256) it signs its requests with, read from a file.
class TerminalDialog : public FormDialog
{
    Q_OBJECT

public:
    // An empty `terminal` registers one.
    explicit TerminalDialog(const QJsonObject& terminal, QWidget* parent = nullptr);

    // Reads the PEM file into the key field; false with `error` if it holds no public key.
    bool loadKeyFile(const QString& fileName, QString* error = nullptr);

private:
    void chooseKeyFile();

    QPlainTextEdit* m_keyEdit = nullptr;
};

} // namespace citycode::client
