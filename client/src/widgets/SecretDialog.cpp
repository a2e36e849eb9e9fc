#include "widgets/SecretDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr int ValueMargin = 40; // frame, text margins and cursor

} // namespace

SecretDialog::SecretDialog(const QString& title, const QString& explanation,
                           const QVector<QPair<QString, QString>>& rows, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("secretDialog"));
    setWindowTitle(title);
    // No fixed minimum width on the dialog: it would override the layout's, which keeps every
    // value wholly visible.
    auto* layout = new QVBoxLayout(this);
    auto* explanationLabel = new QLabel(explanation, this);
    explanationLabel->setObjectName(QStringLiteral("explanationLabel"));
    explanationLabel->setWordWrap(true);
    layout->addWidget(explanationLabel);

    auto* grid = new QGridLayout;
    int row = 0;
    for (const auto& [label, value] : rows) {
        auto* edit = new QLineEdit(value, this);
        edit->setObjectName(QStringLiteral("secretLineEdit%1").arg(row));
        edit->setReadOnly(true);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        // The whole value stays visible: secrets are compared by eye, never scrolled.
        edit->setMinimumWidth(QFontMetrics(edit->font()).horizontalAdvance(value) + ValueMargin);
        auto* copy = new QPushButton(tr("Copy"), this);
        copy->setObjectName(QStringLiteral("copyButton%1").arg(row));
        copy->setAutoDefault(false);
        connect(copy, &QPushButton::clicked, this, [value = value, copy]() {
            QApplication::clipboard()->setText(value);
            copy->setText(tr("Copied"));
        });
        grid->addWidget(new QLabel(label, this), row, 0);
        grid->addWidget(edit, row, 1);
        grid->addWidget(copy, row, 2);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
}

} // namespace citycode::client
