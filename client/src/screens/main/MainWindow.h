#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace citycode::client {

class ApiClient;
class ApiError;
class StatusLabel;

// The console's frame after sign-in: navigation on the left, the chosen page on the right,
// and a status bar that always says which server the console talks to and whether it answers.
// Remembers its size and position between sessions.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ApiClient* api, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    enum class ConnectionState
    {
        Unknown,
        Connected,
        Failed,
    };

    void buildUi();
    void retranslateUi();
    void showConnectionState();
    void showAbout();
    void onHealthChecked(bool ok, const QString& version, const QString& databaseState, const QString& errorMessage);
    void onRequestFailed(const ApiError& error);

    ApiClient* m_api;
    ConnectionState m_connectionState = ConnectionState::Unknown;
    QString m_serverVersion;
    QString m_connectionDetail;
    bool m_checkedOnShow = false;

    QMenu* m_fileMenu = nullptr;
    QAction* m_quitAction = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_aboutAction = nullptr;
    QTreeWidget* m_navigationTreeWidget = nullptr;
    QTreeWidgetItem* m_overviewItem = nullptr;
    QStackedWidget* m_pagesStackedWidget = nullptr;
    QLabel* m_overviewLabel = nullptr;
    QLabel* m_serverStatusLabel = nullptr;
    StatusLabel* m_connectionStatusLabel = nullptr;
};

} // namespace citycode::client
