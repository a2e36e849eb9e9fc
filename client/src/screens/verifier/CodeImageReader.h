#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace citycode::client {

// Reads the text of a QR code from an image (a photo, a screenshot, an exported PNG) with
// ZXing-cpp, for the offline verifier. Grid Matrix has no decoder here: such codes are pasted.
class CodeImageReader
{
    Q_DECLARE_TR_FUNCTIONS(citycode::client::CodeImageReader)

public:
    // The decoded text, or an empty string with `error` saying why.
    static QString read(const QImage& image, QString* error = nullptr);
    static QString readFile(const QString& fileName, QString* error = nullptr);
};

} // namespace citycode::client
