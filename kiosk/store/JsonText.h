#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace vax {

/// `value` as JSON text that never throws: nlohmann's dump() throws on a string that is not
/// valid UTF-8 (a station name, a lot from a scanned code, a reason typed by staff), which would
/// abort the journal write; here each bad byte becomes U+FFFD and the record is kept.
/// `indent` as for dump(): -1 compact, else spaces per level.
inline std::string dumpJson(const nlohmann::json& value, int indent = -1) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vax
