#include "screens/coderules/RuleDiffDialog.h"

#include "api/ApiClient.h"
#include "models/CodeEngineText.h"
#include "models/DisplayText.h"
#include "widgets/StatusLabel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace citycode::client {

namespace {

const QColor ChangedColour(255, 236, 179);
const QColor AddedColour(200, 240, 200);
const QColor RemovedColour(250, 205, 205);

QString fieldText(const QJsonObject& field)
{
    if (field.isEmpty()) {
        return {};
    }
    return RuleDiffDialog::tr("%1, length %2")
        .arg(CodeEngineText::fieldType(field.value(QLatin1String("type")).toString()))
        .arg(field.value(QLatin1String("length")).toInteger());
}

QJsonObject fieldNamed(const QJsonArray& fields, const QString& name)
{
    for (const QJsonValue& value : fields) {
        if (value.toObject().value(QLatin1String("name")).toString() == name) {
            return value.toObject();
        }
    }
    return {};
}

QString settingTitle(const QString& setting)
{
    if (setting == QLatin1String("validitySeconds")) {
        return RuleDiffDialog::tr("Validity (s)");
    }
    if (setting == QLatin1String("refreshSeconds")) {
        return RuleDiffDialog::tr("Refresh interval (s)");
    }
    if (setting == QLatin1String("jumpUrl")) {
        return RuleDiffDialog::tr("Jump address");
    }
    if (setting == QLatin1String("callbackUrl")) {
        return RuleDiffDialog::tr("Callback address");
    }
    if (setting == QLatin1String("antiScreenshot")) {
        return RuleDiffDialog::tr("Refuse screenshots");
    }
    if (setting == QLatin1String("cache")) {
        return RuleDiffDialog::tr("Offline cache");
    }
    return setting;
}

QString listTitle(const QString& list)
{
    if (list == QLatin1String("specFields")) {
        return RuleDiffDialog::tr("Spec field");
    }
    if (list == QLatin1String("extensionFields")) {
        return RuleDiffDialog::tr("Extension field");
    }
    return RuleDiffDialog::tr("Collection field");
}

} // namespace

RuleDiffDialog::RuleDiffDialog(ApiClient* api, qint64 ruleId, qint64 from, qint64 to, QWidget* parent)
    : QDialog(parent), m_api(api), m_ruleId(ruleId), m_from(from), m_to(to)
{
    setObjectName(QStringLiteral("ruleDiffDialog"));
    setWindowTitle(tr("Compare versions %1 and %2").arg(from).arg(to));
    resize(760, 480);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("diffSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("diffTableWidget"));
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("Version %1").arg(from), tr("Version %1").arg(to)});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // arrows move between cells; Tab leaves the table
    m_statusLabel = new StatusLabel(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);
    load();
}

void RuleDiffDialog::load()
{
    // Both versions (to show every row) and the server's diff (to say which rows differ).
    struct Parts
    {
        int remaining = 3;
        QJsonObject before;
        QJsonObject after;
        QJsonObject diff;
        ApiError error;
    };
    auto parts = std::make_shared<Parts>();
    const QString base = QStringLiteral("/admin/v1/code-rules/%1").arg(m_ruleId);
    const auto finish = [this, parts]() {
        if (--parts->remaining > 0) {
            return;
        }
        if (parts->error.isError()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, parts->error.toString());
            emit loaded(false);
            return;
        }
        showDiff(parts->before, parts->after, parts->diff);
        emit loaded(true);
    };
    const auto fetch = [this, parts, finish](const QString& path, const QUrlQuery& query, QJsonObject* target) {
        m_api->get(path, query, this, [parts, finish, target](const ApiReply& reply) {
            if (reply.error.isError()) {
                parts->error = reply.error;
            } else {
                *target = reply.json;
            }
            finish();
        });
    };
    fetch(base + QStringLiteral("/versions/%1").arg(m_from), {}, &parts->before);
    fetch(base + QStringLiteral("/versions/%1").arg(m_to), {}, &parts->after);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"), QString::number(m_from));
    query.addQueryItem(QStringLiteral("to"), QString::number(m_to));
    fetch(base + QStringLiteral("/diff"), query, &parts->diff);
}

void RuleDiffDialog::showDiff(const QJsonObject& before, const QJsonObject& after, const QJsonObject& diff)
{
    m_table->setRowCount(0);
    m_differences = 0;
    const auto addRow = [this](const QString& item, const QString& left, const QString& right, const QColor& colour) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList texts{item, left, right};
        for (int column = 0; column < texts.size(); ++column) {
            auto* cell = new QTableWidgetItem(texts.at(column));
            cell->setToolTip(texts.at(column));
            if (colour.isValid()) {
                cell->setBackground(colour);
                cell->setForeground(Qt::black);
            }
            m_table->setItem(row, column, cell);
        }
    };

    // Settings: every one of either version; the diff names the changed ones.
    QSet<QString> changedSettings;
    for (const QJsonValue& change :
         diff.value(QLatin1String("config")).toObject().value(QLatin1String("changed")).toArray()) {
        changedSettings.insert(change.toObject().value(QLatin1String("setting")).toString());
    }
    const QJsonObject beforeConfig = before.value(QLatin1String("config")).toObject();
    const QJsonObject afterConfig = after.value(QLatin1String("config")).toObject();
    QStringList settings = beforeConfig.keys();
    for (const QString& key : afterConfig.keys()) {
        if (!settings.contains(key)) {
            settings.append(key);
        }
    }
    for (const QString& setting : settings) {
        const bool changed = changedSettings.contains(setting);
        m_differences += changed ? 1 : 0;
        addRow(settingTitle(setting), DisplayText::value(beforeConfig.value(setting)),
               DisplayText::value(afterConfig.value(setting)), changed ? ChangedColour : QColor());
    }

    for (const QString& list :
         {QStringLiteral("specFields"), QStringLiteral("extensionFields"), QStringLiteral("collectFields")}) {
        const QJsonObject changes = diff.value(list).toObject();
        QSet<QString> added;
        QSet<QString> removed;
        QSet<QString> changed;
        for (const QJsonValue& value : changes.value(QLatin1String("added")).toArray()) {
            added.insert(value.toObject().value(QLatin1String("name")).toString());
        }
        for (const QJsonValue& value : changes.value(QLatin1String("removed")).toArray()) {
            removed.insert(value.toObject().value(QLatin1String("name")).toString());
        }
        for (const QJsonValue& value : changes.value(QLatin1String("changed")).toArray()) {
            changed.insert(value.toObject().value(QLatin1String("name")).toString());
        }
        const QJsonArray left = before.value(list).toArray();
        const QJsonArray right = after.value(list).toArray();
        QStringList names;
        for (const QJsonArray& fields : {left, right}) {
            for (const QJsonValue& value : fields) {
                const QString name = value.toObject().value(QLatin1String("name")).toString();
                if (!names.contains(name)) {
                    names.append(name);
                }
            }
        }
        for (const QString& name : names) {
            QColor colour;
            if (added.contains(name)) {
                colour = AddedColour;
            } else if (removed.contains(name)) {
                colour = RemovedColour;
            } else if (changed.contains(name)) {
                colour = ChangedColour;
            }
            m_differences += colour.isValid() ? 1 : 0;
            addRow(tr("%1 \"%2\"").arg(listTitle(list), name), fieldText(fieldNamed(left, name)),
                   fieldText(fieldNamed(right, name)), colour);
        }
    }
    m_summaryLabel->setText(
        diff.value(QLatin1String("identical")).toBool()
            ? tr("The two versions are identical.")
            : tr("%n difference(s): changed rows are yellow, added green, removed red.", nullptr, m_differences));
}

} // namespace citycode::client
