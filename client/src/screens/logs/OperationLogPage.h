#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// The operation log (001 §4.12.3): every admin change, searchable by time, operator, action,
// target and result; exported with the log's own permission.
class OperationLogPage : public ListPage
{
    Q_OBJECT

public:
    explicit OperationLogPage(const PageContext& context, QWidget* parent = nullptr);
};

} // namespace citycode::client
