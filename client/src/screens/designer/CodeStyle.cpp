#include "screens/designer/CodeStyle.h"

#include <QJsonValue>

namespace citycode::client {

namespace {

common::Rgb toRgb(const QColor& colour)
{
    const QColor rgb = colour.toRgb();
    return {static_cast<std::uint8_t>(rgb.red()), static_cast<std::uint8_t>(rgb.green()),
            static_cast<std::uint8_t>(rgb.blue())};
}

// Field names of a rule's code style, shared with the server's code-style API.
const QString SymbologyField = QStringLiteral("symbology");
const QString EcLevelField = QStringLiteral("ecLevel");
const QString ForegroundField = QStringLiteral("foregroundColor");
const QString BackgroundField = QStringLiteral("backgroundColor");
const QString QuietZoneField = QStringLiteral("quietZoneModules");
const QString ModulePixelsField = QStringLiteral("modulePixels");
const QString LogoField = QStringLiteral("logoPngBase64");
const QString CaptionColourField = QStringLiteral("captionColor");
const QString NameField = QStringLiteral("name");
const QString LogoAreaField = QStringLiteral("logoAreaFraction");
const QString CaptionField = QStringLiteral("caption");
const QString PrintSizeField = QStringLiteral("printSizeMm");
const QString CodeTypeField = QStringLiteral("codeType");

void setError(QString* error, const QString& message)
{
    if (error != nullptr) {
        *error = message;
    }
}

} // namespace

common::SymbolStyle CodeStyle::symbolStyle() const
{
    common::SymbolStyle style;
    style.foreground = toRgb(foreground);
    style.background = toRgb(background);
    style.quietZoneModules = quietZoneModules;
    style.modulePixels = modulePixels;
    style.ecLevel = ecLevel;
    style.logoAreaFraction = logoPng.isEmpty() ? 0.0 : logoAreaFraction;
    return style;
}

double CodeStyle::contrastRatio() const
{
    return common::contrastRatio(toRgb(foreground), toRgb(background));
}

QString CodeStyle::symbologyName(common::Symbology symbology)
{
    return symbology == common::Symbology::GridMatrix ? QStringLiteral("gridmatrix") : QStringLiteral("qr");
}

QString CodeStyle::ecLevelName(common::EcLevel level)
{
    switch (level) {
    case common::EcLevel::L:
        return QStringLiteral("L");
    case common::EcLevel::M:
        return QStringLiteral("M");
    case common::EcLevel::Q:
        return QStringLiteral("Q");
    case common::EcLevel::H:
        return QStringLiteral("H");
    }
    return QStringLiteral("M");
}

QJsonObject CodeStyle::toJson() const
{
    QJsonObject json{
        {SymbologyField, symbologyName(symbology)},
        {EcLevelField, ecLevelName(ecLevel)},
        {ForegroundField, foreground.name(QColor::HexRgb)},
        {BackgroundField, background.name(QColor::HexRgb)},
        {QuietZoneField, quietZoneModules},
        {ModulePixelsField, modulePixels},
        {LogoField, QString::fromLatin1(logoPng.toBase64())},
        {LogoAreaField, logoPng.isEmpty() ? 0.0 : logoAreaFraction},
        {CaptionField, caption},
        {CaptionColourField, captionColour.name(QColor::HexRgb)},
        {PrintSizeField, printSizeMm},
    };
    if (!codeType.isEmpty()) {
        json.insert(CodeTypeField, codeType);
    }
    if (!name.isEmpty()) {
        json.insert(NameField, name);
    }
    return json;
}

bool CodeStyle::fromJson(const QJsonObject& json, CodeStyle* style, QString* error)
{
    CodeStyle result = *style;
    const auto wrong = [error](const QString& field) {
        setError(error, tr("The style field \"%1\" has a value that is not allowed.").arg(field));
        return false;
    };
    const auto readColour = [&](const QString& field, QColor* colour) {
        if (!json.contains(field)) {
            return true;
        }
        const QString text = json.value(field).toString();
        // Only "#RRGGBB", as common::Rgb::fromHex takes it.
        if (text.size() != 7 || !text.startsWith(QLatin1Char('#')) || !QColor::isValidColorName(text)) {
            return false;
        }
        *colour = QColor::fromString(text);
        return true;
    };
    const auto readInt = [&](const QString& field, int low, int high, int* value) {
        if (!json.contains(field)) {
            return true;
        }
        const QJsonValue v = json.value(field);
        if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInt()) || v.toInt() < low || v.toInt() > high) {
            return false;
        }
        *value = v.toInt();
        return true;
    };

    if (json.contains(SymbologyField)) {
        // The server's "qr" and "gridmatrix"; style files written before also say GRID_MATRIX or GM.
        const QString name = json.value(SymbologyField).toString().toUpper();
        if (name == QLatin1String("QR")) {
            result.symbology = common::Symbology::Qr;
        } else if (name == QLatin1String("GRIDMATRIX") || name == QLatin1String("GRID_MATRIX") ||
                   name == QLatin1String("GM")) {
            result.symbology = common::Symbology::GridMatrix;
        } else {
            return wrong(SymbologyField);
        }
    }
    if (json.contains(EcLevelField)) {
        const QString name = json.value(EcLevelField).toString().toUpper();
        const QStringList levels{QStringLiteral("L"), QStringLiteral("M"), QStringLiteral("Q"), QStringLiteral("H")};
        const int index = static_cast<int>(levels.indexOf(name));
        if (index < 0) {
            return wrong(EcLevelField);
        }
        result.ecLevel = static_cast<common::EcLevel>(index);
    }
    if (!readColour(ForegroundField, &result.foreground)) {
        return wrong(ForegroundField);
    }
    if (!readColour(BackgroundField, &result.background)) {
        return wrong(BackgroundField);
    }
    if (!readColour(CaptionColourField, &result.captionColour)) {
        return wrong(CaptionColourField);
    }
    if (!readInt(QuietZoneField, -1, 64, &result.quietZoneModules)) {
        return wrong(QuietZoneField);
    }
    if (!readInt(ModulePixelsField, 1, 64, &result.modulePixels)) {
        return wrong(ModulePixelsField);
    }
    if (!readInt(PrintSizeField, MinimumPrintSizeMm, 1000, &result.printSizeMm)) {
        return wrong(PrintSizeField);
    }
    if (json.contains(LogoField)) {
        const QByteArray encoded = json.value(LogoField).toString().toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (!json.value(LogoField).isString() || !decoded) {
            return wrong(LogoField);
        }
        result.logoPng = *decoded;
    }
    if (json.contains(LogoAreaField)) {
        const QJsonValue v = json.value(LogoAreaField);
        if (!v.isDouble() || v.toDouble() < 0.0 || v.toDouble() > 1.0) {
            return wrong(LogoAreaField);
        }
        result.logoAreaFraction = v.toDouble();
    }
    if (json.contains(CaptionField)) {
        if (!json.value(CaptionField).isString()) {
            return wrong(CaptionField);
        }
        result.caption = json.value(CaptionField).toString();
    }
    if (json.contains(CodeTypeField)) {
        result.codeType = json.value(CodeTypeField).toVariant().toString();
    }
    if (json.contains(NameField)) {
        result.name = json.value(NameField).toString();
    }
    // A style file without a logo size: its logo takes the whole budget of the level.
    if (!result.logoPng.isEmpty() && !json.contains(LogoAreaField)) {
        result.logoAreaFraction = common::logoAreaBudget(result.ecLevel);
    }
    *style = result;
    return true;
}

} // namespace citycode::client
