#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// App management (001 §4.3): apps with their one developer; creating an app or rotating its
// developer's secret shows the AppSecret once, with a copy button.
class AppsPage : public ListPage
{
    Q_OBJECT

public:
    explicit AppsPage(const PageContext& context, QWidget* parent = nullptr);

    void reload() override;

protected:
    void showDetail(const QJsonObject& record) override;

private:
    void loadChoices();
    bool canListIndustries() const;
    void openDialog(const QJsonObject& app);
    void rotateSecret();

    bool m_choicesLoaded = false;
};

} // namespace citycode::client
