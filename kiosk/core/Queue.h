#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vax {

/// A registration desk, named by one upper-case letter ('A', 'B').
using Desk = char;

/// A queue number as shown and called out: desk letter and a per-day number, "A007".
struct QueueNumber {
    Desk desk = 'A';
    int number = 0;

    /// "A007": three digits at least, more when the day runs past 999.
    std::string label() const;
    static std::optional<QueueNumber> parse(std::string_view label);
    friend bool operator==(const QueueNumber&, const QueueNumber&) = default;
};

/// How many are waiting at one desk.
struct DeskLoad {
    Desk desk;
    int waiting = 0;
};

/// The desk for the next person: the one with the fewest waiting, the first listed on a tie.
/// `loads` must not be empty.
Desk chooseDesk(std::span<const DeskLoad> loads);

/// A person waiting for a desk.
struct WaitingEntry {
    std::int64_t visitId = 0;
    QueueNumber number;
};

/// The next `count` people to call at `desk`, in queue-number order (none for count <= 0).
std::vector<WaitingEntry> nextToCall(std::vector<WaitingEntry> waiting, Desk desk, int count);

}  // namespace vax
