#include "widgets/Page.h"

namespace citycode::client {

Page::Page(const PageContext& context, QWidget* parent) : QWidget(parent), m_context(context) {}

void Page::activate()
{
    ++m_activations;
    if (m_activations == 1) {
        reload();
    }
}

} // namespace citycode::client
