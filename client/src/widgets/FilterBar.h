#pragma once

#include <QDateTime>
#include <QPair>
#include <QStringList>
#include <QUrlQuery>
#include <QVector>
#include <QWidget>

class QComboBox;
class QCompleter;
class QDateTimeEdit;
class QGridLayout;
class QLineEdit;
class QPushButton;

namespace citycode::client {

// The search fields above a list: a created-time range with quick ranges (today, yesterday,
// last 7 and 30 days, custom), text fields and choice lists, each bound to the name of a server
// filter. Search and Reset ask the list to load its first page again.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    enum class QuickRange
    {
        Any,
        Today,
        Yesterday,
        Last7Days,
        Last30Days,
        Custom,
    };
    Q_ENUM(QuickRange)

    explicit FilterBar(QWidget* parent = nullptr);

    // createdFrom / createdTo (server filter names) from the quick range or the custom dates.
    void addTimeRange(const QString& label);
    // A free-text filter; `digitsOnly` refuses anything but a whole number (ids).
    QLineEdit* addText(const QString& filter, const QString& label, bool digitsOnly = false);
    // A choice: items are (server value, shown text); the first item "All" (no filter) is added.
    QComboBox* addChoice(const QString& filter, const QString& label, const QVector<QPair<QString, QString>>& items);
    void setChoices(const QString& filter, const QVector<QPair<QString, QString>>& items);
    // The "status" filter of records that are enabled or disabled.
    QComboBox* addEnabledStatus();

    // The server names of the free-text filters, in the order they were added, and their fields.
    QStringList textFilters() const;
    QLineEdit* textField(const QString& filter) const;
    // Offers `texts` (the operator's recent searches, newest first) as completions of the text
    // filter `filter`; the Down key on the field shows them all.
    void setRecentSearches(const QString& filter, const QStringList& texts);

    void setQuickRange(QuickRange range);
    // The range [from, to] in local time that a quick range stands for at `now`; invalid for Any.
    static QPair<QDateTime, QDateTime> rangeFor(QuickRange range, const QDateTime& now);

    // Only filters with a value; timestamps as the server's ISO 8601 UTC text.
    QUrlQuery query() const;
    void reset();

signals:
    void searchRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addField(const QString& label, QWidget* field);
    void onQuickRangeChanged();

    struct TextFilter
    {
        QString name;
        QLineEdit* edit;
    };
    struct ChoiceFilter
    {
        QString name;
        QComboBox* combo;
    };

    QGridLayout* m_layout = nullptr;
    int m_fields = 0;
    QComboBox* m_quickRangeComboBox = nullptr;
    QDateTimeEdit* m_fromEdit = nullptr;
    QDateTimeEdit* m_toEdit = nullptr;
    QVector<TextFilter> m_texts;
    QVector<ChoiceFilter> m_choices;
    QPushButton* m_searchButton = nullptr;
    QPushButton* m_resetButton = nullptr;
};

} // namespace citycode::client
