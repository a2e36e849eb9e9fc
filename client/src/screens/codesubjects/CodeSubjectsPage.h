#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Code subjects (000 §2.2.4.5 码对象主体管理): the list of a platform's subjects with filters by
// name, identifier, type and status; create, edit and delete under the code:subject:* buttons.
class CodeSubjectsPage : public ListPage
{
    Q_OBJECT

public:
    static const QString Path;

    explicit CodeSubjectsPage(const PageContext& context, QWidget* parent = nullptr);

private:
    void editSubject(const QJsonObject& subject);
};

} // namespace citycode::client
