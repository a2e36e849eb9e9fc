#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Code categories (000 §2.2.4.2): the category tree (a category names its parent), created,
// renamed, reordered, enabled/disabled and deleted by the main platform.
class CodeCategoriesPage : public ListPage
{
    Q_OBJECT

public:
    static const QString Path;

    explicit CodeCategoriesPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void editCategory(const QJsonObject& category);
};

} // namespace citycode::client
