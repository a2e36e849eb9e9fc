#include "widgets/Page.h"

#include "app/ReferenceCache.h"

namespace citycode::client {

Page::Page(const PageContext& context, QWidget* parent) : QWidget(parent), m_context(context) {}

ReferenceCache* Page::referenceData()
{
    if (m_context.referenceData == nullptr) {
        m_context.referenceData = new ReferenceCache(m_context.api, m_context.session, m_context.localStore, this);
    }
    return m_context.referenceData;
}

void Page::activate()
{
    ++m_activations;
    if (m_activations == 1) {
        reload();
    }
}

} // namespace citycode::client
