#include "screens/menus/MenusPage.h"

#include "api/ApiClient.h"
#include "app/Session.h"
#include "models/DisplayText.h"
#include "widgets/FormDialog.h"
#include "widgets/StatusLabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace citycode::client {

namespace {

const QString MenusPath = QStringLiteral("/admin/v1/menus");
constexpr int MenuRole = Qt::UserRole + 1;
constexpr int NameLength = 100;
constexpr int PermissionLength = 100;
constexpr int PathLength = 200;

enum Column
{
    NameColumn,
    PermissionColumn,
    TypeColumn,
    PositionColumn,
    PathColumn,
    StatusColumn,
    ColumnCount
};

} // namespace

MenusPage::MenusPage(const PageContext& context, QWidget* parent) : Page(context, parent)
{
    setObjectName(QStringLiteral("menusPage"));
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("pageTitleLabel"));
    QFont font = m_titleLabel->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.25);
    m_titleLabel->setFont(font);

    m_newButton = new QPushButton(this);
    m_newButton->setObjectName(QStringLiteral("newButton"));
    m_newChildButton = new QPushButton(this);
    m_newChildButton->setObjectName(QStringLiteral("newChildButton"));
    m_editButton = new QPushButton(this);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_deleteButton = new QPushButton(this);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    const bool canAdd = session() == nullptr || session()->can(QStringLiteral("system:menu:add"));
    m_newButton->setVisible(canAdd);
    m_newChildButton->setVisible(canAdd);
    m_editButton->setVisible(session() == nullptr || session()->can(QStringLiteral("system:menu:edit")));
    m_deleteButton->setVisible(session() == nullptr || session()->can(QStringLiteral("system:menu:delete")));

    m_treeWidget = new QTreeWidget(this);
    m_treeWidget->setObjectName(QStringLiteral("menusTreeWidget"));
    m_treeWidget->setColumnCount(ColumnCount);
    m_treeWidget->setAlternatingRowColors(true);
    m_treeWidget->header()->setStretchLastSection(false);
    m_treeWidget->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_statusLabel = new StatusLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("listStatusLabel"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_newChildButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    buttons->addWidget(m_refreshButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_treeWidget, 1);
    layout->addWidget(m_statusLabel);

    connect(m_treeWidget, &QTreeWidget::itemSelectionChanged, this, &MenusPage::updateButtons);
    connect(m_treeWidget, &QTreeWidget::itemDoubleClicked, this, [this]() {
        if (m_editButton->isVisible()) {
            openDialog(selectedMenu(), 0);
        }
    });
    connect(m_newButton, &QPushButton::clicked, this, [this]() { openDialog({}, 0); });
    connect(m_newChildButton, &QPushButton::clicked, this,
            [this]() { openDialog({}, selectedMenu().value(QLatin1String("id")).toInteger()); });
    connect(m_editButton, &QPushButton::clicked, this, [this]() { openDialog(selectedMenu(), 0); });
    connect(m_deleteButton, &QPushButton::clicked, this, &MenusPage::removeSelected);
    connect(m_refreshButton, &QPushButton::clicked, this, &MenusPage::reload);
    retranslateUi();
    updateButtons();
}

void MenusPage::retranslateUi()
{
    m_titleLabel->setText(tr("Menus"));
    m_newButton->setText(tr("&New menu…"));
    m_newChildButton->setText(tr("New &child…"));
    m_editButton->setText(tr("&Edit…"));
    m_deleteButton->setText(tr("De&lete"));
    m_refreshButton->setText(tr("&Refresh"));
    m_treeWidget->setHeaderLabels(
        {tr("Name"), tr("Permission key"), tr("Type"), tr("Position"), tr("Path"), tr("Status")});
    fill(m_items);
}

void MenusPage::changeEvent(QEvent* event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
}

void MenusPage::reload()
{
    m_loading = true;
    m_statusLabel->showStatus(StatusLabel::Tone::Busy, tr("Loading…"));
    api()->get(MenusPath, {}, this, [this](const ApiReply& reply) {
        m_loading = false;
        if (reply.error.isError()) {
            showError(reply.error);
            emit loaded(false);
            return;
        }
        m_items = reply.json.value(QLatin1String("items")).toArray();
        fill(m_items);
        m_statusLabel->clear();
        emit loaded(true);
    });
}

void MenusPage::fill(const QJsonArray& items)
{
    const qint64 selected = selectedMenu().value(QLatin1String("id")).toInteger();
    m_treeWidget->clear();
    addItems(nullptr, items);
    m_treeWidget->expandAll();
    for (QTreeWidgetItemIterator it(m_treeWidget); *it != nullptr; ++it) {
        if ((*it)->data(0, MenuRole).toJsonObject().value(QLatin1String("id")).toInteger() == selected &&
            selected != 0) {
            m_treeWidget->setCurrentItem(*it);
        }
    }
    updateButtons();
}

void MenusPage::addItems(QTreeWidgetItem* parent, const QJsonArray& items)
{
    for (const QJsonValue& value : items) {
        const QJsonObject menu = value.toObject();
        auto* item = parent != nullptr ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_treeWidget);
        QJsonObject stored = menu;
        stored.remove(QLatin1String("children"));
        item->setData(0, MenuRole, stored);
        item->setText(NameColumn, menu.value(QLatin1String("name")).toString());
        item->setText(PermissionColumn, menu.value(QLatin1String("permission")).toString());
        item->setText(TypeColumn, menu.value(QLatin1String("type")).toString() == QLatin1String("button") ? tr("Button")
                                                                                                          : tr("Menu"));
        item->setText(PositionColumn, QString::number(menu.value(QLatin1String("position")).toInteger()));
        item->setText(PathColumn, menu.value(QLatin1String("path")).toString());
        item->setText(StatusColumn, DisplayText::status(menu.value(QLatin1String("status")).toString()));
        addItems(item, menu.value(QLatin1String("children")).toArray());
    }
}

QJsonObject MenusPage::selectedMenu() const
{
    const QList<QTreeWidgetItem*> selected = m_treeWidget->selectedItems();
    return selected.isEmpty() ? QJsonObject() : selected.first()->data(0, MenuRole).toJsonObject();
}

void MenusPage::updateButtons()
{
    const bool one = !selectedMenu().isEmpty();
    m_newChildButton->setEnabled(one);
    m_editButton->setEnabled(one);
    m_deleteButton->setEnabled(one);
}

void MenusPage::openDialog(const QJsonObject& menu, qint64 parentId)
{
    const qint64 id = menu.value(QLatin1String("id")).toInteger();
    if (id != 0) {
        parentId = menu.value(QLatin1String("parentId")).toInteger();
    }
    auto* dialog = new FormDialog(id == 0 ? tr("New menu") : tr("Edit menu"), this);
    dialog->setObjectName(QStringLiteral("menuDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Any menu but this one and its descendants can be the parent.
    QVector<QPair<QVariant, QString>> parents{{QVariant(), tr("(top level)")}};
    for (QTreeWidgetItemIterator it(m_treeWidget); *it != nullptr; ++it) {
        const QJsonObject candidate = (*it)->data(0, MenuRole).toJsonObject();
        bool inside = false;
        for (QTreeWidgetItem* up = *it; up != nullptr; up = up->parent()) {
            inside = inside ||
                     (id != 0 && up->data(0, MenuRole).toJsonObject().value(QLatin1String("id")).toInteger() == id);
        }
        if (!inside && candidate.value(QLatin1String("type")).toString() == QLatin1String("menu")) {
            int depth = 0;
            for (QTreeWidgetItem* up = (*it)->parent(); up != nullptr; up = up->parent()) {
                ++depth;
            }
            parents.append({candidate.value(QLatin1String("id")).toInteger(),
                            QString(depth * 2, QLatin1Char(' ')) + candidate.value(QLatin1String("name")).toString()});
        }
    }
    dialog->addChoice(QStringLiteral("parentId"), tr("&Parent:"), parents,
                      parentId != 0 ? QVariant(parentId) : QVariant());
    dialog->addLine(QStringLiteral("name"), tr("&Name:"), menu.value(QLatin1String("name")).toString(), true,
                    NameLength);
    dialog->addLine(QStringLiteral("permission"), tr("Permission &key:"),
                    menu.value(QLatin1String("permission")).toString(), true, PermissionLength,
                    QRegularExpression(QStringLiteral("^[A-Za-z0-9:_-]+$")), tr("letters, digits, ':', '_' and '-'"));
    dialog->addChoice(QStringLiteral("type"), tr("&Type:"),
                      {{QStringLiteral("menu"), tr("Menu")}, {QStringLiteral("button"), tr("Button")}},
                      menu.value(QLatin1String("type")).toString(QStringLiteral("menu")));
    dialog->addLine(QStringLiteral("position"), tr("P&osition:"),
                    QString::number(menu.value(QLatin1String("position")).toInteger()), true, 9,
                    QRegularExpression(QStringLiteral("^[0-9]+$")), tr("a whole number"));
    dialog->addLine(QStringLiteral("path"), tr("Pat&h:"), menu.value(QLatin1String("path")).toString(), false,
                    PathLength);
    dialog->addChoice(QStringLiteral("status"), tr("&Status:"),
                      {{QStringLiteral("enabled"), DisplayText::status(QStringLiteral("enabled"))},
                       {QStringLiteral("disabled"), DisplayText::status(QStringLiteral("disabled"))}},
                      menu.value(QLatin1String("status")).toString(QStringLiteral("enabled")));
    dialog->setSubmit([this, dialog, id](const QJsonObject& values) {
        QJsonObject body = values;
        body.insert(QStringLiteral("position"), body.value(QLatin1String("position")).toString().toLongLong());
        if (!body.contains(QLatin1String("parentId"))) {
            body.insert(QStringLiteral("parentId"), QJsonValue::Null);
        }
        const auto answered = [this, dialog](const ApiReply& reply) {
            if (reply.error.isError()) {
                dialog->showError(reply.error.toString());
                return;
            }
            dialog->succeed();
            reload();
            m_statusLabel->showStatus(StatusLabel::Tone::Success, tr("Saved."));
        };
        if (id == 0) {
            api()->post(MenusPath, body, dialog, answered);
        } else {
            api()->put(MenusPath + QStringLiteral("/%1").arg(id), body, dialog, answered);
        }
    });
    dialog->open();
}

void MenusPage::removeSelected()
{
    const QJsonObject menu = selectedMenu();
    if (menu.isEmpty()) {
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Delete menu"),
        tr("Delete the menu \"%1\" (%2)? Roles lose this permission.")
            .arg(menu.value(QLatin1String("name")).toString(), menu.value(QLatin1String("permission")).toString()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) {
        return;
    }
    api()->del(MenusPath + QStringLiteral("/%1").arg(menu.value(QLatin1String("id")).toInteger()), this,
               [this](const ApiReply& reply) {
                   if (reply.error.isError()) {
                       showError(reply.error);
                       return;
                   }
                   reload();
                   m_statusLabel->showStatus(StatusLabel::Tone::Success, tr("Deleted."));
               });
}

void MenusPage::showError(const ApiError& error)
{
    m_statusLabel->showStatus(StatusLabel::Tone::Error, error.toString());
}

} // namespace citycode::client
