#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QMap>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace citycode::client {

class ApiClient;
class Session;
class StaticCodeHistoryModel;
class StatusLabel;

// One static code (002 §5.3.2.4): its information (subject masked by the server), its state
// history, and one button per lifecycle operation, enabled only when the code's state allows it
// (StaticCodeStates mirrors the server's table; the server still decides).
class StaticCodeDetailDialog : public QDialog
{
    Q_OBJECT

public:
    StaticCodeDetailDialog(ApiClient* api, const Session* session, qint64 codeId, QWidget* parent = nullptr);

    QJsonObject code() const { return m_code; }
    QPushButton* operationButton(const QString& operation) const { return m_buttons.value(operation); }
    StaticCodeHistoryModel* historyModel() const { return m_history; }
    // Performs `operation` with `reason` (as its button does after asking).
    void perform(const QString& operation, const QString& reason);

signals:
    void loaded(bool ok);
    void changed();

private:
    void load();
    void updateButtons();
    void onOperation(const QString& operation);

    ApiClient* m_api;
    const Session* m_session;
    qint64 m_codeId;
    QJsonObject m_code;
    QLabel* m_infoLabel = nullptr;
    QTableView* m_historyView = nullptr;
    StaticCodeHistoryModel* m_history = nullptr;
    QMap<QString, QPushButton*> m_buttons;
    StatusLabel* m_statusLabel = nullptr;
};

} // namespace citycode::client
