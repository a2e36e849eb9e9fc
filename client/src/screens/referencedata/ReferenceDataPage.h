#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// Regions, industries and dictionaries (001 §4.12.2-4.12.3): shared code lists that every
// platform reads and the main platform maintains (create, edit, enable/disable, delete).
class ReferenceDataPage : public ListPage
{
    Q_OBJECT

public:
    enum class Kind
    {
        Regions,
        Industries,
        Dictionaries,
    };

    ReferenceDataPage(const PageContext& context, Kind kind, QWidget* parent = nullptr);

private:
    void openDialog(const QJsonObject& record);

    Kind m_kind;
    QString m_permissionPrefix;
};

} // namespace citycode::client
