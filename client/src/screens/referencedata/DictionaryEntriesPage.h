#pragma once

#include "widgets/ListPage.h"

namespace citycode::client {

// The entries of one dictionary (001 §4.12.3 字典管理: 字典项): code, label and order, with
// create, edit, enable/disable and delete; opened from the Dictionaries page ("Entries…").
class DictionaryEntriesPage : public ListPage
{
    Q_OBJECT

public:
    DictionaryEntriesPage(const PageContext& context, const QJsonObject& dictionary, QWidget* parent = nullptr);

    // The page in a dialog of its own, titled with the dictionary.
    static void openFor(const PageContext& context, const QJsonObject& dictionary, QWidget* parent);

private:
    void openDialog(const QJsonObject& record);

    qint64 m_groupId;
};

} // namespace citycode::client
