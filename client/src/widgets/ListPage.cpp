#include "widgets/ListPage.h"

#include "api/ApiClient.h"
#include "app/LocalStore.h"
#include "app/Session.h"
#include "models/JsonTableModel.h"
#include "widgets/FilterBar.h"
#include "widgets/FormDialog.h"
#include "widgets/RecordDetailDialog.h"
#include "widgets/StatusLabel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace citycode::client {

namespace {

constexpr double PageTitleScale = 1.3;
constexpr int PageSizes[] = {20, 50, 100};

} // namespace

ListPage::ListPage(const PageContext& context, const QString& title, const QString& path, JsonTableModel* model,
                   QWidget* parent)
    : Page(context, parent), m_path(path), m_model(model)
{
    m_model->setParent(this);
    auto* titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(QStringLiteral("pageTitleLabel"));
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * PageTitleScale);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);

    m_filterBar = new FilterBar(this);
    connect(m_filterBar, &FilterBar::searchRequested, this, &ListPage::search);

    m_actionsLayout = new QHBoxLayout;
    m_actionsLayout->addStretch(1);
    m_exportButton = new QPushButton(tr("E&xport"), this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    auto* exportMenu = new QMenu(m_exportButton);
    QAction* csv = exportMenu->addAction(tr("CSV (.csv)…"));
    csv->setObjectName(QStringLiteral("exportCsvAction"));
    QAction* xlsx = exportMenu->addAction(tr("Excel workbook (.xlsx)…"));
    xlsx->setObjectName(QStringLiteral("exportXlsxAction"));
    m_exportButton->setMenu(exportMenu);
    connect(csv, &QAction::triggered, this, [this]() { chooseExportFile(ListExporter::Format::Csv); });
    connect(xlsx, &QAction::triggered, this, [this]() { chooseExportFile(ListExporter::Format::Xlsx); });
    m_actionsLayout->addWidget(m_exportButton);

    m_tableView = new QTableView(this);
    m_tableView->setObjectName(QStringLiteral("recordsTableView"));
    m_tableView->setModel(m_model);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setWordWrap(false);
    m_tableView->verticalHeader()->hide();
    QHeaderView* header = m_tableView->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ListPage::onSortIndicatorChanged);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ListPage::updateActions);
    connect(m_tableView, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { showDetail(m_model->record(index.row())); });

    m_statusLabel = new StatusLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("listStatusLabel"));
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_firstButton = new QPushButton(tr("First"), this);
    m_firstButton->setObjectName(QStringLiteral("firstPageButton"));
    m_previousButton = new QPushButton(tr("Previous"), this);
    m_previousButton->setObjectName(QStringLiteral("previousPageButton"));
    m_nextButton = new QPushButton(tr("Next"), this);
    m_nextButton->setObjectName(QStringLiteral("nextPageButton"));
    m_lastButton = new QPushButton(tr("Last"), this);
    m_lastButton->setObjectName(QStringLiteral("lastPageButton"));
    m_pageSizeComboBox = new QComboBox(this);
    m_pageSizeComboBox->setObjectName(QStringLiteral("pageSizeComboBox"));
    for (const int size : PageSizes) {
        m_pageSizeComboBox->addItem(tr("%n per page", nullptr, size), size);
    }
    connect(m_firstButton, &QPushButton::clicked, this, [this]() {
        m_page = 1;
        reload();
    });
    connect(m_previousButton, &QPushButton::clicked, this, [this]() {
        m_page = qMax(1, m_page - 1);
        reload();
    });
    connect(m_nextButton, &QPushButton::clicked, this, [this]() {
        ++m_page;
        reload();
    });
    connect(m_lastButton, &QPushButton::clicked, this, [this]() {
        m_page = static_cast<int>(qMax<qint64>(1, (m_total + m_pageSize - 1) / m_pageSize));
        reload();
    });
    connect(m_pageSizeComboBox, &QComboBox::currentIndexChanged, this, [this]() {
        m_pageSize = m_pageSizeComboBox->currentData().toInt();
        m_page = 1;
        reload();
    });

    auto* pagingLayout = new QHBoxLayout;
    pagingLayout->addWidget(m_statusLabel, 1);
    pagingLayout->addWidget(m_pageLabel);
    pagingLayout->addWidget(m_pageSizeComboBox);
    pagingLayout->addWidget(m_firstButton);
    pagingLayout->addWidget(m_previousButton);
    pagingLayout->addWidget(m_nextButton);
    pagingLayout->addWidget(m_lastButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(titleLabel);
    layout->addWidget(m_filterBar);
    layout->addLayout(m_actionsLayout);
    layout->addWidget(m_tableView, 1);
    layout->addLayout(pagingLayout);

    // Keyboard: Ctrl+F to the first filter, F5 (or Ctrl+R) reloads, Ctrl+N runs the page's
    // "new" action when the operator may. Only the page on screen answers them.
    const auto shortcut = [this](const QKeySequence& keys, auto handler) {
        auto* action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, handler);
        QWidget::addAction(action);
    };
    shortcut(QKeySequence::Find, [this]() {
        if (auto* first = m_filterBar->findChild<QLineEdit*>())
            first->setFocus(Qt::ShortcutFocusReason);
    });
    shortcut(QKeySequence(Qt::Key_F5), [this]() { reload(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this]() { reload(); });
    shortcut(QKeySequence::New, [this]() {
        for (const Action& action : m_actions) {
            if (action.button->objectName() == QStringLiteral("newButton") && action.button->isVisible() &&
                action.button->isEnabled()) {
                action.button->click();
                return;
            }
        }
    });

    updatePaging();
}

QPushButton* ListPage::addAction(const QString& objectName, const QString& text, const QString& permission, Needs needs,
                                 std::function<void()> handler)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    connect(button, &QPushButton::clicked, this, [handler = std::move(handler)]() { handler(); });
    // The buttons sit before the stretch that keeps Export on the right.
    m_actionsLayout->insertWidget(static_cast<int>(m_actions.size()), button);
    const bool allowed = permission.isEmpty() || (session() != nullptr && session()->can(permission));
    button->setVisible(allowed);
    m_actions.append({button, needs});
    updateActions();
    return button;
}

void ListPage::setExportPermission(const QString& permission)
{
    m_exportButton->setVisible(permission.isEmpty() || (session() != nullptr && session()->can(permission)));
}

void ListPage::updateActions()
{
    const int selected = static_cast<int>(m_tableView->selectionModel()->selectedRows().size());
    for (const Action& action : m_actions) {
        switch (action.needs) {
        case Needs::Nothing:
            action.button->setEnabled(true);
            break;
        case Needs::One:
            action.button->setEnabled(selected == 1);
            break;
        case Needs::Some:
            action.button->setEnabled(selected >= 1);
            break;
        }
    }
}

QUrlQuery ListPage::listQuery() const
{
    QUrlQuery query = m_appliedFilters;
    for (const auto& [name, value] : m_fixedFilters.queryItems()) {
        query.addQueryItem(name, value);
    }
    if (!m_sortField.isEmpty()) {
        query.addQueryItem(QStringLiteral("sort"), m_sortField);
        query.addQueryItem(QStringLiteral("order"),
                           m_sortOrder == Qt::AscendingOrder ? QStringLiteral("asc") : QStringLiteral("desc"));
    }
    return query;
}

void ListPage::setFixedFilter(const QString& name, const QString& value)
{
    m_fixedFilters.removeAllQueryItems(name);
    m_fixedFilters.addQueryItem(name, value);
}

QString ListPage::recentSearchScope(const QString& filter) const
{
    const QString server = api() != nullptr ? api()->baseUrl().toString(QUrl::StripTrailingSlash) : QString();
    const qint64 operatorId = session() != nullptr ? session()->operatorId() : 0;
    return QStringLiteral("%1|operator=%2|%3|%4").arg(server).arg(operatorId).arg(m_path, filter);
}

void ListPage::rememberSearch()
{
    if (localStore() == nullptr || !localStore()->isOpen()) {
        return;
    }
    for (const QString& filter : m_filterBar->textFilters()) {
        localStore()->addRecentSearch(recentSearchScope(filter), m_filterBar->textField(filter)->text());
    }
    offerRecentSearches();
}

void ListPage::offerRecentSearches()
{
    if (localStore() == nullptr || !localStore()->isOpen()) {
        return;
    }
    for (const QString& filter : m_filterBar->textFilters()) {
        m_filterBar->setRecentSearches(filter, localStore()->recentSearches(recentSearchScope(filter)));
    }
}

void ListPage::search()
{
    rememberSearch();
    m_appliedFilters = m_filterBar->query();
    m_filtersApplied = true;
    m_page = 1;
    reload();
}

void ListPage::reload()
{
    // The first load uses the filters' initial values; later ones what Search applied.
    if (!m_filtersApplied) {
        m_filtersApplied = true;
        m_appliedFilters = m_filterBar->query();
        // The subclass has added its filters by now.
        offerRecentSearches();
    }
    QUrlQuery query = listQuery();
    query.addQueryItem(QStringLiteral("page"), QString::number(m_page));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(m_pageSize));
    m_loading = true;
    const quint64 serial = ++m_serial;
    updatePaging();
    m_statusLabel->showStatus(StatusLabel::Tone::Busy, tr("Loading…"));
    api()->get(m_path, query, this, [this, serial](const ApiReply& reply) {
        if (serial != m_serial) {
            return; // a newer request replaced this one
        }
        m_loading = false;
        if (reply.error.isError()) {
            showError(reply.error);
            updatePaging();
            emit loaded(false);
            return;
        }
        QVector<QJsonObject> records;
        for (const QJsonValue& item : reply.json.value(QLatin1String("items")).toArray()) {
            records.append(item.toObject());
        }
        m_total = reply.json.value(QLatin1String("total")).toInteger();
        m_model->setRecords(records);
        fitColumns();
        m_statusLabel->clearStatus();
        // A page beyond the end (records deleted meanwhile) falls back to the last one.
        if (records.isEmpty() && m_total > 0 && m_page > 1) {
            m_page = static_cast<int>((m_total + m_pageSize - 1) / m_pageSize);
            reload();
            return;
        }
        updatePaging();
        updateActions();
        emit loaded(true);
    });
}

void ListPage::fitColumns()
{
    // Columns as wide as their contents; the last one takes the rest of the width unless the
    // contents are wider than the view, which then scrolls instead of eliding the last column.
    QHeaderView* header = m_tableView->horizontalHeader();
    header->setStretchLastSection(false);
    m_tableView->resizeColumnsToContents();
    header->setStretchLastSection(header->length() < m_tableView->viewport()->width());
}

void ListPage::updatePaging()
{
    const int pages = static_cast<int>(qMax<qint64>(1, (m_total + m_pageSize - 1) / m_pageSize));
    m_pageLabel->setText(tr("Page %1 of %2, %n record(s)", nullptr, static_cast<int>(m_total)).arg(m_page).arg(pages));
    m_firstButton->setEnabled(!m_loading && m_page > 1);
    m_previousButton->setEnabled(!m_loading && m_page > 1);
    m_nextButton->setEnabled(!m_loading && m_page < pages);
    m_lastButton->setEnabled(!m_loading && m_page < pages);
}

void ListPage::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    const QString field = m_model->sortFieldOf(column);
    if (field.isEmpty()) {
        // The server cannot sort by this column: keep the previous indicator.
        QHeaderView* header = m_tableView->horizontalHeader();
        const QSignalBlocker blocker(header);
        header->setSortIndicator(m_lastSortColumn, m_sortOrder);
        return;
    }
    m_lastSortColumn = column;
    m_sortField = field;
    m_sortOrder = order;
    m_page = 1;
    reload();
}

QVector<QJsonObject> ListPage::selectedRecords() const
{
    QVector<QJsonObject> records;
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows();
    for (const QModelIndex& index : rows) {
        records.append(m_model->record(index.row()));
    }
    return records;
}

QJsonObject ListPage::selectedRecord() const
{
    const QVector<QJsonObject> records = selectedRecords();
    return records.isEmpty() ? QJsonObject() : records.first();
}

void ListPage::showDetail(const QJsonObject& record)
{
    QVector<QPair<QString, QString>> rows;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        rows.append({m_model->columnTitle(column), m_model->displayText(record, column)});
    }
    auto* dialog = new RecordDetailDialog(tr("Detail"), rows, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

bool ListPage::confirm(const QString& question)
{
    return QMessageBox::question(this, tr("Please confirm"), question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

void ListPage::runOnSelection(const QString& method, const QString& pathTemplate, const QString& confirmation,
                              const QString& done)
{
    const QVector<QJsonObject> records = selectedRecords();
    if (records.isEmpty() || (!confirmation.isEmpty() && !confirm(confirmation))) {
        return;
    }
    // One request per record, all at once; the list reloads when the last one has answered.
    struct Progress
    {
        int remaining = 0;
        int succeeded = 0;
        ApiError firstError;
    };
    auto progress = std::make_shared<Progress>();
    progress->remaining = static_cast<int>(records.size());
    for (const QJsonObject& record : records) {
        const QString target = pathTemplate.arg(record.value(QLatin1String("id")).toInteger());
        const QJsonValue body =
            method == QLatin1String("POST") ? QJsonValue(QJsonObject()) : QJsonValue(QJsonValue::Undefined);
        api()->request(method, target, {}, body, this, [this, progress, done](const ApiReply& reply) {
            if (reply.error.isError()) {
                if (!progress->firstError.isError()) {
                    progress->firstError = reply.error;
                }
            } else {
                ++progress->succeeded;
            }
            if (--progress->remaining > 0) {
                return;
            }
            if (progress->succeeded > 0) {
                emit recordsChanged();
            }
            reload();
            if (progress->firstError.isError()) {
                showError(progress->firstError);
            } else {
                showMessage(done.isEmpty() ? tr("%n record(s) changed.", nullptr, progress->succeeded) : done);
            }
        });
    }
}

void ListPage::runBatch(const QString& path, const QString& confirmation, const QString& done)
{
    const QVector<QJsonObject> records = selectedRecords();
    if (records.isEmpty() || (!confirmation.isEmpty() && !confirm(confirmation))) {
        return;
    }
    QJsonArray ids;
    for (const QJsonObject& record : records) {
        ids.append(record.value(QLatin1String("id")));
    }
    api()->post(path, QJsonObject{{QStringLiteral("ids"), ids}}, this, [this, done](const ApiReply& reply) {
        if (reply.error.isError()) {
            showError(reply.error);
            return;
        }
        emit recordsChanged();
        reload();
        showMessage(done);
    });
}

void ListPage::saveRecord(FormDialog* dialog, qint64 id, const QJsonObject& body, const QString& savedMessage,
                          const QString& nameField)
{
    const auto done = [this, dialog, savedMessage, nameField](const ApiReply& reply) {
        if (reply.error.isError()) {
            dialog->showError(reply.error.toString());
            return;
        }
        dialog->succeed();
        emit recordsChanged();
        reload();
        showMessage(savedMessage.arg(reply.json.value(nameField).toString()));
    };
    if (id > 0) {
        api()->put(m_path + QStringLiteral("/%1").arg(id), body, dialog, done);
    } else {
        api()->post(m_path, body, dialog, done);
    }
}

void ListPage::showError(const ApiError& error)
{
    m_statusLabel->showStatus(StatusLabel::Tone::Error, error.toString());
}

void ListPage::showMessage(const QString& message)
{
    // A reload clears the status line when it finishes; the message is shown after that.
    if (m_loading) {
        connect(
            this, &ListPage::loaded, this,
            [this, message]() { m_statusLabel->showStatus(StatusLabel::Tone::Success, message); },
            Qt::SingleShotConnection);
        return;
    }
    m_statusLabel->showStatus(StatusLabel::Tone::Success, message);
}

void ListPage::chooseExportFile(ListExporter::Format format)
{
    const bool csv = format == ListExporter::Format::Csv;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("export.%1").arg(csv ? QLatin1String("csv") : QLatin1String("xlsx")));
    const QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export"), suggested, csv ? tr("CSV files (*.csv)") : tr("Excel workbooks (*.xlsx)"));
    if (!fileName.isEmpty()) {
        exportTo(fileName, format);
    }
}

void ListPage::exportTo(const QString& fileName, ListExporter::Format format)
{
    auto* exporter = new ListExporter(api(), m_path, listQuery(), m_model, this);
    connect(exporter, &ListExporter::finished, this, [this](bool ok, const QString& message) {
        if (ok) {
            m_statusLabel->showStatus(StatusLabel::Tone::Success, message);
        } else if (!message.isEmpty()) {
            m_statusLabel->showStatus(StatusLabel::Tone::Error, message);
        }
    });
    exporter->start(fileName, format);
}

} // namespace citycode::client
