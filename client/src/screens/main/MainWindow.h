#pragma once

#include <QJsonObject>
#include <QMainWindow>
#include <QMap>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace citycode::client {

class ApiClient;
class ApiError;
class LanguageManager;
class LocalStore;
class Page;
class ReferenceCache;
class Session;
class StatusLabel;

// The console's frame after sign-in: the operator, platform and scope across the top, the
// navigation the operator's menus allow on the left (pages from PageRegistry), the chosen page
// on the right, and a status bar with the server, the connection state and a busy indicator.
// Remembers its size, layout and last page; when the session ends it asks to sign in again and
// keeps the open pages.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ApiClient* api, Session* session, LanguageManager* languages, QWidget* parent = nullptr);
    // With the console's local state, which the pages use for recent searches and cached
    // reference lists (either may be null).
    MainWindow(ApiClient* api, Session* session, LanguageManager* languages, LocalStore* localStore,
               ReferenceCache* referenceData, QWidget* parent = nullptr);

    // Shows the page registered for `permission` if the navigation offers it; false otherwise.
    bool showPage(const QString& permission);
    QString currentPermission() const;
    Page* page(const QString& permission) const { return m_pages.value(permission); }

signals:
    void signOutRequested();

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
    void buildNavigation();
    void retranslateUi();
    void showConnectionState();
    void showAbout();
    void onNavigationChanged(QTreeWidgetItem* item);
    void onHealthChecked(bool ok, const QString& version, const QString& databaseState, const QString& errorMessage);
    void onRequestFailed(const ApiError& error);
    void onSessionExpired();
    void saveLayout();
    // After a language switch: pages are built again in the new language (the current one at
    // once, the others when next chosen).
    void rebuildPages();
    QString groupTitle(const QJsonObject& menu) const;

    ApiClient* m_api;
    Session* m_session;
    LocalStore* m_localStore = nullptr;
    ReferenceCache* m_referenceData = nullptr;
    LanguageManager* m_languages;
    ConnectionState m_connectionState = ConnectionState::Unknown;
    QString m_serverVersion;
    QString m_connectionDetail;
    bool m_checkedOnShow = false;
    bool m_signingInAgain = false;
    bool m_rebuildQueued = false;
    QMap<QString, Page*> m_pages;
    QMap<QString, QTreeWidgetItem*> m_items;

    QMenu* m_fileMenu = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_quitAction = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_aboutAction = nullptr;
    QLabel* m_accountLabel = nullptr;
    QSplitter* m_splitter = nullptr;
    QTreeWidget* m_navigationTreeWidget = nullptr;
    QTreeWidgetItem* m_overviewItem = nullptr;
    QStackedWidget* m_pagesStackedWidget = nullptr;
    QLabel* m_overviewLabel = nullptr;
    QLabel* m_serverStatusLabel = nullptr;
    QProgressBar* m_busyProgressBar = nullptr;
    StatusLabel* m_connectionStatusLabel = nullptr;
};

} // namespace citycode::client
