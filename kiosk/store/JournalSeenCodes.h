#pragma once

#include <cstdint>
#include <string>

#include "core/Result.h"
#include "store/Sqlite.h"

namespace vax {

/// The journal's replay cache of signed health codes: a signed code counts once.
class JournalSeenCodes {
public:
    explicit JournalSeenCodes(Database& db) : m_db(db) {}

    /// True the first time `codeId` is seen, false when it was seen before and has not
    /// expired. Expired entries are dropped on the way.
    Result<bool> firstUseOfCode(const std::string& codeId, std::int64_t expiresAtS,
                                std::int64_t nowS);

private:
    Database& m_db;
};

}  // namespace vax
