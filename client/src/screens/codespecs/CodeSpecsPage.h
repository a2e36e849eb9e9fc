#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Code specifications (001 §4.2.2): search by created time and name; create and edit with the
// field table; enable, disable (a disabled spec cannot be chosen for rules) and delete.
class CodeSpecsPage : public ListPage
{
    Q_OBJECT

public:
    static const QString Path;

    explicit CodeSpecsPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void editSpec(const QJsonObject& spec);
};

} // namespace citycode::client
