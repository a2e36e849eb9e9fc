#include "screens/staticcodes/StaticCodeDetailDialog.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "models/CodeEngineText.h"
#include "models/DisplayText.h"
#include "models/StaticCodeHistoryModel.h"
#include "models/StaticCodeStates.h"
#include "widgets/FormDialog.h"
#include "widgets/StatusLabel.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

const QString CodesPath = QStringLiteral("/admin/v1/static-codes");
constexpr int ButtonsPerRow = 4;

} // namespace

StaticCodeDetailDialog::StaticCodeDetailDialog(ApiClient* api, const Session* session, qint64 codeId, QWidget* parent)
    : QDialog(parent), m_api(api), m_session(session), m_codeId(codeId)
{
    setObjectName(QStringLiteral("staticCodeDetailDialog"));
    setWindowTitle(tr("Static code %1").arg(codeId));
    resize(760, 500);
    m_infoLabel = new QLabel(this);
    m_infoLabel->setObjectName(QStringLiteral("codeInfoLabel"));
    m_infoLabel->setWordWrap(true);
    m_infoLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_history = new StaticCodeHistoryModel(this);
    m_historyView = new QTableView(this);
    m_historyView->setObjectName(QStringLiteral("historyTableView"));
    m_historyView->setModel(m_history);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setTabKeyNavigation(false); // arrows move between cells; Tab leaves the table

    auto* buttons = new QGridLayout;
    int index = 0;
    for (const QString& operation : CodeEngineText::staticOperations()) {
        auto* button = new QPushButton(CodeEngineText::staticOperation(operation), this);
        button->setObjectName(operation + QStringLiteral("Button"));
        const QString permission = operation == QLatin1String("change") ? QStringLiteral("code:static:edit")
                                                                        : QStringLiteral("code:static:state");
        button->setVisible(m_session == nullptr || m_session->can(permission));
        connect(button, &QPushButton::clicked, this, [this, operation]() { onOperation(operation); });
        buttons->addWidget(button, index / ButtonsPerRow, index % ButtonsPerRow);
        m_buttons.insert(operation, button);
        ++index;
    }

    m_statusLabel = new StatusLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("detailStatusLabel"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_infoLabel);
    layout->addLayout(buttons);
    layout->addWidget(new QLabel(tr("History:"), this));
    layout->addWidget(m_historyView, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(close);
    // The history is made first but shown below the operations: Tab follows what is shown.
    QWidget* previous = nullptr;
    for (const QString& operation : CodeEngineText::staticOperations()) {
        if (previous != nullptr) {
            setTabOrder(previous, m_buttons.value(operation));
        }
        previous = m_buttons.value(operation);
    }
    setTabOrder(previous, m_historyView);
    setTabOrder(m_historyView, close->button(QDialogButtonBox::Close));
    updateButtons();
    load();
}

void StaticCodeDetailDialog::load()
{
    m_api->get(CodesPath + QStringLiteral("/%1").arg(m_codeId), {}, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, reply.error.toString());
            emit loaded(false);
            return;
        }
        m_code = reply.json;
        const auto text = [this](const char* field) {
            return m_code.value(QLatin1String(field)).toString().toHtmlEscaped();
        };
        QString info =
            tr("<b>%1</b> — %2<br>Category: %3; subject: %4 (%5); app: %6<br>Created %7, updated %8")
                .arg(text("codeNumber"), CodeEngineText::staticState(m_code.value(QLatin1String("state")).toString()),
                     text("category"), text("subjectName"),
                     CodeEngineText::subjectType(m_code.value(QLatin1String("subjectType")).toString()),
                     text("appName").isEmpty() ? tr("none") : text("appName"),
                     DisplayText::time(m_code.value(QLatin1String("createdAt")).toString()),
                     DisplayText::time(m_code.value(QLatin1String("updatedAt")).toString()));
        if (!m_code.value(QLatin1String("replacedByNumber")).toString().isEmpty()) {
            info += tr("<br>Replaced by %1").arg(text("replacedByNumber"));
        }
        if (!m_code.value(QLatin1String("replacesNumber")).toString().isEmpty()) {
            info += tr("<br>Replaces %1").arg(text("replacesNumber"));
        }
        m_infoLabel->setText(info);
        QVector<QJsonObject> history;
        for (const QJsonValue& entry : m_code.value(QLatin1String("history")).toArray()) {
            history.append(entry.toObject());
        }
        m_history->setRecords(history);
        m_historyView->resizeColumnsToContents();
        updateButtons();
        // The operations are disabled until the state is known: the first one allowed now takes
        // the focus the history held meanwhile.
        if (focusWidget() == nullptr || focusWidget() == m_historyView) {
            for (const QString& operation : CodeEngineText::staticOperations()) {
                QPushButton* button = m_buttons.value(operation);
                if (button->isVisible() && button->isEnabled()) {
                    button->setFocus(Qt::OtherFocusReason);
                    break;
                }
            }
        }
        emit loaded(true);
    });
}

void StaticCodeDetailDialog::updateButtons()
{
    const QStringList allowed = StaticCodeStates::allowed(m_code.value(QLatin1String("state")).toString());
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        it.value()->setEnabled(allowed.contains(it.key()));
    }
}

void StaticCodeDetailDialog::onOperation(const QString& operation)
{
    if (operation == QLatin1String("change")) {
        // Change of information carries the new values; the state stays (002 §8.1 变更).
        auto* dialog = new FormDialog(CodeEngineText::staticOperation(operation), this);
        dialog->setObjectName(QStringLiteral("changeDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->addLine(QStringLiteral("category"), tr("&Category:"),
                        m_code.value(QLatin1String("category")).toString(), true, 64);
        dialog->addLine(QStringLiteral("description"), tr("&Description:"),
                        m_code.value(QLatin1String("description")).toString(), false, 500);
        dialog->addLine(QStringLiteral("reason"), tr("&Reason:"), QString(), false, 500);
        dialog->setSubmit([this, dialog](const QJsonObject& values) {
            QJsonObject body = values;
            if (body.value(QLatin1String("reason")).toString().isEmpty()) {
                body.remove(QStringLiteral("reason"));
            }
            m_api->post(CodesPath + QStringLiteral("/%1/change").arg(m_codeId), body, dialog,
                        [this, dialog](const ApiReply& reply) {
                            if (reply.error.isError()) {
                                dialog->showError(reply.error.toString());
                                return;
                            }
                            dialog->succeed();
                            m_statusLabel->showStatus(StatusLabel::Tone::Success, tr("Information changed."));
                            load();
                            emit changed();
                        });
        });
        dialog->open();
        return;
    }
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, CodeEngineText::staticOperation(operation),
        tr("%1 code %2 (now %3 → %4). Reason (optional):")
            .arg(CodeEngineText::staticOperation(operation), m_code.value(QLatin1String("codeNumber")).toString(),
                 CodeEngineText::staticState(m_code.value(QLatin1String("state")).toString()),
                 CodeEngineText::staticState(
                     StaticCodeStates::next(m_code.value(QLatin1String("state")).toString(), operation))),
        QLineEdit::Normal, QString(), &ok);
    if (ok) {
        perform(operation, reason.trimmed());
    }
}

void StaticCodeDetailDialog::perform(const QString& operation, const QString& reason)
{
    QJsonObject body;
    if (!reason.isEmpty()) {
        body.insert(QStringLiteral("reason"), reason);
    }
    m_api->post(
        CodesPath + QStringLiteral("/%1/%2").arg(m_codeId).arg(operation), body, this,
        [this, operation](const ApiReply& reply) {
            if (reply.error.isError()) {
                m_statusLabel->showStatus(StatusLabel::Tone::Error, reply.error.toString());
                load(); // the state may have changed meanwhile
                return;
            }
            QString done = tr("%1: done.").arg(CodeEngineText::staticOperation(operation));
            const QJsonObject replacement = reply.json.value(QLatin1String("replacement")).toObject();
            if (!replacement.isEmpty()) {
                done =
                    tr("Replaced by the new code %1.").arg(replacement.value(QLatin1String("codeNumber")).toString());
            }
            m_statusLabel->showStatus(StatusLabel::Tone::Success, done);
            load();
            emit changed();
        });
}

} // namespace citycode::client
