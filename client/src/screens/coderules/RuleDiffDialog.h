#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QTableWidget;

namespace citycode::client {

class ApiClient;
class StatusLabel;

// Two versions of a code rule side by side (001 §4.2.3 9 ④): every setting and field of both
// in one table, the rows the server's diff (GET /code-rules/{id}/diff) names as changed, added
// or removed highlighted.
class RuleDiffDialog : public QDialog
{
    Q_OBJECT

public:
    RuleDiffDialog(ApiClient* api, qint64 ruleId, qint64 from, qint64 to, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    // How many rows differ (after loading); -1 until then.
    int differences() const { return m_differences; }

signals:
    void loaded(bool ok);

private:
    void load();
    void showDiff(const QJsonObject& before, const QJsonObject& after, const QJsonObject& diff);

    ApiClient* m_api;
    qint64 m_ruleId;
    qint64 m_from;
    qint64 m_to;
    int m_differences = -1;
    QLabel* m_summaryLabel = nullptr;
    QTableWidget* m_table = nullptr;
    StatusLabel* m_statusLabel = nullptr;
};

} // namespace citycode::client
