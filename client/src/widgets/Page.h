#pragma once

#include <QWidget>

namespace citycode::client {

class ApiClient;
class LocalStore;
class ReferenceCache;
class Session;

// What a page of the main window needs: the shared ApiClient, who is signed in and the console's
// local state (either may be null: then recent searches are not kept and the page keeps its own
// in-memory reference lists).
struct PageContext
{
    ApiClient* api = nullptr;
    const Session* session = nullptr;
    LocalStore* localStore = nullptr;
    ReferenceCache* referenceData = nullptr;
};

// One screen of the main window's stack. Pages are created the first time they are chosen and
// kept; the window tells them when they are shown and when the session was renewed.
class Page : public QWidget
{
    Q_OBJECT

public:
    Page(const PageContext& context, QWidget* parent = nullptr);

    // Called each time the page becomes the visible one; the first call loads its data.
    virtual void activate();
    // Called after signing in again (session expiry): answers that were lost are fetched again.
    virtual void reload() {}

protected:
    ApiClient* api() const { return m_context.api; }
    const Session* session() const { return m_context.session; }
    LocalStore* localStore() const { return m_context.localStore; }
    // The shared reference lists (regions, industries, dictionaries); never null.
    ReferenceCache* referenceData();
    // For pages and dialogs this page opens.
    const PageContext& context() const { return m_context; }
    bool isFirstActivation() const { return m_activations == 1; }

private:
    PageContext m_context;
    int m_activations = 0;
};

} // namespace citycode::client
