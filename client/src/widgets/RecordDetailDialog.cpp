#include "widgets/RecordDetailDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr int MinimumDetailWidth = 480;

} // namespace

RecordDetailDialog::RecordDetailDialog(const QString& title, const QVector<QPair<QString, QString>>& rows,
                                       QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("recordDetailDialog"));
    setWindowTitle(title);
    setMinimumWidth(MinimumDetailWidth);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto& [label, value] : rows) {
        auto* valueLabel = new QLabel(value, this);
        valueLabel->setTextFormat(Qt::PlainText);
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        valueLabel->setWordWrap(true);
        form->addRow(label, valueLabel);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
}

} // namespace citycode::client
