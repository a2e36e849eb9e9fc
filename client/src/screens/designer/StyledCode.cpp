#include "screens/designer/StyledCode.h"

#include <citycode/common/Error.h>

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QImageReader>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

namespace citycode::client {

namespace {

// Issued modules under 3 pixels are drawn at three times the size and scaled down exactly.
constexpr int UpscaleForSmallModules = 3;

bool isDarker(const QColor& a, const QColor& b)
{
    const auto lum = [](const QColor& c) {
        return common::Rgb{static_cast<std::uint8_t>(c.red()), static_cast<std::uint8_t>(c.green()),
                           static_cast<std::uint8_t>(c.blue())}
            .luminance();
    };
    return lum(a) < lum(b);
}

QImage readLogo(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return reader.read();
}

// The caption strip under the symbol, in modules: about a sixth of the symbol's width.
int captionModules(int totalModules)
{
    return std::max(3, (totalModules + 5) / 6);
}

QFont captionFont(const QString& caption, double stripHeight, double width)
{
    QFont font;
    font.setPixelSize(std::max(1, static_cast<int>(stripHeight * 0.6)));
    const double textWidth = QFontMetricsF(font).horizontalAdvance(caption);
    if (textWidth > width * 0.92 && textWidth > 0) {
        font.setPixelSize(std::max(1, static_cast<int>(font.pixelSize() * width * 0.92 / textWidth)));
    }
    return font;
}

} // namespace

void StyledCode::addWarning(Issue issue, const QString& message, bool serverRefuses)
{
    m_warnings.append({issue, message, serverRefuses});
}

bool StyledCode::hasIssue(Issue issue) const
{
    return std::any_of(m_warnings.cbegin(), m_warnings.cend(), [issue](const Warning& w) { return w.issue == issue; });
}

bool StyledCode::isIssuable() const
{
    return hasSymbol() &&
           std::none_of(m_warnings.cbegin(), m_warnings.cend(), [](const Warning& w) { return w.serverRefuses; });
}

StyledCode StyledCode::render(const CodeStyle& style, const QByteArray& payload, double screenDpi)
{
    StyledCode code;
    code.m_style = style;
    const common::SymbolStyle wanted = style.symbolStyle();
    const QString levelName = CodeStyle::ecLevelName(style.ecLevel);

    // The style's own problems, each checked as common checks it so that all are listed at once.
    if (wanted.modulePixels < MinimumModulePixels) {
        code.addWarning(
            Issue::ModuleTooSmall,
            tr("A module is %n pixel(s) wide; scanners need at least 3 (002 §6.2).", nullptr, wanted.modulePixels),
            true);
    }
    if (!isDarker(style.foreground, style.background)) {
        code.addWarning(Issue::ReversedColours,
                        tr("The foreground must be darker than the background: not every scanner reads "
                           "inverted codes."),
                        true);
    } else if (style.contrastRatio() < MinimumContrastRatio) {
        code.addWarning(Issue::LowContrast,
                        tr("The contrast ratio is %1:1; at least 3:1 is needed.")
                            .arg(QLocale().toString(style.contrastRatio(), 'f', 1)),
                        true);
    }
    const int minimumQuiet = common::minimumQuietZone(style.symbology);
    if (wanted.quietZoneModules >= 0 && wanted.quietZoneModules < minimumQuiet) {
        code.addWarning(Issue::QuietZoneTooSmall,
                        tr("The quiet zone is %1 modules; this symbology needs at least %2.")
                            .arg(wanted.quietZoneModules)
                            .arg(minimumQuiet),
                        true);
    }
    const double budget = common::logoAreaBudget(style.ecLevel);
    if (wanted.logoAreaFraction > budget) {
        code.addWarning(Issue::LogoTooLarge,
                        tr("The logo covers %1 % of the code; level %2 allows at most %3 %.")
                            .arg(QLocale().toString(wanted.logoAreaFraction * 100, 'f', 1), levelName,
                                 QLocale().toString(budget * 100, 'f', 1)),
                        true);
    }
    QImage logo;
    if (!style.logoPng.isEmpty()) {
        logo = readLogo(style.logoPng);
        if (logo.isNull()) {
            code.addWarning(Issue::LogoUnreadable, tr("The logo is not an image this console can read."), false);
        }
    }

    const std::string text = payload.toStdString();
    std::optional<common::ModuleMatrix> matrix;
    try {
        matrix = common::encodeSymbol(text, style.symbology, style.ecLevel);
    } catch (const common::Error& e) {
        if (e.code() == "SYMBOL_DATA_EMPTY") {
            code.addWarning(Issue::PayloadEmpty, tr("There is no payload to encode."), true);
        } else if (e.code() == "SYMBOL_DATA_TOO_LONG") {
            code.addWarning(Issue::PayloadTooLong,
                            tr("The payload (%n byte(s)) does not fit in the largest symbol at level %1; choose a "
                               "lower error-correction level or a shorter payload.",
                               nullptr, static_cast<int>(payload.size()))
                                .arg(levelName),
                            true);
        } else {
            code.addWarning(Issue::EncodeFailed,
                            tr("The symbol could not be encoded: %1").arg(QString::fromStdString(e.what())), true);
        }
        return code;
    }
    code.m_version = matrix->version();
    code.m_modules = matrix->width();

    // common's own verdict; a refusal not listed above still shows.
    try {
        common::checkStyle(wanted, style.symbology);
    } catch (const common::Error& e) {
        if (std::none_of(code.m_warnings.cbegin(), code.m_warnings.cend(),
                         [](const Warning& w) { return w.serverRefuses; })) {
            code.addWarning(Issue::StyleInvalid,
                            tr("The server would refuse this style: %1").arg(QString::fromStdString(e.what())), true);
        }
    }

    // A relaxed copy that common accepts; the result is then cropped, recoloured and scaled back
    // to what the wanted style describes.
    common::SymbolStyle relaxed = wanted;
    const bool upscale = wanted.modulePixels < MinimumModulePixels && wanted.modulePixels > 0;
    relaxed.modulePixels = upscale ? wanted.modulePixels * UpscaleForSmallModules
                                   : std::clamp(wanted.modulePixels, MinimumModulePixels, 64);
    const bool recolour = code.hasIssue(Issue::ReversedColours) || code.hasIssue(Issue::LowContrast);
    if (recolour) {
        relaxed.foreground = {0, 0, 0};
        relaxed.background = {255, 255, 255};
    }
    const int quiet = wanted.quietZoneModules < 0 ? minimumQuiet : std::min(wanted.quietZoneModules, 64);
    relaxed.quietZoneModules = std::max(quiet, minimumQuiet);
    relaxed.logoAreaFraction = logo.isNull() ? 0.0 : std::min(wanted.logoAreaFraction, budget);
    code.m_quietZone = quiet;

    common::SymbolGeometry geometry;
    QImage image;
    try {
        geometry = common::symbolGeometry(*matrix, relaxed);
        const common::Bytes png = common::renderPng(*matrix, relaxed);
        image = QImage::fromData(png.data(), static_cast<int>(png.size()), "PNG");
        if (std::none_of(code.m_warnings.cbegin(), code.m_warnings.cend(),
                         [](const Warning& w) { return w.serverRefuses; })) {
            code.m_commonPng = QByteArray(reinterpret_cast<const char*>(png.data()), static_cast<int>(png.size()));
            code.m_commonSvg = QByteArray::fromStdString(common::renderSvg(*matrix, relaxed));
        }
    } catch (const common::Error& e) {
        code.addWarning(Issue::StyleInvalid,
                        tr("The symbol could not be drawn: %1").arg(QString::fromStdString(e.what())), true);
        return code;
    }
    image = image.convertToFormat(QImage::Format_ARGB32);
    if (recolour) {
        const QRgb fg = style.foreground.rgb();
        const QRgb bg = style.background.rgb();
        for (int y = 0; y < image.height(); ++y) {
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                line[x] = qGray(line[x]) < 128 ? fg : bg;
            }
        }
    }
    if (geometry.logo.width > 0) {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        const QRect square(geometry.logo.x, geometry.logo.y, geometry.logo.width, geometry.logo.height);
        // The logo keeps its aspect ratio inside the cleared square, on the background colour.
        const QSize fitted = logo.size().scaled(square.size(), Qt::KeepAspectRatio);
        painter.drawImage(QRect(square.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted), logo);
    }
    const int cropModules = relaxed.quietZoneModules - quiet;
    if (cropModules > 0) {
        const int cropPixels = cropModules * relaxed.modulePixels;
        image = image.copy(cropPixels, cropPixels, image.width() - 2 * cropPixels, image.height() - 2 * cropPixels);
    }
    if (upscale) {
        image = image.scaled(image.width() / UpscaleForSmallModules, image.height() / UpscaleForSmallModules,
                             Qt::IgnoreAspectRatio, Qt::FastTransformation);
    }
    const int scale = upscale ? UpscaleForSmallModules : 1;
    code.m_logoRect = {(geometry.logo.x - cropModules * relaxed.modulePixels) / scale,
                       (geometry.logo.y - cropModules * relaxed.modulePixels) / scale, geometry.logo.width / scale,
                       geometry.logo.height / scale};
    code.m_image = image;

    if (screenDpi > 0.0) {
        const double modulePx = style.printSizeMm / 25.4 * screenDpi / code.totalModules();
        if (modulePx < MinimumModulePixels) {
            code.addWarning(Issue::ModuleSmallOnScreen,
                            tr("At %1 mm a module is only %2 pixels on this screen; print larger to check it by eye.")
                                .arg(style.printSizeMm)
                                .arg(QLocale().toString(modulePx, 'f', 1)),
                            false);
        }
    }
    return code;
}

QImage StyledCode::imageWithCaption() const
{
    if (m_image.isNull() || m_style.caption.trimmed().isEmpty()) {
        return m_image;
    }
    const int modulePx = std::max(1, m_image.width() / std::max(1, totalModules()));
    const int strip = captionModules(totalModules()) * modulePx;
    QImage result(m_image.width(), m_image.height() + strip, QImage::Format_ARGB32);
    result.fill(m_style.background);
    QPainter painter(&result);
    painter.drawImage(0, 0, m_image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setPen(m_style.captionColour);
    painter.setFont(captionFont(m_style.caption, strip, m_image.width()));
    // Under the quiet zone, never inside it: text there would disturb scanners.
    painter.drawText(QRect(0, m_image.height(), m_image.width(), strip), Qt::AlignCenter, m_style.caption.trimmed());
    painter.end();
    return result;
}

QByteArray StyledCode::png() const
{
    if (!m_commonPng.isEmpty() && m_logoRect.width == 0 && m_style.caption.trimmed().isEmpty()) {
        return m_commonPng;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    imageWithCaption().save(&buffer, "PNG");
    return bytes;
}

QByteArray StyledCode::svg() const
{
    if (m_commonSvg.isEmpty()) {
        return {};
    }
    QString svg = QString::fromUtf8(m_commonSvg);
    const int modulePx = std::max(1, m_style.modulePixels);
    QString extra;
    if (m_logoRect.width > 0) {
        QByteArray logoPng;
        QBuffer buffer(&logoPng);
        buffer.open(QIODevice::WriteOnly);
        readLogo(m_style.logoPng).save(&buffer, "PNG");
        svg.replace(QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\""),
                    QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                   "xmlns:xlink=\"http://www.w3.org/1999/xlink\""));
        extra += QStringLiteral("<image x=\"%1\" y=\"%2\" width=\"%3\" height=\"%3\" "
                                "preserveAspectRatio=\"xMidYMid meet\" xlink:href=\"data:image/png;base64,%4\"/>\n")
                     .arg(m_logoRect.x / modulePx)
                     .arg(m_logoRect.y / modulePx)
                     .arg(m_logoRect.width / modulePx)
                     .arg(QString::fromLatin1(logoPng.toBase64()));
    }
    const QString caption = m_style.caption.trimmed();
    if (!caption.isEmpty()) {
        // Grow the canvas by the caption strip: height in pixels and the viewBox in modules.
        const int total = totalModules();
        const int strip = captionModules(total);
        svg.replace(QRegularExpression(QStringLiteral("height=\"%1\"").arg(total * modulePx)),
                    QStringLiteral("height=\"%1\"").arg((total + strip) * modulePx));
        svg.replace(QStringLiteral("viewBox=\"0 0 %1 %1\"").arg(total),
                    QStringLiteral("viewBox=\"0 0 %1 %2\"").arg(total).arg(total + strip));
        const QFont font = captionFont(caption, strip * modulePx, total * modulePx);
        extra += QStringLiteral("<rect y=\"%1\" width=\"%2\" height=\"%3\" fill=\"%4\"/>\n")
                     .arg(total)
                     .arg(total)
                     .arg(strip)
                     .arg(m_style.background.name());
        extra +=
            QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"middle\" fill=\"%4\">%5</text>\n")
                .arg(total / 2.0)
                .arg(total + strip * 0.7)
                .arg(static_cast<double>(font.pixelSize()) / modulePx)
                .arg(m_style.captionColour.name(), caption.toHtmlEscaped());
    }
    svg.replace(QStringLiteral("</svg>"), extra + QStringLiteral("</svg>"));
    return svg.toUtf8();
}

} // namespace citycode::client
