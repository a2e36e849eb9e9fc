#include "screens/main/MainWindow.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "screens/login/LoginDialog.h"
#include "screens/main/PageRegistry.h"
#include "widgets/Page.h"
#include "widgets/StatusLabel.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

constexpr int DefaultWidth = 1280;
constexpr int DefaultHeight = 800;
constexpr int NavigationWidth = 220;
constexpr int PageWidth = DefaultWidth - NavigationWidth;
constexpr int BusyBarWidth = 80;
constexpr int ErrorMessageMs = 15000;
constexpr int PermissionRole = Qt::UserRole + 1;

} // namespace

MainWindow::MainWindow(ApiClient* api, Session* session, LanguageManager* languages, QWidget* parent)
    : MainWindow(api, session, languages, nullptr, nullptr, parent)
{
}

MainWindow::MainWindow(ApiClient* api, Session* session, LanguageManager* languages, LocalStore* localStore,
                       ReferenceCache* referenceData, QWidget* parent)
    : QMainWindow(parent), m_api(api), m_session(session), m_localStore(localStore), m_referenceData(referenceData),
      m_languages(languages)
{
    buildUi();
    buildNavigation();
    retranslateUi();

    connect(m_api, &ApiClient::healthChecked, this, &MainWindow::onHealthChecked);
    connect(m_api, &ApiClient::requestFailed, this, &MainWindow::onRequestFailed);
    connect(m_api, &ApiClient::requestSucceeded, this, [this]() {
        if (m_connectionState != ConnectionState::Connected && !m_serverVersion.isEmpty()) {
            m_connectionState = ConnectionState::Connected;
            m_connectionDetail.clear();
            showConnectionState();
        }
    });
    connect(m_api, &ApiClient::baseUrlChanged, this, &MainWindow::retranslateUi);
    connect(m_api, &ApiClient::busyChanged, m_busyProgressBar, &QWidget::setVisible);
    connect(m_api, &ApiClient::sessionExpired, this, &MainWindow::onSessionExpired);
    connect(m_quitAction, &QAction::triggered, this, &QMainWindow::close);
    connect(m_signOutAction, &QAction::triggered, this, [this]() {
        saveLayout();
        emit signOutRequested();
    });
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_navigationTreeWidget, &QTreeWidget::currentItemChanged, this, &MainWindow::onNavigationChanged);

    resize(DefaultWidth, DefaultHeight);
    Settings settings;
    restoreGeometry(settings.mainWindowGeometry());
    m_splitter->restoreState(settings.mainWindowState());
    if (!showPage(settings.lastPage())) {
        m_navigationTreeWidget->setCurrentItem(m_overviewItem);
    }
}

void MainWindow::buildUi()
{
    setObjectName(QStringLiteral("mainWindow"));

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_signOutAction = m_fileMenu->addAction(QString());
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString());
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_aboutAction = m_helpMenu->addAction(QString());
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));

    m_accountLabel = new QLabel(this);
    m_accountLabel->setObjectName(QStringLiteral("accountLabel"));
    m_accountLabel->setTextFormat(Qt::PlainText);
    m_accountLabel->setContentsMargins(8, 4, 8, 4);

    m_navigationTreeWidget = new QTreeWidget(this);
    m_navigationTreeWidget->setObjectName(QStringLiteral("navigationTreeWidget"));
    m_navigationTreeWidget->setHeaderHidden(true);
    m_pagesStackedWidget = new QStackedWidget(this);
    m_pagesStackedWidget->setObjectName(QStringLiteral("pagesStackedWidget"));

    m_overviewLabel = new QLabel(m_pagesStackedWidget);
    m_overviewLabel->setObjectName(QStringLiteral("overviewLabel"));
    m_overviewLabel->setAlignment(Qt::AlignCenter);
    m_overviewLabel->setWordWrap(true);
    m_pagesStackedWidget->addWidget(m_overviewLabel);

    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigationTreeWidget);
    m_splitter->addWidget(m_pagesStackedWidget);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({NavigationWidth, PageWidth});

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_accountLabel);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_serverStatusLabel = new QLabel(this);
    m_serverStatusLabel->setObjectName(QStringLiteral("serverStatusLabel"));
    m_busyProgressBar = new QProgressBar(this);
    m_busyProgressBar->setObjectName(QStringLiteral("busyProgressBar"));
    m_busyProgressBar->setRange(0, 0);
    m_busyProgressBar->setMaximumWidth(BusyBarWidth);
    m_busyProgressBar->setTextVisible(false);
    m_busyProgressBar->setVisible(false);
    m_connectionStatusLabel = new StatusLabel(this);
    m_connectionStatusLabel->setObjectName(QStringLiteral("connectionStatusLabel"));
    m_connectionStatusLabel->setWordWrap(false);
    statusBar()->addPermanentWidget(m_serverStatusLabel);
    statusBar()->addPermanentWidget(m_busyProgressBar);
    statusBar()->addPermanentWidget(m_connectionStatusLabel);
}

QString MainWindow::groupTitle(const QJsonObject& menu) const
{
    // The seeded groups (AuthorisationSchema.cpp) in the console's language; others as named.
    const QString key = menu.value(QLatin1String("permission")).toString();
    if (key == QLatin1String("base")) {
        return tr("Basic management");
    }
    if (key == QLatin1String("code")) {
        return tr("Code engine");
    }
    if (key == QLatin1String("system")) {
        return tr("System management");
    }
    return menu.value(QLatin1String("name")).toString();
}

void MainWindow::buildNavigation()
{
    m_navigationTreeWidget->clear();
    m_items.clear();
    m_overviewItem = new QTreeWidgetItem(m_navigationTreeWidget);
    m_overviewItem->setData(0, PermissionRole, QString());
    const PageRegistry& registry = PageRegistry::instance();

    const auto addPage = [this, &registry](QTreeWidgetItem* parentItem, const QString& permission) {
        const PageRegistry::Entry* entry = registry.find(permission);
        if (entry == nullptr || m_items.contains(permission)) {
            return;
        }
        auto* item =
            parentItem != nullptr ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(m_navigationTreeWidget);
        item->setData(0, PermissionRole, permission);
        m_items.insert(permission, item);
    };
    for (const QString& permission : registry.localPermissions()) {
        addPage(nullptr, permission);
    }
    if (m_session == nullptr) {
        return;
    }
    for (const QJsonValue& groupValue : m_session->menus()) {
        const QJsonObject group = groupValue.toObject();
        const QJsonArray children = group.value(QLatin1String("children")).toArray();
        if (children.isEmpty()) {
            addPage(nullptr, group.value(QLatin1String("permission")).toString());
            continue;
        }
        auto* groupItem = new QTreeWidgetItem(m_navigationTreeWidget);
        groupItem->setData(0, PermissionRole, group.value(QLatin1String("permission")).toString());
        groupItem->setData(0, Qt::UserRole + 2, group);
        groupItem->setFlags(Qt::ItemIsEnabled);
        for (const QJsonValue& child : children) {
            addPage(groupItem, child.toObject().value(QLatin1String("permission")).toString());
        }
        if (groupItem->childCount() == 0) {
            delete groupItem;
        }
    }
    m_navigationTreeWidget->expandAll();
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("CityCode Admin Console"));
    m_fileMenu->setTitle(tr("&File"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About CityCode Admin Console"));
    m_overviewItem->setText(0, tr("Overview"));
    const PageRegistry& registry = PageRegistry::instance();
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        it.value()->setText(0, registry.find(it.key())->title());
    }
    for (int i = 0; i < m_navigationTreeWidget->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_navigationTreeWidget->topLevelItem(i);
        const QJsonObject group = item->data(0, Qt::UserRole + 2).toJsonObject();
        if (!group.isEmpty()) {
            item->setText(0, groupTitle(group));
        }
    }
    if (m_session != nullptr && m_session->isSignedIn()) {
        const QString scope = m_session->isMainPlatform() ? tr("all platforms") : tr("this platform only");
        const QString who = m_session->displayName().isEmpty()
                                ? m_session->username()
                                : tr("%1 (%2)").arg(m_session->displayName(), m_session->username());
        m_accountLabel->setText(
            tr("Operator: %1    Platform: %2    Scope: %3").arg(who, m_session->platformName(), scope));
        m_overviewLabel->setText(tr("Welcome, %1.\nYou manage %2 (%3).\nChoose a section on the left.")
                                     .arg(who, m_session->platformName(), scope));
    } else {
        m_accountLabel->setText(tr("Not signed in"));
        m_overviewLabel->setText(tr("Welcome to the CityCode admin console.\nChoose a section on the left."));
    }
    m_serverStatusLabel->setText(tr("Server: %1").arg(m_api->baseUrl().toDisplayString()));
    showConnectionState();
}

bool MainWindow::showPage(const QString& permission)
{
    QTreeWidgetItem* item = m_items.value(permission);
    if (item == nullptr) {
        return false;
    }
    m_navigationTreeWidget->setCurrentItem(item);
    return true;
}

QString MainWindow::currentPermission() const
{
    QTreeWidgetItem* item = m_navigationTreeWidget->currentItem();
    return item != nullptr ? item->data(0, PermissionRole).toString() : QString();
}

void MainWindow::onNavigationChanged(QTreeWidgetItem* item)
{
    if (item == nullptr) {
        return;
    }
    const QString permission = item->data(0, PermissionRole).toString();
    if (item == m_overviewItem) {
        m_pagesStackedWidget->setCurrentWidget(m_overviewLabel);
        return;
    }
    const PageRegistry::Entry* entry = PageRegistry::instance().find(permission);
    if (entry == nullptr) {
        return; // a group heading
    }
    Page* page = m_pages.value(permission);
    if (page == nullptr) {
        page = entry->factory(PageContext{m_api, m_session, m_localStore, m_referenceData}, m_pagesStackedWidget);
        page->setProperty("permission", permission);
        m_pagesStackedWidget->addWidget(page);
        m_pages.insert(permission, page);
    }
    m_pagesStackedWidget->setCurrentWidget(page);
    page->activate();
}

void MainWindow::showConnectionState()
{
    switch (m_connectionState) {
    case ConnectionState::Unknown:
        m_connectionStatusLabel->showStatus(StatusLabel::Tone::Neutral, tr("Not checked yet"));
        break;
    case ConnectionState::Connected:
        m_connectionStatusLabel->showStatus(StatusLabel::Tone::Success,
                                            tr("Connected (server %1)").arg(m_serverVersion));
        break;
    case ConnectionState::Failed:
        m_connectionStatusLabel->showStatus(StatusLabel::Tone::Error, tr("Not connected"));
        break;
    }
    m_connectionStatusLabel->setToolTip(m_connectionDetail);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CityCode Admin Console"),
                       tr("CityCode Admin Console %1\nManages the codes of a CityCode server.")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::onHealthChecked(bool ok, const QString& version, const QString& /*databaseState*/,
                                 const QString& errorMessage)
{
    m_connectionState = ok ? ConnectionState::Connected : ConnectionState::Failed;
    m_serverVersion = version;
    m_connectionDetail = errorMessage;
    showConnectionState();
}

void MainWindow::onRequestFailed(const ApiError& error)
{
    // An HTTP error answer means the server is there and refused one request: the page that
    // asked shows it; the status bar keeps it for a while, with the request id.
    statusBar()->showMessage(error.toString(), ErrorMessageMs);
    if (error.kind == ApiError::Kind::HttpError) {
        return;
    }
    m_connectionState = ConnectionState::Failed;
    m_connectionDetail = error.toString();
    showConnectionState();
}

void MainWindow::onSessionExpired()
{
    if (m_signingInAgain || m_session == nullptr) {
        return;
    }
    m_signingInAgain = true;
    auto* dialog = new LoginDialog(m_api, m_languages, this, m_session->username());
    dialog->setObjectName(QStringLiteral("reloginDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Session ended — sign in again"));
    connect(dialog, &LoginDialog::signedIn, this, [this](const QJsonObject& profile) {
        m_session->update(profile);
        m_signingInAgain = false;
        retranslateUi();
        // The page stays; what it asked for while the session was gone is fetched again.
        if (auto* page = qobject_cast<Page*>(m_pagesStackedWidget->currentWidget())) {
            page->reload();
        }
    });
    connect(dialog, &QDialog::rejected, this, [this]() {
        m_signingInAgain = false;
        emit signOutRequested();
    });
    dialog->open();
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Pages set most of their texts once; they are rebuilt, after this event has reached
        // every widget (never deleted while Qt is still delivering it).
        if (!m_pages.isEmpty() && !m_rebuildQueued) {
            m_rebuildQueued = true;
            QMetaObject::invokeMethod(this, &MainWindow::rebuildPages, Qt::QueuedConnection);
        }
    }
}

void MainWindow::rebuildPages()
{
    m_rebuildQueued = false;
    const QString current = currentPermission();
    for (Page* page : std::as_const(m_pages)) {
        m_pagesStackedWidget->removeWidget(page);
        page->deleteLater();
    }
    m_pages.clear();
    if (QTreeWidgetItem* item = m_items.value(current)) {
        onNavigationChanged(item);
    } else {
        m_pagesStackedWidget->setCurrentWidget(m_overviewLabel);
    }
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_checkedOnShow) {
        m_checkedOnShow = true;
        m_api->checkHealth();
    }
}

void MainWindow::saveLayout()
{
    Settings settings;
    settings.setMainWindowGeometry(saveGeometry());
    settings.setMainWindowState(m_splitter->saveState());
    settings.setLastPage(currentPermission());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace citycode::client
