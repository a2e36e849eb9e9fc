#pragma once

#include <QLabel>

namespace citycode::client {

// A label for the outcome of an operation (checking, success, warning, error): the tone picks
// the text colour so that a failure stands out; the text itself says what happened.
class StatusLabel : public QLabel
{
    Q_OBJECT

public:
    enum class Tone
    {
        Neutral,
        Busy,
        Success,
        Warning,
        Error,
    };

    explicit StatusLabel(QWidget* parent = nullptr);

    void showStatus(Tone tone, const QString& text);
    void clearStatus();
    Tone tone() const { return m_tone; }

private:
    Tone m_tone = Tone::Neutral;
};

} // namespace citycode::client
