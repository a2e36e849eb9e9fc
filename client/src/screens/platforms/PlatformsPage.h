#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Platform management (001 §4.4): the main platform and its sub-platforms; creating a
// sub-platform creates its administrator, whose one-time password is shown once.
class PlatformsPage : public ListPage
{
    Q_OBJECT

public:
    explicit PlatformsPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void createPlatform();
    void editPlatform();
};

} // namespace citycode::client
