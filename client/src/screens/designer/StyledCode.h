#pragma once

#include "screens/designer/CodeStyle.h"

#include <citycode/common/Symbol.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>

namespace citycode::client {

// One payload drawn in one CodeStyle by the same common functions the server issues codes with
// (encodeSymbol, symbolGeometry, renderPng, renderSvg), plus the logo painted into the square
// common clears for it. Lists what is wrong with the style or payload as warnings; a style the
// server would refuse is still previewed, so the designer sees what to fix.
class StyledCode
{
    Q_DECLARE_TR_FUNCTIONS(citycode::client::StyledCode)

public:
    enum class Issue
    {
        PayloadEmpty,
        PayloadTooLong, // too much data for the largest symbol at the chosen level
        EncodeFailed,
        ModuleTooSmall,      // 002 §6.2: a module under 3 pixels in the issued image
        ModuleSmallOnScreen, // under 3 screen pixels at the print size on this screen
        LowContrast,         // WCAG contrast ratio under 3:1
        ReversedColours,     // foreground lighter than background
        QuietZoneTooSmall,
        LogoTooLarge, // beyond common::logoAreaBudget for the level
        LogoUnreadable,
        StyleInvalid, // any other refusal of common::checkStyle
    };

    struct Warning
    {
        Issue issue;
        QString message;    // translated, one sentence
        bool serverRefuses; // true when the server would not render this style
    };

    static constexpr int MinimumModulePixels = common::kMinimumModulePixels;
    static constexpr double MinimumContrastRatio = common::kMinimumContrastRatio;

    // `screenDpi` (physical dots per inch) enables the on-screen module check; 0 skips it.
    static StyledCode render(const CodeStyle& style, const QByteArray& payload, double screenDpi = 0.0);

    bool hasSymbol() const { return !m_image.isNull(); }
    // True when common would render this style as it is: exports then match what the server issues.
    bool isIssuable() const;
    const QList<Warning>& warnings() const { return m_warnings; }
    bool hasIssue(Issue issue) const;

    // The symbol with quiet zone and logo, one image pixel per issued pixel.
    const QImage& image() const { return m_image; }
    // The image with the caption under it (the image itself without a caption).
    QImage imageWithCaption() const;
    // PNG of imageWithCaption(); common's bytes unchanged when there is neither logo nor caption.
    QByteArray png() const;
    // common's SVG with the logo embedded and the caption as text.
    QByteArray svg() const;

    int symbolVersion() const { return m_version; }
    int symbolModules() const { return m_modules; }
    int quietZone() const { return m_quietZone; }
    // Width of the image in modules, quiet zone included.
    int totalModules() const { return m_modules + 2 * m_quietZone; }
    const CodeStyle& style() const { return m_style; }

private:
    void addWarning(Issue issue, const QString& message, bool serverRefuses);

    CodeStyle m_style;
    QList<Warning> m_warnings;
    QImage m_image;
    QByteArray m_commonPng; // set only when the style is issuable
    QByteArray m_commonSvg;
    common::PixelRect m_logoRect; // in image pixels
    int m_version = 0;
    int m_modules = 0;
    int m_quietZone = 0;
};

} // namespace citycode::client
