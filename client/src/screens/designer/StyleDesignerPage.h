#pragma once

#include "screens/designer/CodeStyle.h"
#include "screens/designer/StyledCode.h"
#include "widgets/Page.h"

#include <QPair>
#include <QVariant>
#include <QVector>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPainter;
class QPlainTextEdit;
class QPrinter;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QToolButton;

namespace citycode::client {

class StatusLabel;

// The code style designer (000 §2.2.3, 001 code rule style; 002 §6.2 print rules): edits a
// CodeStyle and shows the code live, drawn by common exactly as the server issues it and at its
// true print size on this screen, with warnings for what scanners or the server would refuse.
// Exports PNG and SVG, prints at 3 cm or more, and reads and writes a rule's style as JSON.
class StyleDesignerPage : public Page
{
    Q_OBJECT

public:
    explicit StyleDesignerPage(const PageContext& context = {}, QWidget* parent = nullptr);

    void setCodeStyle(const CodeStyle& style);
    CodeStyle codeStyle() const { return m_style; }
    void setPayload(const QString& payload);
    // Takes the image as the logo (as PNG, scaled down to fit the server's 64 KiB) at the level's
    // largest logo area; false with `error` when the file is not an image.
    bool setLogoFile(const QString& fileName, QString* error = nullptr);
    QString payload() const;
    // What the preview shows: the symbol, its warnings and its exports.
    const StyledCode& styledCode() const { return m_code; }

    // A rule's code style as JSON (CodeStyle::toJson); false with `error` when it is not one.
    bool loadStyleJson(const QByteArray& json, QString* error = nullptr);
    QByteArray styleJson() const;

    bool exportPng(const QString& fileName, QString* error = nullptr) const;
    bool exportSvg(const QString& fileName, QString* error = nullptr) const;
    // Paints the code at its print size (at least 3 cm) on the printer's first page.
    void printCode(QPrinter* printer) const;
    // Paints the code (and caption) from the painter's origin, its side printSizeMm at `dotsPerInch`.
    void paintAtPrintSize(QPainter* painter, double dotsPerInch) const;

    // The server's code styles (000 §2.2.3), read and written as CodeStyle JSON.
    static const QString StylesPath;

    // Lists the server's styles the first time the page is shown (when signed in).
    void activate() override;
    void reload() override;

    // Physical dots per inch used for the true-size preview; by default the screen's.
    double screenDpi() const;
    void setScreenDpiForTesting(double dpi)
    {
        m_dpiOverride = dpi;
        refresh();
    }

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void styleFromControls();
    void controlsFromStyle();
    void refresh();
    void updateLogoLimit();
    void chooseColour(QLineEdit* edit, const QString& title);
    void loadServerStyles();
    void loadServerStyle();
    void saveServerStyle();
    // Saves the current look as a new server style (name, code type, platform, activate now).
    void createServerStyle();
    void openCreateDialog(const QVector<QPair<QVariant, QString>>& platforms);
    void activateServerStyle();
    void deleteServerStyle();
    // Enables the server buttons for the operator's permissions and the chosen style.
    void updateServerButtons();
    void chooseLogo();
    void newSamplePayload();
    void onLoadJson();
    void onSaveJson();
    void onExportPng();
    void onExportSvg();
    void onPrint();
    void showResult(bool ok, const QString& success, const QString& error);

    CodeStyle m_style;
    StyledCode m_code;
    double m_dpiOverride = 0.0;
    bool m_updatingControls = false;

    QGroupBox* m_symbolGroupBox = nullptr;
    QLabel* m_symbologyLabel = nullptr;
    QComboBox* m_symbologyComboBox = nullptr;
    QLabel* m_ecLevelLabel = nullptr;
    QComboBox* m_ecLevelComboBox = nullptr;
    QLabel* m_quietZoneLabel = nullptr;
    QSpinBox* m_quietZoneSpinBox = nullptr;
    QLabel* m_modulePixelsLabel = nullptr;
    QSpinBox* m_modulePixelsSpinBox = nullptr;
    QLabel* m_printSizeLabel = nullptr;
    QSpinBox* m_printSizeSpinBox = nullptr;

    QGroupBox* m_colourGroupBox = nullptr;
    QLabel* m_foregroundLabel = nullptr;
    QLineEdit* m_foregroundLineEdit = nullptr;
    QToolButton* m_foregroundToolButton = nullptr;
    QLabel* m_backgroundLabel = nullptr;
    QLineEdit* m_backgroundLineEdit = nullptr;
    QToolButton* m_backgroundToolButton = nullptr;
    QLabel* m_contrastLabel = nullptr;

    QGroupBox* m_logoGroupBox = nullptr;
    QPushButton* m_chooseLogoPushButton = nullptr;
    QPushButton* m_removeLogoPushButton = nullptr;
    QLabel* m_logoSizeLabel = nullptr;
    QDoubleSpinBox* m_logoSizeSpinBox = nullptr;
    QLabel* m_captionLabel = nullptr;
    QLineEdit* m_captionLineEdit = nullptr;
    QLabel* m_captionColourLabel = nullptr;
    QLineEdit* m_captionColourLineEdit = nullptr;
    QToolButton* m_captionColourToolButton = nullptr;

    QGroupBox* m_serverGroupBox = nullptr;
    QComboBox* m_serverStylesComboBox = nullptr;
    QPushButton* m_serverRefreshPushButton = nullptr;
    QPushButton* m_serverLoadPushButton = nullptr;
    QPushButton* m_serverSavePushButton = nullptr;
    QPushButton* m_serverNewPushButton = nullptr;
    QPushButton* m_serverActivatePushButton = nullptr;
    QPushButton* m_serverDeletePushButton = nullptr;
    // Selected after the next list load (a style just created).
    QVariant m_selectAfterLoad;
    // The server style whose name and code type the designer holds (opened or created here).
    QVariant m_shownStyleId;

    QGroupBox* m_payloadGroupBox = nullptr;
    QPlainTextEdit* m_payloadPlainTextEdit = nullptr;
    QPushButton* m_samplePushButton = nullptr;

    QScrollArea* m_previewScrollArea = nullptr;
    QLabel* m_previewLabel = nullptr;
    QLabel* m_symbolInfoLabel = nullptr;
    QLabel* m_warningsLabel = nullptr;
    StatusLabel* m_resultStatusLabel = nullptr;
    QPushButton* m_loadJsonPushButton = nullptr;
    QPushButton* m_saveJsonPushButton = nullptr;
    QPushButton* m_exportPngPushButton = nullptr;
    QPushButton* m_exportSvgPushButton = nullptr;
    QPushButton* m_printPushButton = nullptr;
};

} // namespace citycode::client
