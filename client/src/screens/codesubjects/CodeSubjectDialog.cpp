#include "screens/codesubjects/CodeSubjectDialog.h"

#include "models/CodeEngineText.h"
#include "models/DisplayText.h"

#include <QComboBox>

namespace citycode::client {

namespace {

// The limits of CodeSubjectService on the server.
constexpr int MaxName = 100;
constexpr int MaxIdentifier = 64;
constexpr int MaxAddress = 200;
constexpr int MaxDescription = 500;

} // namespace

CodeSubjectDialog::CodeSubjectDialog(const QJsonObject& subject, QWidget* parent)
    : FormDialog(subject.isEmpty() ? tr("New code subject") : tr("Edit code subject"), parent)
{
    setObjectName(QStringLiteral("codeSubjectDialog"));
    QVector<QPair<QVariant, QString>> types;
    for (const auto& [value, text] :
         CodeEngineText::choices(CodeEngineText::codeSubjectTypes(), &CodeEngineText::subjectType)) {
        types.append({value, text});
    }
    addChoice(QStringLiteral("subjectType"), tr("&Type:"), types,
              subject.value(QLatin1String("subjectType")).toString(QStringLiteral("enterprise")));
    addLine(QStringLiteral("name"), tr("&Name:"), subject.value(QLatin1String("name")).toString(), true, MaxName);
    addLine(QStringLiteral("identifier"), tr("&Identifier:"), subject.value(QLatin1String("identifier")).toString(),
            true, MaxIdentifier);
    QVector<QPair<QVariant, QString>> categories{{QVariant(), tr("(none)")}};
    const QJsonValue categoryId = subject.value(QLatin1String("categoryId"));
    if (categoryId.isDouble()) {
        categories.append({categoryId.toInteger(), subject.value(QLatin1String("categoryName")).toString()});
    }
    m_categoryComboBox = addChoice(QStringLiteral("categoryId"), tr("&Category:"), categories,
                                   categoryId.isDouble() ? QVariant(categoryId.toInteger()) : QVariant());
    addLine(QStringLiteral("address"), tr("&Address:"), subject.value(QLatin1String("address")).toString(), false,
            MaxAddress);
    addText(QStringLiteral("description"), tr("&Description:"), subject.value(QLatin1String("description")).toString(),
            MaxDescription);
    addChoice(QStringLiteral("status"), tr("&Status:"),
              {{QStringLiteral("enabled"), DisplayText::status(QStringLiteral("enabled"))},
               {QStringLiteral("disabled"), DisplayText::status(QStringLiteral("disabled"))}},
              subject.value(QLatin1String("status")).toString(QStringLiteral("enabled")));
}

void CodeSubjectDialog::setCategories(const QVector<QPair<qint64, QString>>& categories)
{
    const QVariant current = m_categoryComboBox->currentData();
    const QString currentText = m_categoryComboBox->currentText();
    m_categoryComboBox->clear();
    m_categoryComboBox->addItem(tr("(none)"));
    bool listed = false;
    for (const auto& [id, name] : categories) {
        m_categoryComboBox->addItem(name, id);
        listed = listed || (current.isValid() && current.toLongLong() == id);
    }
    if (current.isValid() && !listed) {
        // A disabled category still shows as the subject's own.
        m_categoryComboBox->addItem(currentText, current);
    }
    m_categoryComboBox->setCurrentIndex(current.isValid() ? m_categoryComboBox->findData(current) : 0);
}

} // namespace citycode::client
