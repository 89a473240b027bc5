#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/CivilDate.h"
#include "core/Decision.h"
#include "core/Queue.h"
#include "core/Report.h"
#include "core/ResidentId.h"
#include "core/Result.h"
#include "core/TemperatureMeasurement.h"
#include "core/VisitStage.h"
#include "crypto/PersonVault.h"
#include "store/Doses.h"
#include "store/Sqlite.h"

namespace vax {

/// A check-in to record: the protected person, the facts shown and the decision made.
struct CheckInRecord {
    ProtectedId person;
    CivilDate birthDate;
    Sex sex = Sex::Female;
    HealthCodeStatus healthCode = HealthCodeStatus::NotChecked;
    std::optional<double> temperatureC;  ///< empty: sensor error
    Decision decision;
    std::string day;  ///< local date, YYYY-MM-DD
    std::int64_t atMs = 0;
    std::vector<Desk> desks{'A', 'B'};  ///< registration desks open today
    /// Temperature measurements (recordMeasurement) that led to this check-in.
    std::vector<std::int64_t> measurementIds;
    /// Where the health-code status came from: "service", "signature", "staff" or "none".
    std::string healthCodeSource = "staff";
    /// The earlier doses the decision was made on, with where they are known from; the
    /// station's dose number and series checks rest on them.
    std::optional<PriorDoses> priorDoses;
};

/// What the journal knows of a person's day, before their check-in is decided.
struct PersonDay {
    /// Their visit of the day that is still open (awaiting review, queued, called,
    /// registered) or deferred: a check-in gives it back instead of a second one.
    std::optional<std::int64_t> openVisitId;
    bool vaccinated = false;  ///< a dose was bound to them today
};

/// One temperature measurement to journal, taken before the check-in it may lead to.
struct MeasurementRecord {
    std::int64_t atMs = 0;
    std::string day;  ///< local date, YYYY-MM-DD
    std::string sensorId;
    std::optional<double> emissivity;  ///< as read from the sensor, when it can tell
    int attempt = 1;                   ///< 1 for the first measurement of a person
    bool recheck = false;              ///< the automatic recheck near the threshold
    TemperatureMeasurement measurement;
};

/// A journal record waiting for upload (the outbox), with the facts it reports.
struct OutboxItem {
    std::int64_t id = 0;  ///< upload order; also the record's sequence within its visit
    std::string key;      ///< "event/<seq>" or "immunization/<dose id>", unique at this device
    std::string kind;     ///< "event" or "immunization"
    std::int64_t visitId = 0;
    std::int64_t createdAtMs = 0;
    int attempts = 0;
    /// JSON. An event: seq, visit, at_ms, kind, stage, data. An immunization: the dose (person
    /// reference, masked ID, product, lot, expiry, trace code, dose number, station, time)
    /// with the reactions recorded so far. Never an ID number or a name. Empty when `problem`
    /// is set.
    std::string facts;
    /// Why the row cannot become an upload record (its source is gone, its data is not JSON,
    /// a text is not UTF-8); empty when it can. Names no person.
    std::string problem;
};

/// A record the upstream refused for good, kept aside with the reason.
struct RefusedRecord {
    std::int64_t id = 0;
    std::string key;
    std::string reason;
    std::int64_t atMs = 0;
};

/// The outbox at a glance.
struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t delivered = 0;
    std::int64_t refused = 0;
    std::optional<std::int64_t> oldestPendingAtMs;
    std::optional<std::string> lastError;  ///< of the oldest pending record, if it failed
    std::vector<RefusedRecord> refusedRecords;
};

/// A journaled measurement.
struct StoredMeasurement {
    std::int64_t id = 0;
    MeasurementRecord record;
};

/// Where a visit stands after a journal write.
struct VisitState {
    std::int64_t visitId = 0;
    Stage stage = Stage::CheckedIn;
    Outcome decision = Outcome::Proceed;
    std::optional<QueueNumber> queueNumber;
    std::int64_t lastEventSeq = 0;  ///< the journal position that was committed
    /// checkIn only: the person's open visit of the day, given back (same number) rather
    /// than a new one; the repeated check-in is journaled on it.
    bool returned = false;
    /// checkIn only, when queued: people waiting or called before this number at its desk.
    std::optional<int> peopleAhead;
};

/// One journal entry.
struct JournalEvent {
    std::int64_t seq = 0;
    std::int64_t visitId = 0;
    std::int64_t atMs = 0;
    std::string kind;
    Stage stage = Stage::CheckedIn;
    std::string data;  ///< JSON
};

/// How many of the day's visits are at each stage, and who waits at which desk.
struct QueueStatus {
    std::array<int, kStageCount> byStage{};
    std::vector<DeskLoad> waitingByDesk;
    std::vector<WaitingEntry> nextUp;  ///< waiting, in call order
};

/// A staff decision on a visit awaiting review.
struct Override {
    std::int64_t visitId = 0;
    Outcome outcome = Outcome::Proceed;  ///< Proceed (queue) or Defer
    std::string staff;                   ///< staff id, never a resident's data
    std::string reason;
    std::int64_t atMs = 0;
    std::vector<Desk> desks{'A', 'B'};
};

/// A visit waiting for a staff decision, as the console lists it.
struct AwaitingReview {
    std::int64_t visitId = 0;
    std::string maskedId;
    Outcome decision = Outcome::StaffReview;  ///< the entry's decision
    std::vector<std::string> reasons;         ///< reason keys, as ReasonCode names them
    std::int64_t checkedInAtMs = 0;
};

/// A row of the append-only audit log: which staff member did what, when and why.
struct AuditEntry {
    std::string staff;   ///< staff id from the config, never a resident's data
    std::string action;  ///< e.g. "override_defer", "staff_login", "staff_login_failed"
    std::optional<std::int64_t> visitId;
    std::string reason;
    std::string detail = "{}";  ///< JSON; never a PIN, an ID number or a name
    std::int64_t atMs = 0;
};

/// Check-ins, doses and exits in one local hour of a day (the staff console's chart).
struct HourlyCounts {
    int checkIns = 0;
    int doses = 0;
    int exits = 0;
};

/// The site's append-only journal in SQLite, with the visit table as its projection.
/// Every method commits before it returns: what it reports as done is on disk.
class Journal {
public:
    /// Opens (creating and migrating as needed) the database at `path`.
    static Result<Journal> open(const std::filesystem::path& path);

    /// Records a check-in; "proceed" also queues the person at a desk, "defer" closes the
    /// visit as deferred, "staff review" leaves it checked in for an override. One visit a
    /// person a day: when the person has an open or deferred visit today, that visit comes
    /// back unchanged (`returned`), with this check-in journaled on it.
    Result<VisitState> checkIn(const CheckInRecord& record);
    /// The person's day so far (by the lookup hash of their ID), for the entry decision.
    Result<PersonDay> personDay(const std::string& idHash, const std::string& day);
    /// The earlier doses a visit's check-in was decided on; nullopt when none were known.
    Result<std::optional<PriorDoses>> priorDosesOf(std::int64_t visitId);
    /// Journals a temperature measurement with its raw values and corrections, before the
    /// screen shows its result. Returns its id for CheckInRecord::measurementIds.
    Result<std::int64_t> recordMeasurement(const MeasurementRecord& record);
    /// The measurements linked to a visit, oldest first.
    Result<std::vector<StoredMeasurement>> measurementsOf(std::int64_t visitId);
    /// Applies a staff decision to a visit awaiting review, or reinstates a visit that the
    /// entry check deferred; audited.
    Result<VisitState> override(const Override& decision);
    /// Moves a visit on; refuses illegal transitions and ones that need their own command
    /// (calling; queueing or deferring at entry, which only an override decides).
    Result<VisitState> advance(std::int64_t visitId, Stage to, std::int64_t atMs);
    /// Calls the next `count` waiting people of the day at `desk`.
    Result<std::vector<VisitState>> callNext(const std::string& day, Desk desk, int count,
                                             std::int64_t atMs);

    Result<VisitState> visit(std::int64_t visitId);
    /// The protected identity of a visit's person (hash, masked and sealed number).
    Result<ProtectedId> personOf(std::int64_t visitId);
    Result<std::vector<JournalEvent>> events(std::int64_t visitId);
    Result<QueueStatus> queueStatus(const std::string& day);
    /// Streams the day's visits for the report.
    Status forEachVisit(const std::string& day,
                        const std::function<void(const VisitSummary&)>& visit);
    /// Rebuilds a visit's stage from its events alone.
    Result<Stage> replayedStage(std::int64_t visitId);

    /// Station: binds a dose to the slip's visit and pack (one person, one dose, one code),
    /// signs its ticket with `sign`, and moves the visit to observation, in one transaction.
    /// A refusal says why and is itself journaled.
    Result<BoundDose, BindRefusal> bindDose(const BindRequest& request, const TicketSigner& sign);
    /// Exit: may the person of this dose leave now? Records the exit or the early attempt.
    Result<ExitScan> exitScan(std::int64_t visitId, const std::string& traceCode,
                              std::int64_t nowMs);
    /// Records an adverse reaction: the visit goes under care and observation is extended.
    Result<VisitState> recordReaction(const ReactionRecord& reaction);
    /// The recorded dose of a visit (its ticket for a reprint).
    Result<DoseRecord> doseRecord(std::int64_t visitId);
    /// People in observation now, with the overdue flagged.
    Result<std::vector<InObservation>> observationList(std::int64_t nowMs);
    /// The day's dose, observation and reaction figures.
    Result<DoseFigures> doseFigures(const std::string& day, std::int64_t nowMs);

    /// Check-ins, doses and exits of the day's visits by the local hour (the machine's time
    /// zone) they happened in; index 0 is 00:00-00:59. Events after the day's midnight are
    /// left out.
    Result<std::array<HourlyCounts, 24>> hourlyThroughput(const std::string& day);
    /// The day's visits awaiting a staff decision, oldest first.
    Result<std::vector<AwaitingReview>> awaitingReview(const std::string& day);

    /// Appends a row to the audit log.
    Status recordAudit(const AuditEntry& entry);
    /// When `action` was last audited at or before `untilMs`; nullopt when never.
    Result<std::optional<std::int64_t>> lastAuditAt(std::string_view action, std::int64_t untilMs);
    /// The times of `action`'s audit rows after `afterMs` up to `untilMs`, oldest first.
    Result<std::vector<std::int64_t>> auditTimes(std::string_view action, std::int64_t afterMs,
                                                 std::int64_t untilMs);

    Database& database() { return m_db; }

    /// The oldest pending outbox records, in upload order, at most `limit`. A row that cannot
    /// be read as a record comes too, in its place, with its `problem` set.
    Result<std::vector<OutboxItem>> outboxPending(int limit);
    /// Marks records delivered (the upstream stored them, or already had them).
    Status outboxDelivered(const std::vector<std::int64_t>& ids, std::int64_t atMs);
    /// Counts a failed attempt (network, 5xx): the records stay pending, in order.
    Status outboxAttemptFailed(const std::vector<std::int64_t>& ids, const std::string& error,
                               std::int64_t atMs);
    /// Sets a record aside that the upstream refused for good (4xx), with the reason.
    Status outboxRefused(std::int64_t id, const std::string& reason, std::int64_t atMs);
    /// Counts by state, the oldest pending record and the refused ones.
    Result<OutboxCounts> outboxStatus();
    /// Puts every refused record back in the queue (after the cause was fixed); how many.
    Result<std::int64_t> outboxRetryRefused(std::int64_t atMs);

    /// Replay cache of signed health codes: true the first time `codeId` is seen, false when
    /// it was seen before and has not expired. Expired entries are dropped on the way.
    Result<bool> firstUseOfCode(const std::string& codeId, std::int64_t expiresAtS,
                                std::int64_t nowS);

private:
    explicit Journal(Database db) : m_db(std::move(db)) {}
    Result<std::int64_t> appendEvent(std::int64_t visitId, std::int64_t atMs, std::string_view kind,
                                     Stage stage, const std::string& data);
    Result<VisitState> queueVisit(std::int64_t visitId, const std::string& day,
                                  const std::vector<Desk>& desks, std::int64_t atMs);
    Result<VisitState> moveTo(std::int64_t visitId, Stage to, std::int64_t atMs,
                              std::string_view kind, const std::string& data);
    Result<BoundDose, BindRefusal> bindInTransaction(const BindRequest& request,
                                                     const TicketSigner& sign);

    Database m_db;
};

}  // namespace vax
