#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPair>
#include <QString>
#include <QVariant>
#include <QVector>

class QComboBox;

namespace citycode::client {

class ApiClient;
class LocalStore;
class Session;

// The console's copy of the shared code lists (001 §4.12.2-4.12.3: regions, industries,
// dictionaries and their entries). Answers at once from memory or the LocalStore, then fetches
// the list again in the background and emits updated(); entries are kept per server address and
// signed-in account, so two servers or two operators never see each other's lists.
class ReferenceCache : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Regions,
        Industries,
        Dictionaries,
        DictionaryEntries,
    };
    Q_ENUM(Kind)

    static constexpr int DefaultStaleAfterSeconds = 10 * 60;
    // A list longer than this many pages of 100 is cut off (the pickers are not meant for it).
    static constexpr int MaxPages = 50;

    // `session` names the account (may be null: no account); without `store` the lists are kept
    // in memory only.
    ReferenceCache(ApiClient* api, const Session* session, LocalStore* store = nullptr, QObject* parent = nullptr);

    static QString pathOf(Kind kind);

    // How old a list may get before the next use fetches it again. Each list is also fetched
    // again on its first use after the console started or the account changed.
    void setStaleAfter(int seconds) { m_staleAfterSeconds = seconds; }
    int staleAfter() const { return m_staleAfterSeconds; }

    // The records known now (possibly stale or empty), in the server's order; starts a
    // background refresh when the list is due. Never blocks on the network.
    QVector<QJsonObject> records(Kind kind);
    // When the list shown was fetched from the server (invalid: never).
    QDateTime fetchedAt(Kind kind);
    bool isRefreshing(Kind kind) const;

    // (id, name) of the enabled records, for pickers; a disabled or unknown `keep` id is kept
    // with its name (or its number) so that editing a record never loses its current value.
    QVector<QPair<QVariant, QString>> choices(Kind kind, const QVariant& keep = {});
    // The enabled entries (code, label) of the dictionary with code `dictionaryCode`.
    QVector<QPair<QString, QString>> dictionaryValues(const QString& dictionaryCode);
    // The name of record `id` (a dictionary entry's label); empty when unknown.
    QString nameOf(Kind kind, qint64 id);

    // Fills `combo` with choices(kind) after its first `fixedItems` items (such as "(none)") and
    // fills it again whenever the list is updated, keeping the selected id.
    void bindChoices(QComboBox* combo, Kind kind, int fixedItems = 1);

    // Fetches the list now (after the fetch on its way, if any, so that no change is missed).
    void refresh(Kind kind);
    // The list was changed (reference-data pages): fetch it again now.
    void invalidate(Kind kind) { refresh(kind); }
    // Sign-out: forgets the lists of the current server and account, in memory and on disk.
    void forgetAccount();

    // The LocalStore key of `kind` for the current server and account.
    QString storeKey(Kind kind) const;

signals:
    // A fresh list of `kind` arrived from the server.
    void updated(citycode::client::ReferenceCache::Kind kind);
    void refreshFailed(citycode::client::ReferenceCache::Kind kind, const QString& message);

private:
    struct Entry
    {
        QVector<QJsonObject> records;
        QDateTime fetchedAt;
        QDateTime attemptedAt;
        bool loaded = false;
        bool fetching = false;
        bool fetchAgain = false; // changed while a fetch was on its way
    };

    static constexpr int PageSize = 100;
    static constexpr Kind AllKinds[] = {Kind::Regions, Kind::Industries, Kind::Dictionaries, Kind::DictionaryEntries};

    QString scope() const;
    Entry& entry(Kind kind);
    bool isDue(const Entry& entry) const;
    void fetchPage(Kind kind, int page, QVector<QJsonObject> collected, quint64 generation);
    static QString nameField(Kind kind);

    ApiClient* m_api;
    const Session* m_session;
    LocalStore* m_store;
    int m_staleAfterSeconds = DefaultStaleAfterSeconds;
    QString m_scope;
    QHash<int, Entry> m_entries; // by Kind
    // Answers of fetches started for an earlier server or account are dropped.
    quint64 m_generation = 0;
};

} // namespace citycode::client
