#include "widgets/FilterBar.h"

#include "models/DisplayText.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStringListModel>

namespace citycode::client {

namespace {

constexpr int FieldsPerRow = 3;
const QString DateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm");

QString serverTime(const QDateTime& local)
{
    return local.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

FilterBar::FilterBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("filterBar"));
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_layout = new QGridLayout;
    m_layout->setColumnStretch(1, 1);
    m_layout->setColumnStretch(3, 1);
    m_layout->setColumnStretch(5, 1);
    outer->addLayout(m_layout, 1);

    m_searchButton = new QPushButton(tr("&Search"), this);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setDefault(true);
    m_resetButton = new QPushButton(tr("&Reset"), this);
    m_resetButton->setObjectName(QStringLiteral("resetButton"));
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_searchButton);
    buttons->addWidget(m_resetButton);
    buttons->addStretch(1);
    outer->addLayout(buttons);

    connect(m_searchButton, &QPushButton::clicked, this, &FilterBar::searchRequested);
    connect(m_resetButton, &QPushButton::clicked, this, [this]() {
        reset();
        emit searchRequested();
    });
}

void FilterBar::addField(const QString& label, QWidget* field)
{
    const int row = m_fields / FieldsPerRow;
    const int column = (m_fields % FieldsPerRow) * 2;
    auto* caption = new QLabel(label, this);
    caption->setBuddy(field);
    m_layout->addWidget(caption, row, column);
    m_layout->addWidget(field, row, column + 1);
    ++m_fields;
}

void FilterBar::addTimeRange(const QString& label)
{
    m_quickRangeComboBox = new QComboBox(this);
    m_quickRangeComboBox->setObjectName(QStringLiteral("quickRangeComboBox"));
    m_quickRangeComboBox->addItem(tr("Any time"), QVariant::fromValue(QuickRange::Any));
    m_quickRangeComboBox->addItem(tr("Today"), QVariant::fromValue(QuickRange::Today));
    m_quickRangeComboBox->addItem(tr("Yesterday"), QVariant::fromValue(QuickRange::Yesterday));
    m_quickRangeComboBox->addItem(tr("Last 7 days"), QVariant::fromValue(QuickRange::Last7Days));
    m_quickRangeComboBox->addItem(tr("Last 30 days"), QVariant::fromValue(QuickRange::Last30Days));
    m_quickRangeComboBox->addItem(tr("Custom range"), QVariant::fromValue(QuickRange::Custom));
    addField(label, m_quickRangeComboBox);

    const QDateTime now = QDateTime::currentDateTime();
    m_fromEdit = new QDateTimeEdit(QDateTime(now.date().addDays(-7), QTime(0, 0)), this);
    m_fromEdit->setObjectName(QStringLiteral("fromDateTimeEdit"));
    m_toEdit = new QDateTimeEdit(QDateTime(now.date(), QTime(23, 59)), this);
    m_toEdit->setObjectName(QStringLiteral("toDateTimeEdit"));
    for (QDateTimeEdit* edit : {m_fromEdit, m_toEdit}) {
        edit->setDisplayFormat(DateTimeFormat);
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    addField(tr("From:"), m_fromEdit);
    addField(tr("To:"), m_toEdit);
    connect(m_quickRangeComboBox, &QComboBox::currentIndexChanged, this, &FilterBar::onQuickRangeChanged);
}

QLineEdit* FilterBar::addText(const QString& filter, const QString& label, bool digitsOnly)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(filter + QStringLiteral("LineEdit"));
    edit->setClearButtonEnabled(true);
    if (digitsOnly) {
        edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,18}")), edit));
    }
    connect(edit, &QLineEdit::returnPressed, this, &FilterBar::searchRequested);
    addField(label, edit);
    m_texts.append({filter, edit});
    return edit;
}

QComboBox* FilterBar::addChoice(const QString& filter, const QString& label,
                                const QVector<QPair<QString, QString>>& items)
{
    auto* combo = new QComboBox(this);
    combo->setObjectName(filter + QStringLiteral("ComboBox"));
    addField(label, combo);
    m_choices.append({filter, combo});
    setChoices(filter, items);
    return combo;
}

QComboBox* FilterBar::addEnabledStatus()
{
    return addChoice(QStringLiteral("status"), tr("Status:"),
                     {{QStringLiteral("enabled"), DisplayText::status(QStringLiteral("enabled"))},
                      {QStringLiteral("disabled"), DisplayText::status(QStringLiteral("disabled"))}});
}

void FilterBar::setChoices(const QString& filter, const QVector<QPair<QString, QString>>& items)
{
    for (const ChoiceFilter& choice : m_choices) {
        if (choice.name != filter) {
            continue;
        }
        const QString current = choice.combo->currentData().toString();
        choice.combo->clear();
        choice.combo->addItem(tr("All"), QString());
        for (const auto& item : items) {
            choice.combo->addItem(item.second, item.first);
        }
        const int index = choice.combo->findData(current);
        choice.combo->setCurrentIndex(index < 0 ? 0 : index);
    }
}

QStringList FilterBar::textFilters() const
{
    QStringList names;
    for (const TextFilter& text : m_texts) {
        names.append(text.name);
    }
    return names;
}

QLineEdit* FilterBar::textField(const QString& filter) const
{
    for (const TextFilter& text : m_texts) {
        if (text.name == filter) {
            return text.edit;
        }
    }
    return nullptr;
}

void FilterBar::setRecentSearches(const QString& filter, const QStringList& texts)
{
    QLineEdit* edit = textField(filter);
    if (edit == nullptr) {
        return;
    }
    QCompleter* completer = edit->completer();
    if (completer == nullptr) {
        completer = new QCompleter(new QStringListModel(edit), edit);
        completer->setObjectName(filter + QStringLiteral("Completer"));
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        // Newest first, as the store keeps them.
        completer->setModelSorting(QCompleter::UnsortedModel);
        edit->setCompleter(completer);
        edit->installEventFilter(this);
    }
    if (auto* model = qobject_cast<QStringListModel*>(completer->model())) {
        model->setStringList(texts);
    }
}

bool FilterBar::eventFilter(QObject* watched, QEvent* event)
{
    auto* edit = qobject_cast<QLineEdit*>(watched);
    if (edit != nullptr && event->type() == QEvent::KeyPress && edit->completer() != nullptr &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Down && !edit->completer()->popup()->isVisible()) {
        edit->completer()->setCompletionPrefix(edit->text());
        edit->completer()->complete();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::setQuickRange(QuickRange range)
{
    if (m_quickRangeComboBox != nullptr) {
        m_quickRangeComboBox->setCurrentIndex(m_quickRangeComboBox->findData(QVariant::fromValue(range)));
    }
}

QPair<QDateTime, QDateTime> FilterBar::rangeFor(QuickRange range, const QDateTime& now)
{
    const QDate today = now.date();
    const QTime endOfDay(23, 59, 59, 999);
    switch (range) {
    case QuickRange::Today:
        return {QDateTime(today, QTime(0, 0)), QDateTime(today, endOfDay)};
    case QuickRange::Yesterday:
        return {QDateTime(today.addDays(-1), QTime(0, 0)), QDateTime(today.addDays(-1), endOfDay)};
    case QuickRange::Last7Days:
        return {QDateTime(today.addDays(-6), QTime(0, 0)), QDateTime(today, endOfDay)};
    case QuickRange::Last30Days:
        return {QDateTime(today.addDays(-29), QTime(0, 0)), QDateTime(today, endOfDay)};
    case QuickRange::Any:
    case QuickRange::Custom:
        break;
    }
    return {};
}

void FilterBar::onQuickRangeChanged()
{
    const auto range = m_quickRangeComboBox->currentData().value<QuickRange>();
    const bool custom = range == QuickRange::Custom;
    m_fromEdit->setEnabled(custom);
    m_toEdit->setEnabled(custom);
    const auto shown = rangeFor(range, QDateTime::currentDateTime());
    if (shown.first.isValid()) {
        m_fromEdit->setDateTime(shown.first);
        m_toEdit->setDateTime(shown.second);
    }
}

QUrlQuery FilterBar::query() const
{
    QUrlQuery query;
    if (m_quickRangeComboBox != nullptr) {
        const auto range = m_quickRangeComboBox->currentData().value<QuickRange>();
        QPair<QDateTime, QDateTime> bounds = rangeFor(range, QDateTime::currentDateTime());
        if (range == QuickRange::Custom) {
            // The minute shown includes its seconds.
            bounds = {m_fromEdit->dateTime(), m_toEdit->dateTime().addSecs(59).addMSecs(999)};
        }
        if (bounds.first.isValid()) {
            query.addQueryItem(QStringLiteral("createdFrom"), serverTime(bounds.first));
            query.addQueryItem(QStringLiteral("createdTo"), serverTime(bounds.second));
        }
    }
    for (const TextFilter& text : m_texts) {
        const QString value = text.edit->text().trimmed();
        if (!value.isEmpty()) {
            query.addQueryItem(text.name, value);
        }
    }
    for (const ChoiceFilter& choice : m_choices) {
        const QString value = choice.combo->currentData().toString();
        if (!value.isEmpty()) {
            query.addQueryItem(choice.name, value);
        }
    }
    return query;
}

void FilterBar::reset()
{
    setQuickRange(QuickRange::Any);
    for (const TextFilter& text : m_texts) {
        text.edit->clear();
    }
    for (const ChoiceFilter& choice : m_choices) {
        choice.combo->setCurrentIndex(0);
    }
}

} // namespace citycode::client
