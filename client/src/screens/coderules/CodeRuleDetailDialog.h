#pragma once

#include <QDialog>
#include <QJsonObject>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace citycode::client {

class ApiClient;
class CodeRuleVersionModel;
class Session;
class StatusLabel;

// One code rule with its versions (001 §4.2.3 9): the rule's state, the version list; new
// version, edit, enable/disable a version, push the rule (all versions to the pool), and the
// side-by-side comparison of two selected versions.
class CodeRuleDetailDialog : public QDialog
{
    Q_OBJECT

public:
    CodeRuleDetailDialog(ApiClient* api, const Session* session, qint64 ruleId, QWidget* parent = nullptr);

    CodeRuleVersionModel* versionModel() const { return m_versions; }
    QTableView* versionsView() const { return m_versionsView; }
    QJsonObject rule() const { return m_rule; }

signals:
    // The rule and its versions were (re)loaded.
    void loaded(bool ok);
    // Something changed on the server (the list behind should reload).
    void changed();

private:
    void load();
    void updateButtons();
    QVector<qint64> selectedVersions() const;
    void openWizard(bool newVersion);
    void post(const QString& path, const QString& done);
    QPushButton* addButton(const QString& objectName, const QString& text, const QString& permission);

    ApiClient* m_api;
    const Session* m_session;
    qint64 m_ruleId;
    QJsonObject m_rule;
    QLabel* m_summaryLabel = nullptr;
    CodeRuleVersionModel* m_versions = nullptr;
    QTableView* m_versionsView = nullptr;
    QPushButton* m_newVersionButton = nullptr;
    QPushButton* m_editVersionButton = nullptr;
    QPushButton* m_enableButton = nullptr;
    QPushButton* m_disableButton = nullptr;
    QPushButton* m_pushButton = nullptr;
    QPushButton* m_compareButton = nullptr;
    StatusLabel* m_statusLabel = nullptr;
    QHBoxLayout* m_buttonsLayout = nullptr;
};

} // namespace citycode::client
