#pragma once

#include <filesystem>

#include "core/Result.h"
#include "store/JournalAudit.h"
#include "store/JournalDoses.h"
#include "store/JournalMeasurements.h"
#include "store/JournalObservation.h"
#include "store/JournalOutbox.h"
#include "store/JournalReactions.h"
#include "store/JournalReport.h"
#include "store/JournalSeenCodes.h"
#include "store/JournalVisits.h"
#include "store/Sqlite.h"

namespace vax {

/// The site's append-only journal in SQLite, with the visit table as its projection.
/// It owns the database and hands out its topics as views over it (`journal.visits()`), cheap
/// to make and valid while the journal is neither destroyed nor moved. Every topic's method
/// commits before it returns: what it reports as done is on disk.
class Journal {
public:
    /// Opens (creating and migrating as needed) the database at `path`.
    static Result<Journal> open(const std::filesystem::path& path);

    JournalVisits visits() { return JournalVisits(m_db); }
    JournalMeasurements measurements() { return JournalMeasurements(m_db); }
    JournalDoses doses() { return JournalDoses(m_db); }
    JournalObservation observation() { return JournalObservation(m_db); }
    JournalReactions reactions() { return JournalReactions(m_db); }
    JournalAudit audit() { return JournalAudit(m_db); }
    JournalOutbox outbox() { return JournalOutbox(m_db); }
    JournalSeenCodes seenCodes() { return JournalSeenCodes(m_db); }
    JournalReport report() { return JournalReport(m_db); }

    Database& database() { return m_db; }

    // Until the callers have moved to the topics (journal.visits().checkIn(r)); then gone.
    Result<VisitState> checkIn(const CheckInRecord& record) { return visits().checkIn(record); }
    Result<PersonDay> personDay(const std::string& idHash, const std::string& day) {
        return visits().personDay(idHash, day);
    }
    Result<std::optional<PriorDoses>> priorDosesOf(std::int64_t visitId) {
        return visits().priorDosesOf(visitId);
    }
    Result<std::int64_t> recordMeasurement(const MeasurementRecord& record) {
        return measurements().recordMeasurement(record);
    }
    Result<std::vector<StoredMeasurement>> measurementsOf(std::int64_t visitId) {
        return measurements().measurementsOf(visitId);
    }
    Result<VisitState> override(const Override& decision) { return visits().override(decision); }
    Result<VisitState> advance(std::int64_t visitId, Stage to, std::int64_t atMs) {
        return visits().advance(visitId, to, atMs);
    }
    Result<std::vector<VisitState>> callNext(const std::string& day, Desk desk, int count,
                                             std::int64_t atMs) {
        return visits().callNext(day, desk, count, atMs);
    }
    Result<VisitState> visit(std::int64_t visitId) { return visits().visit(visitId); }
    Result<ProtectedId> personOf(std::int64_t visitId) { return visits().personOf(visitId); }
    Result<std::vector<JournalEvent>> events(std::int64_t visitId) {
        return visits().events(visitId);
    }
    Result<QueueStatus> queueStatus(const std::string& day) { return visits().queueStatus(day); }
    Status forEachVisit(const std::string& day,
                        const std::function<void(const VisitSummary&)>& visit) {
        return report().forEachVisit(day, visit);
    }
    Result<Stage> replayedStage(std::int64_t visitId) { return visits().replayedStage(visitId); }
    Result<BoundDose, BindRefusal> bindDose(const BindRequest& request, const TicketSigner& sign) {
        return doses().bindDose(request, sign);
    }
    Result<ExitScan> exitScan(std::int64_t visitId, const std::string& traceCode,
                              std::int64_t nowMs) {
        return observation().exitScan(visitId, traceCode, nowMs);
    }
    Result<VisitState> recordReaction(const ReactionRecord& reaction) {
        return reactions().recordReaction(reaction);
    }
    Result<DoseRecord> doseRecord(std::int64_t visitId) { return doses().doseRecord(visitId); }
    Result<std::vector<InObservation>> observationList(std::int64_t nowMs) {
        return observation().observationList(nowMs);
    }
    Result<DoseFigures> doseFigures(const std::string& day, std::int64_t nowMs) {
        return report().doseFigures(day, nowMs);
    }
    Result<std::array<HourlyCounts, 24>> hourlyThroughput(const std::string& day) {
        return report().hourlyThroughput(day);
    }
    Result<std::vector<AwaitingReview>> awaitingReview(const std::string& day) {
        return visits().awaitingReview(day);
    }
    Status recordAudit(const AuditEntry& entry) { return audit().recordAudit(entry); }
    Result<std::optional<std::int64_t>> lastAuditAt(std::string_view action, std::int64_t untilMs) {
        return audit().lastAuditAt(action, untilMs);
    }
    Result<std::vector<std::int64_t>> auditTimes(std::string_view action, std::int64_t afterMs,
                                                 std::int64_t untilMs) {
        return audit().auditTimes(action, afterMs, untilMs);
    }
    Result<std::vector<OutboxItem>> outboxPending(int limit) { return outbox().pending(limit); }
    Status outboxDelivered(const std::vector<std::int64_t>& ids, std::int64_t atMs) {
        return outbox().delivered(ids, atMs);
    }
    Status outboxAttemptFailed(const std::vector<std::int64_t>& ids, const std::string& error,
                               std::int64_t atMs) {
        return outbox().attemptFailed(ids, error, atMs);
    }
    Status outboxRefused(std::int64_t id, const std::string& reason, std::int64_t atMs) {
        return outbox().refused(id, reason, atMs);
    }
    Result<OutboxCounts> outboxStatus() { return outbox().status(); }
    Result<std::int64_t> outboxRetryRefused(std::int64_t atMs) {
        return outbox().retryRefused(atMs);
    }
    Result<bool> firstUseOfCode(const std::string& codeId, std::int64_t expiresAtS,
                                std::int64_t nowS) {
        return seenCodes().firstUseOfCode(codeId, expiresAtS, nowS);
    }

private:
    explicit Journal(Database db) : m_db(std::move(db)) {}

    Database m_db;
};

}  // namespace vax
