#pragma once

#include "widgets/ListExporter.h"
#include "widgets/Page.h"

#include <QJsonObject>
#include <QUrlQuery>
#include <QVector>

#include <functional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace citycode::client {

class FormDialog;

class ApiError;
class FilterBar;
class JsonTableModel;
class StatusLabel;

// The shape of every list screen: a title, filters, action buttons that follow the selection and
// the operator's permissions, a table sorted and paged by the server, a status line for what
// happened (errors with the server's request id) and export of the whole filtered list to CSV
// or XLSX. Subclasses add their filters and actions in their constructor.
class ListPage : public Page
{
    Q_OBJECT

public:
    // Which selection an action needs to be enabled.
    enum class Needs
    {
        Nothing,
        One,
        Some,
    };

    static constexpr int DefaultPageSize = 20;

    ListPage(const PageContext& context, const QString& title, const QString& path, JsonTableModel* model,
             QWidget* parent = nullptr);

    // Loads the current page with the current filters and sort.
    void reload() override;
    // Back to page 1 with the filters as they are now.
    void search();

    JsonTableModel* model() const { return m_model; }
    FilterBar* filterBar() const { return m_filterBar; }
    QTableView* tableView() const { return m_tableView; }
    StatusLabel* statusLabel() const { return m_statusLabel; }
    int currentPage() const { return m_page; }
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    // The list request without paging: filters and sort (exports use it too).
    QUrlQuery listQuery() const;
    // A filter that is always sent and not shown (e.g. the dictionary whose entries a page lists).
    void setFixedFilter(const QString& name, const QString& value);

    void exportTo(const QString& fileName, ListExporter::Format format);

    // The LocalStore scope of the recent searches typed into text filter `filter` of this page:
    // per server, operator, list and filter.
    QString recentSearchScope(const QString& filter) const;

signals:
    // A page of records arrived (or failed: ok false).
    void loaded(bool ok);
    // Records of this list were changed through the page's actions (runOnSelection, runBatch or a
    // subclass's dialog); caches of the list (ReferenceCache) listen.
    void recordsChanged();

protected:
    // An action button, shown only when the operator holds `permission` (empty: always).
    QPushButton* addAction(const QString& objectName, const QString& text, const QString& permission, Needs needs,
                           std::function<void()> handler);
    // Export is offered when the operator holds `permission` (empty: whoever sees the list).
    void setExportPermission(const QString& permission);

    QVector<QJsonObject> selectedRecords() const;
    QJsonObject selectedRecord() const;

    // The detail dialog of a record (double-click or the Detail button); by default every column.
    virtual void showDetail(const QJsonObject& record);
    // Asks a yes/no question (destructive actions); No is the default.
    bool confirm(const QString& question);

    // For each selected record, after `confirmation` (unless empty): `method` on
    // pathTemplate.arg(id); then reloads and reports `done` (empty: how many records changed).
    void runOnSelection(const QString& method, const QString& pathTemplate, const QString& confirmation,
                        const QString& done);
    // A batch call ({"ids":[...]}) on `path` for the selection, after `confirmation`.
    void runBatch(const QString& path, const QString& confirmation, const QString& done);

    // The submit of a create/edit dialog: POST path() (id 0) or PUT path()/id with `body`. On
    // success the dialog closes, the list reloads and says savedMessage.arg(the answer's
    // `nameField`); on failure the dialog shows the error and stays open.
    void saveRecord(FormDialog* dialog, qint64 id, const QJsonObject& body, const QString& savedMessage,
                    const QString& nameField);

    void showError(const ApiError& error);
    void showMessage(const QString& message);
    QString path() const { return m_path; }

private:
    struct Action
    {
        QPushButton* button;
        Needs needs;
    };

    void updateActions();
    void updatePaging();
    // Remembers the text filters just searched for and offers them again (LocalStore).
    void rememberSearch();
    void offerRecentSearches();
    void fitColumns();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void chooseExportFile(ListExporter::Format format);

    QString m_path;
    JsonTableModel* m_model;
    FilterBar* m_filterBar = nullptr;
    QTableView* m_tableView = nullptr;
    QHBoxLayout* m_actionsLayout = nullptr;
    QPushButton* m_exportButton = nullptr;
    StatusLabel* m_statusLabel = nullptr;
    QLabel* m_pageLabel = nullptr;
    QPushButton* m_firstButton = nullptr;
    QPushButton* m_previousButton = nullptr;
    QPushButton* m_nextButton = nullptr;
    QPushButton* m_lastButton = nullptr;
    QComboBox* m_pageSizeComboBox = nullptr;
    QVector<Action> m_actions;

    QUrlQuery m_appliedFilters;
    QUrlQuery m_fixedFilters;
    QString m_sortField;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_lastSortColumn = -1;
    int m_page = 1;
    int m_pageSize = DefaultPageSize;
    qint64 m_total = 0;
    bool m_loading = false;
    bool m_filtersApplied = false;
    quint64 m_serial = 0;
};

} // namespace citycode::client
