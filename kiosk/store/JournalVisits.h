#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/CivilDate.h"
#include "core/Decision.h"
#include "core/Queue.h"
#include "core/ResidentId.h"
#include "core/Result.h"
#include "core/VisitStage.h"
#include "crypto/PersonVault.h"
#include "store/Sqlite.h"
#include "store/VisitNumbering.h"
#include "store/VisitState.h"

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
    /// Who numbers the visit when it queues: this journal (a device alone), the site server,
    /// or this device's reserved block while the site cannot be reached.
    VisitNumbering numbering;
};

/// What the journal knows of a person's day, before their check-in is decided.
struct PersonDay {
    /// Their visit of the day that is still open (awaiting review, queued, called,
    /// registered) or deferred: a check-in gives it back instead of a second one.
    std::optional<std::int64_t> openVisitId;
    bool vaccinated = false;  ///< a dose was bound to them today
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

/// The journal's visits and the queue: check-ins, staff decisions, stage moves and calls.
class JournalVisits {
public:
    explicit JournalVisits(Database& db) : m_db(db) {}

    /// Records a check-in; "proceed" also queues the person at a desk, "defer" closes the
    /// visit as deferred, "staff review" leaves it checked in for an override. One visit a
    /// person a day: when the person has an open or deferred visit today, that visit comes
    /// back unchanged (`returned`), with this check-in journaled on it.
    Result<VisitState> checkIn(const CheckInRecord& record);
    /// The person's day so far (by the lookup hash of their ID), for the entry decision.
    Result<PersonDay> personDay(const std::string& idHash, const std::string& day);
    /// The earlier doses a visit's check-in was decided on; nullopt when none were known.
    Result<std::optional<PriorDoses>> priorDosesOf(std::int64_t visitId);
    /// Applies a staff decision to a visit awaiting review, or reinstates a visit that the
    /// entry check deferred; audited.
    Result<VisitState> override(const Override& decision, const VisitNumbering& numbering = {});
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
    /// Rebuilds a visit's stage from its events alone.
    Result<Stage> replayedStage(std::int64_t visitId);
    /// The day's visits awaiting a staff decision, oldest first.
    Result<std::vector<AwaitingReview>> awaitingReview(const std::string& day);

private:
    Database& m_db;
};

}  // namespace vax
