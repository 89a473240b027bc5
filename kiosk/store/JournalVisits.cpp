// Visits and the queue after check-in: staff decisions, stage moves, calls, and reading a visit
// and its journal back.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/JournalAudit.h"
#include "store/JournalVisits.h"
#include "store/JsonText.h"
#include "store/VisitEvents.h"

namespace vax {

using nlohmann::json;
using store_detail::appendEvent;
using store_detail::loadVisit;
using store_detail::moveTo;
using store_detail::queueVisit;

Result<VisitState> JournalVisits::override(const Override& d, const VisitNumbering& numbering) {
    if (d.staff.empty() || d.reason.empty()) {
        return Error{"an override needs the staff member and a reason"};
    }
    if (d.outcome == Outcome::StaffReview) {
        return Error{"an override decides: proceed or defer"};
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto row = loadVisit(m_db, d.visitId);
    if (!row) {
        return row.error();
    }
    // A staff decision applies to a visit awaiting review, or reinstates one that the entry
    // check deferred (e.g. a normal temperature after a rest). A staff deferral stands.
    const bool awaitingReview = row->state.stage == Stage::CheckedIn;
    const bool entryDeferral = row->state.stage == Stage::Deferred &&
                               row->state.decision == Outcome::Defer &&
                               d.outcome == Outcome::Proceed;
    if (!awaitingReview && !entryDeferral) {
        return Error{"visit " + std::to_string(d.visitId) + " is " +
                     std::string(toString(row->state.stage)) + ", not awaiting a decision"};
    }
    const json detail{{"entry_decision", toString(row->state.decision)}};
    if (auto st =
            JournalAudit(m_db).recordAudit({d.staff, "override_" + std::string(toString(d.outcome)),
                                            d.visitId, d.reason, dumpJson(detail), d.atMs});
        !st) {
        return st.error();
    }
    const json data{{"outcome", toString(d.outcome)}, {"audit_id", m_db.lastInsertId()}};
    Result<VisitState> state = Error{""};
    if (d.outcome == Outcome::Defer) {
        auto mark = m_db.prepare("UPDATE visits SET deferred_by_staff = 1 WHERE id = ?");
        if (!mark) {
            return mark.error();
        }
        mark->bind(1, d.visitId);
        if (auto st = mark->run(); !st) {
            return st.error();
        }
        state = moveTo(m_db, d.visitId, Stage::Deferred, d.atMs, "override", dumpJson(data));
    } else {
        auto seq =
            appendEvent(m_db, d.visitId, d.atMs, "override", row->state.stage, dumpJson(data));
        if (!seq) {
            return seq.error();
        }
        state = queueVisit(m_db, d.visitId, row->day, d.desks, d.atMs, numbering);
    }
    if (!state) {
        return state.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return state;
}

Result<VisitState> JournalVisits::advance(std::int64_t visitId, Stage to, std::int64_t atMs) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto row = loadVisit(m_db, visitId);
    if (!row) {
        return row.error();
    }
    const bool leavesEntry =
        row->state.stage == Stage::CheckedIn || row->state.stage == Stage::Deferred;
    if (leavesEntry && (to == Stage::Waiting || to == Stage::Deferred)) {
        return Error{"visit " + std::to_string(visitId) + " is " +
                     std::string(toString(row->state.stage)) +
                     ": only a staff override, with a reason, decides it"};
    }
    if (to == Stage::Called) {
        return Error{"people are called with the queue call command"};
    }
    auto state = moveTo(m_db, visitId, to, atMs, "stage", "{}");
    if (!state) {
        return state.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return state;
}

Result<std::vector<VisitState>> JournalVisits::callNext(const std::string& day, Desk desk,
                                                        int count, std::int64_t atMs) {
    if (count < 1) {
        return Error{"call at least one person"};
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto status = queueStatus(day);
    if (!status) {
        return status.error();
    }
    std::vector<VisitState> called;
    const json data{{"desk", std::string(1, desk)}};
    for (const WaitingEntry& entry : nextToCall(status->nextUp, desk, count)) {
        auto state = moveTo(m_db, entry.visitId, Stage::Called, atMs, "called", dumpJson(data));
        if (!state) {
            return state.error();
        }
        called.push_back(*state);
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return called;
}

Result<VisitState> JournalVisits::visit(std::int64_t visitId) {
    auto row = loadVisit(m_db, visitId);
    if (!row) {
        return row.error();
    }
    auto last = m_db.prepare("SELECT coalesce(max(seq), 0) FROM events WHERE visit_id = ?");
    if (!last) {
        return last.error();
    }
    last->bind(1, visitId);
    if (auto r = last->step(); !r) {
        return r.error();
    }
    row->state.lastEventSeq = last->int64(0);
    return row->state;
}

Result<ProtectedId> JournalVisits::personOf(std::int64_t visitId) {
    std::optional<ProtectedId> person;
    auto st = m_db.query(
        "SELECT p.id_hash, p.id_masked, p.id_sealed FROM visits v JOIN persons p"
        " ON p.id = v.person_id WHERE v.id = ?",
        [&](Statement& s) { s.bind(1, visitId); },
        [&](const Statement& s) {
            person =
                ProtectedId{std::string(s.blob(0)), std::string(s.text(1)), std::string(s.blob(2))};
        });
    if (!st) {
        return st.error();
    }
    if (!person) {
        return Error{"no visit " + std::to_string(visitId)};
    }
    return *person;
}

Result<std::vector<JournalEvent>> JournalVisits::events(std::int64_t visitId) {
    auto stmt = m_db.prepare(
        "SELECT seq, visit_id, at, kind, stage, data FROM events WHERE visit_id = ?"
        " ORDER BY seq");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, visitId);
    std::vector<JournalEvent> out;
    std::optional<std::int64_t> badSeq;
    auto st = stmt->forEachRow([&](const Statement& s) {
        const auto stage = stageFromString(s.text(4));
        if (!stage) {
            badSeq = badSeq.value_or(s.int64(0));
            return;
        }
        out.push_back({s.int64(0), s.int64(1), s.int64(2), std::string(s.text(3)), *stage,
                       std::string(s.text(5))});
    });
    if (!st) {
        return st.error();
    }
    if (badSeq) {
        return Error{"journal event " + std::to_string(*badSeq) + " names an unknown stage"};
    }
    return out;
}

Result<Stage> JournalVisits::replayedStage(std::int64_t visitId) {
    auto all = events(visitId);
    if (!all) {
        return all.error();
    }
    std::vector<Stage> stages;
    for (const auto& event : *all) {
        // An event that leaves the stage as it was (an override to proceed before queueing)
        // is not a transition.
        if (stages.empty() || stages.back() != event.stage) {
            stages.push_back(event.stage);
        }
    }
    return replayStages(stages);
}

Result<QueueStatus> JournalVisits::queueStatus(const std::string& day) {
    QueueStatus status;
    auto stages = m_db.prepare("SELECT stage, count(*) FROM visits WHERE day = ? GROUP BY stage");
    if (!stages) {
        return stages.error();
    }
    stages->bind(1, day);
    auto st = stages->forEachRow([&](const Statement& s) {
        if (auto stage = stageFromString(s.text(0))) {
            status.byStage[std::size_t(*stage)] = int(s.int64(1));
        }
    });
    if (!st) {
        return st.error();
    }
    auto waiting = m_db.prepare(
        "SELECT id, desk, queue_no FROM visits WHERE day = ? AND stage = 'waiting'"
        " ORDER BY queue_no, desk");
    if (!waiting) {
        return waiting.error();
    }
    waiting->bind(1, day);
    st = waiting->forEachRow([&](const Statement& s) {
        const WaitingEntry entry{s.int64(0), QueueNumber{s.text(1).front(), int(s.int64(2))}};
        status.nextUp.push_back(entry);
        auto load = std::find_if(status.waitingByDesk.begin(), status.waitingByDesk.end(),
                                 [&](const DeskLoad& l) { return l.desk == entry.number.desk; });
        if (load == status.waitingByDesk.end()) {
            status.waitingByDesk.push_back({entry.number.desk, 1});
        } else {
            ++load->waiting;
        }
    });
    if (!st) {
        return st.error();
    }
    return status;
}

}  // namespace vax
