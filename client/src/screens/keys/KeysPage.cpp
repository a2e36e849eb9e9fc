#include "screens/keys/KeysPage.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "models/CodeEngineText.h"
#include "models/KeyModel.h"
#include "screens/keys/RotateKeyDialog.h"
#include "widgets/FilterBar.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace citycode::client {

namespace {

constexpr int DefaultOverlapSeconds = 3600;

} // namespace

const QString KeysPage::Path = QStringLiteral("/admin/v1/keys");

KeysPage::KeysPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Code keys"), Path, new KeyModel, parent)
{
    setObjectName(QStringLiteral("keysPage"));
    FilterBar* filters = filterBar();
    filters->addChoice(QStringLiteral("purpose"), tr("Purpose:"),
                       {{QStringLiteral("sign"), CodeEngineText::keyPurpose(QStringLiteral("sign"))},
                        {QStringLiteral("mac"), CodeEngineText::keyPurpose(QStringLiteral("mac"))},
                        {QStringLiteral("anchor"), CodeEngineText::keyPurpose(QStringLiteral("anchor"))}});
    filters->addChoice(QStringLiteral("status"), tr("Status:"),
                       {{QStringLiteral("current"), CodeEngineText::keyStatus(QStringLiteral("current"))},
                        {QStringLiteral("retired"), CodeEngineText::keyStatus(QStringLiteral("retired"))}});
    if (session() != nullptr && session()->isMainPlatform()) {
        filters->addText(QStringLiteral("platformId"), tr("Platform ID:"), true);
    }
    addAction(QStringLiteral("rotateButton"), tr("&Rotate…"), QStringLiteral("code:key:rotate"), Needs::Nothing,
              [this]() { rotate(); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
}

void KeysPage::rotate()
{
    // The overlap defaults to the system setting; the main platform chooses the platform.
    const auto open = [this](const QVector<QPair<QVariant, QString>>& platforms, int overlap) {
        auto* dialog = new RotateKeyDialog(platforms, overlap, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setSubmit([this, dialog](const QJsonObject&) {
            api()->post(
                Path + QStringLiteral("/rotate"), dialog->body(), dialog, [this, dialog](const ApiReply& reply) {
                    if (reply.error.isError()) {
                        dialog->showError(reply.error.toString());
                        return;
                    }
                    dialog->succeed();
                    reload();
                    showMessage(
                        tr("Key %2 (%1) is now current; the old one verifies until its overlap ends.")
                            .arg(CodeEngineText::keyPurpose(reply.json.value(QLatin1String("purpose")).toString()),
                                 reply.json.value(QLatin1String("keyId")).toString()));
                });
        });
        dialog->open();
    };
    const bool main = session() != nullptr && session()->isMainPlatform();
    const bool readsSettings = main && session()->can(QStringLiteral("system:setting:list"));
    if (!main) {
        open({}, DefaultOverlapSeconds);
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("100"));
    api()->get(QStringLiteral("/admin/v1/platforms"), query, this, [this, open, readsSettings](const ApiReply& reply) {
        QVector<QPair<QVariant, QString>> platforms;
        for (const QJsonValue& value : reply.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject platform = value.toObject();
            platforms.append(
                {platform.value(QLatin1String("id")).toInteger(), platform.value(QLatin1String("name")).toString()});
        }
        if (!readsSettings) {
            open(platforms, DefaultOverlapSeconds);
            return;
        }
        api()->get(QStringLiteral("/admin/v1/settings"), {}, this, [open, platforms](const ApiReply& settings) {
            const int overlap =
                settings.error.isError()
                    ? DefaultOverlapSeconds
                    : settings.json.value(QLatin1String("keyOverlapSeconds")).toInt(DefaultOverlapSeconds);
            open(platforms, overlap);
        });
    });
}

} // namespace citycode::client
