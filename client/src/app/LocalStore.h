#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace citycode::client {

// The console's own state on this computer, in one SQLite file (Qt Sql): the signed trust list
// and its anchor key for offline verification (003 §7.2.2), a key/value cache of JSON answers
// (dictionaries, regions) with the time they were fetched, and recent searches. The schema is
// versioned through PRAGMA user_version and upgraded step by step when a file is opened.
class LocalStore
{
    Q_DECLARE_TR_FUNCTIONS(citycode::client::LocalStore)

public:
    static constexpr int SchemaVersion = 1;
    static constexpr int MaxRecentSearches = 20;

    struct StoredTrustList
    {
        QByteArray document;  // the signed JSON document, as received
        QByteArray anchorPem; // the pinned trust-list key (SubjectPublicKeyInfo PEM); may be empty
        QString source;       // file path or server address it came from
        QDateTime savedAt;
    };

    struct CachedValue
    {
        QJsonValue value;
        QDateTime savedAt;
    };

    LocalStore();
    ~LocalStore();
    LocalStore(const LocalStore&) = delete;
    LocalStore& operator=(const LocalStore&) = delete;

    // local.sqlite in $CITYCODE_SETTINGS_DIR when set (tests, portable installs), otherwise in
    // the application's data directory.
    static QString defaultPath();

    // Opens (creating when needed) and upgrades the file; false with `error` filled when it
    // cannot be opened or was written by a newer console (schema above SchemaVersion).
    bool open(const QString& path, QString* error = nullptr);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    int schemaVersion() const;

    bool saveTrustList(const StoredTrustList& trustList, QString* error = nullptr);
    std::optional<StoredTrustList> trustList() const;
    bool saveAnchor(const QByteArray& anchorPem, QString* error = nullptr);

    bool putCache(const QString& key, const QJsonValue& value, QString* error = nullptr);
    std::optional<CachedValue> cached(const QString& key) const;
    bool removeCache(const QString& key);

    // Remembers `text` as the newest search of `scope` (e.g. "users"); a repeated search moves
    // to the front, and only the newest MaxRecentSearches per scope are kept.
    bool addRecentSearch(const QString& scope, const QString& text, QString* error = nullptr);
    QStringList recentSearches(const QString& scope, int limit = MaxRecentSearches) const;

private:
    bool migrate(QString* error);

    QString m_connectionName;
    QString m_path;
};

} // namespace citycode::client
