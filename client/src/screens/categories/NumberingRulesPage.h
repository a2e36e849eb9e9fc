#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Numbering rules (000 §2.2.4.3): code numbers made of a prefix, a date part and a zero-padded
// sequence; create, rename, enable/disable, delete, and allocate numbers to see what they give.
class NumberingRulesPage : public ListPage
{
    Q_OBJECT

public:
    static const QString Path;

    explicit NumberingRulesPage(const PageContext& context, QWidget* parent = nullptr);

    // Allocates `count` numbers from the selected rule (as the Allocate button does after asking).
    void allocate(int count);

signals:
    // Numbers the server allocated through the Allocate button.
    void allocated(const QStringList& numbers);

private:
    void editRule(const QJsonObject& rule);
    void askAndAllocate();
};

} // namespace citycode::client
