#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Scanner terminals (002 §5.3.1.3 终端授权): register with id, name, location and public key;
// edit, enable/disable (a disabled terminal's requests are refused from the next one), delete.
class TerminalsPage : public ListPage
{
    Q_OBJECT

public:
    static const QString Path;

    explicit TerminalsPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void editTerminal(const QJsonObject& terminal);
};

} // namespace citycode::client
