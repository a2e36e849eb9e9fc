#include "app/LocalStore.h"

#include "app/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <functional>
#include <vector>

namespace citycode::client {

namespace {

// One step per schema version, applied in order to files of an older version. Never edit a
// released step: add the next one.
const std::vector<std::vector<const char*>>& migrationSteps()
{
    static const std::vector<std::vector<const char*>> steps = {
        // 1: trust list with its anchor, JSON cache, recent searches.
        {
            "CREATE TABLE trust_list (id INTEGER PRIMARY KEY CHECK (id = 1), document BLOB NOT NULL, "
            "anchor_pem BLOB NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', saved_at INTEGER NOT NULL)",
            "CREATE TABLE cache (cache_key TEXT PRIMARY KEY, value TEXT NOT NULL, saved_at INTEGER NOT NULL)",
            "CREATE TABLE recent_searches (scope TEXT NOT NULL, text TEXT NOT NULL, used_at INTEGER NOT NULL, "
            "PRIMARY KEY (scope, text))",
        },
    };
    return steps;
}

void setError(QString* error, const QString& message)
{
    if (error != nullptr) {
        *error = message;
    }
}

// A JSON value round-trips as the single element of an array, so scalars survive too.
QString encodeJson(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonValue decodeJson(const QString& text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    return document.isArray() && !document.array().isEmpty() ? document.array().first() : QJsonValue();
}

} // namespace

LocalStore::LocalStore() : m_connectionName(QStringLiteral("citycode-local-%1").arg(QUuid::createUuid().toString())) {}

LocalStore::~LocalStore()
{
    close();
}

QString LocalStore::defaultPath()
{
    const QByteArray overrideDir = qgetenv(Settings::DirectoryVariable);
    const QString dir = overrideDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                              : QFile::decodeName(overrideDir);
    return QDir(dir).filePath(QStringLiteral("local.sqlite"));
}

bool LocalStore::open(const QString& path, QString* error)
{
    close();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        setError(error, tr("Cannot create the folder for %1.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (!db.open()) {
            setError(error, tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), db.lastError().text()));
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        pragma.exec(QStringLiteral("PRAGMA busy_timeout=2000"));
    }
    m_path = path;
    if (!migrate(error)) {
        close();
        return false;
    }
    return true;
}

void LocalStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_path.clear();
}

bool LocalStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && QSqlDatabase::database(m_connectionName, false).isOpen();
}

int LocalStore::schemaVersion() const
{
    if (!isOpen()) {
        return 0;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : 0;
}

bool LocalStore::migrate(QString* error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const int current = schemaVersion();
    const auto& steps = migrationSteps();
    if (current > static_cast<int>(steps.size())) {
        setError(error, tr("%1 was written by a newer console (schema %2, this console knows %3).")
                            .arg(QDir::toNativeSeparators(m_path))
                            .arg(current)
                            .arg(SchemaVersion));
        return false;
    }
    for (int version = current + 1; version <= static_cast<int>(steps.size()); ++version) {
        db.transaction();
        QSqlQuery query(db);
        for (const char* statement : steps[static_cast<std::size_t>(version - 1)]) {
            if (!query.exec(QString::fromLatin1(statement))) {
                setError(error, tr("Cannot upgrade %1 to schema %2: %3")
                                    .arg(QDir::toNativeSeparators(m_path))
                                    .arg(version)
                                    .arg(query.lastError().text()));
                db.rollback();
                return false;
            }
        }
        // PRAGMA takes no bound parameters; the version is our own integer.
        query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
        if (!db.commit()) {
            setError(error, db.lastError().text());
            return false;
        }
    }
    return true;
}

bool LocalStore::saveTrustList(const StoredTrustList& trustList, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral(
        "INSERT INTO trust_list (id, document, anchor_pem, source, saved_at) "
        "VALUES (1, COALESCE(?, X''), COALESCE(?, X''), COALESCE(?, ''), ?) ON CONFLICT (id) DO UPDATE SET "
        "document = excluded.document, "
        "anchor_pem = excluded.anchor_pem, source = excluded.source, "
        "saved_at = excluded.saved_at"));
    query.addBindValue(trustList.document);
    query.addBindValue(trustList.anchorPem);
    query.addBindValue(trustList.source);
    const QDateTime savedAt = trustList.savedAt.isValid() ? trustList.savedAt : QDateTime::currentDateTimeUtc();
    query.addBindValue(savedAt.toSecsSinceEpoch());
    if (!query.exec()) {
        setError(error, query.lastError().text());
        return false;
    }
    return true;
}

bool LocalStore::saveAnchor(const QByteArray& anchorPem, QString* error)
{
    std::optional<StoredTrustList> stored = trustList();
    if (!stored) {
        stored = StoredTrustList{};
    }
    stored->anchorPem = anchorPem;
    stored->savedAt = QDateTime::currentDateTimeUtc();
    return saveTrustList(*stored, error);
}

std::optional<LocalStore::StoredTrustList> LocalStore::trustList() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT document, anchor_pem, source, saved_at FROM trust_list WHERE id = 1")) ||
        !query.next()) {
        return std::nullopt;
    }
    return StoredTrustList{query.value(0).toByteArray(), query.value(1).toByteArray(), query.value(2).toString(),
                           QDateTime::fromSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC)};
}

bool LocalStore::putCache(const QString& key, const QJsonValue& value, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT INTO cache (cache_key, value, saved_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (cache_key) DO UPDATE SET value = excluded.value, "
                                 "saved_at = excluded.saved_at"));
    query.addBindValue(key);
    query.addBindValue(encodeJson(value));
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!query.exec()) {
        setError(error, query.lastError().text());
        return false;
    }
    return true;
}

std::optional<LocalStore::CachedValue> LocalStore::cached(const QString& key) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT value, saved_at FROM cache WHERE cache_key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    return CachedValue{decodeJson(query.value(0).toString()),
                       QDateTime::fromSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC)};
}

bool LocalStore::removeCache(const QString& key)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("DELETE FROM cache WHERE cache_key = ?"));
    query.addBindValue(key);
    return query.exec();
}

bool LocalStore::addRecentSearch(const QString& scope, const QString& text, QString* error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return true;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    // Milliseconds keep the order of searches made within one second.
    query.prepare(QStringLiteral("INSERT INTO recent_searches (scope, text, used_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (scope, text) DO UPDATE SET used_at = excluded.used_at"));
    query.addBindValue(scope);
    query.addBindValue(trimmed);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        setError(error, query.lastError().text());
        return false;
    }
    QSqlQuery prune(db);
    prune.prepare(QStringLiteral("DELETE FROM recent_searches WHERE scope = ? AND text NOT IN "
                                 "(SELECT text FROM recent_searches WHERE scope = ? ORDER BY used_at DESC LIMIT ?)"));
    prune.addBindValue(scope);
    prune.addBindValue(scope);
    prune.addBindValue(MaxRecentSearches);
    if (!prune.exec()) {
        setError(error, prune.lastError().text());
        return false;
    }
    return true;
}

QStringList LocalStore::recentSearches(const QString& scope, int limit) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT text FROM recent_searches WHERE scope = ? ORDER BY used_at DESC LIMIT ?"));
    query.addBindValue(scope);
    query.addBindValue(limit);
    QStringList result;
    if (query.exec()) {
        while (query.next()) {
            result << query.value(0).toString();
        }
    }
    return result;
}

} // namespace citycode::client
