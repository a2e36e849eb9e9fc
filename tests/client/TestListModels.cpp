// The list models of the console under QAbstractItemModelTester, with records shaped like the
// server's answers: display text, the sort role's raw values, headers and server sort fields.
#include "models/AppModel.h"
#include "models/CodeCategoryModel.h"
#include "models/CodeRuleModel.h"
#include "models/CodeRuleVersionModel.h"
#include "models/CodeSpecModel.h"
#include "models/DeveloperModel.h"
#include "models/DictionaryEntryModel.h"
#include "models/NumberingRuleModel.h"
#include "models/OnboardingModel.h"
#include "models/OperationLogModel.h"
#include "models/OperatorModel.h"
#include "models/PlatformModel.h"
#include "models/ReferenceDataModel.h"
#include "models/RoleModel.h"
#include "models/StaticCodeHistoryModel.h"
#include "models/StaticCodeModel.h"
#include "models/TerminalModel.h"
#include "widgets/FilterBar.h"
#include "widgets/ListExporter.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(std::shared_ptr<citycode::client::JsonTableModel>)

namespace citycode::test {

using namespace citycode::client;

namespace {

QVector<QJsonObject> records(const char* json)
{
    QVector<QJsonObject> rows;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray(json).replace('\'', '"')).array();
    for (const QJsonValue& value : array) {
        rows.append(value.toObject());
    }
    return rows;
}

// Written with single quotes (moc 6.4 does not parse raw string literals); records() swaps them.
const char* PlatformRecords =
    "["
    "{'id': 1, 'name': '城市码主平台', 'kind': 'main', 'serviceAddress': '', 'status': 'enabled',"
    "'createdAt': '2024-01-01T00:00:00.000Z'},"
    "{'id': 2, 'name': 'East District', 'kind': 'sub', 'serviceAddress': 'https://east.example.org',"
    "'status': 'disabled', 'createdAt': '2024-02-03T04:05:06.000Z'}"
    "]";

} // namespace

class TestListModels : public QObject
{
    Q_OBJECT

private slots:
    void modelsPassTheTester_data();
    void modelsPassTheTester();
    void platformModelShowsWords();
    void statusAndTimesAreShownInWords_data();
    void statusAndTimesAreShownInWords();
    void sortFieldsFollowTheServer();
    void csvExportQuotesAndGuards();
    void xlsxExportWritesWorkbook();
    void quickRanges_data();
    void quickRanges();
};

void TestListModels::modelsPassTheTester_data()
{
    QTest::addColumn<QString>("model");
    for (const char* name :
         {"platforms", "apps", "developers", "operators", "roles", "log", "reference", "onboarding"}) {
        QTest::newRow(name) << QString::fromLatin1(name);
    }
}

void TestListModels::modelsPassTheTester()
{
    QFETCH(QString, model);
    std::unique_ptr<JsonTableModel> table;
    if (model == QLatin1String("platforms")) {
        table = std::make_unique<PlatformModel>();
    } else if (model == QLatin1String("apps")) {
        table = std::make_unique<AppModel>();
    } else if (model == QLatin1String("developers")) {
        table = std::make_unique<DeveloperModel>();
    } else if (model == QLatin1String("operators")) {
        table = std::make_unique<OperatorModel>();
    } else if (model == QLatin1String("roles")) {
        table = std::make_unique<RoleModel>();
    } else if (model == QLatin1String("onboarding")) {
        table = std::make_unique<OnboardingModel>();
    } else if (model == QLatin1String("log")) {
        table = std::make_unique<OperationLogModel>();
    } else {
        table = std::make_unique<ReferenceDataModel>();
    }
    QAbstractItemModelTester tester(table.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    table->setRecords(records(PlatformRecords));
    QCOMPARE(table->rowCount(), 2);
    for (int column = 0; column < table->columnCount(); ++column) {
        QVERIFY2(!table->headerData(column, Qt::Horizontal).toString().isEmpty(), qPrintable(model));
        QVERIFY(!table->fieldOf(column).isEmpty());
    }
    table->setRecords(records("[]"));
    QCOMPARE(table->rowCount(), 0);
    table->setRecords(records(PlatformRecords));
    QCOMPARE(table->idAt(1), qint64(2));
    QCOMPARE(table->idAt(5), qint64(0));
}

void TestListModels::platformModelShowsWords()
{
    PlatformModel model;
    model.setRecords(records(PlatformRecords));
    const auto text = [&model](int row, PlatformModel::Column column) {
        return model.data(model.index(row, column)).toString();
    };
    QCOMPARE(text(0, PlatformModel::Kind), QStringLiteral("Main platform"));
    QCOMPARE(text(1, PlatformModel::Kind), QStringLiteral("Sub-platform"));
    QCOMPARE(text(0, PlatformModel::Status), QStringLiteral("Enabled"));
    QCOMPARE(text(1, PlatformModel::Status), QStringLiteral("Disabled"));
    QCOMPARE(text(1, PlatformModel::CreatedAt), QDateTime(QDate(2024, 2, 3), QTime(4, 5, 6), Qt::UTC)
                                                    .toLocalTime()
                                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    // The sort role carries the raw value.
    QCOMPARE(model.data(model.index(1, PlatformModel::Id), JsonTableModel::SortRole).toLongLong(), 2LL);
    QCOMPARE(model.data(model.index(1, PlatformModel::Status), JsonTableModel::SortRole).toString(),
             QStringLiteral("disabled"));
    QCOMPARE(model.headerData(PlatformModel::ServiceAddress, Qt::Horizontal).toString(),
             QStringLiteral("Service address"));
}

void TestListModels::statusAndTimesAreShownInWords_data()
{
    // Every list model without a status of its own (keys have theirs): JsonTableModel formats
    // "status" and "...At" fields for all of them.
    QTest::addColumn<std::shared_ptr<JsonTableModel>>("model");
    QTest::newRow("apps") << std::shared_ptr<JsonTableModel>(std::make_shared<AppModel>());
    QTest::newRow("code categories") << std::shared_ptr<JsonTableModel>(std::make_shared<CodeCategoryModel>());
    QTest::newRow("code rules") << std::shared_ptr<JsonTableModel>(std::make_shared<CodeRuleModel>());
    QTest::newRow("code rule versions") << std::shared_ptr<JsonTableModel>(std::make_shared<CodeRuleVersionModel>());
    QTest::newRow("code specs") << std::shared_ptr<JsonTableModel>(std::make_shared<CodeSpecModel>());
    QTest::newRow("developers") << std::shared_ptr<JsonTableModel>(std::make_shared<DeveloperModel>());
    QTest::newRow("dictionary entries") << std::shared_ptr<JsonTableModel>(std::make_shared<DictionaryEntryModel>());
    QTest::newRow("numbering rules") << std::shared_ptr<JsonTableModel>(std::make_shared<NumberingRuleModel>());
    QTest::newRow("onboarding") << std::shared_ptr<JsonTableModel>(std::make_shared<OnboardingModel>());
    QTest::newRow("operation log") << std::shared_ptr<JsonTableModel>(std::make_shared<OperationLogModel>());
    QTest::newRow("operators") << std::shared_ptr<JsonTableModel>(std::make_shared<OperatorModel>());
    QTest::newRow("platforms") << std::shared_ptr<JsonTableModel>(std::make_shared<PlatformModel>());
    QTest::newRow("reference data") << std::shared_ptr<JsonTableModel>(std::make_shared<ReferenceDataModel>());
    QTest::newRow("roles") << std::shared_ptr<JsonTableModel>(std::make_shared<RoleModel>());
    QTest::newRow("static code history") << std::shared_ptr<JsonTableModel>(std::make_shared<StaticCodeHistoryModel>());
    QTest::newRow("static codes") << std::shared_ptr<JsonTableModel>(std::make_shared<StaticCodeModel>());
    QTest::newRow("terminals") << std::shared_ptr<JsonTableModel>(std::make_shared<TerminalModel>());
}

void TestListModels::statusAndTimesAreShownInWords()
{
    QFETCH(std::shared_ptr<JsonTableModel>, model);
    const QString serverTime = QStringLiteral("2024-02-03T04:05:06.000Z");
    const QString localTime = QDateTime(QDate(2024, 2, 3), QTime(4, 5, 6), Qt::UTC)
                                  .toLocalTime()
                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QJsonObject record;
    QVector<int> statusColumns;
    QVector<int> timeColumns;
    for (int column = 0; column < model->columnCount(); ++column) {
        const QString field = model->fieldOf(column);
        if (field == QLatin1String("status")) {
            record.insert(field, QStringLiteral("enabled"));
            statusColumns.append(column);
        } else if (field.endsWith(QLatin1String("At"))) {
            record.insert(field, serverTime);
            timeColumns.append(column);
        }
    }
    QVERIFY(!statusColumns.isEmpty() || !timeColumns.isEmpty());
    model->setRecords({record});
    for (const int column : statusColumns) {
        QCOMPARE(model->data(model->index(0, column)).toString(), QStringLiteral("Enabled"));
    }
    for (const int column : timeColumns) {
        QCOMPARE(model->data(model->index(0, column)).toString(), localTime);
    }
    // A time not given yet (never reviewed, never rotated) stays empty.
    model->setRecords({QJsonObject()});
    for (const int column : timeColumns) {
        QVERIFY(model->data(model->index(0, column)).toString().isEmpty());
    }
}

void TestListModels::sortFieldsFollowTheServer()
{
    // The server's whitelists (BaseConfigViews, OperatorRepository...): only those are offered.
    PlatformModel platforms;
    QCOMPARE(platforms.sortFieldOf(PlatformModel::CreatedAt), QStringLiteral("createdAt"));
    QCOMPARE(platforms.sortFieldOf(PlatformModel::ServiceAddress), QString());
    AppModel apps;
    QCOMPARE(apps.sortFieldOf(AppModel::Platform), QStringLiteral("platformId"));
    QCOMPARE(apps.sortFieldOf(AppModel::AppCode), QString());
    OperationLogModel log;
    QCOMPARE(log.sortFieldOf(OperationLogModel::CreatedAt), QStringLiteral("createdAt"));
    QCOMPARE(log.sortFieldOf(OperationLogModel::Detail), QString());
}

void TestListModels::csvExportQuotesAndGuards()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PlatformModel model;
    QVector<QJsonObject> rows = records(PlatformRecords);
    rows[0].insert(QStringLiteral("name"), QStringLiteral("=HYPERLINK(\"x\")"));
    rows[1].insert(QStringLiteral("name"), QStringLiteral("East, \"District\""));
    const QString file = dir.filePath(QStringLiteral("platforms.csv"));
    QString error;
    QVERIFY2(ListExporter::writeCsv(file, model, rows, &error), qPrintable(error));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray text = csv.readAll();
    QVERIFY(text.startsWith("\xEF\xBB\xBF"
                            "ID,Name,Kind,Service address,Status,Created\r\n"));
    // A formula is neutralised; commas and quotes are quoted (RFC 4180).
    QVERIFY2(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), text.constData());
    QVERIFY2(text.contains("2,\"East, \"\"District\"\"\",Sub-platform,https://east.example.org,Disabled,"),
             text.constData());
}

void TestListModels::xlsxExportWritesWorkbook()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PlatformModel model;
    const QString file = dir.filePath(QStringLiteral("platforms.xlsx"));
    QString error;
    QVERIFY2(ListExporter::writeXlsx(file, model, records(PlatformRecords), &error), qPrintable(error));
    QFile xlsx(file);
    QVERIFY(xlsx.open(QIODevice::ReadOnly));
    // An XLSX file is a ZIP archive with the shared strings inside.
    QVERIFY(xlsx.read(2) == "PK");
    QVERIFY(!ListExporter::writeXlsx(dir.filePath(QStringLiteral("missing/dir/x.xlsx")), model, {}, &error));
    QVERIFY(!error.isEmpty());
}

void TestListModels::quickRanges_data()
{
    QTest::addColumn<FilterBar::QuickRange>("range");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    const QDate day(2026, 3, 10);
    const QTime end(23, 59, 59, 999);
    QTest::newRow("today is the whole day")
        << FilterBar::QuickRange::Today << QDateTime(day, QTime(0, 0)) << QDateTime(day, end);
    QTest::newRow("yesterday is the day before")
        << FilterBar::QuickRange::Yesterday << QDateTime(day.addDays(-1), QTime(0, 0))
        << QDateTime(day.addDays(-1), end);
    QTest::newRow("last 7 days include today")
        << FilterBar::QuickRange::Last7Days << QDateTime(day.addDays(-6), QTime(0, 0)) << QDateTime(day, end);
    QTest::newRow("last 30 days include today")
        << FilterBar::QuickRange::Last30Days << QDateTime(day.addDays(-29), QTime(0, 0)) << QDateTime(day, end);
    QTest::newRow("any time has no bounds") << FilterBar::QuickRange::Any << QDateTime() << QDateTime();
}

void TestListModels::quickRanges()
{
    QFETCH(FilterBar::QuickRange, range);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    const auto bounds = FilterBar::rangeFor(range, QDateTime(QDate(2026, 3, 10), QTime(15, 30)));
    QCOMPARE(bounds.first, from);
    QCOMPARE(bounds.second, to);
}

} // namespace citycode::test

QTEST_MAIN(citycode::test::TestListModels)
#include "TestListModels.moc"
