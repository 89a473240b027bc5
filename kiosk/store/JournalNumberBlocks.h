#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Queue.h"
#include "core/Result.h"
#include "store/Sqlite.h"

namespace vax {

/// A block of the site's queue numbers set aside for this device (`first` to `last`).
struct ReservedBlock {
    std::string day;  ///< YYYY-MM-DD
    Desk desk = 'A';
    int first = 0;
    int last = 0;
};

/// The numbers this device may give while its site server cannot be reached: blocks the
/// site reserved for it in advance, kept in its journal so they survive a restart and are
/// given once each.
class JournalNumberBlocks {
public:
    explicit JournalNumberBlocks(Database& db) : m_db(db) {}

    /// Keeps a block the site reserved; adding the same block again changes nothing.
    Status add(const ReservedBlock& block, std::int64_t atMs);
    /// Numbers of `day` at `desk` not given yet.
    Result<int> remaining(const std::string& day, Desk desk);
    /// Takes the next number of `day` from the blocks of the listed desk with the most left
    /// (the first listed on a tie); nullopt when none is left. Call inside the transaction
    /// that records the visit, so a number is given only with the visit that holds it.
    Result<std::optional<QueueNumber>> take(const std::string& day, const std::vector<Desk>& desks);

private:
    Database& m_db;
};

}  // namespace vax
