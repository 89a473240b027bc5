// The replay cache of signed health codes: each code id seen is kept until its code expires, so
// a second use of a code is known.
#include "store/JournalSeenCodes.h"

namespace vax {

Result<bool> JournalSeenCodes::firstUseOfCode(const std::string& codeId, std::int64_t expiresAtS,
                                              std::int64_t nowS) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto purge = m_db.prepare("DELETE FROM seen_codes WHERE expires_at <= ?");
    if (!purge) {
        return purge.error();
    }
    if (auto st = purge->bind(1, nowS).run(); !st) {
        return st.error();
    }
    auto insert = m_db.prepare(
        "INSERT OR IGNORE INTO seen_codes (code_id, expires_at, first_seen) VALUES (?, ?, ?)");
    if (!insert) {
        return insert.error();
    }
    if (auto st = insert->bind(1, codeId).bind(2, expiresAtS).bind(3, nowS).run(); !st) {
        return st.error();
    }
    const bool first = m_db.changes() == 1;
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return first;
}

}  // namespace vax
