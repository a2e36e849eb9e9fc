#include "screens/apps/AppDialog.h"

namespace citycode::client {

namespace {

// AppService's limits.
constexpr int NameLength = 100;
constexpr int OrganisationLength = 200;
constexpr int DescriptionLength = 2000;

} // namespace

AppDialog::AppDialog(const QJsonObject& app, const QVector<QPair<QVariant, QString>>& industries, QWidget* parent)
    : FormDialog(app.isEmpty() ? tr("New app") : tr("Edit app"), parent)
{
    setObjectName(QStringLiteral("appDialog"));
    addLine(QStringLiteral("name"), tr("&Name:"), app.value(QLatin1String("name")).toString(), true, NameLength);
    addLine(QStringLiteral("organisation"), tr("&Organisation:"), app.value(QLatin1String("organisation")).toString(),
            false, OrganisationLength);
    QVector<QPair<QVariant, QString>> choices{{QVariant(), tr("(none)")}};
    choices += industries;
    const QJsonValue industry = app.value(QLatin1String("industryId"));
    addChoice(QStringLiteral("industryId"), tr("&Industry:"), choices,
              industry.isDouble() ? QVariant(industry.toInteger()) : QVariant());
    addText(QStringLiteral("description"), tr("&Description:"), app.value(QLatin1String("description")).toString(),
            DescriptionLength);
    if (app.isEmpty()) {
        addLine(QStringLiteral("developerName"), tr("De&veloper:"), QString(), true, NameLength);
    }
}

} // namespace citycode::client
