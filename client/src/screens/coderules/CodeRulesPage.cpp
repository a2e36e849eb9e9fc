#include "screens/coderules/CodeRulesPage.h"

#include "api/ApiClient.h"
#include "app/ReferenceCache.h"
#include "app/Session.h"
#include "models/CodeEngineText.h"
#include "models/CodeRuleModel.h"
#include "screens/coderules/CodeRuleDetailDialog.h"
#include "screens/coderules/CodeRuleWizard.h"
#include "screens/permissions/AppPermissionsPage.h"
#include "widgets/FilterBar.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace citycode::client {

const QString CodeRulesPage::Path = QStringLiteral("/admin/v1/code-rules");

CodeRulesPage::CodeRulesPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Code rules"), Path, new CodeRuleModel, parent)
{
    setObjectName(QStringLiteral("codeRulesPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Created:"));
    filters->addText(QStringLiteral("name"), tr("Name:"));
    if (session() != nullptr && session()->isMainPlatform()) {
        filters->addText(QStringLiteral("platformId"), tr("Platform ID:"), true);
    }
    if (industries() != nullptr) {
        // A picker from the shared industry list (fresh lists replace the choices).
        filters->addChoice(QStringLiteral("industryId"), tr("Industry:"), {});
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
    } else {
        filters->addText(QStringLiteral("industryId"), tr("Industry ID:"), true);
    }
    filters->addEnabledStatus();
    filters->addChoice(QStringLiteral("codeType"), tr("Code type:"),
                       CodeEngineText::choices(CodeEngineText::codeTypes(), &CodeEngineText::codeType));
    filters->addChoice(QStringLiteral("publishState"), tr("Published:"),
                       {{QStringLiteral("pending"), CodeEngineText::publishState(QStringLiteral("pending"))},
                        {QStringLiteral("published"), CodeEngineText::publishState(QStringLiteral("published"))}});

    addAction(QStringLiteral("newButton"), tr("&New rule…"), QStringLiteral("code:rule:add"), Needs::Nothing,
              [this]() { createRule(); });
    addAction(QStringLiteral("editButton"), tr("&Edit…"), QStringLiteral("code:rule:edit"), Needs::One,
              [this]() { editRule(); });
    addAction(QStringLiteral("versionsButton"), tr("&Versions…"), QString(), Needs::One, [this]() { showVersions(); });
    addAction(
        QStringLiteral("publishButton"), tr("&Publish"), QStringLiteral("code:rule:publish"), Needs::Some, [this]() {
            runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/publish"),
                           tr("Publish the selected rules? Their basic information cannot change afterwards."), {});
        });
    addAction(QStringLiteral("enableButton"), tr("E&nable"), QStringLiteral("code:rule:status"), Needs::Some,
              [this]() { runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/enable"), {}, {}); });
    addAction(QStringLiteral("disableButton"), tr("D&isable"), QStringLiteral("code:rule:status"), Needs::Some,
              [this]() {
                  runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/disable"),
                                 tr("Disable the selected rules? Apps stop issuing their codes at once."), {});
              });
    addAction(QStringLiteral("pushButton"), tr("P&ush"), QStringLiteral("code:rule:push"), Needs::Some, [this]() {
        runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/push"), {},
                       tr("The selected rules were pushed to their platforms' pools."));
    });
    addAction(QStringLiteral("removeFromPoolButton"), tr("&Remove from pool"), QStringLiteral("code:rule:remove"),
              Needs::Some, [this]() {
                  runOnSelection(QStringLiteral("POST"), Path + QStringLiteral("/%1/remove-from-pool"),
                                 tr("Remove the selected (disabled) rules from their platforms' pools?"), {});
              });
    addAction(QStringLiteral("deleteButton"), tr("De&lete"), QStringLiteral("code:rule:delete"), Needs::Some, [this]() {
        runOnSelection(QStringLiteral("DELETE"), Path + QStringLiteral("/%1"),
                       tr("Delete the selected rules with all their versions? This cannot be undone."), {});
    });
    addAction(QStringLiteral("appPermissionsButton"), tr("App &permissions…"), QStringLiteral("code:permission:list"),
              Needs::Nothing, [this]() { showAppPermissions(); });
}

void CodeRulesPage::createRule()
{
    auto* wizard = new CodeRuleWizard(api(), CodeRuleWizard::Mode::Create, {}, {},
                                      session() != nullptr && session()->isMainPlatform(), this, industries());
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CodeRuleWizard::saved, this, [this](const QJsonObject& rule) {
        reload();
        showMessage(tr("Code rule \"%1\" created.").arg(rule.value(QLatin1String("name")).toString()));
    });
    wizard->open();
}

void CodeRulesPage::editRule()
{
    const qint64 id = selectedRecord().value(QLatin1String("id")).toInteger();
    // The wizard starts from the rule's latest version as the server has it now.
    api()->get(Path + QStringLiteral("/%1").arg(id), {}, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            showError(reply.error);
            return;
        }
        const bool pending = reply.json.value(QLatin1String("publishState")).toString() == QLatin1String("pending");
        auto* wizard =
            new CodeRuleWizard(api(), pending ? CodeRuleWizard::Mode::EditPending : CodeRuleWizard::Mode::NewVersion,
                               reply.json, {}, session() != nullptr && session()->isMainPlatform(), this, industries());
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(wizard, &CodeRuleWizard::saved, this, [this, pending](const QJsonObject& saved) {
            reload();
            showMessage(pending ? tr("Code rule saved.")
                                : tr("Version %1 created; push the rule so that apps can use it.")
                                      .arg(saved.value(QLatin1String("version")).toInteger()));
        });
        wizard->open();
    });
}

void CodeRulesPage::showVersions()
{
    auto* dialog =
        new CodeRuleDetailDialog(api(), session(), selectedRecord().value(QLatin1String("id")).toInteger(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CodeRuleDetailDialog::changed, this, &CodeRulesPage::reload);
    dialog->open();
}

ReferenceCache* CodeRulesPage::industries()
{
    const bool allowed = session() != nullptr && session()->can(QStringLiteral("base:industry:list"));
    return allowed ? referenceData() : nullptr;
}

void CodeRulesPage::showAppPermissions()
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("appPermissionsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Generate and scan permissions of apps"));
    dialog->resize(860, 520);
    auto* page = new AppPermissionsPage(context(), dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(page, 1);
    layout->addWidget(buttons);
    page->activate();
    dialog->open();
}

} // namespace citycode::client
