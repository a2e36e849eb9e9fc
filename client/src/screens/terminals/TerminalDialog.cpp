#include "screens/terminals/TerminalDialog.h"

#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr int MaxPemBytes = 8192;
constexpr int KeyEditHeight = 120;
const QString PemBegin = QStringLiteral("-----BEGIN PUBLIC KEY-----");
const QString PemEnd = QStringLiteral("-----END PUBLIC KEY-----");

} // namespace

TerminalDialog::TerminalDialog(const QJsonObject& terminal, QWidget* parent)
    : FormDialog(terminal.isEmpty() ? tr("Register terminal") : tr("Edit terminal"), parent)
{
    setObjectName(QStringLiteral("terminalDialog"));
    setMinimumWidth(560);
    const bool creating = terminal.isEmpty();
    if (creating) {
        addLine(QStringLiteral("terminalCode"), tr("&Terminal ID:"), QString(), true, 64,
                QRegularExpression(QStringLiteral("^[A-Za-z0-9._-]+$")),
                tr("letters, digits, dot, underscore and hyphen only"));
    } else {
        addInfo(tr("Terminal ID:"), terminal.value(QLatin1String("terminalCode")).toString());
    }
    addLine(QStringLiteral("name"), tr("&Name:"), terminal.value(QLatin1String("name")).toString(), true, 100);
    addLine(QStringLiteral("location"), tr("&Location:"), terminal.value(QLatin1String("location")).toString(), false,
            200);
    m_keyEdit = addText(QStringLiteral("publicKeyPem"), tr("&Public key (PEM):"),
                        terminal.value(QLatin1String("publicKeyPem")).toString(), MaxPemBytes);
    m_keyEdit->setPlaceholderText(PemBegin);
    m_keyEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_keyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_keyEdit->setMinimumHeight(KeyEditHeight);
    auto* chooseButton = new QPushButton(tr("Read key from &file…"), this);
    chooseButton->setObjectName(QStringLiteral("chooseKeyButton"));
    connect(chooseButton, &QPushButton::clicked, this, &TerminalDialog::chooseKeyFile);
    if (auto* box = qobject_cast<QVBoxLayout*>(layout())) {
        box->insertWidget(1, chooseButton, 0, Qt::AlignRight);
    }
    addCheck([this, creating]() {
        const QString pem = m_keyEdit->toPlainText().trimmed();
        if (pem.isEmpty()) {
            return creating ? tr("The terminal's public key is required.") : QString();
        }
        if (!pem.startsWith(PemBegin) || !pem.endsWith(PemEnd)) {
            return tr("The public key must be PEM text from \"%1\" to \"%2\".").arg(PemBegin, PemEnd);
        }
        return QString();
    });
}

bool TerminalDialog::loadKeyFile(const QString& fileName, QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error != nullptr) {
            *error = tr("Cannot read %1: %2").arg(fileName, file.errorString());
        }
        return false;
    }
    const QString text = QString::fromUtf8(file.read(MaxPemBytes + 1)).trimmed();
    const qsizetype begin = text.indexOf(PemBegin);
    const qsizetype end = text.indexOf(PemEnd);
    if (text.size() > MaxPemBytes || begin < 0 || end < begin) {
        if (error != nullptr) {
            *error = tr("%1 holds no PEM public key.").arg(fileName);
        }
        return false;
    }
    m_keyEdit->setPlainText(text.mid(begin, end + PemEnd.size() - begin));
    return true;
}

void TerminalDialog::chooseKeyFile()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Terminal public key"), QString(),
                                                          tr("PEM files (*.pem *.pub *.txt);;All files (*)"));
    if (fileName.isEmpty()) {
        return;
    }
    QString error;
    if (!loadKeyFile(fileName, &error)) {
        showError(error);
    }
}

} // namespace citycode::client
