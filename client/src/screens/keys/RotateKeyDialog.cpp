#include "screens/keys/RotateKeyDialog.h"

#include "models/CodeEngineText.h"

#include <QComboBox>
#include <QLineEdit>

namespace citycode::client {

RotateKeyDialog::RotateKeyDialog(const QVector<QPair<QVariant, QString>>& platforms, int defaultOverlapSeconds,
                                 QWidget* parent)
    : FormDialog(tr("Rotate key"), parent)
{
    setObjectName(QStringLiteral("rotateKeyDialog"));
    if (!platforms.isEmpty()) {
        addChoice(QStringLiteral("platformId"), tr("&Platform:"), platforms, platforms.first().first);
    }
    QComboBox* purpose = addChoice(QStringLiteral("purpose"), tr("P&urpose:"),
                                   {{QStringLiteral("sign"), CodeEngineText::keyPurpose(QStringLiteral("sign"))},
                                    {QStringLiteral("mac"), CodeEngineText::keyPurpose(QStringLiteral("mac"))}});
    QComboBox* algorithm =
        addChoice(QStringLiteral("alg"), tr("&Algorithm:"),
                  {{QStringLiteral("SM2-SM3"), tr("SM2 with SM3")}, {QStringLiteral("ECDSA-P256"), tr("ECDSA P-256")}});
    // A MAC key is always HMAC-SM3; the algorithm choice is for signing keys.
    connect(purpose, &QComboBox::currentIndexChanged, this, [purpose, algorithm]() {
        algorithm->setEnabled(purpose->currentData().toString() == QLatin1String("sign"));
    });
    addLine(QStringLiteral("overlapSeconds"), tr("&Overlap (seconds):"),
            QString::number(qBound(MinOverlapSeconds, defaultOverlapSeconds, MaxOverlapSeconds)), true, 8,
            QRegularExpression(QStringLiteral("^[0-9]+$")), tr("a whole number of seconds"));
    addCheck([this]() {
        const qint64 overlap = values().value(QLatin1String("overlapSeconds")).toString().toLongLong();
        if (overlap < MinOverlapSeconds || overlap > MaxOverlapSeconds) {
            return tr("The overlap must be between %1 and %2 seconds, so codes sealed with the old key keep "
                      "verifying.")
                .arg(MinOverlapSeconds)
                .arg(MaxOverlapSeconds);
        }
        return QString();
    });
}

QJsonObject RotateKeyDialog::body() const
{
    QJsonObject object = values();
    object.insert(QStringLiteral("overlapSeconds"),
                  object.value(QLatin1String("overlapSeconds")).toString().toLongLong());
    if (object.value(QLatin1String("purpose")).toString() != QLatin1String("sign")) {
        object.remove(QStringLiteral("alg"));
    }
    return object;
}

} // namespace citycode::client
