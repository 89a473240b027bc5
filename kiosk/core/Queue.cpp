#include "core/Queue.h"

#include <algorithm>
#include <cstdio>

namespace vax {

std::string QueueNumber::label() const {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%c%03d", desk, number);
    return buf;
}

std::optional<QueueNumber> QueueNumber::parse(std::string_view label) {
    if (label.size() < 4 || label.size() > 7 || label[0] < 'A' || label[0] > 'Z') {
        return std::nullopt;
    }
    int number = 0;
    for (char c : label.substr(1)) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        number = number * 10 + (c - '0');
    }
    const QueueNumber parsed{label[0], number};
    // Only the canonical spelling: "A0001" would otherwise name the same ticket as "A001".
    if (number == 0 || parsed.label() != label) {
        return std::nullopt;
    }
    return parsed;
}

Desk chooseDesk(std::span<const DeskLoad> loads) {
    const auto best = std::min_element(loads.begin(), loads.end(),
                                       [](auto& a, auto& b) { return a.waiting < b.waiting; });
    return best->desk;
}

std::vector<WaitingEntry> nextToCall(std::vector<WaitingEntry> waiting, Desk desk, int count) {
    std::erase_if(waiting, [desk](const WaitingEntry& e) { return e.number.desk != desk; });
    std::sort(waiting.begin(), waiting.end(),
              [](auto& a, auto& b) { return a.number.number < b.number.number; });
    waiting.resize(std::min(waiting.size(), std::size_t(std::max(count, 0))));
    return waiting;
}

}  // namespace vax
