// ZXing-cpp 1.4 returns UTF-8 text only when asked to.
#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include "api/ApiClient.h"
#include "app/LanguageManager.h"
#include "app/Session.h"
#include "screens/designer/NewCodeStyleDialog.h"
#include "screens/designer/StyleDesignerPage.h"
#include "support/ConsoleApi.h"
#include "widgets/StatusLabel.h"

#include <citycode/common/Error.h>
#include <citycode/common/Symbol.h>

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

namespace citycode::test {

using citycode::client::ApiClient;
using citycode::client::ApiReply;
using citycode::client::CodeStyle;
using citycode::client::LanguageManager;
using citycode::client::NewCodeStyleDialog;
using citycode::client::PageContext;
using citycode::client::Session;
using citycode::client::StatusLabel;
using citycode::client::StyledCode;
using citycode::client::StyleDesignerPage;
namespace common = citycode::common;

namespace {

constexpr int Timeout = 10000;

// The server's styles of one code type, as GET /code-styles?codeType= lists them.
QJsonArray stylesOfType(ApiClient& api, const QString& codeType)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("codeType"), codeType);
    return callApi(api, QStringLiteral("GET"), StyleDesignerPage::StylesPath, QJsonValue::Undefined, query)
        .json.value(QLatin1String("items"))
        .toArray();
}

// Answers the next confirmation question (QMessageBox::question) with `button`.
void answerNextQuestion(QMessageBox::StandardButton button)
{
    QTimer::singleShot(50, [button]() {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            box->button(button)->click();
        }
    });
}

// Clicks "Save as new…" and waits for its dialog (after the platform choices arrive).
NewCodeStyleDialog* openNewStyleDialog(StyleDesignerPage& page)
{
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("serverNewPushButton")), Qt::LeftButton);
    NewCodeStyleDialog* open = nullptr;
    const bool opened = QTest::qWaitFor(
        [&]() {
            for (auto* dialog : page.findChildren<NewCodeStyleDialog*>()) {
                if (dialog->isVisible()) {
                    open = dialog;
                }
            }
            return open != nullptr;
        },
        Timeout);
    return opened ? open : nullptr;
}

// Fills the new style dialog and presses OK.
void submitNewStyle(NewCodeStyleDialog* dialog, const QString& name, const QString& codeType, bool activate)
{
    dialog->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"))->setText(name);
    auto* type = dialog->findChild<QComboBox*>(QStringLiteral("codeTypeComboBox"));
    type->setCurrentIndex(type->findData(codeType));
    dialog->findChild<QCheckBox*>(QStringLiteral("activeCheckBox"))->setChecked(activate);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("okButton")), Qt::LeftButton);
}

// Selects the style named `name` in the designer's server style list; false when it is not listed.
bool selectStyle(StyleDesignerPage& page, const QString& name)
{
    auto* styles = page.findChild<QComboBox*>(QStringLiteral("serverStylesComboBox"));
    for (int i = 0; i < styles->count(); ++i) {
        if (styles->itemText(i).startsWith(name + QStringLiteral(" ("))) {
            styles->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

// What common renders from a style as the server stores it: the bytes the server issues.
QByteArray commonPngOfStoredStyle(const QJsonObject& stored, const QString& payload, int* modules)
{
    common::SymbolStyle style;
    style.foreground = common::Rgb::fromHex(stored.value(QLatin1String("foregroundColor")).toString().toStdString());
    style.background = common::Rgb::fromHex(stored.value(QLatin1String("backgroundColor")).toString().toStdString());
    style.quietZoneModules = stored.value(QLatin1String("quietZoneModules")).toInt();
    style.modulePixels = stored.value(QLatin1String("modulePixels")).toInt();
    const QString level = stored.value(QLatin1String("ecLevel")).toString();
    const QStringList levels{QStringLiteral("L"), QStringLiteral("M"), QStringLiteral("Q"), QStringLiteral("H")};
    style.ecLevel = static_cast<common::EcLevel>(levels.indexOf(level));
    style.logoAreaFraction = stored.value(QLatin1String("logoAreaFraction")).toDouble();
    const common::Symbology symbology =
        stored.value(QLatin1String("symbology")).toString() == QLatin1String("gridmatrix")
            ? common::Symbology::GridMatrix
            : common::Symbology::Qr;
    const common::ModuleMatrix matrix = common::encodeSymbol(payload.toStdString(), symbology, style.ecLevel);
    *modules = matrix.width() + 2 * style.quietZoneModules;
    const common::Bytes png = common::renderPng(matrix, style);
    return QByteArray(reinterpret_cast<const char*>(png.data()), static_cast<int>(png.size()));
}

QByteArray fileBytes(const QString& fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString readWithZxing(const QString& fileName)
{
    const QImage image = QImage(fileName).convertToFormat(QImage::Format_Grayscale8);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const ZXing::Result result = ZXing::ReadBarcode({image.constBits(), image.width(), image.height(),
                                                     ZXing::ImageFormat::Lum, static_cast<int>(image.bytesPerLine())},
                                                    hints);
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

// zbarimg prints "QR-Code:<text>"; --raw leaves only the text.
QString readWithZbar(const QString& fileName)
{
    QProcess zbar;
    zbar.start(QStringLiteral("zbarimg"), {QStringLiteral("--quiet"), QStringLiteral("--raw"), fileName});
    if (!zbar.waitForFinished(20000) || zbar.exitCode() != 0) {
        return QString();
    }
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}

QByteArray logoPng()
{
    QImage logo(64, 64, QImage::Format_ARGB32);
    logo.fill(QColor(0xd0, 0x20, 0x20));
    QPainter painter(&logo);
    painter.fillRect(16, 16, 32, 32, Qt::white);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    logo.save(&buffer, "PNG");
    return bytes;
}

} // namespace

// The code style designer: what it exports is what a scanner reads, it warns where scanners or
// the server would fail, and it prints and renders Grid Matrix.
class TestStyleDesigner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startsWithAnIssuableSample();
    void exportedPngDecodesToThePayload_data();
    void exportedPngDecodesToThePayload();
    void plainExportIsTheServersPng();
    void smallModulesAreWarnedAbout();
    void lowContrastIsWarnedAbout_data();
    void lowContrastIsWarnedAbout();
    void tooLongPayloadIsWarnedAboutPerLevel();
    void logoStaysWithinTheLevelsBudget();
    void logoFileIsFittedForTheServer();
    void gridMatrixExportRenders();
    void svgExportRenders();
    void printsAtTheChosenSize();
    void styleJsonRoundTrips();
    void serverStyleLoads();
    void designedStyleIsIssuedAsDesigned();
    void stylesAreCreatedActivatedAndDeleted();
    void subPlatformOperatorsManageTheirOwnStyles();
    void malformedStyleJsonIsRefused_data();
    void malformedStyleJsonIsRefused();
    void screenshots_data();
    void screenshots();

private:
    QTemporaryDir m_dir;
    bool m_haveZbar = false;
};

void TestStyleDesigner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_haveZbar = !QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty();
}

void TestStyleDesigner::startsWithAnIssuableSample()
{
    StyleDesignerPage page;
    QVERIFY(page.payload().startsWith(QStringLiteral("CC1:")));
    QVERIFY(page.styledCode().hasSymbol());
    QVERIFY(page.styledCode().isIssuable());
    for (const StyledCode::Warning& warning : page.styledCode().warnings()) {
        QVERIFY2(!warning.serverRefuses, qPrintable(warning.message));
    }
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("exportPngPushButton"))->isEnabled());
}

void TestStyleDesigner::exportedPngDecodesToThePayload_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("foreground");
    QTest::addColumn<QString>("background");
    QTest::addColumn<bool>("withLogo");
    QTest::addColumn<QString>("caption");
    const QStringList names{QStringLiteral("L"), QStringLiteral("M"), QStringLiteral("Q"), QStringLiteral("H")};
    for (int level = 0; level < 4; ++level) {
        QTest::addRow("level %s, black on white", qPrintable(names[level]))
            << level << QStringLiteral("#000000") << QStringLiteral("#ffffff") << false << QString();
        QTest::addRow("level %s, navy on cream with caption", qPrintable(names[level]))
            << level << QStringLiteral("#1a2a6c") << QStringLiteral("#fff8e1") << false
            << QStringLiteral("城市码 CityCode");
        if (level > 0) {
            QTest::addRow("level %s, logo at the full budget", qPrintable(names[level]))
                << level << QStringLiteral("#000000") << QStringLiteral("#ffffff") << true << QString();
        }
    }
}

void TestStyleDesigner::exportedPngDecodesToThePayload()
{
    QFETCH(int, level);
    QFETCH(QString, foreground);
    QFETCH(QString, background);
    QFETCH(bool, withLogo);
    QFETCH(QString, caption);

    StyleDesignerPage page;
    CodeStyle style;
    style.ecLevel = static_cast<common::EcLevel>(level);
    style.foreground = QColor::fromString(foreground);
    style.background = QColor::fromString(background);
    style.caption = caption;
    if (withLogo) {
        style.logoPng = logoPng();
        style.logoAreaFraction = common::logoAreaBudget(style.ecLevel);
    }
    page.setCodeStyle(style);
    QVERIFY(page.styledCode().isIssuable());
    QCOMPARE(page.styledCode().hasIssue(StyledCode::Issue::LogoTooLarge), false);

    const QString file = m_dir.filePath(QStringLiteral("export-%1.png")
                                            .arg(QString::fromLatin1(QTest::currentDataTag())
                                                     .replace(QLatin1Char(' '), QLatin1Char('_'))
                                                     .replace(QLatin1Char(','), QLatin1Char('_'))));
    QString error;
    QVERIFY2(page.exportPng(file, &error), qPrintable(error));
    QCOMPARE(readWithZxing(file), page.payload());
    if (m_haveZbar) {
        QCOMPARE(readWithZbar(file), page.payload());
    }
}

void TestStyleDesigner::plainExportIsTheServersPng()
{
    StyleDesignerPage page;
    CodeStyle style;
    style.ecLevel = common::EcLevel::Q;
    style.modulePixels = 5;
    page.setCodeStyle(style);
    const QString file = m_dir.filePath(QStringLiteral("plain.png"));
    QVERIFY(page.exportPng(file));
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QByteArray bytes = exported.readAll();

    const common::ModuleMatrix matrix =
        common::encodeSymbol(page.payload().toStdString(), common::Symbology::Qr, common::EcLevel::Q);
    const common::Bytes server = common::renderPng(matrix, style.symbolStyle());
    QCOMPARE(bytes, QByteArray(reinterpret_cast<const char*>(server.data()), static_cast<int>(server.size())));
}

void TestStyleDesigner::smallModulesAreWarnedAbout()
{
    StyleDesignerPage page;
    auto* modulePixels = page.findChild<QSpinBox*>(QStringLiteral("modulePixelsSpinBox"));
    auto* warnings = page.findChild<QLabel*>(QStringLiteral("warningsLabel"));
    QVERIFY(modulePixels && warnings);
    modulePixels->setValue(2);
    QCOMPARE(page.codeStyle().modulePixels, 2);
    QVERIFY(page.styledCode().hasIssue(StyledCode::Issue::ModuleTooSmall));
    QVERIFY(!page.styledCode().isIssuable());
    QVERIFY2(warnings->text().contains(QStringLiteral("at least 3")), qPrintable(warnings->text()));
    // Still previewed at the wanted size: 2 pixels a module.
    QCOMPARE(page.styledCode().image().width(), page.styledCode().totalModules() * 2);
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("exportPngPushButton"))->isEnabled());
    QVERIFY(!page.exportPng(m_dir.filePath(QStringLiteral("small.png"))));

    modulePixels->setValue(3);
    QVERIFY(!page.styledCode().hasIssue(StyledCode::Issue::ModuleTooSmall));
    QVERIFY(page.styledCode().isIssuable());

    // At 3 cm on a coarse screen a large symbol's modules shrink under 3 screen pixels.
    page.setPayload(QString(1200, QLatin1Char('A')));
    page.setScreenDpiForTesting(96);
    QVERIFY(page.styledCode().hasIssue(StyledCode::Issue::ModuleSmallOnScreen));
    QVERIFY(page.styledCode().isIssuable());
}

void TestStyleDesigner::lowContrastIsWarnedAbout_data()
{
    QTest::addColumn<QString>("foreground");
    QTest::addColumn<QString>("background");
    QTest::addColumn<int>("issue");
    QTest::newRow("grey on white, 2.8:1")
        << QStringLiteral("#999999") << QStringLiteral("#ffffff") << static_cast<int>(StyledCode::Issue::LowContrast);
    QTest::newRow("yellow on white") << QStringLiteral("#ffeb3b") << QStringLiteral("#ffffff")
                                     << static_cast<int>(StyledCode::Issue::LowContrast);
    QTest::newRow("white on black, reversed") << QStringLiteral("#ffffff") << QStringLiteral("#000000")
                                              << static_cast<int>(StyledCode::Issue::ReversedColours);
}

void TestStyleDesigner::lowContrastIsWarnedAbout()
{
    QFETCH(QString, foreground);
    QFETCH(QString, background);
    QFETCH(int, issue);
    StyleDesignerPage page;
    page.findChild<QLineEdit*>(QStringLiteral("foregroundLineEdit"))->setText(foreground);
    page.findChild<QLineEdit*>(QStringLiteral("backgroundLineEdit"))->setText(background);
    QCOMPARE(page.codeStyle().foreground, QColor::fromString(foreground));
    QVERIFY(page.styledCode().hasIssue(static_cast<StyledCode::Issue>(issue)));
    QVERIFY(!page.styledCode().isIssuable());
    // The preview keeps the wanted colours.
    QVERIFY(page.styledCode().hasSymbol());
    QCOMPARE(page.styledCode().image().pixelColor(0, 0), QColor::fromString(background));
    // What common says agrees.
    bool refused = false;
    try {
        common::checkStyle(page.codeStyle().symbolStyle(), common::Symbology::Qr);
    } catch (const common::Error& e) {
        refused = e.code() == "SYMBOL_LOW_CONTRAST";
    }
    QVERIFY(refused);

    page.findChild<QLineEdit*>(QStringLiteral("foregroundLineEdit"))->setText(QStringLiteral("#595959"));
    page.findChild<QLineEdit*>(QStringLiteral("backgroundLineEdit"))->setText(QStringLiteral("#ffffff"));
    QVERIFY(page.codeStyle().contrastRatio() >= 3.0);
    QVERIFY(page.styledCode().isIssuable());
}

void TestStyleDesigner::tooLongPayloadIsWarnedAboutPerLevel()
{
    StyleDesignerPage page;
    // 4000 alphanumeric characters fit QR version 40 at level L (4296) but not at H (1852).
    page.setPayload(QString(4000, QLatin1Char('A')));
    auto* level = page.findChild<QComboBox*>(QStringLiteral("ecLevelComboBox"));
    level->setCurrentIndex(0);
    QVERIFY(!page.styledCode().hasIssue(StyledCode::Issue::PayloadTooLong));
    QVERIFY(page.styledCode().symbolVersion() >= 38);
    level->setCurrentIndex(3);
    QVERIFY(page.styledCode().hasIssue(StyledCode::Issue::PayloadTooLong));
    QVERIFY(!page.styledCode().hasSymbol());
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("warningsLabel"))->text().contains(QStringLiteral("level H")));
}

void TestStyleDesigner::logoStaysWithinTheLevelsBudget()
{
    StyleDesignerPage page;
    CodeStyle style;
    style.ecLevel = common::EcLevel::H;
    style.logoPng = logoPng();
    style.logoAreaFraction = common::logoAreaBudget(common::EcLevel::H);
    page.setCodeStyle(style);
    QVERIFY(page.styledCode().isIssuable());

    // Choosing a weaker level shrinks the logo to that level's budget.
    page.findChild<QComboBox*>(QStringLiteral("ecLevelComboBox"))->setCurrentIndex(1);
    QCOMPARE(page.codeStyle().ecLevel, common::EcLevel::M);
    QCOMPARE(page.codeStyle().logoAreaFraction, common::logoAreaBudget(common::EcLevel::M));
    QVERIFY(page.styledCode().isIssuable());
    page.findChild<QComboBox*>(QStringLiteral("ecLevelComboBox"))->setCurrentIndex(0);
    QCOMPARE(page.codeStyle().logoAreaFraction, 0.0);

    // A style from elsewhere that exceeds the budget is named, not silently changed.
    style.ecLevel = common::EcLevel::M;
    style.logoAreaFraction = 0.2;
    page.setCodeStyle(style);
    QVERIFY(page.styledCode().hasIssue(StyledCode::Issue::LogoTooLarge));
    QVERIFY(!page.styledCode().isIssuable());
}

void TestStyleDesigner::logoFileIsFittedForTheServer()
{
    // A large photo-like image: noise compresses badly, so it must shrink to fit 64 KiB.
    QImage photo(1600, 1200, QImage::Format_RGB32);
    quint32 seed = 12345;
    for (int y = 0; y < photo.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(photo.scanLine(y));
        for (int x = 0; x < photo.width(); ++x) {
            seed = seed * 1664525u + 1013904223u;
            line[x] = seed | 0xff000000u;
        }
    }
    const QString file = m_dir.filePath(QStringLiteral("photo.png"));
    QVERIFY(photo.save(file));
    StyleDesignerPage page;
    page.findChild<QComboBox*>(QStringLiteral("ecLevelComboBox"))->setCurrentIndex(3);
    QString error;
    QVERIFY2(page.setLogoFile(file, &error), qPrintable(error));
    QVERIFY(page.codeStyle().logoPng.size() <= 64 * 1024);
    QVERIFY(page.codeStyle().logoPng.startsWith("\x89PNG"));
    QCOMPARE(page.codeStyle().logoAreaFraction, common::logoAreaBudget(common::EcLevel::H));
    QVERIFY(page.styledCode().isIssuable());
    const QString exported = m_dir.filePath(QStringLiteral("photo-logo.png"));
    QVERIFY(page.exportPng(exported));
    QCOMPARE(readWithZxing(exported), page.payload());

    QVERIFY(!page.setLogoFile(m_dir.filePath(QStringLiteral("missing.png")), &error));
    QVERIFY(error.contains(QStringLiteral("not an image")));
}

void TestStyleDesigner::gridMatrixExportRenders()
{
    StyleDesignerPage page;
    page.findChild<QComboBox*>(QStringLiteral("symbologyComboBox"))->setCurrentIndex(1);
    QCOMPARE(page.codeStyle().symbology, common::Symbology::GridMatrix);
    QVERIFY(page.codeStyle().quietZoneModules >= common::minimumQuietZone(common::Symbology::GridMatrix));
    QVERIFY2(page.styledCode().isIssuable(),
             qPrintable(page.findChild<QLabel*>(QStringLiteral("warningsLabel"))->text()));
    const QString file = m_dir.filePath(QStringLiteral("grid.png"));
    QVERIFY(page.exportPng(file));
    const QImage image(file);
    QVERIFY(!image.isNull());
    const common::ModuleMatrix matrix =
        common::encodeSymbol(page.payload().toStdString(), common::Symbology::GridMatrix, page.codeStyle().ecLevel);
    QCOMPARE(image.width(), (matrix.width() + 2 * page.codeStyle().quietZoneModules) * page.codeStyle().modulePixels);
    // Module by module, the image is the matrix (no decoder for Grid Matrix exists here).
    const int px = page.codeStyle().modulePixels;
    const int quiet = page.codeStyle().quietZoneModules;
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            const bool dark = qGray(image.pixel((quiet + x) * px + px / 2, (quiet + y) * px + px / 2)) < 128;
            QCOMPARE(dark, matrix.at(x, y));
        }
    }
    // The preview says Grid Matrix and its layers.
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("symbolInfoLabel"))->text().contains(QStringLiteral("Grid Matrix")));
}

void TestStyleDesigner::svgExportRenders()
{
    StyleDesignerPage page;
    CodeStyle style;
    style.ecLevel = common::EcLevel::H;
    style.logoPng = logoPng();
    style.logoAreaFraction = 0.04;
    style.caption = QStringLiteral("Scan me");
    page.setCodeStyle(style);
    const QString file = m_dir.filePath(QStringLiteral("code.svg"));
    QVERIFY(page.exportSvg(file));
    QSvgRenderer renderer(file);
    QVERIFY(renderer.isValid());
    // Drawn at 4x, the SVG reads back as the payload.
    const QSize size = renderer.defaultSize() * 4;
    QVERIFY(size.height() > size.width()); // the caption strip
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    const QString png = m_dir.filePath(QStringLiteral("svg-rendered.png"));
    QVERIFY(image.save(png));
    QCOMPARE(readWithZxing(png), page.payload());
}

void TestStyleDesigner::printsAtTheChosenSize()
{
    StyleDesignerPage page;
    CodeStyle style;
    style.printSizeMm = 20; // under the minimum: printed at 3 cm
    page.setCodeStyle(style);
    QCOMPARE(page.codeStyle().printSizeMm, CodeStyle::MinimumPrintSizeMm);
    for (const int mm : {30, 45}) {
        page.findChild<QSpinBox*>(QStringLiteral("printSizeSpinBox"))->setValue(mm);
        constexpr double dpi = 300.0;
        QImage paper(2000, 2000, QImage::Format_RGB32);
        paper.fill(Qt::white);
        QPainter painter(&paper);
        page.paintAtPrintSize(&painter, dpi);
        painter.end();
        // The dark modules' extent is the symbol's share of the printed side.
        int left = paper.width();
        int right = -1;
        for (int y = 0; y < paper.height(); ++y) {
            for (int x = 0; x < paper.width(); ++x) {
                if (qGray(paper.pixel(x, y)) < 128) {
                    left = std::min(left, x);
                    right = std::max(right, x);
                }
            }
        }
        const StyledCode& code = page.styledCode();
        const double side = mm * dpi / 25.4;
        const double expected = side * code.symbolModules() / code.totalModules();
        QVERIFY2(std::abs((right - left + 1) - expected) <= 3.0,
                 qPrintable(QStringLiteral("%1 mm: %2 px, expected %3").arg(mm).arg(right - left + 1).arg(expected)));
    }

    // Through Qt PrintSupport, as the print preview does it: a PDF page with the code.
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString pdf = m_dir.filePath(QStringLiteral("code.pdf"));
    printer.setOutputFileName(pdf);
    page.printCode(&printer);
    QVERIFY(QFileInfo(pdf).size() > 1000);
}

void TestStyleDesigner::styleJsonRoundTrips()
{
    StyleDesignerPage page;
    CodeStyle style;
    style.symbology = common::Symbology::GridMatrix;
    style.ecLevel = common::EcLevel::Q;
    style.foreground = QColor::fromString(QStringLiteral("#123456"));
    style.background = QColor::fromString(QStringLiteral("#fafafa"));
    style.quietZoneModules = 8;
    style.modulePixels = 6;
    style.logoPng = logoPng();
    style.logoAreaFraction = 0.02;
    style.caption = QStringLiteral("健康码");
    style.printSizeMm = 40;
    page.setCodeStyle(style);
    const QByteArray json = page.styleJson();

    StyleDesignerPage other;
    QString error;
    QVERIFY2(other.loadStyleJson(json, &error), qPrintable(error));
    QCOMPARE(other.styleJson(), json);
    QCOMPARE(other.codeStyle().symbology, common::Symbology::GridMatrix);
    QCOMPARE(other.codeStyle().caption, QStringLiteral("健康码"));
    QCOMPARE(other.codeStyle().logoPng, style.logoPng);
    QCOMPARE(other.findChild<QLineEdit*>(QStringLiteral("captionLineEdit"))->text(), QStringLiteral("健康码"));
}

void TestStyleDesigner::serverStyleLoads()
{
    // A code style as GET /admin/v1/code-styles/{id} answers it (000 §2.2.3): no designer fields.
    const QJsonObject server{
        {QStringLiteral("id"), 3},
        {QStringLiteral("platformId"), 1},
        {QStringLiteral("codeType"), QStringLiteral("health")},
        {QStringLiteral("name"), QStringLiteral("Health green")},
        {QStringLiteral("backgroundColor"), QStringLiteral("#FFFFFF")},
        {QStringLiteral("foregroundColor"), QStringLiteral("#006400")},
        {QStringLiteral("caption"), QStringLiteral("健康码")},
        {QStringLiteral("captionColor"), QStringLiteral("#006400")},
        {QStringLiteral("logoPngBase64"), QString::fromLatin1(logoPng().toBase64())},
        {QStringLiteral("status"), QStringLiteral("active")},
    };
    StyleDesignerPage page;
    QString error;
    QVERIFY2(page.loadStyleJson(QJsonDocument(server).toJson(), &error), qPrintable(error));
    const CodeStyle& style = page.codeStyle();
    QCOMPARE(style.codeType, QStringLiteral("health"));
    QCOMPARE(style.name, QStringLiteral("Health green"));
    QCOMPARE(style.foreground, QColor(0, 0x64, 0));
    QCOMPARE(style.captionColour, QColor(0, 0x64, 0));
    QCOMPARE(style.logoPng, logoPng());
    QCOMPARE(style.logoAreaFraction, common::logoAreaBudget(style.ecLevel));
    QVERIFY(page.styledCode().isIssuable());
    const QString file = m_dir.filePath(QStringLiteral("server-style.png"));
    QVERIFY(page.exportPng(file));
    QCOMPARE(readWithZxing(file), page.payload());
    // What goes back to the server carries its field names.
    const QJsonObject sent = style.toJson();
    for (const char* field :
         {"codeType", "name", "backgroundColor", "foregroundColor", "caption", "captionColor", "logoPngBase64"}) {
        QVERIFY2(sent.contains(QLatin1String(field)), field);
    }
    QCOMPARE(sent.value(QLatin1String("foregroundColor")).toString(), QStringLiteral("#006400"));
}

// 000 §2.2.3 through a real server: every field set in the designer is stored, a fresh designer
// reads it back, and what the designer exports is what common renders from the stored style.
void TestStyleDesigner::designedStyleIsIssuedAsDesigned()
{
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    const QString initialPassword = QStringLiteral("Initial-Pass-2024");
    const QString password = QStringLiteral("Designer-Pass-2024");
    QString error;
    const std::unique_ptr<ServerProcess> server = startServer(initialPassword, &error);
    QVERIFY2(server != nullptr, qPrintable(error));
    ApiClient api;
    api.setBaseUrl(server->url());
    const QJsonObject me = signIn(api, QStringLiteral("admin"), initialPassword, password, &error);
    QVERIFY2(!me.isEmpty(), qPrintable(error));
    Session session;
    session.update(me);
    const ApiReply created = callApi(api, QStringLiteral("POST"), StyleDesignerPage::StylesPath,
                                     QJsonObject{{QStringLiteral("codeType"), QStringLiteral("health")},
                                                 {QStringLiteral("name"), QStringLiteral("Health grid")}});
    QVERIFY2(!created.error.isError(), qPrintable(created.error.toString()));
    const QString stylePath = StyleDesignerPage::StylesPath + QLatin1Char('/') +
                              created.json.value(QLatin1String("id")).toVariant().toString();

    // Designed: Grid Matrix at level Q, 8 modules of quiet zone, 5 px modules, navy on cream, 42 mm.
    StyleDesignerPage page(PageContext{&api, &session});
    page.activate();
    auto* styles = page.findChild<QComboBox*>(QStringLiteral("serverStylesComboBox"));
    QTRY_COMPARE_WITH_TIMEOUT(styles->count(), 1, Timeout);
    QVERIFY2(styles->itemText(0).contains(QStringLiteral("level M")), qPrintable(styles->itemText(0)));
    auto* symbology = page.findChild<QComboBox*>(QStringLiteral("symbologyComboBox"));
    auto* level = page.findChild<QComboBox*>(QStringLiteral("ecLevelComboBox"));
    symbology->setCurrentIndex(symbology->findData(static_cast<int>(common::Symbology::GridMatrix)));
    level->setCurrentIndex(level->findData(static_cast<int>(common::EcLevel::Q)));
    page.findChild<QSpinBox*>(QStringLiteral("quietZoneSpinBox"))->setValue(8);
    page.findChild<QSpinBox*>(QStringLiteral("modulePixelsSpinBox"))->setValue(5);
    page.findChild<QSpinBox*>(QStringLiteral("printSizeSpinBox"))->setValue(42);
    page.findChild<QLineEdit*>(QStringLiteral("foregroundLineEdit"))->setText(QStringLiteral("#1a2a6c"));
    page.findChild<QLineEdit*>(QStringLiteral("backgroundLineEdit"))->setText(QStringLiteral("#fff8e1"));
    QVERIFY(page.styledCode().isIssuable());
    auto* status = page.findChild<StatusLabel*>(QStringLiteral("resultStatusLabel"));
    auto* save = page.findChild<QPushButton*>(QStringLiteral("serverSavePushButton"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->tone(), StatusLabel::Tone::Success, Timeout);

    const ApiReply stored = callApi(api, QStringLiteral("GET"), stylePath);
    QVERIFY2(!stored.error.isError(), qPrintable(stored.error.toString()));
    QCOMPARE(stored.json.value(QLatin1String("symbology")).toString(), QStringLiteral("gridmatrix"));
    QCOMPARE(stored.json.value(QLatin1String("ecLevel")).toString(), QStringLiteral("Q"));
    QCOMPARE(stored.json.value(QLatin1String("quietZoneModules")).toInt(), 8);
    QCOMPARE(stored.json.value(QLatin1String("modulePixels")).toInt(), 5);
    QCOMPARE(stored.json.value(QLatin1String("printSizeMm")).toInt(), 42);
    QCOMPARE(stored.json.value(QLatin1String("foregroundColor")).toString().toLower(), QStringLiteral("#1a2a6c"));

    // A fresh designer opens the same style.
    StyleDesignerPage fresh(PageContext{&api, &session});
    fresh.activate();
    auto* freshStyles = fresh.findChild<QComboBox*>(QStringLiteral("serverStylesComboBox"));
    QTRY_COMPARE_WITH_TIMEOUT(freshStyles->count(), 1, Timeout);
    QVERIFY2(freshStyles->itemText(0).contains(QStringLiteral("Grid Matrix")) &&
                 freshStyles->itemText(0).contains(QStringLiteral("level Q")),
             qPrintable(freshStyles->itemText(0)));
    QTest::mouseClick(fresh.findChild<QPushButton*>(QStringLiteral("serverLoadPushButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(fresh.codeStyle().name, QStringLiteral("Health grid"), Timeout);
    const CodeStyle designed = page.codeStyle();
    const CodeStyle reloaded = fresh.codeStyle();
    QCOMPARE(reloaded.symbology, common::Symbology::GridMatrix);
    QCOMPARE(reloaded.ecLevel, common::EcLevel::Q);
    QCOMPARE(reloaded.quietZoneModules, 8);
    QCOMPARE(reloaded.modulePixels, 5);
    QCOMPARE(reloaded.printSizeMm, 42);
    QCOMPARE(reloaded.foreground, designed.foreground);
    QCOMPARE(reloaded.background, designed.background);
    QCOMPARE(reloaded.logoAreaFraction, designed.logoAreaFraction);
    QCOMPARE(fresh.findChild<QSpinBox*>(QStringLiteral("quietZoneSpinBox"))->value(), 8);
    QCOMPARE(fresh.findChild<QComboBox*>(QStringLiteral("symbologyComboBox"))->currentData().toInt(),
             static_cast<int>(common::Symbology::GridMatrix));

    // The export is what common renders from the stored style: same bytes, so the same modules
    // of the same size (no decoder reads Grid Matrix).
    int modules = 0;
    const QString gridFile = m_dir.filePath(QStringLiteral("designed-grid.png"));
    QVERIFY(fresh.exportPng(gridFile));
    QCOMPARE(fileBytes(gridFile), commonPngOfStoredStyle(stored.json, fresh.payload(), &modules));
    QCOMPARE(QImage(gridFile).width(), modules * 5);

    // Back to QR at level H from the fresh designer: stored, and the export decodes to the payload.
    auto* freshSymbology = fresh.findChild<QComboBox*>(QStringLiteral("symbologyComboBox"));
    auto* freshLevel = fresh.findChild<QComboBox*>(QStringLiteral("ecLevelComboBox"));
    freshSymbology->setCurrentIndex(freshSymbology->findData(static_cast<int>(common::Symbology::Qr)));
    freshLevel->setCurrentIndex(freshLevel->findData(static_cast<int>(common::EcLevel::H)));
    auto* freshStatus = fresh.findChild<StatusLabel*>(QStringLiteral("resultStatusLabel"));
    QTest::mouseClick(fresh.findChild<QPushButton*>(QStringLiteral("serverSavePushButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(freshStatus->tone() == StatusLabel::Tone::Success &&
                                 freshStatus->text() != QStringLiteral("Opened the style \"Health grid\"."),
                             Timeout);
    const ApiReply qr = callApi(api, QStringLiteral("GET"), stylePath);
    QCOMPARE(qr.json.value(QLatin1String("symbology")).toString(), QStringLiteral("qr"));
    QCOMPARE(qr.json.value(QLatin1String("ecLevel")).toString(), QStringLiteral("H"));
    QCOMPARE(qr.json.value(QLatin1String("quietZoneModules")).toInt(), 8);
    const QString qrFile = m_dir.filePath(QStringLiteral("designed-qr.png"));
    QVERIFY(fresh.exportPng(qrFile));
    QCOMPARE(fileBytes(qrFile), commonPngOfStoredStyle(qr.json, fresh.payload(), &modules));
    QCOMPARE(QImage(qrFile).width(), modules * 5);
    QCOMPARE(readWithZxing(qrFile), fresh.payload());
    if (m_haveZbar) {
        QCOMPARE(readWithZbar(qrFile), fresh.payload());
    }
}

// 000 §2.2.3 from the designer: a new style takes the designer's look; activating a style of a code
// type retires the type's active one; deleting asks first.
void TestStyleDesigner::stylesAreCreatedActivatedAndDeleted()
{
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    const QString initialPassword = QStringLiteral("Initial-Pass-2024");
    QString error;
    const std::unique_ptr<ServerProcess> server = startServer(initialPassword, &error);
    QVERIFY2(server != nullptr, qPrintable(error));
    ApiClient api;
    api.setBaseUrl(server->url());
    Session session;
    const QJsonObject me =
        signIn(api, QStringLiteral("admin"), initialPassword, QStringLiteral("Designer-Pass-2024"), &error);
    QVERIFY2(!me.isEmpty(), qPrintable(error));
    session.update(me);

    // A fresh system: no styles, yet a new one can be made; nothing to open, activate or delete.
    StyleDesignerPage page(PageContext{&api, &session});
    page.activate();
    auto* styles = page.findChild<QComboBox*>(QStringLiteral("serverStylesComboBox"));
    auto* status = page.findChild<StatusLabel*>(QStringLiteral("resultStatusLabel"));
    auto* activate = page.findChild<QPushButton*>(QStringLiteral("serverActivatePushButton"));
    auto* remove = page.findChild<QPushButton*>(QStringLiteral("serverDeletePushButton"));
    QTest::qWait(300);
    QCOMPARE(styles->count(), 0);
    QVERIFY(page.findChild<QPushButton*>(QStringLiteral("serverNewPushButton"))->isEnabled());
    QVERIFY(!activate->isEnabled());
    QVERIFY(!remove->isEnabled());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("serverSavePushButton"))->isEnabled());

    // The designer's look: Grid Matrix at level Q, navy, 6 px modules.
    auto* symbology = page.findChild<QComboBox*>(QStringLiteral("symbologyComboBox"));
    auto* level = page.findChild<QComboBox*>(QStringLiteral("ecLevelComboBox"));
    symbology->setCurrentIndex(symbology->findData(static_cast<int>(common::Symbology::GridMatrix)));
    level->setCurrentIndex(level->findData(static_cast<int>(common::EcLevel::Q)));
    page.findChild<QSpinBox*>(QStringLiteral("modulePixelsSpinBox"))->setValue(6);
    page.findChild<QLineEdit*>(QStringLiteral("foregroundLineEdit"))->setText(QStringLiteral("#1a2a6c"));
    QVERIFY(page.styledCode().isIssuable());

    NewCodeStyleDialog* dialog = openNewStyleDialog(page);
    QVERIFY(dialog != nullptr);
    // The main platform chooses the platform, its own first.
    auto* platform = dialog->findChild<QComboBox*>(QStringLiteral("platformIdComboBox"));
    QVERIFY(platform != nullptr && platform->isVisible());
    QCOMPARE(platform->currentData().toLongLong(), session.platformId());
    submitNewStyle(dialog, QStringLiteral("Personal grid"), QStringLiteral("personal"), true);
    QTRY_COMPARE_WITH_TIMEOUT(styles->count(), 1, Timeout);
    QCOMPARE(status->tone(), StatusLabel::Tone::Success);
    QVERIFY2(status->text().contains(QStringLiteral("Personal grid")), qPrintable(status->text()));

    QJsonArray personal = stylesOfType(api, QStringLiteral("personal"));
    QCOMPARE(personal.size(), 1);
    const QJsonObject first = personal.first().toObject();
    const qint64 firstId = first.value(QLatin1String("id")).toInteger();
    QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("Personal grid"));
    QCOMPARE(first.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    const QJsonObject stored =
        callApi(api, QStringLiteral("GET"), StyleDesignerPage::StylesPath + QStringLiteral("/%1").arg(firstId)).json;
    QCOMPARE(stored.value(QLatin1String("symbology")).toString(), QStringLiteral("gridmatrix"));
    QCOMPARE(stored.value(QLatin1String("ecLevel")).toString(), QStringLiteral("Q"));
    QCOMPARE(stored.value(QLatin1String("modulePixels")).toInt(), 6);
    QCOMPARE(stored.value(QLatin1String("foregroundColor")).toString().toLower(), QStringLiteral("#1a2a6c"));
    QCOMPARE(stored.value(QLatin1String("platformId")).toInteger(), session.platformId());
    // The list names the style, its code type, status, symbology and level; it is selected.
    QVERIFY2(styles->currentText().contains(QStringLiteral("Personal code")) &&
                 styles->currentText().contains(QStringLiteral("active")) &&
                 styles->currentText().contains(QStringLiteral("Grid Matrix level Q")),
             qPrintable(styles->currentText()));
    QCOMPARE(styles->currentData().toLongLong(), firstId);
    QVERIFY(!activate->isEnabled()); // already the active one
    QVERIFY(remove->isEnabled());

    // A second personal style, QR at level H, not activated yet: the first stays active.
    level->setCurrentIndex(level->findData(static_cast<int>(common::EcLevel::H)));
    symbology->setCurrentIndex(symbology->findData(static_cast<int>(common::Symbology::Qr)));
    dialog = openNewStyleDialog(page);
    QVERIFY(dialog != nullptr);
    // The dialog starts from the style the designer shows.
    QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("codeTypeComboBox"))->currentData().toString(),
             QStringLiteral("personal"));
    submitNewStyle(dialog, QStringLiteral("Personal blue"), QStringLiteral("personal"), false);
    QTRY_COMPARE_WITH_TIMEOUT(styles->count(), 2, Timeout);
    personal = stylesOfType(api, QStringLiteral("personal"));
    QCOMPARE(personal.size(), 2);
    qint64 secondId = 0;
    for (const QJsonValue& item : personal) {
        const QJsonObject style = item.toObject();
        const bool isFirst = style.value(QLatin1String("id")).toInteger() == firstId;
        QCOMPARE(style.value(QLatin1String("status")).toString(),
                 isFirst ? QStringLiteral("active") : QStringLiteral("inactive"));
        if (!isFirst) {
            secondId = style.value(QLatin1String("id")).toInteger();
            QCOMPARE(style.value(QLatin1String("ecLevel")).toString(), QStringLiteral("H"));
        }
    }
    QCOMPARE(styles->currentData().toLongLong(), secondId);
    QVERIFY2(styles->currentText().contains(QStringLiteral("inactive")), qPrintable(styles->currentText()));

    // Saving the look over the first style (the designer holds the second's name) keeps the first's
    // name: only the look is written.
    QVERIFY(selectStyle(page, QStringLiteral("Personal grid")));
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("serverSavePushButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("Saved the style on the server."), Timeout);
    const QJsonObject overwritten =
        callApi(api, QStringLiteral("GET"), StyleDesignerPage::StylesPath + QStringLiteral("/%1").arg(firstId)).json;
    QCOMPARE(overwritten.value(QLatin1String("name")).toString(), QStringLiteral("Personal grid"));
    QCOMPARE(overwritten.value(QLatin1String("ecLevel")).toString(), QStringLiteral("H"));
    QCOMPARE(overwritten.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QVERIFY(selectStyle(page, QStringLiteral("Personal blue")));

    // Activating the second retires the first (one active style per platform and code type).
    QVERIFY(activate->isEnabled());
    QTest::mouseClick(activate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Activated")), Timeout);
    QCOMPARE(status->tone(), StatusLabel::Tone::Success);
    QCOMPARE(status->text(),
             QStringLiteral("Activated the style \"Personal blue\" for Personal code; \"Personal grid\" is no longer "
                            "active."));
    const auto statusOf = [&](qint64 id) {
        return callApi(api, QStringLiteral("GET"), StyleDesignerPage::StylesPath + QStringLiteral("/%1").arg(id))
            .json.value(QLatin1String("status"))
            .toString();
    };
    QCOMPARE(statusOf(secondId), QStringLiteral("active"));
    QCOMPARE(statusOf(firstId), QStringLiteral("inactive"));
    QTRY_VERIFY_WITH_TIMEOUT(!activate->isEnabled(), Timeout);
    QVERIFY(selectStyle(page, QStringLiteral("Personal grid")));
    QVERIFY2(styles->currentText().contains(QStringLiteral("inactive")), qPrintable(styles->currentText()));
    QVERIFY(activate->isEnabled());

    // Deleting asks first: "No" keeps the style, "Yes" deletes it.
    answerNextQuestion(QMessageBox::No);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTest::qWait(300);
    QCOMPARE(stylesOfType(api, QStringLiteral("personal")).size(), 2);
    answerNextQuestion(QMessageBox::Yes);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(styles->count(), 1, Timeout);
    QCOMPARE(status->text(), QStringLiteral("Deleted the style \"Personal grid\"."));
    const ApiReply gone =
        callApi(api, QStringLiteral("GET"), StyleDesignerPage::StylesPath + QStringLiteral("/%1").arg(firstId));
    QCOMPARE(gone.error.httpStatus, 404);
    QCOMPARE(styles->currentData().toLongLong(), secondId);

    // The list, across the page, shows its item whole.
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("serverRefreshPushButton")), Qt::LeftButton);
    QTest::qWait(300);
    // (Its text plus room for the frame and the arrow.)
    QVERIFY2(styles->width() >= styles->fontMetrics().horizontalAdvance(styles->currentText()) + 30,
             qPrintable(styles->currentText()));

    // A server refusal shows on the dialog, which stays open: a name too long for the server.
    dialog = openNewStyleDialog(page);
    QVERIFY(dialog != nullptr);
    dialog->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"))->setMaxLength(200);
    submitNewStyle(dialog, QString(150, QLatin1Char('x')), QStringLiteral("health"), false);
    auto* formStatus = dialog->findChild<StatusLabel*>(QStringLiteral("formStatusLabel"));
    QTRY_COMPARE_WITH_TIMEOUT(formStatus->tone(), StatusLabel::Tone::Error, Timeout);
    QVERIFY(dialog->isVisible());
    dialog->reject();
    QCOMPARE(stylesOfType(api, QStringLiteral("health")).size(), 0);
}

// A sub-platform's administrator makes styles for its own platform (no platform choice); an
// operator whose role lacks code:style:add and code:style:delete cannot press those buttons.
void TestStyleDesigner::subPlatformOperatorsManageTheirOwnStyles()
{
    const QString program = serverProgram();
    if (program.isEmpty()) {
        QSKIP("no citycode-server: build with CITYCODE_BUILD_SERVER=ON or set CITYCODE_SERVER_BIN");
    }
    const QString initialPassword = QStringLiteral("Initial-Pass-2024");
    QString error;
    const std::unique_ptr<ServerProcess> server = startServer(initialPassword, &error);
    QVERIFY2(server != nullptr, qPrintable(error));
    ApiClient main;
    main.setBaseUrl(server->url());
    Session mainSession;
    const QJsonObject mainProfile =
        signIn(main, QStringLiteral("admin"), initialPassword, QStringLiteral("Designer-Pass-2024"), &error);
    QVERIFY2(!mainProfile.isEmpty(), qPrintable(error));
    mainSession.update(mainProfile);
    const ApiReply platform = callApi(main, QStringLiteral("POST"), QStringLiteral("/admin/v1/platforms"),
                                      QJsonObject{{QStringLiteral("name"), QStringLiteral("East district")},
                                                  {QStringLiteral("adminUsername"), QStringLiteral("east.admin")}});
    QVERIFY2(!platform.error.isError(), qPrintable(platform.error.toString()));
    const qint64 districtId =
        platform.json.value(QLatin1String("platform")).toObject().value(QLatin1String("id")).toInteger();

    ApiClient district;
    district.setBaseUrl(server->url());
    Session districtSession;
    const QJsonObject districtProfile =
        signIn(district, QStringLiteral("east.admin"), platform.json.value(QLatin1String("adminPassword")).toString(),
               QStringLiteral("District-Pass-2024"), &error);
    QVERIFY2(!districtProfile.isEmpty(), qPrintable(error));
    districtSession.update(districtProfile);
    QVERIFY(!districtSession.isMainPlatform());

    StyleDesignerPage page(PageContext{&district, &districtSession});
    page.activate();
    NewCodeStyleDialog* dialog = openNewStyleDialog(page);
    QVERIFY(dialog != nullptr);
    QVERIFY(dialog->findChild<QComboBox*>(QStringLiteral("platformIdComboBox")) == nullptr);
    submitNewStyle(dialog, QStringLiteral("East health"), QStringLiteral("health"), true);
    auto* styles = page.findChild<QComboBox*>(QStringLiteral("serverStylesComboBox"));
    QTRY_COMPARE_WITH_TIMEOUT(styles->count(), 1, Timeout);
    const QJsonArray health = stylesOfType(main, QStringLiteral("health"));
    QCOMPARE(health.size(), 1);
    QCOMPARE(health.first().toObject().value(QLatin1String("platformId")).toInteger(), districtId);
    QCOMPARE(health.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("active"));

    // A district role with the designer, editing and activating, but neither adding nor deleting.
    // (The menu tree is the main platform's to read; its ids are the same for every platform.)
    const ApiReply menus = callApi(main, QStringLiteral("GET"), QStringLiteral("/admin/v1/menus"));
    QVERIFY2(!menus.error.isError(), qPrintable(menus.error.toString()));
    QJsonArray menuIds;
    QJsonArray pending = menus.json.value(QLatin1String("items")).toArray();
    while (!pending.isEmpty()) {
        const QJsonObject node = pending.takeAt(0).toObject();
        const QString permission = node.value(QLatin1String("permission")).toString();
        if (permission == QLatin1String("code") || permission == QLatin1String("code:style:list") ||
            permission == QLatin1String("code:style:edit") || permission == QLatin1String("code:style:activate")) {
            menuIds.append(node.value(QLatin1String("id")));
        }
        for (const QJsonValue& child : node.value(QLatin1String("children")).toArray()) {
            pending.append(child);
        }
    }
    QCOMPARE(menuIds.size(), 4);
    const ApiReply role = callApi(district, QStringLiteral("POST"), QStringLiteral("/admin/v1/roles"),
                                  QJsonObject{{QStringLiteral("name"), QStringLiteral("Style editor")},
                                              {QStringLiteral("code"), QStringLiteral("style_editor")},
                                              {QStringLiteral("menuIds"), menuIds}});
    QVERIFY2(!role.error.isError(), qPrintable(role.error.toString()));
    const ApiReply editor =
        callApi(district, QStringLiteral("POST"), QStringLiteral("/admin/v1/operators"),
                QJsonObject{{QStringLiteral("username"), QStringLiteral("east.styles")},
                            {QStringLiteral("displayName"), QStringLiteral("Style editor")},
                            {QStringLiteral("roleIds"), QJsonArray{role.json.value(QLatin1String("id"))}}});
    QVERIFY2(!editor.error.isError(), qPrintable(editor.error.toString()));
    ApiClient restricted;
    restricted.setBaseUrl(server->url());
    Session restrictedSession;
    const QJsonObject restrictedProfile = signIn(restricted, QStringLiteral("east.styles"),
                                                 editor.json.value(QLatin1String("oneTimePassword")).toString(),
                                                 QStringLiteral("Editor-Pass-2024"), &error);
    QVERIFY2(!restrictedProfile.isEmpty(), qPrintable(error));
    restrictedSession.update(restrictedProfile);
    QVERIFY(restrictedSession.can(QStringLiteral("code:style:list")));
    QVERIFY(!restrictedSession.can(QStringLiteral("code:style:add")));

    StyleDesignerPage limited(PageContext{&restricted, &restrictedSession});
    limited.activate();
    auto* limitedStyles = limited.findChild<QComboBox*>(QStringLiteral("serverStylesComboBox"));
    QTRY_COMPARE_WITH_TIMEOUT(limitedStyles->count(), 1, Timeout);
    QVERIFY(!limited.findChild<QPushButton*>(QStringLiteral("serverNewPushButton"))->isEnabled());
    QVERIFY(!limited.findChild<QPushButton*>(QStringLiteral("serverDeletePushButton"))->isEnabled());
    QVERIFY(limited.findChild<QPushButton*>(QStringLiteral("serverSavePushButton"))->isEnabled());
    QVERIFY(limited.findChild<QPushButton*>(QStringLiteral("serverLoadPushButton"))->isEnabled());
    // The chosen style is already active: nothing to activate.
    QVERIFY(!limited.findChild<QPushButton*>(QStringLiteral("serverActivatePushButton"))->isEnabled());
}

void TestStyleDesigner::malformedStyleJsonIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not JSON") << QByteArray("{");
    QTest::newRow("an array") << QByteArray("[]");
    QTest::newRow("unknown symbology") << QByteArray(R"({"symbology":"AZTEC"})");
    QTest::newRow("unknown level") << QByteArray(R"({"ecLevel":"X"})");
    QTest::newRow("colour name instead of hex") << QByteArray(R"({"foregroundColor":"red"})");
    QTest::newRow("short hex colour") << QByteArray(R"({"backgroundColor":"#fff"})");
    QTest::newRow("fractional module size") << QByteArray(R"({"modulePixels":3.5})");
    QTest::newRow("print size under 3 cm") << QByteArray(R"({"printSizeMm":29})");
    QTest::newRow("logo not base64") << QByteArray(R"({"logoPngBase64":"***"})");
    QTest::newRow("negative logo area") << QByteArray(R"({"logoAreaFraction":-0.1})");
}

void TestStyleDesigner::malformedStyleJsonIsRefused()
{
    QFETCH(QByteArray, json);
    StyleDesignerPage page;
    const QByteArray before = page.styleJson();
    QString error;
    QVERIFY(!page.loadStyleJson(json, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(page.styleJson(), before);
}

void TestStyleDesigner::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << LanguageManager::English;
    QTest::newRow("Simplified Chinese") << LanguageManager::SimplifiedChinese;
}

void TestStyleDesigner::screenshots()
{
    QFETCH(QString, language);
    LanguageManager languages;
    QVERIFY(languages.setLanguage(language));
    StyleDesignerPage page;
    CodeStyle style;
    style.ecLevel = common::EcLevel::H;
    style.logoPng = logoPng();
    style.logoAreaFraction = 0.04;
    style.caption = QStringLiteral("城市码");
    style.foreground = QColor::fromString(QStringLiteral("#999999"));
    page.setCodeStyle(style);
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString dir = QString::fromLocal8Bit(qgetenv("CITYCODE_SCREENSHOT_DIR"));
    const QString file =
        QDir(dir.isEmpty() ? m_dir.path() : dir).filePath(QStringLiteral("style_designer_%1.png").arg(language));
    QVERIFY(page.grab().save(file));
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestStyleDesigner)
#include "TestStyleDesigner.moc"
