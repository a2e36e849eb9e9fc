// The code engine models under QAbstractItemModelTester with records shaped like the server's
// answers: display words for raw values, the editable field list with the server's checks, the
// checkable permission columns, and the static code state table.
#include "models/AppPermissionModel.h"
#include "models/CodeCategoryModel.h"
#include "models/CodeFieldModel.h"
#include "models/CodeRuleModel.h"
#include "models/CodeRuleVersionModel.h"
#include "models/CodeSpecModel.h"
#include "models/CodeSubjectModel.h"
#include "models/KeyModel.h"
#include "models/NumberingRuleModel.h"
#include "models/StaticCodeHistoryModel.h"
#include "models/StaticCodeModel.h"
#include "models/StaticCodeStates.h"
#include "models/TerminalModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace citycode::test {

using namespace citycode::client;

namespace {

// Written with single quotes (moc 6.4 does not parse raw string literals); records() swaps them.
QVector<QJsonObject> records(const char* json)
{
    QVector<QJsonObject> rows;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray(json).replace('\'', '"')).array();
    for (const QJsonValue& value : array) {
        rows.append(value.toObject());
    }
    return rows;
}

const char* SpecRecords =
    "[{'id': 3, 'name': '居民码规范', 'fields': [{'name': 'userId', 'type': 'string', 'length': 32},"
    "{'name': 'name', 'type': 'string', 'length': 20}], 'status': 'enabled',"
    "'createdAt': '2024-01-01T00:00:00.000Z', 'updatedAt': '2024-01-02T00:00:00.000Z'}]";
const char* RuleRecords = "[{'id': 7, 'name': 'Rule A', 'form': 'dynamic', 'codeType': 'personal', 'platformId': 1,"
                          "'platformName': 'Main', 'specId': 3, 'specName': 'Spec', 'publishState': 'published',"
                          "'status': 'disabled', 'inPool': true, 'latestVersion': 2,"
                          "'createdAt': '2024-01-01T00:00:00.000Z'},"
                          "{'id': 8, 'name': 'Rule B', 'form': 'static', 'codeType': 'object', 'platformId': 2,"
                          "'platformName': 'East', 'specId': null, 'specName': '', 'publishState': 'pending',"
                          "'status': 'enabled', 'inPool': false, 'latestVersion': 1,"
                          "'createdAt': '2024-01-01T00:00:00.000Z'}]";
const char* VersionRecords = "[{'id': 1, 'ruleId': 7, 'version': 2, 'status': 'enabled', 'pushed': false,"
                             "'config': {'validitySeconds': 45}, 'specFields': [], 'extensionFields': [],"
                             "'collectFields': [], 'createdAt': '2024-01-01T00:00:00.000Z',"
                             "'updatedAt': '2024-01-01T00:00:00.000Z'}]";
const char* TerminalRecords = "[{'id': 4, 'terminalCode': 'T-1', 'name': 'Gate 1', 'location': 'North gate',"
                              "'platformId': 1, 'platformName': 'Main', 'keyAlgorithm': 'SM2-SM3',"
                              "'status': 'enabled', 'createdAt': '2024-01-01T00:00:00.000Z'}]";
const char* KeyRecords = "[{'id': 1, 'platformId': 1, 'platformName': 'Main', 'purpose': 'sign', 'keyId': 'ab12',"
                         "'alg': 'SM2-SM3', 'status': 'retired', 'notBefore': 1700000000, 'notAfter': 1700003600,"
                         "'createdAt': '2024-01-01T00:00:00.000Z'},"
                         "{'id': 2, 'platformId': 1, 'platformName': 'Main', 'purpose': 'mac', 'keyId': 'cd34',"
                         "'alg': 'HMAC-SM3', 'status': 'current', 'notBefore': 1700000000, 'notAfter': null,"
                         "'createdAt': '2024-01-01T00:00:00.000Z'}]";
const char* StaticRecords = "[{'id': 5, 'codeNumber': 'SC000000000001', 'category': 'hydrant', 'subjectType': 'person',"
                            "'subjectName': '张*', 'appName': null, 'state': 'lost',"
                            "'createdAt': '2024-01-01T00:00:00.000Z', 'updatedAt': '2024-01-01T00:00:00.000Z'}]";
const char* HistoryRecords = "[{'id': 1, 'operation': 'register', 'fromState': null, 'toState': 'registered',"
                             "'actorType': 'operator', 'actorName': 'admin', 'reason': '',"
                             "'createdAt': '2024-01-01T00:00:00.000Z'},"
                             "{'id': 2, 'operation': 'report-lost', 'fromState': 'enabled', 'toState': 'lost',"
                             "'actorType': 'app', 'actorName': 'bus', 'reason': 'stolen',"
                             "'createdAt': '2024-01-02T00:00:00.000Z'}]";
const char* AppRecords = "[{'id': 11, 'name': 'Bus', 'appCode': 'A1', 'platformName': 'Main'},"
                         "{'id': 12, 'name': 'Metro', 'appCode': 'A2', 'platformName': 'Main'}]";

const char* CategoryRecords = "[{'id': 1, 'parentId': null, 'code': 'FIRE', 'name': '消防设施', 'level': 1,"
                              "'position': 0, 'status': 'enabled', 'createdAt': '2024-01-01T00:00:00.000Z'},"
                              "{'id': 2, 'parentId': 1, 'code': 'HYDRANT', 'name': 'Hydrants', 'level': 2,"
                              "'position': 1, 'status': 'disabled', 'createdAt': '2024-01-01T00:00:00.000Z'}]";
const char* NumberingRecords = "[{'id': 1, 'platformId': 1, 'platformName': 'Main', 'categoryId': null,"
                               "'categoryName': null, 'name': 'Hydrants', 'prefix': 'HY', 'dateFormat': 'none',"
                               "'sequenceWidth': 6, 'status': 'enabled', 'createdAt': '2024-01-01T00:00:00.000Z'}]";
const char* SubjectRecords = "[{'id': 9, 'platformId': 1, 'platformName': 'Main', 'categoryId': 2,"
                             "'categoryName': 'Hydrants', 'subjectType': 'place', 'name': '人民广场',"
                             "'identifier': 'PL-0001', 'address': 'Square 1', 'description': '',"
                             "'status': 'disabled', 'createdAt': '2024-01-01T00:00:00.000Z'},"
                             "{'id': 10, 'platformId': 2, 'platformName': 'East', 'categoryId': null,"
                             "'categoryName': null, 'subjectType': 'device', 'name': 'Gate 3',"
                             "'identifier': 'DV-3', 'address': '', 'description': 'north',"
                             "'status': 'enabled', 'createdAt': '2024-01-01T00:00:00.000Z'}]";

QStringList names(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts) {
        list.append(QString::fromLatin1(text));
    }
    return list;
}

} // namespace

class TestCodeEngineModels : public QObject
{
    Q_OBJECT

private slots:
    void modelsPassTheTester_data();
    void modelsPassTheTester();
    void rulesAndKeysShowWords();
    void fieldListIsEditedAndChecked();
    void fieldProblems_data();
    void fieldProblems();
    void permissionsAreCheckedOnlyFromTheServer();
    void staticStateTable_data();
    void staticStateTable();
};

void TestCodeEngineModels::modelsPassTheTester_data()
{
    QTest::addColumn<QString>("model");
    for (const char* name : {"specs", "rules", "versions", "terminals", "keys", "static", "history", "permissions",
                             "categories", "numbering", "subjects"}) {
        QTest::newRow(name) << QString::fromLatin1(name);
    }
}

void TestCodeEngineModels::modelsPassTheTester()
{
    QFETCH(QString, model);
    std::unique_ptr<JsonTableModel> table;
    const char* json = nullptr;
    if (model == QLatin1String("specs")) {
        table = std::make_unique<CodeSpecModel>();
        json = SpecRecords;
    } else if (model == QLatin1String("rules")) {
        table = std::make_unique<CodeRuleModel>();
        json = RuleRecords;
    } else if (model == QLatin1String("versions")) {
        table = std::make_unique<CodeRuleVersionModel>();
        json = VersionRecords;
    } else if (model == QLatin1String("terminals")) {
        table = std::make_unique<TerminalModel>();
        json = TerminalRecords;
    } else if (model == QLatin1String("keys")) {
        table = std::make_unique<KeyModel>();
        json = KeyRecords;
    } else if (model == QLatin1String("static")) {
        table = std::make_unique<StaticCodeModel>();
        json = StaticRecords;
    } else if (model == QLatin1String("history")) {
        table = std::make_unique<StaticCodeHistoryModel>();
        json = HistoryRecords;
    } else if (model == QLatin1String("categories")) {
        table = std::make_unique<CodeCategoryModel>();
        json = CategoryRecords;
    } else if (model == QLatin1String("numbering")) {
        table = std::make_unique<NumberingRuleModel>();
        json = NumberingRecords;
    } else if (model == QLatin1String("subjects")) {
        table = std::make_unique<CodeSubjectModel>();
        json = SubjectRecords;
    } else {
        auto permissions = std::make_unique<AppPermissionModel>();
        permissions->setPermissions(11, true, false);
        table = std::move(permissions);
        json = AppRecords;
    }
    QAbstractItemModelTester tester(table.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QVector<QJsonObject> rows = records(json);
    QVERIFY(!rows.isEmpty());
    table->setRecords(rows);
    QCOMPARE(table->rowCount(), rows.size());
    for (int column = 0; column < table->columnCount(); ++column) {
        QVERIFY2(!table->headerData(column, Qt::Horizontal).toString().isEmpty(), qPrintable(model));
        QVERIFY(!table->fieldOf(column).isEmpty());
        for (int row = 0; row < table->rowCount(); ++row) {
            table->data(table->index(row, column));
            table->data(table->index(row, column), JsonTableModel::SortRole);
        }
    }
    table->clear();
    QCOMPARE(table->rowCount(), 0);
}

void TestCodeEngineModels::rulesAndKeysShowWords()
{
    CodeRuleModel rules;
    rules.setRecords(records(RuleRecords));
    QCOMPARE(rules.data(rules.index(0, CodeRuleModel::Form)).toString(), QStringLiteral("Dynamic"));
    QCOMPARE(rules.data(rules.index(1, CodeRuleModel::CodeType)).toString(), QStringLiteral("Object code"));
    QCOMPARE(rules.data(rules.index(0, CodeRuleModel::PublishState)).toString(), QStringLiteral("Published"));
    QCOMPARE(rules.data(rules.index(1, CodeRuleModel::PublishState)).toString(), QStringLiteral("Not published"));
    QCOMPARE(rules.data(rules.index(0, CodeRuleModel::InPool)).toString(), QStringLiteral("Yes"));
    QCOMPARE(rules.sortFieldOf(CodeRuleModel::Platform), QStringLiteral("platformId"));
    QVERIFY(rules.sortFieldOf(CodeRuleModel::Spec).isEmpty());

    CodeSpecModel specs;
    specs.setRecords(records(SpecRecords));
    QCOMPARE(specs.data(specs.index(0, CodeSpecModel::Fields)).toString(), QStringLiteral("2 field(s)"));

    CodeRuleVersionModel versions;
    versions.setRecords(records(VersionRecords));
    QCOMPARE(versions.data(versions.index(0, CodeRuleVersionModel::Validity)).toString(), QStringLiteral("45"));
    QCOMPARE(versions.data(versions.index(0, CodeRuleVersionModel::Pushed)).toString(), QStringLiteral("No"));

    KeyModel keys;
    keys.setRecords(records(KeyRecords));
    QCOMPARE(keys.data(keys.index(0, KeyModel::Purpose)).toString(), QStringLiteral("Signing"));
    QCOMPARE(keys.data(keys.index(1, KeyModel::Status)).toString(), QStringLiteral("Current"));
    QVERIFY(!keys.data(keys.index(0, KeyModel::NotAfter)).toString().isEmpty());
    QVERIFY(keys.data(keys.index(1, KeyModel::NotAfter)).toString().isEmpty()); // a current key has no end

    StaticCodeHistoryModel history;
    history.setRecords(records(HistoryRecords));
    QCOMPARE(history.data(history.index(1, StaticCodeHistoryModel::Operation)).toString(),
             QStringLiteral("Report lost"));
    QCOMPARE(history.data(history.index(0, StaticCodeHistoryModel::FromState)).toString(), QString());
    QCOMPARE(history.data(history.index(1, StaticCodeHistoryModel::ToState)).toString(), QStringLiteral("Lost"));

    CodeSubjectModel subjects;
    subjects.setRecords(records(SubjectRecords));
    QCOMPARE(subjects.data(subjects.index(0, CodeSubjectModel::SubjectType)).toString(), QStringLiteral("Place"));
    QCOMPARE(subjects.data(subjects.index(1, CodeSubjectModel::SubjectType)).toString(), QStringLiteral("Device"));
    QCOMPARE(subjects.data(subjects.index(0, CodeSubjectModel::Category)).toString(), QStringLiteral("Hydrants"));
    QCOMPARE(subjects.data(subjects.index(1, CodeSubjectModel::Category)).toString(), QString());
    QCOMPARE(subjects.data(subjects.index(0, CodeSubjectModel::Status)).toString(), QStringLiteral("Disabled"));
    QCOMPARE(subjects.data(subjects.index(0, CodeSubjectModel::Name)).toString(), QStringLiteral("人民广场"));
    QCOMPARE(subjects.data(subjects.index(1, CodeSubjectModel::Id), JsonTableModel::SortRole).toLongLong(), 10);
    QCOMPARE(subjects.sortFieldOf(CodeSubjectModel::Platform), QStringLiteral("platformId"));
    QVERIFY(subjects.sortFieldOf(CodeSubjectModel::Category).isEmpty()); // the server cannot sort by it
}

void TestCodeEngineModels::fieldListIsEditedAndChecked()
{
    CodeFieldModel fields;
    QAbstractItemModelTester tester(&fields, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fields.setFields(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("userId")},
                                            {QStringLiteral("type"), QStringLiteral("string")},
                                            {QStringLiteral("length"), 32}}});
    QCOMPARE(fields.rowCount(), 1);
    QCOMPARE(fields.data(fields.index(0, CodeFieldModel::Type)).toString(), QStringLiteral("Text"));
    QCOMPARE(fields.data(fields.index(0, CodeFieldModel::Type), Qt::EditRole).toString(), QStringLiteral("string"));

    const int row = fields.addField();
    QCOMPARE(row, 1);
    QCOMPARE(fields.problem(), QString());
    QVERIFY(fields.setData(fields.index(row, CodeFieldModel::Name), QStringLiteral(" deviceId ")));
    QVERIFY(fields.setData(fields.index(row, CodeFieldModel::Type), QStringLiteral("integer")));
    QVERIFY(!fields.setData(fields.index(row, CodeFieldModel::Type), QStringLiteral("blob")));
    QVERIFY(fields.setData(fields.index(row, CodeFieldModel::Length), 8));
    const QJsonArray sent = fields.fields();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(1).toObject().value(QLatin1String("name")).toString(), QStringLiteral("deviceId"));
    QCOMPARE(sent.at(1).toObject().value(QLatin1String("type")).toString(), QStringLiteral("integer"));
    QCOMPARE(sent.at(1).toObject().value(QLatin1String("length")).toInt(), 8);

    fields.removeField(0);
    QCOMPARE(fields.rowCount(), 1);
    fields.setReadOnly(true);
    QVERIFY(!(fields.flags(fields.index(0, CodeFieldModel::Name)) & Qt::ItemIsEditable));
    QVERIFY(!fields.setData(fields.index(0, CodeFieldModel::Name), QStringLiteral("other")));
}

void TestCodeEngineModels::fieldProblems_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("problem");
    QTest::newRow("a good field") << "plate"
                                  << "string" << 16 << "";
    QTest::newRow("an empty name") << ""
                                   << "string" << 16 << "Field 2 has no name.";
    QTest::newRow("a repeated name") << "userId"
                                     << "string" << 16 << "The field name \"userId\" is used twice.";
    QTest::newRow("a zero length") << "plate"
                                   << "string" << 0 << "The length of field \"plate\" must be between 1 and 4096.";
    QTest::newRow("a length beyond the server's bound")
        << "plate"
        << "number" << 4097 << "The length of field \"plate\" must be between 1 and 4096.";
}

void TestCodeEngineModels::fieldProblems()
{
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(int, length);
    QFETCH(QString, problem);
    CodeFieldModel fields;
    fields.setFields(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("userId")},
                                            {QStringLiteral("type"), QStringLiteral("string")},
                                            {QStringLiteral("length"), 32}},
                                QJsonObject{{QStringLiteral("name"), name},
                                            {QStringLiteral("type"), type},
                                            {QStringLiteral("length"), length}}});
    QCOMPARE(fields.problem(), problem);
}

void TestCodeEngineModels::permissionsAreCheckedOnlyFromTheServer()
{
    AppPermissionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords(records(AppRecords));
    const QModelIndex generate = model.index(0, AppPermissionModel::Generate);
    // Not loaded yet: no box, nothing to click.
    QVERIFY(!model.data(generate, Qt::CheckStateRole).isValid());
    QVERIFY(!(model.flags(generate) & Qt::ItemIsUserCheckable));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPermissions(11, false, true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.data(generate, Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(model.data(model.index(0, AppPermissionModel::Scan), Qt::CheckStateRole).value<Qt::CheckState>(),
             Qt::Checked);
    QVERIFY(model.flags(generate) & Qt::ItemIsUserCheckable);

    // A click asks; the box stays as it was until the server's answer is stored.
    QSignalSpy toggled(&model, &AppPermissionModel::permissionToggled);
    QVERIFY(model.setData(generate, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(toggled.count(), 1);
    QCOMPARE(toggled.first().at(0).toLongLong(), 11);
    QCOMPARE(toggled.first().at(1).toString(), QStringLiteral("generate"));
    QCOMPARE(toggled.first().at(2).toBool(), true);
    QCOMPARE(model.data(generate, Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    // The other app was never loaded: clicks there ask nothing.
    QVERIFY(!model.setData(model.index(1, AppPermissionModel::Scan), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(toggled.count(), 1);
}

void TestCodeEngineModels::staticStateTable_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QStringList>("allowed");
    QTest::newRow("a registered code is applied, changed or cancelled")
        << "registered" << names({"apply", "change", "cancel"});
    QTest::newRow("an applied code is enabled, changed or cancelled")
        << "applied" << names({"enable", "change", "cancel"});
    QTest::newRow("a code in use is disabled, reported lost, changed or replaced")
        << "enabled" << names({"disable", "report-lost", "change", "replace"});
    QTest::newRow("a disabled code may be recycled or cancelled")
        << "disabled" << names({"enable", "report-lost", "change", "recycle", "cancel"});
    QTest::newRow("a lost code is found, recycled, replaced or cancelled")
        << "lost" << names({"enable", "recycle", "replace", "cancel"});
    QTest::newRow("a recycled code can only be cancelled") << "recycled" << names({"cancel"});
    QTest::newRow("a replaced code is final") << "replaced" << QStringList{};
    QTest::newRow("a cancelled code is final") << "cancelled" << QStringList{};
    QTest::newRow("an unknown state allows nothing") << "" << QStringList{};
}

void TestCodeEngineModels::staticStateTable()
{
    QFETCH(QString, state);
    QFETCH(QStringList, allowed);
    QCOMPARE(StaticCodeStates::allowed(state), allowed);
    for (const QString& operation : allowed) {
        QVERIFY(!StaticCodeStates::next(state, operation).isEmpty());
    }
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestCodeEngineModels)
#include "TestCodeEngineModels.moc"
