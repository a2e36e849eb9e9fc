#pragma once

#include "storage/RecordStore.h"

namespace citycode::server {

// The list and detail views of the base configuration (001 §4.3-4.6, §4.12.2-4.12.3, 004): which
// fields each admin list shows, how they filter and which may be sort keys. The SQL expressions
// live here, in storage, and nowhere else.
class BaseConfigViews
{
public:
    static const ViewSpec& platforms();
    static const ViewSpec& apps();
    static const ViewSpec& developers();
    static const ViewSpec& shelf();
    static const ViewSpec& appApplications();
    static const ViewSpec& services();
    static const ViewSpec& regions();
    static const ViewSpec& industries();
    static const ViewSpec& dictionaryGroups();
    static const ViewSpec& dictionaryEntries();
};

} // namespace citycode::server
