#include "widgets/StatusLabel.h"

namespace citycode::client {

namespace {

// At least 4.5:1 contrast against light window backgrounds (white and Fusion's #efefef), the
// WCAG 2.1 level AA minimum for text (success criterion 1.4.3).
QString colourFor(StatusLabel::Tone tone)
{
    switch (tone) {
    case StatusLabel::Tone::Success:
        return QStringLiteral("#166c31");
    case StatusLabel::Tone::Warning:
        return QStringLiteral("#8a5c00");
    case StatusLabel::Tone::Error:
        return QStringLiteral("#c62828");
    case StatusLabel::Tone::Neutral:
    case StatusLabel::Tone::Busy:
        break;
    }
    return {};
}

} // namespace

StatusLabel::StatusLabel(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void StatusLabel::showStatus(Tone tone, const QString& text)
{
    m_tone = tone;
    const QString colour = colourFor(tone);
    setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
    setText(text);
}

void StatusLabel::clearStatus()
{
    showStatus(Tone::Neutral, {});
}

} // namespace citycode::client
