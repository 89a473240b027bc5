#include "store/VisitColumns.h"

namespace vax::store_detail {

std::string reasonKeys(const std::vector<Reason>& reasons) {
    std::string keys;
    for (const auto& reason : reasons) {
        keys += keys.empty() ? "" : ",";
        keys += toString(reason.code);
    }
    return keys;
}

std::vector<std::string> splitReasonKeys(std::string_view keys) {
    std::vector<std::string> out;
    while (!keys.empty()) {
        const auto comma = keys.find(',');
        if (const auto key = keys.substr(0, comma); !key.empty()) {
            out.emplace_back(key);
        }
        keys = comma == std::string_view::npos ? std::string_view() : keys.substr(comma + 1);
    }
    return out;
}

Outcome outcomeFromString(std::string_view text) {
    if (text == "proceed") {
        return Outcome::Proceed;
    }
    return text == "defer" ? Outcome::Defer : Outcome::StaffReview;
}

}  // namespace vax::store_detail
