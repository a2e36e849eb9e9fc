#include "screens/logs/OperationLogPage.h"

#include "models/DisplayText.h"
#include "models/OperationLogModel.h"
#include "widgets/FilterBar.h"

namespace citycode::client {

OperationLogPage::OperationLogPage(const PageContext& context, QWidget* parent)
    : ListPage(context, tr("Operation log"), QStringLiteral("/admin/v1/operation-logs"), new OperationLogModel, parent)
{
    setObjectName(QStringLiteral("operationLogPage"));
    FilterBar* filters = filterBar();
    filters->addTimeRange(tr("Time:"));
    filters->addText(QStringLiteral("username"), tr("Operator:"));
    filters->addText(QStringLiteral("action"), tr("Action:"));
    filters->addText(QStringLiteral("targetType"), tr("Target type:"));
    filters->addText(QStringLiteral("id"), tr("ID:"), true);
    filters->addChoice(QStringLiteral("result"), tr("Result:"),
                       {{QStringLiteral("ok"), DisplayText::status(QStringLiteral("ok"))},
                        {QStringLiteral("failed"), DisplayText::status(QStringLiteral("failed"))}});
    addAction(QStringLiteral("detailButton"), tr("&Detail"), QString(), Needs::One,
              [this]() { showDetail(selectedRecord()); });
    setExportPermission(QStringLiteral("system:log:export"));
}

} // namespace citycode::client
