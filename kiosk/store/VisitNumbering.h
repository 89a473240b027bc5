#pragma once

#include <optional>
#include <string_view>

#include "core/Queue.h"

namespace vax {

/// Who gives a visit its queue number when it queues.
struct VisitNumbering {
    enum class Origin {
        Local,  ///< this journal's own count: a device alone
        Site,   ///< the site server gave `number`
        Block,  ///< the site server is unreachable: the next of this device's reserved numbers
    };
    Origin origin = Origin::Local;
    std::optional<QueueNumber> number;  ///< Site only

    static VisitNumbering local() { return {}; }
    static VisitNumbering site(QueueNumber n) { return {Origin::Site, n}; }
    static VisitNumbering block() { return {Origin::Block, std::nullopt}; }
};

/// "local", "site", "block": the visits table's origin column.
constexpr std::string_view toString(VisitNumbering::Origin origin) {
    switch (origin) {
        case VisitNumbering::Origin::Site:
            return "site";
        case VisitNumbering::Origin::Block:
            return "block";
        case VisitNumbering::Origin::Local:
            break;
    }
    return "local";
}

}  // namespace vax
