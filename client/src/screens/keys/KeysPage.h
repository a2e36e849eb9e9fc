#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// The platforms' code keys (002 §9.2): current and retired signing and MAC keys with their
// validity windows; rotation with purpose, algorithm and overlap. Secrets never leave the server.
class KeysPage : public ListPage
{
    Q_OBJECT

public:
    static const QString Path;

    explicit KeysPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void rotate();
};

} // namespace citycode::client
