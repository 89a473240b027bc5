#pragma once

#include <mutex>

#include "net/OutboxDrain.h"
#include "net/ReplayCache.h"
#include "store/Journal.h"

namespace vax {

/// The journal's outbox as the upload drain sees it: keys get the site and device prefix
/// that makes them unique upstream ("<site>/<device>/event/42").
class JournalOutboxQueue final : public OutboxQueue {
public:
    /// `journal` must outlive this object; not thread-safe (one drain at a time).
    JournalOutboxQueue(Journal& journal, std::string siteId, std::string deviceId);

    /// See OutboxQueue::pending; a row the journal cannot read as a record comes marked
    /// unusable ("cannot be made into an upload record: ..."), never as an error of the batch.
    Result<std::vector<UploadRecord>> pending(int limit) override;
    Status delivered(const std::vector<std::int64_t>& ids) override;
    Status failed(const std::vector<std::int64_t>& ids, const std::string& error) override;
    Status refused(std::int64_t id, const std::string& reason) override;

private:
    Journal& m_journal;
    std::string m_keyPrefix;
};

/// The replay cache of signed health codes in the journal's database, so that a code used
/// once is refused again after a restart too.
class JournalReplayCache final : public ReplayCache {
public:
    explicit JournalReplayCache(Journal& journal) : m_journal(journal) {}
    /// See ReplayCache::firstUse; a database error answers false (staff review, not a pass).
    bool firstUse(std::string_view jti, std::int64_t exp, std::int64_t now) override;

private:
    std::mutex m_mutex;  // the journal is used from one thread at a time
    Journal& m_journal;
};

/// Milliseconds since the Unix epoch, now.
std::int64_t unixMsNow();

}  // namespace vax
