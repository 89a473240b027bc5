#include "sync/JournalSync.h"

#include <chrono>

namespace vax {

namespace {

constexpr std::string_view kCannotUpload = "cannot be made into an upload record: ";

}  // namespace

std::int64_t unixMsNow() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

JournalOutboxQueue::JournalOutboxQueue(Journal& journal, std::string siteId, std::string deviceId)
    : m_journal(journal), m_keyPrefix(siteId + "/" + deviceId + "/") {}

Result<std::vector<UploadRecord>> JournalOutboxQueue::pending(int limit) {
    auto items = m_journal.outbox().pending(limit);
    if (!items) {
        return items.error();
    }
    std::vector<UploadRecord> records;
    records.reserve(items->size());
    for (OutboxItem& item : *items) {
        UploadRecord record;
        record.outboxId = item.id;
        record.kind = item.kind == "immunization" ? UploadRecord::Kind::Immunization
                                                  : UploadRecord::Kind::Event;
        record.key = m_keyPrefix + item.key;
        record.visitId = item.visitId;
        // A row that cannot be a record travels in its place, marked, for the drain to set
        // aside: failing the batch would stop every later upload for good.
        if (!item.problem.empty()) {
            record.unusable = std::string(kCannotUpload) + item.problem;
        } else if (record.facts = nlohmann::json::parse(item.facts, nullptr, false);
                   !record.facts.is_object()) {
            record.facts = nullptr;
            record.unusable = std::string(kCannotUpload) + "its facts are not a JSON object";
        }
        records.push_back(std::move(record));
    }
    return records;
}

Status JournalOutboxQueue::delivered(const std::vector<std::int64_t>& ids) {
    return m_journal.outbox().delivered(ids, unixMsNow());
}

Status JournalOutboxQueue::failed(const std::vector<std::int64_t>& ids, const std::string& error) {
    return m_journal.outbox().attemptFailed(ids, error, unixMsNow());
}

Status JournalOutboxQueue::refused(std::int64_t id, const std::string& reason) {
    return m_journal.outbox().refused(id, reason, unixMsNow());
}

bool JournalReplayCache::firstUse(std::string_view jti, std::int64_t exp, std::int64_t now) {
    const std::lock_guard lock(m_mutex);
    const auto first = m_journal.seenCodes().firstUseOfCode(std::string(jti), exp, now);
    return first && *first;
}

}  // namespace vax
