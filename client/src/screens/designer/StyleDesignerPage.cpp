#include "screens/designer/StyleDesignerPage.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "models/CodeEngineText.h"
#include "screens/designer/NewCodeStyleDialog.h"
#include "widgets/StatusLabel.h"

#include <citycode/common/CodePayload.h>
#include <citycode/common/Crypto.h>

#include <QBuffer>
#include <QColorDialog>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace citycode::client {

const QString StyleDesignerPage::StylesPath = QStringLiteral("/admin/v1/code-styles");

namespace {

// The permissions over the server's code styles (AuthorisationSchema.cpp, KeySchema.cpp).
const QString EditPermission = QStringLiteral("code:style:edit");
const QString AddPermission = QStringLiteral("code:style:add");
const QString DeletePermission = QStringLiteral("code:style:delete");
const QString ActivatePermission = QStringLiteral("code:style:activate");
// The server style combo's items: the id as user data, the status and name beside it.
constexpr int StatusRole = Qt::UserRole + 1;
constexpr int NameRole = Qt::UserRole + 2;
// "platformId/codeType": the styles of one key take turns being active (000 §2.2.3).
constexpr int TypeKeyRole = Qt::UserRole + 3;

constexpr double MillimetresPerInch = 25.4;
constexpr double FallbackDpi = 96.0;
constexpr int MaximumPrintSizeMm = 500;
constexpr int MaximumLogoSide = 256;
constexpr int MaximumLogoBytes = 64 * 1024;   // CodeStyleService::kMaxLogoBytes
constexpr int SampleDynamicCodeLifetime = 60; // 002 §9.2

// A dynamic personal code as the server issues it (HMAC-SM3, code type and app id fields), sealed
// with a throwaway key: the size and character set of a real payload.
QString sampleCode()
{
    common::CodePayload payload;
    payload.alg = common::CodeAlg::HmacSm3;
    payload.keyId = common::randomBytes(common::kKeyIdSize);
    payload.ruleId = 1;
    payload.ruleVersion = 1;
    payload.subjectRef = common::toBytes("sample-subject-1");
    payload.issuedAt = static_cast<std::uint32_t>(QDateTime::currentSecsSinceEpoch());
    payload.expiresAt = payload.issuedAt + SampleDynamicCodeLifetime;
    payload.nonce = common::randomBytes(common::kNonceSize);
    payload.fields.push_back({static_cast<std::uint8_t>(common::CodeFieldTag::CodeType), {1}});
    payload.fields.push_back({static_cast<std::uint8_t>(common::CodeFieldTag::AppId), {0, 0, 0, 0, 0, 0, 0, 1}});
    return QString::fromStdString(common::sealCode(payload, common::randomBytes(32)));
}

bool writeFile(const QString& fileName, const QByteArray& bytes, QString* error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error != nullptr) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

QColor parseColour(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() != 7 || !trimmed.startsWith(QLatin1Char('#')) || !QColor::isValidColorName(trimmed)) {
        return {};
    }
    return QColor::fromString(trimmed);
}

} // namespace

StyleDesignerPage::StyleDesignerPage(const PageContext& context, QWidget* parent) : Page(context, parent)
{
    buildUi();
    retranslateUi();
    m_payloadPlainTextEdit->setPlainText(sampleCode());
    controlsFromStyle();

    const auto changed = [this] { styleFromControls(); };
    connect(m_symbologyComboBox, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_ecLevelComboBox, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_quietZoneSpinBox, qOverload<int>(&QSpinBox::valueChanged), this, changed);
    connect(m_modulePixelsSpinBox, qOverload<int>(&QSpinBox::valueChanged), this, changed);
    connect(m_printSizeSpinBox, qOverload<int>(&QSpinBox::valueChanged), this, changed);
    connect(m_logoSizeSpinBox, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
    connect(m_foregroundLineEdit, &QLineEdit::textChanged, this, changed);
    connect(m_backgroundLineEdit, &QLineEdit::textChanged, this, changed);
    connect(m_captionLineEdit, &QLineEdit::textChanged, this, changed);
    connect(m_payloadPlainTextEdit, &QPlainTextEdit::textChanged, this, &StyleDesignerPage::refresh);
    connect(m_captionColourLineEdit, &QLineEdit::textChanged, this, changed);
    connect(m_foregroundToolButton, &QToolButton::clicked, this,
            [this] { chooseColour(m_foregroundLineEdit, tr("Foreground colour")); });
    connect(m_backgroundToolButton, &QToolButton::clicked, this,
            [this] { chooseColour(m_backgroundLineEdit, tr("Background colour")); });
    connect(m_captionColourToolButton, &QToolButton::clicked, this,
            [this] { chooseColour(m_captionColourLineEdit, tr("Caption colour")); });
    connect(m_serverRefreshPushButton, &QPushButton::clicked, this, &StyleDesignerPage::loadServerStyles);
    connect(m_serverLoadPushButton, &QPushButton::clicked, this, &StyleDesignerPage::loadServerStyle);
    connect(m_serverSavePushButton, &QPushButton::clicked, this, &StyleDesignerPage::saveServerStyle);
    connect(m_serverNewPushButton, &QPushButton::clicked, this, &StyleDesignerPage::createServerStyle);
    connect(m_serverActivatePushButton, &QPushButton::clicked, this, &StyleDesignerPage::activateServerStyle);
    connect(m_serverDeletePushButton, &QPushButton::clicked, this, &StyleDesignerPage::deleteServerStyle);
    connect(m_serverStylesComboBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &StyleDesignerPage::updateServerButtons);
    connect(m_chooseLogoPushButton, &QPushButton::clicked, this, &StyleDesignerPage::chooseLogo);
    connect(m_removeLogoPushButton, &QPushButton::clicked, this, [this] {
        m_style.logoPng.clear();
        m_style.logoAreaFraction = 0.0;
        controlsFromStyle();
    });
    connect(m_samplePushButton, &QPushButton::clicked, this, &StyleDesignerPage::newSamplePayload);
    connect(m_loadJsonPushButton, &QPushButton::clicked, this, &StyleDesignerPage::onLoadJson);
    connect(m_saveJsonPushButton, &QPushButton::clicked, this, &StyleDesignerPage::onSaveJson);
    connect(m_exportPngPushButton, &QPushButton::clicked, this, &StyleDesignerPage::onExportPng);
    connect(m_exportSvgPushButton, &QPushButton::clicked, this, &StyleDesignerPage::onExportSvg);
    connect(m_printPushButton, &QPushButton::clicked, this, &StyleDesignerPage::onPrint);
}

void StyleDesignerPage::buildUi()
{
    setObjectName(QStringLiteral("styleDesignerPage"));

    m_symbolGroupBox = new QGroupBox(this);
    m_symbolGroupBox->setObjectName(QStringLiteral("symbolGroupBox"));
    auto* symbolForm = new QFormLayout(m_symbolGroupBox);
    m_symbologyLabel = new QLabel(m_symbolGroupBox);
    m_symbologyComboBox = new QComboBox(m_symbolGroupBox);
    m_symbologyComboBox->setObjectName(QStringLiteral("symbologyComboBox"));
    m_symbologyComboBox->addItem(QString(), static_cast<int>(common::Symbology::Qr));
    m_symbologyComboBox->addItem(QString(), static_cast<int>(common::Symbology::GridMatrix));
    m_ecLevelLabel = new QLabel(m_symbolGroupBox);
    m_ecLevelComboBox = new QComboBox(m_symbolGroupBox);
    m_ecLevelComboBox->setObjectName(QStringLiteral("ecLevelComboBox"));
    for (const common::EcLevel level :
         {common::EcLevel::L, common::EcLevel::M, common::EcLevel::Q, common::EcLevel::H}) {
        m_ecLevelComboBox->addItem(QString(), static_cast<int>(level));
    }
    m_quietZoneLabel = new QLabel(m_symbolGroupBox);
    m_quietZoneSpinBox = new QSpinBox(m_symbolGroupBox);
    m_quietZoneSpinBox->setObjectName(QStringLiteral("quietZoneSpinBox"));
    m_quietZoneSpinBox->setRange(0, 64);
    m_modulePixelsLabel = new QLabel(m_symbolGroupBox);
    m_modulePixelsSpinBox = new QSpinBox(m_symbolGroupBox);
    m_modulePixelsSpinBox->setObjectName(QStringLiteral("modulePixelsSpinBox"));
    m_modulePixelsSpinBox->setRange(1, 64);
    m_printSizeLabel = new QLabel(m_symbolGroupBox);
    m_printSizeSpinBox = new QSpinBox(m_symbolGroupBox);
    m_printSizeSpinBox->setObjectName(QStringLiteral("printSizeSpinBox"));
    m_printSizeSpinBox->setRange(CodeStyle::MinimumPrintSizeMm, MaximumPrintSizeMm);
    symbolForm->addRow(m_symbologyLabel, m_symbologyComboBox);
    symbolForm->addRow(m_ecLevelLabel, m_ecLevelComboBox);
    symbolForm->addRow(m_quietZoneLabel, m_quietZoneSpinBox);
    symbolForm->addRow(m_modulePixelsLabel, m_modulePixelsSpinBox);
    symbolForm->addRow(m_printSizeLabel, m_printSizeSpinBox);

    m_colourGroupBox = new QGroupBox(this);
    m_colourGroupBox->setObjectName(QStringLiteral("colourGroupBox"));
    auto* colourForm = new QFormLayout(m_colourGroupBox);
    const auto colourRow = [](QWidget* parent, QLineEdit** edit, QToolButton** button, const QString& name) {
        auto* row = new QHBoxLayout;
        *edit = new QLineEdit(parent);
        (*edit)->setObjectName(name + QStringLiteral("LineEdit"));
        (*edit)->setMaxLength(7);
        (*edit)->setInputMask(QStringLiteral("\\#HHHHHH"));
        *button = new QToolButton(parent);
        (*button)->setObjectName(name + QStringLiteral("ToolButton"));
        row->addWidget(*edit, 1);
        row->addWidget(*button);
        return row;
    };
    m_foregroundLabel = new QLabel(m_colourGroupBox);
    m_backgroundLabel = new QLabel(m_colourGroupBox);
    colourForm->addRow(m_foregroundLabel, colourRow(m_colourGroupBox, &m_foregroundLineEdit, &m_foregroundToolButton,
                                                    QStringLiteral("foreground")));
    colourForm->addRow(m_backgroundLabel, colourRow(m_colourGroupBox, &m_backgroundLineEdit, &m_backgroundToolButton,
                                                    QStringLiteral("background")));
    m_contrastLabel = new QLabel(m_colourGroupBox);
    m_contrastLabel->setObjectName(QStringLiteral("contrastLabel"));
    colourForm->addRow(m_contrastLabel);

    m_logoGroupBox = new QGroupBox(this);
    m_logoGroupBox->setObjectName(QStringLiteral("logoGroupBox"));
    auto* logoForm = new QFormLayout(m_logoGroupBox);
    auto* logoButtons = new QHBoxLayout;
    m_chooseLogoPushButton = new QPushButton(m_logoGroupBox);
    m_chooseLogoPushButton->setObjectName(QStringLiteral("chooseLogoPushButton"));
    m_removeLogoPushButton = new QPushButton(m_logoGroupBox);
    m_removeLogoPushButton->setObjectName(QStringLiteral("removeLogoPushButton"));
    logoButtons->addWidget(m_chooseLogoPushButton);
    logoButtons->addWidget(m_removeLogoPushButton);
    logoButtons->addStretch(1);
    logoForm->addRow(logoButtons);
    m_logoSizeLabel = new QLabel(m_logoGroupBox);
    m_logoSizeSpinBox = new QDoubleSpinBox(m_logoGroupBox);
    m_logoSizeSpinBox->setObjectName(QStringLiteral("logoSizeSpinBox"));
    m_logoSizeSpinBox->setDecimals(1);
    m_logoSizeSpinBox->setSingleStep(0.5);
    logoForm->addRow(m_logoSizeLabel, m_logoSizeSpinBox);
    m_captionLabel = new QLabel(m_logoGroupBox);
    m_captionLineEdit = new QLineEdit(m_logoGroupBox);
    m_captionLineEdit->setObjectName(QStringLiteral("captionLineEdit"));
    m_captionLineEdit->setMaxLength(64);
    logoForm->addRow(m_captionLabel, m_captionLineEdit);
    m_captionColourLabel = new QLabel(m_logoGroupBox);
    logoForm->addRow(m_captionColourLabel, colourRow(m_logoGroupBox, &m_captionColourLineEdit,
                                                     &m_captionColourToolButton, QStringLiteral("captionColour")));

    // Styles on the server: only with a signed-in console (the designer also works standalone).
    m_serverGroupBox = new QGroupBox(this);
    m_serverGroupBox->setObjectName(QStringLiteral("serverGroupBox"));
    m_serverGroupBox->setVisible(api() != nullptr);
    // Across the page, above the controls and the preview: the list has room to name each style whole.
    auto* serverLayout = new QHBoxLayout(m_serverGroupBox);
    m_serverStylesComboBox = new QComboBox(m_serverGroupBox);
    m_serverStylesComboBox->setObjectName(QStringLiteral("serverStylesComboBox"));
    // It takes the row's free width; a long style name does not widen the page (the tool tip has it all).
    m_serverStylesComboBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_serverStylesComboBox->setMinimumContentsLength(24);
    m_serverRefreshPushButton = new QPushButton(m_serverGroupBox);
    m_serverRefreshPushButton->setObjectName(QStringLiteral("serverRefreshPushButton"));
    m_serverLoadPushButton = new QPushButton(m_serverGroupBox);
    m_serverLoadPushButton->setObjectName(QStringLiteral("serverLoadPushButton"));
    m_serverSavePushButton = new QPushButton(m_serverGroupBox);
    m_serverSavePushButton->setObjectName(QStringLiteral("serverSavePushButton"));
    m_serverNewPushButton = new QPushButton(m_serverGroupBox);
    m_serverNewPushButton->setObjectName(QStringLiteral("serverNewPushButton"));
    m_serverActivatePushButton = new QPushButton(m_serverGroupBox);
    m_serverActivatePushButton->setObjectName(QStringLiteral("serverActivatePushButton"));
    m_serverDeletePushButton = new QPushButton(m_serverGroupBox);
    m_serverDeletePushButton->setObjectName(QStringLiteral("serverDeletePushButton"));
    serverLayout->addWidget(m_serverStylesComboBox, 1);
    serverLayout->addWidget(m_serverRefreshPushButton);
    serverLayout->addWidget(m_serverLoadPushButton);
    serverLayout->addWidget(m_serverSavePushButton);
    serverLayout->addWidget(m_serverNewPushButton);
    serverLayout->addWidget(m_serverActivatePushButton);
    serverLayout->addWidget(m_serverDeletePushButton);

    m_payloadGroupBox = new QGroupBox(this);
    m_payloadGroupBox->setObjectName(QStringLiteral("payloadGroupBox"));
    auto* payloadLayout = new QVBoxLayout(m_payloadGroupBox);
    m_payloadPlainTextEdit = new QPlainTextEdit(m_payloadGroupBox);
    m_payloadPlainTextEdit->setObjectName(QStringLiteral("payloadPlainTextEdit"));
    m_payloadPlainTextEdit->setMaximumHeight(90);
    m_samplePushButton = new QPushButton(m_payloadGroupBox);
    m_samplePushButton->setObjectName(QStringLiteral("samplePushButton"));
    payloadLayout->addWidget(m_payloadPlainTextEdit);
    payloadLayout->addWidget(m_samplePushButton, 0, Qt::AlignLeft);

    auto* controls = new QWidget;
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->addWidget(m_symbolGroupBox);
    controlsLayout->addWidget(m_colourGroupBox);
    controlsLayout->addWidget(m_logoGroupBox);
    controlsLayout->addWidget(m_payloadGroupBox);
    controlsLayout->addStretch(1);
    auto* controlsScrollArea = new QScrollArea(this);
    controlsScrollArea->setObjectName(QStringLiteral("controlsScrollArea"));
    controlsScrollArea->setWidget(controls);
    controlsScrollArea->setWidgetResizable(true);
    controlsScrollArea->setFrameShape(QFrame::NoFrame);
    controlsScrollArea->setMinimumWidth(340);
    controlsScrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_previewLabel = new QLabel;
    m_previewLabel->setObjectName(QStringLiteral("previewLabel"));
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewScrollArea = new QScrollArea(this);
    m_previewScrollArea->setObjectName(QStringLiteral("previewScrollArea"));
    m_previewScrollArea->setWidget(m_previewLabel);
    m_previewScrollArea->setWidgetResizable(true);
    m_previewScrollArea->setMinimumSize(260, 260);
    m_symbolInfoLabel = new QLabel(this);
    m_symbolInfoLabel->setObjectName(QStringLiteral("symbolInfoLabel"));
    m_symbolInfoLabel->setWordWrap(true);
    m_warningsLabel = new QLabel(this);
    m_warningsLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::RichText);
    m_resultStatusLabel = new StatusLabel(this);
    m_resultStatusLabel->setObjectName(QStringLiteral("resultStatusLabel"));

    const auto button = [this](QPushButton** target, const QString& name) {
        *target = new QPushButton(this);
        (*target)->setObjectName(name);
        return *target;
    };
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(button(&m_loadJsonPushButton, QStringLiteral("loadJsonPushButton")));
    buttons->addWidget(button(&m_saveJsonPushButton, QStringLiteral("saveJsonPushButton")));
    buttons->addStretch(1);
    buttons->addWidget(button(&m_exportPngPushButton, QStringLiteral("exportPngPushButton")));
    buttons->addWidget(button(&m_exportSvgPushButton, QStringLiteral("exportSvgPushButton")));
    buttons->addWidget(button(&m_printPushButton, QStringLiteral("printPushButton")));

    auto* previewColumn = new QVBoxLayout;
    previewColumn->addWidget(m_previewScrollArea, 1);
    previewColumn->addWidget(m_symbolInfoLabel);
    previewColumn->addWidget(m_warningsLabel);
    previewColumn->addWidget(m_resultStatusLabel);
    previewColumn->addLayout(buttons);

    auto* columns = new QHBoxLayout;
    columns->addWidget(controlsScrollArea);
    columns->addLayout(previewColumn, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_serverGroupBox);
    layout->addLayout(columns, 1);
}

void StyleDesignerPage::retranslateUi()
{
    m_symbolGroupBox->setTitle(tr("Symbol"));
    m_symbologyLabel->setText(tr("Symbology:"));
    m_symbologyComboBox->setItemText(0, tr("QR Code"));
    m_symbologyComboBox->setItemText(1, tr("Grid Matrix (GB/T 27766)"));
    m_ecLevelLabel->setText(tr("Error correction:"));
    m_ecLevelComboBox->setItemText(0, tr("L (about 7 %)"));
    m_ecLevelComboBox->setItemText(1, tr("M (about 15 %)"));
    m_ecLevelComboBox->setItemText(2, tr("Q (about 25 %)"));
    m_ecLevelComboBox->setItemText(3, tr("H (about 30 %)"));
    m_quietZoneLabel->setText(tr("Quiet zone:"));
    m_quietZoneSpinBox->setSuffix(tr(" modules"));
    m_modulePixelsLabel->setText(tr("Module size:"));
    m_modulePixelsSpinBox->setSuffix(tr(" px"));
    m_modulePixelsSpinBox->setToolTip(tr("Pixels per module in the image the server issues (at least 3)."));
    m_printSizeLabel->setText(tr("Print size:"));
    m_printSizeSpinBox->setSuffix(tr(" mm"));
    m_printSizeSpinBox->setToolTip(tr("Side of the printed code, quiet zone included (at least 3 cm)."));

    m_colourGroupBox->setTitle(tr("Colours"));
    m_foregroundLabel->setText(tr("Foreground:"));
    m_backgroundLabel->setText(tr("Background:"));
    m_foregroundToolButton->setText(tr("Choose…"));
    m_backgroundToolButton->setText(tr("Choose…"));

    m_logoGroupBox->setTitle(tr("Logo and caption"));
    m_chooseLogoPushButton->setText(tr("Choose logo…"));
    m_removeLogoPushButton->setText(tr("Remove logo"));
    m_logoSizeLabel->setText(tr("Logo area:"));
    m_logoSizeSpinBox->setSuffix(tr(" %"));
    m_captionLabel->setText(tr("Caption:"));
    m_captionLineEdit->setPlaceholderText(tr("Text printed under the code"));
    m_captionColourLabel->setText(tr("Caption colour:"));
    m_captionColourToolButton->setText(tr("Choose…"));
    m_serverGroupBox->setTitle(tr("Styles on the server"));
    m_serverRefreshPushButton->setText(tr("Refresh"));
    m_serverLoadPushButton->setText(tr("Open"));
    m_serverSavePushButton->setText(tr("Save to server"));
    m_serverNewPushButton->setText(tr("Save as new…"));
    m_serverActivatePushButton->setText(tr("Activate"));
    m_serverDeletePushButton->setText(tr("Delete…"));

    m_payloadGroupBox->setTitle(tr("Sample payload"));
    m_samplePushButton->setText(tr("New sample code"));

    m_loadJsonPushButton->setText(tr("Load style…"));
    m_saveJsonPushButton->setText(tr("Save style…"));
    m_exportPngPushButton->setText(tr("Export PNG…"));
    m_exportSvgPushButton->setText(tr("Export SVG…"));
    m_printPushButton->setText(tr("Print…"));
    refresh();
}

void StyleDesignerPage::changeEvent(QEvent* event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void StyleDesignerPage::setCodeStyle(const CodeStyle& style)
{
    m_style = style;
    m_style.printSizeMm = std::clamp(m_style.printSizeMm, CodeStyle::MinimumPrintSizeMm, MaximumPrintSizeMm);
    m_style.modulePixels = std::clamp(m_style.modulePixels, 1, 64);
    controlsFromStyle();
}

void StyleDesignerPage::setPayload(const QString& payload)
{
    m_payloadPlainTextEdit->setPlainText(payload);
}

QString StyleDesignerPage::payload() const
{
    return m_payloadPlainTextEdit->toPlainText().trimmed();
}

void StyleDesignerPage::controlsFromStyle()
{
    m_updatingControls = true;
    m_symbologyComboBox->setCurrentIndex(m_symbologyComboBox->findData(static_cast<int>(m_style.symbology)));
    m_ecLevelComboBox->setCurrentIndex(m_ecLevelComboBox->findData(static_cast<int>(m_style.ecLevel)));
    m_quietZoneSpinBox->setValue(m_style.quietZoneModules < 0 ? common::minimumQuietZone(m_style.symbology)
                                                              : m_style.quietZoneModules);
    m_modulePixelsSpinBox->setValue(m_style.modulePixels);
    m_printSizeSpinBox->setValue(m_style.printSizeMm);
    m_foregroundLineEdit->setText(m_style.foreground.name());
    m_backgroundLineEdit->setText(m_style.background.name());
    m_captionLineEdit->setText(m_style.caption);
    m_captionColourLineEdit->setText(m_style.captionColour.name());
    // The spin box may not show more than the level allows; a larger imported value stays in
    // the style, where the warning names it.
    m_logoSizeSpinBox->setRange(0.0, 100.0);
    m_logoSizeSpinBox->setValue(m_style.logoAreaFraction * 100.0);
    updateLogoLimit();
    m_updatingControls = false;
    refresh();
}

void StyleDesignerPage::updateLogoLimit()
{
    const bool hasLogo = !m_style.logoPng.isEmpty();
    const double budget = common::logoAreaBudget(m_style.ecLevel) * 100.0;
    m_logoSizeSpinBox->setEnabled(hasLogo && budget > 0.0);
    m_removeLogoPushButton->setEnabled(hasLogo);
    m_logoSizeSpinBox->setToolTip(
        tr("At level %1 a logo may cover at most %2 % of the code.")
            .arg(CodeStyle::ecLevelName(m_style.ecLevel), QLocale().toString(budget, 'f', 1)));
    if (m_style.logoAreaFraction * 100.0 <= budget + 1e-9) {
        m_logoSizeSpinBox->setMaximum(budget);
    }
}

void StyleDesignerPage::styleFromControls()
{
    if (m_updatingControls) {
        return;
    }
    const common::Symbology oldSymbology = m_style.symbology;
    const common::EcLevel oldLevel = m_style.ecLevel;
    m_style.symbology = static_cast<common::Symbology>(m_symbologyComboBox->currentData().toInt());
    m_style.ecLevel = static_cast<common::EcLevel>(m_ecLevelComboBox->currentData().toInt());
    m_style.quietZoneModules = m_quietZoneSpinBox->value();
    if (oldSymbology != m_style.symbology) {
        // Each symbology has its own minimum; moving between them keeps the same margin above it.
        m_style.quietZoneModules = std::max(m_style.quietZoneModules, common::minimumQuietZone(m_style.symbology));
    }
    m_style.modulePixels = m_modulePixelsSpinBox->value();
    m_style.printSizeMm = m_printSizeSpinBox->value();
    const QColor foreground = parseColour(m_foregroundLineEdit->text());
    const QColor background = parseColour(m_backgroundLineEdit->text());
    if (foreground.isValid()) {
        m_style.foreground = foreground;
    }
    if (background.isValid()) {
        m_style.background = background;
    }
    m_style.caption = m_captionLineEdit->text();
    const QColor captionColour = parseColour(m_captionColourLineEdit->text());
    if (captionColour.isValid()) {
        m_style.captionColour = captionColour;
    }
    m_style.logoAreaFraction = m_logoSizeSpinBox->value() / 100.0;
    if (oldLevel != m_style.ecLevel || oldSymbology != m_style.symbology) {
        // A weaker level shrinks the logo to what it can still absorb.
        m_style.logoAreaFraction = std::min(m_style.logoAreaFraction, common::logoAreaBudget(m_style.ecLevel));
        controlsFromStyle();
        return;
    }
    refresh();
}

double StyleDesignerPage::screenDpi() const
{
    if (m_dpiOverride > 0.0) {
        return m_dpiOverride;
    }
    const QScreen* current = screen();
    const double dpi = current != nullptr ? current->physicalDotsPerInch() : 0.0;
    return dpi > 0.0 ? dpi : FallbackDpi;
}

void StyleDesignerPage::refresh()
{
    if (m_previewLabel == nullptr || m_updatingControls) {
        return;
    }
    m_code = StyledCode::render(m_style, payload().toUtf8(), screenDpi());

    m_contrastLabel->setText(
        tr("Contrast ratio: %1:1 (at least 3:1)").arg(QLocale().toString(m_style.contrastRatio(), 'f', 1)));
    if (m_code.hasSymbol()) {
        // True size: the symbol's side in millimetres at this screen's physical resolution.
        const double dpi = screenDpi();
        const int side = std::max(1, static_cast<int>(std::lround(m_style.printSizeMm / MillimetresPerInch * dpi)));
        const QImage image = m_code.imageWithCaption();
        const int height = static_cast<int>(std::lround(static_cast<double>(side) * image.height() / image.width()));
        m_previewLabel->setPixmap(QPixmap::fromImage(
            image.scaled(side, height, Qt::IgnoreAspectRatio,
                         // Enlarged modules stay sharp; shrunk ones blur as the eye would see them.
                         side >= image.width() ? Qt::FastTransformation : Qt::SmoothTransformation)));
        const QString symbology = m_style.symbology == common::Symbology::Qr
                                      ? tr("QR version %1").arg(m_code.symbolVersion())
                                      : tr("Grid Matrix, %n layer(s)", nullptr, m_code.symbolVersion());
        m_symbolInfoLabel->setText(tr("%1, %2 × %2 modules; image %3 × %4 px; shown at %5 mm (screen %6 dpi)")
                                       .arg(symbology)
                                       .arg(m_code.symbolModules())
                                       .arg(m_code.image().width())
                                       .arg(m_code.image().height())
                                       .arg(m_style.printSizeMm)
                                       .arg(QLocale().toString(dpi, 'f', 0)));
    } else {
        m_previewLabel->setPixmap(QPixmap());
        m_previewLabel->setText(tr("No code to show."));
        m_symbolInfoLabel->clear();
    }

    QStringList lines;
    for (const StyledCode::Warning& warning : m_code.warnings()) {
        lines << QStringLiteral("<li>%1</li>").arg(warning.message.toHtmlEscaped());
    }
    if (lines.isEmpty()) {
        m_warningsLabel->setText(tr("No problems: the server issues this code as shown."));
        m_warningsLabel->setStyleSheet(QString());
    } else {
        const QString heading = m_code.isIssuable() ? tr("Warnings:") : tr("The server would refuse this style:");
        m_warningsLabel->setText(QStringLiteral("<b>%1</b><ul style=\"margin-left:0px\">%2</ul>")
                                     .arg(heading.toHtmlEscaped(), lines.join(QString())));
        m_warningsLabel->setStyleSheet(m_code.isIssuable() ? QString() : QStringLiteral("color: #b00020;"));
    }
    m_exportSvgPushButton->setEnabled(m_code.isIssuable());
    m_exportPngPushButton->setEnabled(m_code.isIssuable());
    m_printPushButton->setEnabled(m_code.isIssuable());
    updateServerButtons();
}

void StyleDesignerPage::updateServerButtons()
{
    if (m_serverSavePushButton == nullptr) {
        return;
    }
    const auto can = [this](const QString& permission) { return session() != nullptr && session()->can(permission); };
    const bool chosen = m_serverStylesComboBox->currentData().isValid();
    const bool active = m_serverStylesComboBox->currentData(StatusRole).toString() == QLatin1String("active");
    m_serverLoadPushButton->setEnabled(chosen);
    m_serverSavePushButton->setEnabled(chosen && m_code.isIssuable() && can(EditPermission));
    m_serverNewPushButton->setEnabled(m_code.isIssuable() && can(AddPermission));
    m_serverActivatePushButton->setEnabled(chosen && !active && can(ActivatePermission));
    m_serverDeletePushButton->setEnabled(chosen && can(DeletePermission));
}

void StyleDesignerPage::chooseColour(QLineEdit* edit, const QString& title)
{
    const QColor chosen = QColorDialog::getColor(parseColour(edit->text()), this, title);
    if (chosen.isValid()) {
        edit->setText(chosen.name());
    }
}

void StyleDesignerPage::activate()
{
    Page::activate();
    if (isFirstActivation() && api() != nullptr) {
        loadServerStyles();
    }
}

void StyleDesignerPage::reload()
{
    loadServerStyles();
}

void StyleDesignerPage::loadServerStyles()
{
    if (api() == nullptr) {
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("100"));
    api()->get(StylesPath, query, this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            showResult(false, QString(), reply.error.toString());
            return;
        }
        const QVariant current =
            m_selectAfterLoad.isValid() ? m_selectAfterLoad : m_serverStylesComboBox->currentData();
        m_selectAfterLoad.clear();
        const QSignalBlocker blocker(m_serverStylesComboBox);
        m_serverStylesComboBox->clear();
        for (const QJsonValue& item : reply.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject style = item.toObject();
            const QString name = style.value(QLatin1String("name")).toString();
            const QString status = style.value(QLatin1String("status")).toString();
            const QString symbology = style.value(QLatin1String("symbology")).toString();
            m_serverStylesComboBox->addItem(
                tr("%1 (%2, %3, %4 level %5)")
                    .arg(name, CodeEngineText::codeType(style.value(QLatin1String("codeType")).toString()),
                         status == QLatin1String("active") ? tr("active") : tr("inactive"),
                         symbology == QLatin1String("gridmatrix") ? tr("Grid Matrix") : tr("QR Code"),
                         style.value(QLatin1String("ecLevel")).toString()),
                style.value(QLatin1String("id")).toVariant());
            const int index = m_serverStylesComboBox->count() - 1;
            m_serverStylesComboBox->setItemData(index, status, StatusRole);
            m_serverStylesComboBox->setItemData(index, name, NameRole);
            m_serverStylesComboBox->setItemData(index, m_serverStylesComboBox->itemText(index), Qt::ToolTipRole);
            m_serverStylesComboBox->setItemData(
                index,
                QStringLiteral("%1/%2").arg(style.value(QLatin1String("platformId")).toVariant().toString(),
                                            style.value(QLatin1String("codeType")).toString()),
                TypeKeyRole);
        }
        // The style chosen before (or just created) stays chosen; at first an active one.
        int index = m_serverStylesComboBox->findData(current);
        if (index < 0) {
            index = std::max(0, m_serverStylesComboBox->findData(QStringLiteral("active"), StatusRole));
        }
        m_serverStylesComboBox->setCurrentIndex(index);
        updateServerButtons();
    });
}

void StyleDesignerPage::loadServerStyle()
{
    const QVariant id = m_serverStylesComboBox->currentData();
    if (api() == nullptr || !id.isValid()) {
        return;
    }
    api()->get(StylesPath + QLatin1Char('/') + id.toString(), QUrlQuery(), this, [this](const ApiReply& reply) {
        if (reply.error.isError()) {
            showResult(false, QString(), reply.error.toString());
            return;
        }
        // The server keeps every field of the style; defaults only fill what an older server omits.
        CodeStyle style;
        QString error;
        if (!CodeStyle::fromJson(reply.json, &style, &error)) {
            showResult(false, QString(), error);
            return;
        }
        setCodeStyle(style);
        m_shownStyleId = reply.json.value(QLatin1String("id")).toVariant();
        showResult(true, tr("Opened the style \"%1\".").arg(style.name), QString());
    });
}

void StyleDesignerPage::saveServerStyle()
{
    const QVariant id = m_serverStylesComboBox->currentData();
    if (api() == nullptr || !id.isValid()) {
        return;
    }
    if (!m_code.isIssuable()) {
        showResult(false, QString(), tr("Fix the style first: the server would not issue this code."));
        return;
    }
    // The look goes to the chosen style; the name and code type only to the style they came from
    // (saving over another style must not rename it or move it to another code type).
    QJsonObject body = m_style.toJson();
    if (id.toString() != m_shownStyleId.toString()) {
        body.remove(QStringLiteral("name"));
        body.remove(QStringLiteral("codeType"));
    }
    api()->put(StylesPath + QLatin1Char('/') + id.toString(), body, this, [this](const ApiReply& reply) {
        showResult(!reply.error.isError(), tr("Saved the style on the server."), reply.error.toString());
        if (!reply.error.isError()) {
            loadServerStyles();
        }
    });
}

void StyleDesignerPage::createServerStyle()
{
    if (api() == nullptr) {
        return;
    }
    if (!m_code.isIssuable()) {
        showResult(false, QString(), tr("Fix the style first: the server would not issue this code."));
        return;
    }
    // The main platform chooses the platform the style is for; others make styles for their own.
    if (session() == nullptr || !session()->isMainPlatform()) {
        openCreateDialog({});
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("pageSize"), QStringLiteral("100"));
    api()->get(QStringLiteral("/admin/v1/platforms"), query, this, [this](const ApiReply& reply) {
        QVector<QPair<QVariant, QString>> platforms;
        for (const QJsonValue& value : reply.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject platform = value.toObject();
            platforms.append(
                {platform.value(QLatin1String("id")).toInteger(), platform.value(QLatin1String("name")).toString()});
        }
        // The operator's own platform first: the usual choice.
        const qint64 own = session() != nullptr ? session()->platformId() : 0;
        std::stable_partition(platforms.begin(), platforms.end(),
                              [own](const QPair<QVariant, QString>& item) { return item.first.toLongLong() == own; });
        openCreateDialog(platforms);
    });
}

void StyleDesignerPage::openCreateDialog(const QVector<QPair<QVariant, QString>>& platforms)
{
    auto* dialog = new NewCodeStyleDialog(platforms, m_style.codeType, m_style.name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSubmit([this, dialog](const QJsonObject&) {
        const QJsonObject choices = dialog->body();
        QJsonObject body = m_style.toJson();
        for (auto it = choices.begin(); it != choices.end(); ++it) {
            body.insert(it.key(), it.value());
        }
        api()->post(StylesPath, body, dialog, [this, dialog](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            // What the designer shows is now this style: "Save to server" writes it from here on.
            m_style.name = reply.json.value(QLatin1String("name")).toString();
            m_style.codeType = reply.json.value(QLatin1String("codeType")).toString();
            const bool active = reply.json.value(QLatin1String("status")).toString() == QLatin1String("active");
            showResult(true,
                       active ? tr("Created the style \"%1\"; it is now the active %2 style.")
                                    .arg(m_style.name, CodeEngineText::codeType(m_style.codeType))
                              : tr("Created the style \"%1\" (inactive).").arg(m_style.name),
                       QString());
            m_selectAfterLoad = reply.json.value(QLatin1String("id")).toVariant();
            m_shownStyleId = m_selectAfterLoad;
            loadServerStyles();
        });
    });
    dialog->open();
}

void StyleDesignerPage::activateServerStyle()
{
    const QVariant id = m_serverStylesComboBox->currentData();
    if (api() == nullptr || !id.isValid()) {
        return;
    }
    // 000 §2.2.3: the server retires the style that was active for the same platform and code type.
    QString retired;
    const QString key = m_serverStylesComboBox->currentData(TypeKeyRole).toString();
    for (int i = 0; i < m_serverStylesComboBox->count(); ++i) {
        if (i != m_serverStylesComboBox->currentIndex() &&
            m_serverStylesComboBox->itemData(i, TypeKeyRole).toString() == key &&
            m_serverStylesComboBox->itemData(i, StatusRole).toString() == QLatin1String("active")) {
            retired = m_serverStylesComboBox->itemData(i, NameRole).toString();
        }
    }
    api()->post(
        StylesPath + QLatin1Char('/') + id.toString() + QStringLiteral("/activate"), QJsonObject(), this,
        [this, retired](const ApiReply& reply) {
            if (reply.error.isError()) {
                showResult(false, QString(), reply.error.toString());
                return;
            }
            const QString name = reply.json.value(QLatin1String("name")).toString();
            const QString type = CodeEngineText::codeType(reply.json.value(QLatin1String("codeType")).toString());
            showResult(
                true,
                retired.isEmpty()
                    ? tr("Activated the style \"%1\": it is now the active %2 style.").arg(name, type)
                    : tr("Activated the style \"%1\" for %2; \"%3\" is no longer active.").arg(name, type, retired),
                QString());
            loadServerStyles();
        });
}

void StyleDesignerPage::deleteServerStyle()
{
    const QVariant id = m_serverStylesComboBox->currentData();
    if (api() == nullptr || !id.isValid()) {
        return;
    }
    const QString name = m_serverStylesComboBox->currentData(NameRole).toString();
    const bool active = m_serverStylesComboBox->currentData(StatusRole).toString() == QLatin1String("active");
    const QString question =
        active ? tr("Delete the style \"%1\"? It is the active style of its code type: codes of that type are then "
                    "issued in the standard look.")
                     .arg(name)
               : tr("Delete the style \"%1\"?").arg(name);
    if (QMessageBox::question(this, tr("Please confirm"), question, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes) {
        return;
    }
    api()->del(StylesPath + QLatin1Char('/') + id.toString(), this, [this, name](const ApiReply& reply) {
        if (reply.error.isError()) {
            showResult(false, QString(), reply.error.toString());
            return;
        }
        showResult(true, tr("Deleted the style \"%1\".").arg(name), QString());
        loadServerStyles();
    });
}

void StyleDesignerPage::chooseLogo()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Choose a logo"), QString(),
                                                          tr("Images (*.png *.jpg *.jpeg *.bmp *.svg)"));
    if (fileName.isEmpty()) {
        return;
    }
    QString error;
    if (!setLogoFile(fileName, &error)) {
        showResult(false, QString(), error);
    }
}

bool StyleDesignerPage::setLogoFile(const QString& fileName, QString* error)
{
    const QImage image(fileName);
    if (image.isNull()) {
        if (error != nullptr) {
            *error = tr("%1 is not an image.").arg(QDir::toNativeSeparators(fileName));
        }
        return false;
    }
    // Stored as PNG whatever the source, small enough for the server (64 KiB) and no larger than
    // the square it lands in needs.
    QByteArray png;
    for (int side = MaximumLogoSide; side >= 16; side /= 2) {
        const QImage logo = image.width() > side || image.height() > side
                                ? image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                : image;
        png.clear();
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        logo.save(&buffer, "PNG");
        if (png.size() <= MaximumLogoBytes) {
            break;
        }
    }
    m_style.logoPng = png;
    if (m_style.logoAreaFraction <= 0.0) {
        m_style.logoAreaFraction = common::logoAreaBudget(m_style.ecLevel);
    }
    controlsFromStyle();
    return true;
}

void StyleDesignerPage::newSamplePayload()
{
    m_payloadPlainTextEdit->setPlainText(sampleCode());
}

bool StyleDesignerPage::loadStyleJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        if (error != nullptr) {
            *error = tr("The style is not a JSON object.");
        }
        return false;
    }
    CodeStyle style;
    if (!CodeStyle::fromJson(document.object(), &style, error)) {
        return false;
    }
    setCodeStyle(style);
    return true;
}

QByteArray StyleDesignerPage::styleJson() const
{
    return QJsonDocument(m_style.toJson()).toJson(QJsonDocument::Indented);
}

bool StyleDesignerPage::exportPng(const QString& fileName, QString* error) const
{
    if (!m_code.isIssuable()) {
        if (error != nullptr) {
            *error = tr("Fix the style first: the server would not issue this code.");
        }
        return false;
    }
    return writeFile(fileName, m_code.png(), error);
}

bool StyleDesignerPage::exportSvg(const QString& fileName, QString* error) const
{
    if (!m_code.isIssuable()) {
        if (error != nullptr) {
            *error = tr("Fix the style first: the server would not issue this code.");
        }
        return false;
    }
    return writeFile(fileName, m_code.svg(), error);
}

void StyleDesignerPage::printCode(QPrinter* printer) const
{
    QPainter painter(printer);
    paintAtPrintSize(&painter, printer->resolution());
}

void StyleDesignerPage::paintAtPrintSize(QPainter* painter, double dotsPerInch) const
{
    const QImage image = m_code.imageWithCaption();
    if (image.isNull()) {
        return;
    }
    // 002 §6.2: the printed side is the chosen size, never under 3 cm; modules stay sharp.
    const double mm = std::max<double>(m_style.printSizeMm, CodeStyle::MinimumPrintSizeMm);
    const int width = static_cast<int>(std::lround(mm * dotsPerInch / MillimetresPerInch));
    const int height = static_cast<int>(std::lround(static_cast<double>(width) * image.height() / image.width()));
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->drawImage(QRect(0, 0, width, height), image);
    painter->restore();
}

void StyleDesignerPage::showResult(bool ok, const QString& success, const QString& error)
{
    m_resultStatusLabel->showStatus(ok ? StatusLabel::Tone::Success : StatusLabel::Tone::Error, ok ? success : error);
}

void StyleDesignerPage::onLoadJson()
{
    const QString fileName =
        QFileDialog::getOpenFileName(this, tr("Load a code style"), QString(), tr("Code styles (*.json)"));
    if (fileName.isEmpty()) {
        return;
    }
    QFile file(fileName);
    QString error;
    if (!file.open(QIODevice::ReadOnly)) {
        showResult(false, QString(), file.errorString());
        return;
    }
    const bool ok = loadStyleJson(file.read(1024 * 1024), &error);
    showResult(ok, tr("Loaded %1.").arg(QDir::toNativeSeparators(fileName)), error);
}

void StyleDesignerPage::onSaveJson()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Save the code style"), QStringLiteral("style.json"),
                                                          tr("Code styles (*.json)"));
    if (fileName.isEmpty()) {
        return;
    }
    QString error;
    const bool ok = writeFile(fileName, styleJson(), &error);
    showResult(ok, tr("Saved %1.").arg(QDir::toNativeSeparators(fileName)), error);
}

void StyleDesignerPage::onExportPng()
{
    const QString fileName =
        QFileDialog::getSaveFileName(this, tr("Export PNG"), QStringLiteral("code.png"), tr("PNG images (*.png)"));
    if (fileName.isEmpty()) {
        return;
    }
    QString error;
    const bool ok = exportPng(fileName, &error);
    showResult(ok, tr("Saved %1.").arg(QDir::toNativeSeparators(fileName)), error);
}

void StyleDesignerPage::onExportSvg()
{
    const QString fileName =
        QFileDialog::getSaveFileName(this, tr("Export SVG"), QStringLiteral("code.svg"), tr("SVG images (*.svg)"));
    if (fileName.isEmpty()) {
        return;
    }
    QString error;
    const bool ok = exportSvg(fileName, &error);
    showResult(ok, tr("Saved %1.").arg(QDir::toNativeSeparators(fileName)), error);
}

void StyleDesignerPage::onPrint()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the code"));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &StyleDesignerPage::printCode);
    dialog.exec();
}

} // namespace citycode::client
