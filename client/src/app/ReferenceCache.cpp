#include "app/ReferenceCache.h"

#include "api/ApiClient.h"
#include "app/LocalStore.h"
#include "app/Session.h"

#include <QComboBox>
#include <QJsonArray>
#include <QPointer>
#include <QUrlQuery>

namespace citycode::client {

namespace {

const QString Enabled = QStringLiteral("enabled");

} // namespace

ReferenceCache::ReferenceCache(ApiClient* api, const Session* session, LocalStore* store, QObject* parent)
    : QObject(parent), m_api(api), m_session(session), m_store(store)
{
}

QString ReferenceCache::pathOf(Kind kind)
{
    switch (kind) {
    case Kind::Regions:
        return QStringLiteral("/admin/v1/regions");
    case Kind::Industries:
        return QStringLiteral("/admin/v1/industries");
    case Kind::Dictionaries:
        return QStringLiteral("/admin/v1/dictionaries");
    case Kind::DictionaryEntries:
        return QStringLiteral("/admin/v1/dictionary-entries");
    }
    return {};
}

QString ReferenceCache::nameField(Kind kind)
{
    return kind == Kind::DictionaryEntries ? QStringLiteral("label") : QStringLiteral("name");
}

QString ReferenceCache::scope() const
{
    // The server address and the account (operator and platform ids are the server's own).
    const QString server = m_api != nullptr ? m_api->baseUrl().toString(QUrl::StripTrailingSlash) : QString();
    const qint64 operatorId = m_session != nullptr ? m_session->operatorId() : 0;
    const qint64 platformId = m_session != nullptr ? m_session->platformId() : 0;
    return QStringLiteral("%1|platform=%2|operator=%3").arg(server).arg(platformId).arg(operatorId);
}

QString ReferenceCache::storeKey(Kind kind) const
{
    return QStringLiteral("reference%1|%2").arg(pathOf(kind), scope());
}

ReferenceCache::Entry& ReferenceCache::entry(Kind kind)
{
    const QString current = scope();
    if (current != m_scope) {
        // Another server or account: nothing of the previous one may be shown.
        m_scope = current;
        m_entries.clear();
        ++m_generation;
    }
    Entry& found = m_entries[static_cast<int>(kind)];
    if (!found.loaded) {
        found.loaded = true;
        if (m_store != nullptr && m_store->isOpen()) {
            if (const auto stored = m_store->cached(storeKey(kind))) {
                for (const QJsonValue& value : stored->value.toArray()) {
                    found.records.append(value.toObject());
                }
                found.fetchedAt = stored->savedAt;
            }
        }
    }
    return found;
}

bool ReferenceCache::isDue(const Entry& entry) const
{
    if (entry.fetching) {
        return false;
    }
    // Once per console run and account, then whenever the last attempt is older than staleAfter.
    return !entry.attemptedAt.isValid() ||
           entry.attemptedAt.secsTo(QDateTime::currentDateTimeUtc()) >= m_staleAfterSeconds;
}

QVector<QJsonObject> ReferenceCache::records(Kind kind)
{
    Entry& found = entry(kind);
    const QVector<QJsonObject> known = found.records;
    if (isDue(found) && m_session != nullptr && m_session->isSignedIn()) {
        refresh(kind);
    }
    return known;
}

QDateTime ReferenceCache::fetchedAt(Kind kind)
{
    return entry(kind).fetchedAt;
}

bool ReferenceCache::isRefreshing(Kind kind) const
{
    const auto found = m_entries.constFind(static_cast<int>(kind));
    return found != m_entries.constEnd() && found->fetching && m_scope == scope();
}

QVector<QPair<QVariant, QString>> ReferenceCache::choices(Kind kind, const QVariant& keep)
{
    QVector<QPair<QVariant, QString>> result;
    bool kept = !keep.isValid() || keep.isNull();
    for (const QJsonObject& record : records(kind)) {
        const qint64 id = record.value(QLatin1String("id")).toInteger();
        const bool isKept = !kept && keep.toLongLong() == id;
        if (record.value(QLatin1String("status")).toString() != Enabled && !isKept) {
            continue;
        }
        kept = kept || isKept;
        result.append({QVariant(id), record.value(nameField(kind)).toString()});
    }
    if (!kept) {
        result.append({QVariant(keep.toLongLong()), QString::number(keep.toLongLong())});
    }
    return result;
}

QVector<QPair<QString, QString>> ReferenceCache::dictionaryValues(const QString& dictionaryCode)
{
    QVector<QPair<QString, QString>> result;
    for (const QJsonObject& record : records(Kind::DictionaryEntries)) {
        if (record.value(QLatin1String("groupCode")).toString() == dictionaryCode &&
            record.value(QLatin1String("status")).toString() == Enabled) {
            result.append(
                {record.value(QLatin1String("code")).toString(), record.value(QLatin1String("label")).toString()});
        }
    }
    return result;
}

QString ReferenceCache::nameOf(Kind kind, qint64 id)
{
    for (const QJsonObject& record : records(kind)) {
        if (record.value(QLatin1String("id")).toInteger() == id) {
            return record.value(nameField(kind)).toString();
        }
    }
    return {};
}

void ReferenceCache::bindChoices(QComboBox* combo, Kind kind, int fixedItems)
{
    const QPointer<QComboBox> guarded(combo);
    const auto fill = [this, guarded, kind, fixedItems]() {
        if (guarded.isNull()) {
            return;
        }
        const QVariant current = guarded->currentData();
        const QSignalBlocker blocker(guarded.data());
        while (guarded->count() > fixedItems) {
            guarded->removeItem(fixedItems);
        }
        for (const auto& [value, text] : choices(kind, current)) {
            guarded->addItem(text, value);
        }
        const int index = current.isValid() ? guarded->findData(current) : 0;
        guarded->setCurrentIndex(qMax(0, index));
    };
    fill();
    connect(this, &ReferenceCache::updated, combo, [fill, kind](Kind updatedKind) {
        if (updatedKind == kind) {
            fill();
        }
    });
}

void ReferenceCache::refresh(Kind kind)
{
    Entry& found = entry(kind);
    if (m_api == nullptr) {
        return;
    }
    if (found.fetching) {
        found.fetchAgain = true;
        return;
    }
    found.fetching = true;
    found.attemptedAt = QDateTime::currentDateTimeUtc();
    fetchPage(kind, 1, {}, m_generation);
}

void ReferenceCache::fetchPage(Kind kind, int page, QVector<QJsonObject> collected, quint64 generation)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("pageSize"), QString::number(PageSize));
    m_api->get(pathOf(kind), query, this, [this, kind, page, collected, generation](const ApiReply& reply) mutable {
        if (generation != m_generation) {
            return; // fetched for another server or account
        }
        Entry& found = m_entries[static_cast<int>(kind)];
        if (reply.error.isError()) {
            found.fetching = false;
            found.fetchAgain = false;
            emit refreshFailed(kind, reply.error.toString());
            return;
        }
        const QJsonArray items = reply.json.value(QLatin1String("items")).toArray();
        for (const QJsonValue& item : items) {
            collected.append(item.toObject());
        }
        const qint64 total = reply.json.value(QLatin1String("total")).toInteger();
        if (!items.isEmpty() && collected.size() < total && page < MaxPages) {
            fetchPage(kind, page + 1, std::move(collected), generation);
            return;
        }
        found.fetching = false;
        if (found.fetchAgain) {
            // Changed meanwhile: this answer may predate the change.
            found.fetchAgain = false;
            refresh(kind);
            return;
        }
        found.records = collected;
        found.fetchedAt = QDateTime::currentDateTimeUtc();
        if (m_store != nullptr && m_store->isOpen()) {
            QJsonArray stored;
            for (const QJsonObject& record : collected) {
                stored.append(record);
            }
            m_store->putCache(storeKey(kind), stored);
        }
        emit updated(kind);
    });
}

void ReferenceCache::forgetAccount()
{
    if (m_store != nullptr && m_store->isOpen()) {
        for (const Kind kind : AllKinds) {
            m_store->removeCache(storeKey(kind));
        }
    }
    m_entries.clear();
    ++m_generation;
}

} // namespace citycode::client
