#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Static codes (002 §5.3.2.4, §8.1): search by number, state, category and created time;
// register a code; the detail with its history and the lifecycle operations its state allows.
class StaticCodesPage : public ListPage
{
    Q_OBJECT

public:
    static const QString Path;

    explicit StaticCodesPage(const PageContext& context, QWidget* parent = nullptr);

protected:
    void showDetail(const QJsonObject& record) override;

private:
    void registerCode();
};

} // namespace citycode::client
