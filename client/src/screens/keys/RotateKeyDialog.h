#pragma once

#include "widgets/FormDialog.h"

namespace citycode::client {

// Rotating a platform's code key (002 §9.2): purpose sign or mac, the algorithm (SM2 or P-256
// for signing keys, HMAC-SM3 for MAC keys) and how long the old key keeps verifying.
class RotateKeyDialog : public FormDialog
{
    Q_OBJECT

public:
    static constexpr int MinOverlapSeconds = 60; // one dynamic code lifetime (server bound)
    static constexpr int MaxOverlapSeconds = 90 * 86400;

    // `platforms` are (id, name) choices (the main platform may rotate any platform's keys).
    RotateKeyDialog(const QVector<QPair<QVariant, QString>>& platforms, int defaultOverlapSeconds,
                    QWidget* parent = nullptr);

    // The body of POST /keys/rotate.
    QJsonObject body() const;
};

} // namespace citycode::client
