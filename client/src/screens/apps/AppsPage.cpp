#include "screens/apps/AppsPage.h"

#include "api/ApiClient.h"
#include "app/ReferenceCache.h"
#include "app/Session.h"
#include "models/AppModel.h"
#include "models/DisplayText.h"
#include "screens/apps/AppDialog.h"
#include "widgets/FilterBar.h"
#include "widgets/RecordDetailDialog.h"
#include "widgets/SecretDialog.h"

#include <QComboBox>
#include <QJsonArray>

namespace citycode::client {

namespace {

const QString AppsPath = QStringLiteral("/admin/v1/apps");
const QString ChoicesPageSize = QStringLiteral("100");

} // namespace

AppsPage::AppsPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Apps"), AppsPath, new AppModel, parent)
{
    setObjectName(QStringLiteral("appsPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    filters->addText(QStringLiteral("id"), tr("ID:"), true);
    filters->addEnabledStatus();
    if (session() != nullptr && session()->isMainPlatform()) {
        filters->addChoice(QStringLiteral("platformId"), tr("Platform:"), {});
    }
    filters->addChoice(QStringLiteral("industryId"), tr("Industry:"), {});

    addAction(QStringLiteral("newButton"), tr("&New app…"), QStringLiteral("base:app:add"), Needs::Nothing,
              [this]() { openDialog(QJsonObject()); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("base:app:edit"), Needs::One,
              [this]() { openDialog(selectedRecord()); });
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    addAction(QStringLiteral("enableButton"), tr("E&nable"), QStringLiteral("base:app:status"), Needs::Some,
              [this]() { runOnSelection(QStringLiteral("POST"), AppsPath + QStringLiteral("/%1/enable"), {}, {}); });
    addAction(QStringLiteral("disableButton"), tr("D&isable"), QStringLiteral("base:app:status"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("POST"), AppsPath + QStringLiteral("/%1/disable"),
                                 tr("Disable the selected apps? They can no longer issue or verify codes."), {});
              });
    addAction(QStringLiteral("rotateSecretButton"), tr("&Rotate secret…"), QStringLiteral("base:developer:secret"),
              Needs::One, [this]() { rotateSecret(); });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("base:app:delete"), Needs::Some, [this]() {
        runOnSelection(QStringLiteral("DELETE"), AppsPath + QStringLiteral("/%1"),
                       tr("Delete the selected apps with their developers and services? Only disabled "
                          "apps can be deleted. This cannot be undone."),
                       {});
    });
}

void AppsPage::reload()
{
    // The platform and industry choices are fetched once (and again after signing in anew).
    if (!m_choicesLoaded) {
        m_choicesLoaded = true;
        loadChoices();
    }
    ListPage::reload();
}

void AppsPage::loadChoices()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pageSize"), ChoicesPageSize);
    if (session() != nullptr && session()->isMainPlatform()) {
        api()->get(QStringLiteral("/admin/v1/platforms"), query, this, [this](const ApiReply& reply) {
            QVector<QPair<QString, QString>> items;
            for (const QJsonValue& item : reply.json.value(QLatin1String("items")).toArray()) {
                const QJsonObject platform = item.toObject();
                items.append({QString::number(platform.value(QLatin1String("id")).toInteger()),
                              platform.value(QLatin1String("name")).toString()});
            }
            filterBar()->setChoices(QStringLiteral("platformId"), items);
        });
    }
    if (canListIndustries()) {
        // From the shared cache at once, again whenever a fresh list arrives.
        const auto showIndustries = [this]() {
            QVector<QPair<QString, QString>> items;
            for (const auto& [id, name] : referenceData()->choices(ReferenceCache::Kind::Industries)) {
                items.append({id.toString(), name});
            }
            filterBar()->setChoices(QStringLiteral("industryId"), items);
        };
        connect(referenceData(), &ReferenceCache::updated, this, [showIndustries](ReferenceCache::Kind kind) {
            if (kind == ReferenceCache::Kind::Industries) {
                showIndustries();
            }
        });
        showIndustries();
    }
}

bool AppsPage::canListIndustries() const
{
    return session() != nullptr && session()->can(QStringLiteral("base:industry:list"));
}

void AppsPage::openDialog(const QJsonObject& app)
{
    const bool creating = app.isEmpty();
    const qint64 id = app.value(QLatin1String("id")).toInteger();
    const QJsonValue industryId = app.value(QLatin1String("industryId"));
    QVector<QPair<QVariant, QString>> industries;
    if (canListIndustries()) {
        industries = referenceData()->choices(ReferenceCache::Kind::Industries,
                                              industryId.isDouble() ? QVariant(industryId.toInteger()) : QVariant());
    } else if (industryId.isDouble()) {
        industries.append({QVariant(industryId.toInteger()), app.value(QLatin1String("industryName")).toString()});
    }
    auto* dialog = new AppDialog(app, industries, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (canListIndustries()) {
        referenceData()->bindChoices(dialog->findChild<QComboBox*>(QStringLiteral("industryIdComboBox")),
                                     ReferenceCache::Kind::Industries);
    }
    dialog->setSubmit([this, dialog, creating, id](const QJsonObject& values) {
        const auto answered = [this, dialog, creating](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            reload();
            if (!creating) {
                showMessage(tr("App saved."));
                return;
            }
            const QJsonObject created = reply.json.value(QLatin1String("app")).toObject();
            showMessage(tr("App \"%1\" created.").arg(created.value(QLatin1String("name")).toString()));
            auto* secret = new SecretDialog(
                tr("Credentials of %1").arg(created.value(QLatin1String("name")).toString()),
                tr("The app signs its requests with this AppSecret. It is shown only now; store it safely. "
                   "If it is lost, rotate it."),
                {{tr("AppCode:"), created.value(QLatin1String("appCode")).toString()},
                 {tr("AppSecret:"), reply.json.value(QLatin1String("appSecret")).toString()}},
                this);
            secret->setAttribute(Qt::WA_DeleteOnClose);
            secret->open();
        };
        if (creating) {
            api()->post(AppsPath, values, dialog, answered);
        } else {
            api()->put(AppsPath + QStringLiteral("/%1").arg(id), values, dialog, answered);
        }
    });
    dialog->open();
}

void AppsPage::rotateSecret()
{
    const QJsonObject app = selectedRecord();
    const QString name = app.value(QLatin1String("name")).toString();
    if (!confirm(tr("Rotate the AppSecret of \"%1\"? The current secret stops working at once.").arg(name))) {
        return;
    }
    // The developer's id comes with the app's detail.
    api()->get(
        AppsPath + QStringLiteral("/%1").arg(app.value(QLatin1String("id")).toInteger()), {}, this,
        [this, name](const ApiReply& reply) {
            if (reply.error.isError()) {
                showError(reply.error);
                return;
            }
            const QJsonObject developer = reply.json.value(QLatin1String("developer")).toObject();
            const QString path =
                QStringLiteral("/admin/v1/developers/%1/secret").arg(developer.value(QLatin1String("id")).toInteger());
            api()->post(path, QJsonObject(), this, [this, name, app = reply.json](const ApiReply& rotated) {
                if (rotated.error.isError()) {
                    showError(rotated.error);
                    return;
                }
                showMessage(tr("The AppSecret of \"%1\" was rotated.").arg(name));
                auto* secret =
                    new SecretDialog(tr("New AppSecret of %1").arg(name),
                                     tr("The previous secret no longer works. This one is shown only now."),
                                     {{tr("AppCode:"), app.value(QLatin1String("appCode")).toString()},
                                      {tr("AppSecret:"), rotated.json.value(QLatin1String("appSecret")).toString()}},
                                     this);
                secret->setAttribute(Qt::WA_DeleteOnClose);
                secret->open();
            });
        });
}

void AppsPage::showDetail(const QJsonObject& record)
{
    api()->get(
        AppsPath + QStringLiteral("/%1").arg(record.value(QLatin1String("id")).toInteger()), {}, this,
        [this](const ApiReply& reply) {
            if (reply.error.isError()) {
                showError(reply.error);
                return;
            }
            const QJsonObject app = reply.json;
            QVector<QPair<QString, QString>> rows;
            for (int column = 0; column < model()->columnCount(); ++column) {
                rows.append({model()->columnTitle(column), model()->displayText(app, column)});
            }
            rows.append({tr("Description"), app.value(QLatin1String("description")).toString()});
            const QJsonObject developer = app.value(QLatin1String("developer")).toObject();
            rows.append({tr("Developer"), tr("%1 (number %2)")
                                              .arg(developer.value(QLatin1String("name")).toString(),
                                                   developer.value(QLatin1String("number")).toString())});
            rows.append({tr("Secret changed"),
                         DisplayText::time(developer.value(QLatin1String("secretRotatedAt")).toString())});
            QStringList rules;
            for (const QJsonValue& rule : app.value(QLatin1String("codeRules")).toArray()) {
                rules.append(rule.toObject().value(QLatin1String("name")).toString());
            }
            rows.append({tr("Linked code rules"), rules.isEmpty() ? tr("(none)") : rules.join(QLatin1String(", "))});
            auto* dialog =
                new RecordDetailDialog(tr("App %1").arg(app.value(QLatin1String("name")).toString()), rows, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
}

} // namespace citycode::client
