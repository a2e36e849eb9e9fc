#include "screens/verifier/CodeImageReader.h"

// ZXing-cpp 1.4 returns UTF-8 text only when asked to.
#ifndef ZX_USE_UTF8
#define ZX_USE_UTF8
#endif
#include <ZXing/ReadBarcode.h>

#include <QDir>
#include <QImageReader>
#include <QPainter>

namespace citycode::client {

namespace {

// Photos far larger than a code needs only slow the decoder down.
constexpr int MaximumSide = 2000;

} // namespace

QString CodeImageReader::read(const QImage& image, QString* error)
{
    if (image.isNull()) {
        if (error != nullptr) {
            *error = tr("The image is empty.");
        }
        return {};
    }
    QImage grey = image.width() > MaximumSide || image.height() > MaximumSide
                      ? image.scaled(MaximumSide, MaximumSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                      : image;
    // Transparent pixels count as white, as they look on paper.
    if (grey.hasAlphaChannel()) {
        QImage flattened(grey.size(), QImage::Format_RGB32);
        flattened.fill(Qt::white);
        QPainter(&flattened).drawImage(0, 0, grey);
        grey = flattened;
    }
    grey = grey.convertToFormat(QImage::Format_Grayscale8);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(
        {grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum, static_cast<int>(grey.bytesPerLine())},
        hints);
    if (!result.isValid()) {
        if (error != nullptr) {
            *error = tr("No QR code was found in the image.");
        }
        return {};
    }
    return QString::fromStdString(result.text());
}

QString CodeImageReader::readFile(const QString& fileName, QString* error)
{
    QImageReader reader(fileName);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        if (error != nullptr) {
            *error = tr("%1 is not an image this console can read (%2).")
                         .arg(QDir::toNativeSeparators(fileName), reader.errorString());
        }
        return {};
    }
    return read(image, error);
}

} // namespace citycode::client
