#include "screens/coderules/CodeRuleDetailDialog.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "models/CodeEngineText.h"
#include "models/CodeRuleVersionModel.h"
#include "models/DisplayText.h"
#include "screens/coderules/CodeRuleWizard.h"
#include "screens/coderules/RuleDiffDialog.h"
#include "widgets/StatusLabel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <algorithm>

namespace citycode::client {

namespace {

const QString RulesPath = QStringLiteral("/admin/v1/code-rules");

} // namespace

CodeRuleDetailDialog::CodeRuleDetailDialog(ApiClient* api, const Session* session, qint64 ruleId, QWidget* parent)
    : QDialog(parent), m_api(api), m_session(session), m_ruleId(ruleId)
{
    setObjectName(QStringLiteral("codeRuleDetailDialog"));
    setWindowTitle(tr("Code rule %1").arg(ruleId));
    resize(780, 460);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("ruleSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_versions = new CodeRuleVersionModel(this);
    m_versionsView = new QTableView(this);
    m_versionsView->setObjectName(QStringLiteral("versionsTableView"));
    m_versionsView->setModel(m_versions);
    m_versionsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versionsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_versionsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versionsView->verticalHeader()->hide();
    m_versionsView->horizontalHeader()->setStretchLastSection(true);
    m_versionsView->setTabKeyNavigation(false); // arrows move between cells; Tab leaves the table
    connect(m_versionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CodeRuleDetailDialog::updateButtons);

    m_buttonsLayout = new QHBoxLayout;
    m_newVersionButton =
        addButton(QStringLiteral("newVersionButton"), tr("&New version…"), QStringLiteral("code:rule:version"));
    m_editVersionButton =
        addButton(QStringLiteral("editVersionButton"), tr("&Edit version…"), QStringLiteral("code:rule:version"));
    m_enableButton =
        addButton(QStringLiteral("enableVersionButton"), tr("E&nable"), QStringLiteral("code:rule:version"));
    m_disableButton =
        addButton(QStringLiteral("disableVersionButton"), tr("D&isable"), QStringLiteral("code:rule:version"));
    m_pushButton = addButton(QStringLiteral("pushButton"), tr("&Push to pool"), QStringLiteral("code:rule:push"));
    m_compareButton = addButton(QStringLiteral("compareButton"), tr("&Compare two…"), QString());
    m_buttonsLayout->addStretch(1);

    connect(m_newVersionButton, &QPushButton::clicked, this, [this]() { openWizard(true); });
    connect(m_editVersionButton, &QPushButton::clicked, this, [this]() { openWizard(false); });
    connect(m_enableButton, &QPushButton::clicked, this, [this]() {
        for (const qint64 version : selectedVersions()) {
            post(RulesPath + QStringLiteral("/%1/versions/%2/enable").arg(m_ruleId).arg(version),
                 tr("Version %1 enabled.").arg(version));
        }
    });
    connect(m_disableButton, &QPushButton::clicked, this, [this]() {
        for (const qint64 version : selectedVersions()) {
            post(RulesPath + QStringLiteral("/%1/versions/%2/disable").arg(m_ruleId).arg(version),
                 tr("Version %1 disabled.").arg(version));
        }
    });
    connect(m_pushButton, &QPushButton::clicked, this, [this]() {
        post(RulesPath + QStringLiteral("/%1/push").arg(m_ruleId),
             tr("The rule and all its versions were pushed to the platform's pool."));
    });
    connect(m_compareButton, &QPushButton::clicked, this, [this]() {
        QVector<qint64> versions = selectedVersions();
        std::sort(versions.begin(), versions.end());
        auto* diff = new RuleDiffDialog(m_api, m_ruleId, versions.first(), versions.last(), this);
        diff->setAttribute(Qt::WA_DeleteOnClose);
        diff->open();
    });

    m_statusLabel = new StatusLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("detailStatusLabel"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(new QLabel(tr("Versions:"), this));
    layout->addWidget(m_versionsView, 1);
    layout->addLayout(m_buttonsLayout);
    layout->addWidget(m_statusLabel);
    layout->addWidget(close);
    updateButtons();
    load();
}

QPushButton* CodeRuleDetailDialog::addButton(const QString& objectName, const QString& text, const QString& permission)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setVisible(permission.isEmpty() || (m_session != nullptr && m_session->can(permission)));
    m_buttonsLayout->addWidget(button);
    return button;
}

void CodeRuleDetailDialog::load()
{
    m_api->get(RulesPath + QStringLiteral("/%1").arg(m_ruleId), {}, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, reply.error.toString());
            emit loaded(false);
            return;
        }
        m_rule = reply.json;
        m_summaryLabel->setText(
            tr("<b>%1</b> — %2, %3; applies to %4; spec: %5.<br>%6, %7, %8; latest version %9.")
                .arg(m_rule.value(QLatin1String("name")).toString().toHtmlEscaped(),
                     CodeEngineText::form(m_rule.value(QLatin1String("form")).toString()),
                     CodeEngineText::codeType(m_rule.value(QLatin1String("codeType")).toString()),
                     m_rule.value(QLatin1String("platformName")).toString().toHtmlEscaped(),
                     m_rule.value(QLatin1String("specName")).toString().toHtmlEscaped(),
                     CodeEngineText::publishState(m_rule.value(QLatin1String("publishState")).toString()),
                     DisplayText::status(m_rule.value(QLatin1String("status")).toString()),
                     m_rule.value(QLatin1String("inPool")).toBool() ? tr("in the pool") : tr("not in the pool"))
                .arg(m_rule.value(QLatin1String("latestVersion")).toInteger()));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("100"));
        m_api->get(RulesPath + QStringLiteral("/%1/versions").arg(m_ruleId), query, this,
                   [this](const ApiReply& versions) {
                       if (versions.error.isError()) {
                           m_statusLabel->showStatus(StatusLabel::Tone::Error, versions.error.toString());
                           emit loaded(false);
                           return;
                       }
                       QVector<QJsonObject> records;
                       for (const QJsonValue& item : versions.json.value(QLatin1String("items")).toArray()) {
                           records.append(item.toObject());
                       }
                       m_versions->setRecords(records);
                       m_versionsView->resizeColumnsToContents();
                       updateButtons();
                       emit loaded(true);
                   });
    });
}

QVector<qint64> CodeRuleDetailDialog::selectedVersions() const
{
    QVector<qint64> versions;
    for (const QModelIndex& index : m_versionsView->selectionModel()->selectedRows()) {
        versions.append(m_versions->record(index.row()).value(QLatin1String("version")).toInteger());
    }
    return versions;
}

void CodeRuleDetailDialog::updateButtons()
{
    const int selected = static_cast<int>(selectedVersions().size());
    const bool published = m_rule.value(QLatin1String("publishState")).toString() == QLatin1String("published");
    // A pending rule has one version, edited through the rule's steps (001 §4.2.3 7).
    m_newVersionButton->setEnabled(published);
    m_editVersionButton->setEnabled(selected == 1);
    m_enableButton->setEnabled(selected >= 1);
    m_disableButton->setEnabled(selected >= 1);
    m_pushButton->setEnabled(published);
    m_compareButton->setEnabled(selected == 2);
}

void CodeRuleDetailDialog::openWizard(bool newVersion)
{
    QJsonObject version;
    if (!newVersion) {
        const QModelIndexList rows = m_versionsView->selectionModel()->selectedRows();
        if (rows.isEmpty()) {
            return;
        }
        version = m_versions->record(rows.first().row());
    }
    auto* wizard =
        new CodeRuleWizard(m_api, newVersion ? CodeRuleWizard::Mode::NewVersion : CodeRuleWizard::Mode::EditVersion,
                           m_rule, version, m_session != nullptr && m_session->isMainPlatform(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CodeRuleWizard::saved, this, [this](const QJsonObject& saved) {
        m_statusLabel->showStatus(StatusLabel::Tone::Success,
                                  tr("Version %1 saved.").arg(saved.value(QLatin1String("version")).toInteger()));
        load();
        emit changed();
    });
    wizard->open();
}

void CodeRuleDetailDialog::post(const QString& path, const QString& done)
{
    m_api->post(path, QJsonObject(), this, [this, done](const ApiReply& reply) {
        if (reply.error.isError()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, reply.error.toString());
            return;
        }
        m_statusLabel->showStatus(StatusLabel::Tone::Success, done);
        load();
        emit changed();
    });
}

} // namespace citycode::client
