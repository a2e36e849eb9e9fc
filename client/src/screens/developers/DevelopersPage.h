#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Developers (001 §4.6): one per app; rename, and rotate the AppSecret (shown once).
class DevelopersPage : public ListPage
{
    Q_OBJECT

public:
    explicit DevelopersPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void rename();
    void rotateSecret();
};

} // namespace citycode::client
