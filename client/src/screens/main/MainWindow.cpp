#include "screens/main/MainWindow.h"

#include "api/ApiClient.h"
#include "app/Settings.h"
#include "widgets/StatusLabel.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeWidget>

namespace citycode::client {

namespace {

constexpr int DefaultWidth = 1100;
constexpr int DefaultHeight = 720;
constexpr int NavigationWidth = 220;
constexpr int PageWidth = DefaultWidth - NavigationWidth;

} // namespace

MainWindow::MainWindow(ApiClient* api, QWidget* parent) : QMainWindow(parent), m_api(api)
{
    buildUi();
    retranslateUi();

    connect(m_api, &ApiClient::healthChecked, this, &MainWindow::onHealthChecked);
    connect(m_api, &ApiClient::requestFailed, this, &MainWindow::onRequestFailed);
    connect(m_api, &ApiClient::baseUrlChanged, this, &MainWindow::retranslateUi);
    connect(m_quitAction, &QAction::triggered, this, &QMainWindow::close);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_navigationTreeWidget, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item != nullptr) {
            m_pagesStackedWidget->setCurrentIndex(m_navigationTreeWidget->indexOfTopLevelItem(item));
        }
    });

    resize(DefaultWidth, DefaultHeight);
    restoreGeometry(Settings().mainWindowGeometry());
}

void MainWindow::buildUi()
{
    setObjectName(QStringLiteral("mainWindow"));

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_quitAction = m_fileMenu->addAction(QString());
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_aboutAction = m_helpMenu->addAction(QString());
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));

    // Each page of the console is one top-level navigation item and one stacked page, in the
    // same order; the pages of the following releases register here.
    m_navigationTreeWidget = new QTreeWidget(this);
    m_navigationTreeWidget->setObjectName(QStringLiteral("navigationTreeWidget"));
    m_navigationTreeWidget->setHeaderHidden(true);
    m_navigationTreeWidget->setRootIsDecorated(false);
    m_pagesStackedWidget = new QStackedWidget(this);
    m_pagesStackedWidget->setObjectName(QStringLiteral("pagesStackedWidget"));

    m_overviewItem = new QTreeWidgetItem(m_navigationTreeWidget);
    m_overviewLabel = new QLabel(m_pagesStackedWidget);
    m_overviewLabel->setObjectName(QStringLiteral("overviewLabel"));
    m_overviewLabel->setAlignment(Qt::AlignCenter);
    m_overviewLabel->setWordWrap(true);
    m_pagesStackedWidget->addWidget(m_overviewLabel);
    m_navigationTreeWidget->setCurrentItem(m_overviewItem);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigationTreeWidget);
    splitter->addWidget(m_pagesStackedWidget);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({NavigationWidth, PageWidth});
    setCentralWidget(splitter);

    m_serverStatusLabel = new QLabel(this);
    m_serverStatusLabel->setObjectName(QStringLiteral("serverStatusLabel"));
    m_connectionStatusLabel = new StatusLabel(this);
    m_connectionStatusLabel->setObjectName(QStringLiteral("connectionStatusLabel"));
    m_connectionStatusLabel->setWordWrap(false);
    statusBar()->addWidget(m_serverStatusLabel);
    statusBar()->addPermanentWidget(m_connectionStatusLabel);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("CityCode Admin Console"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About CityCode Admin Console"));
    m_overviewItem->setText(0, tr("Overview"));
    m_overviewLabel->setText(tr("Welcome to the CityCode admin console.\nChoose a section on the left."));
    m_serverStatusLabel->setText(tr("Server: %1").arg(m_api->baseUrl().toDisplayString()));
    showConnectionState();
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
    // An HTTP error answer means the server is there and refused one request.
    if (error.kind == ApiError::Kind::HttpError) {
        return;
    }
    m_connectionState = ConnectionState::Failed;
    m_connectionDetail = error.toString();
    showConnectionState();
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
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

void MainWindow::closeEvent(QCloseEvent* event)
{
    Settings().setMainWindowGeometry(saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace citycode::client
