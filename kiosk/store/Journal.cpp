#include "store/Journal.h"

#include <nlohmann/json.hpp>

#include "store/JsonText.h"
#include "store/Migrations.h"
#include "store/VisitColumns.h"

namespace vax {

namespace store_detail {

std::string reasonKeys(const std::vector<Reason>& reasons) {
    std::string keys;
    for (const auto& reason : reasons) {
        keys += keys.empty() ? "" : ",";
        keys += toString(reason.code);
    }
    return keys;
}

std::vector<std::string> splitReasonKeys(std::string_view keys) {
    std::vector<std::string> out;
    while (!keys.empty()) {
        const auto comma = keys.find(',');
        if (const auto key = keys.substr(0, comma); !key.empty()) {
            out.emplace_back(key);
        }
        keys = comma == std::string_view::npos ? std::string_view() : keys.substr(comma + 1);
    }
    return out;
}

Outcome outcomeFromString(std::string_view text) {
    if (text == "proceed") {
        return Outcome::Proceed;
    }
    return text == "defer" ? Outcome::Defer : Outcome::StaffReview;
}

}  // namespace store_detail

using store_detail::outcomeFromString;
using store_detail::reasonKeys;

namespace {

using nlohmann::json;

// Columns: id, stage, decision, desk, queue_no, day
constexpr std::string_view kVisitColumns =
    "SELECT id, stage, decision, desk, queue_no, day FROM visits";

struct VisitRow {
    VisitState state;
    std::string day;
};

VisitRow readVisitRow(const Statement& s) {
    VisitRow row;
    row.state.visitId = s.int64(0);
    row.state.stage = stageFromString(s.text(1)).value_or(Stage::CheckedIn);
    row.state.decision = outcomeFromString(s.text(2));
    if (!s.isNull(3) && !s.isNull(4)) {
        row.state.queueNumber = QueueNumber{s.text(3).front(), int(s.int64(4))};
    }
    row.day = std::string(s.text(5));
    return row;
}

Result<VisitRow> loadVisit(Database& db, std::int64_t visitId) {
    std::optional<VisitRow> found;
    auto st = db.query(
        std::string(kVisitColumns) + " WHERE id = ?", [&](Statement& s) { s.bind(1, visitId); },
        [&](const Statement& s) { found = readVisitRow(s); });
    if (!st) {
        return st.error();
    }
    if (!found) {
        return Error{"no visit " + std::to_string(visitId)};
    }
    return *found;
}

Result<std::int64_t> upsertPerson(Database& db, const CheckInRecord& r) {
    auto find = db.prepare("SELECT id FROM persons WHERE id_hash = ?");
    if (!find) {
        return find.error();
    }
    find->bindBlob(1, r.person.hash);
    auto found = find->step();
    if (!found) {
        return found.error();
    }
    if (*found) {
        return find->int64(0);
    }
    auto insert = db.prepare(
        "INSERT INTO persons (id_hash, id_masked, id_sealed, birth_date, sex, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert) {
        return insert.error();
    }
    insert->bindBlob(1, r.person.hash)
        .bind(2, r.person.masked)
        .bindBlob(3, r.person.sealed)
        .bind(4, r.birthDate.iso())
        .bind(5, r.sex == Sex::Male ? "M" : "F")
        .bind(6, r.atMs);
    if (auto st = insert->run(); !st) {
        return st.error();
    }
    return db.lastInsertId();
}

json checkInData(const CheckInRecord& r) {
    json reasons = json::array();
    for (const auto& reason : r.decision.reasons) {
        reasons.push_back({{"code", toString(reason.code)}, {"detail", reason.detail}});
    }
    json data{{"decision", toString(r.decision.outcome)},
              {"reasons", reasons},
              {"health_code", toString(r.healthCode)},
              {"health_code_source", r.healthCodeSource},
              {"temperature_c", r.temperatureC ? json(*r.temperatureC) : json(nullptr)},
              {"fever", r.decision.fever},
              {"age", r.decision.age}};
    if (r.decision.campaignStepId) {
        data["campaign_step"] = *r.decision.campaignStepId;
    }
    if (r.priorDoses) {
        data["prior_doses"] = {{"last_dose_date", r.priorDoses->lastDoseDate.iso()},
                               {"product", r.priorDoses->productCode},
                               {"doses_received", r.priorDoses->dosesReceived},
                               {"source", toString(r.priorDoses->source)}};
    }
    return data;
}

// Stages of a visit that a repeated check-in the same day gives back: still on its way to
// the dose, or deferred (staff may reinstate it). Vaccinated visits are not: a second dose
// the same day is a new visit for staff to review.
constexpr std::string_view kReturnableStages =
    "('checked_in', 'waiting', 'called', 'registered', 'deferred')";

Result<std::optional<std::int64_t>> openVisitOfDay(Database& db, std::int64_t personId,
                                                   const std::string& day) {
    std::optional<std::int64_t> found;
    auto st = db.query(
        "SELECT id FROM visits WHERE person_id = ? AND day = ? AND stage IN " +
            std::string(kReturnableStages) + " ORDER BY id DESC LIMIT 1",
        [&](Statement& s) { s.bind(1, personId).bind(2, day); },
        [&](const Statement& s) { found = s.int64(0); });
    if (!st) {
        return st.error();
    }
    return found;
}

// People before a queued visit at its desk: waiting, or called and not yet registered.
Result<int> countAhead(Database& db, std::int64_t visitId) {
    int ahead = 0;
    auto st = db.query(
        "SELECT count(*) FROM visits o JOIN visits me ON me.id = ? WHERE o.day = me.day AND"
        " o.desk = me.desk AND o.stage IN ('waiting', 'called') AND o.queue_no < me.queue_no",
        [&](Statement& s) { s.bind(1, visitId); },
        [&](const Statement& s) { ahead = int(s.int64(0)); });
    if (!st) {
        return st.error();
    }
    return ahead;
}

// Fills in what a check-in's answer tells of the queue, inside its transaction.
Status addPeopleAhead(Database& db, VisitState& state) {
    if (!state.queueNumber) {
        return Unit{};
    }
    auto ahead = countAhead(db, state.visitId);
    if (!ahead) {
        return ahead.error();
    }
    state.peopleAhead = *ahead;
    return Unit{};
}

Status recordPriorDoses(Database& db, std::int64_t visitId, const PriorDoses& prior) {
    auto insert = db.prepare(
        "INSERT INTO visit_prior_doses (visit_id, last_dose_date, product_code, doses_received,"
        " source) VALUES (?,?,?,?,?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, visitId)
        .bind(2, prior.lastDoseDate.iso())
        .bind(3, prior.productCode)
        .bind(4, prior.dosesReceived)
        .bind(5, toString(prior.source));
    return insert->run();
}

}  // namespace

Result<Journal> Journal::open(const std::filesystem::path& path) {
    auto db = Database::open(path);
    if (!db) {
        return db.error();
    }
    if (auto st = migrate(*db); !st) {
        return Error{"database " + path.string() + ": " + st.error().message};
    }
    return Journal(std::move(db).value());
}

Result<std::int64_t> Journal::appendEvent(std::int64_t visitId, std::int64_t atMs,
                                          std::string_view kind, Stage stage,
                                          const std::string& data) {
    auto stmt =
        m_db.prepare("INSERT INTO events (visit_id, at, kind, stage, data) VALUES (?,?,?,?,?)");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, visitId).bind(2, atMs).bind(3, kind).bind(4, toString(stage)).bind(5, data);
    if (auto st = stmt->run(); !st) {
        return st.error();
    }
    return m_db.lastInsertId();
}

Result<VisitState> Journal::checkIn(const CheckInRecord& r) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto personId = upsertPerson(m_db, r);
    if (!personId) {
        return personId.error();
    }
    auto open = openVisitOfDay(m_db, *personId, r.day);
    if (!open) {
        return open.error();
    }
    if (*open) {
        // Decided inside the write transaction, so two check-ins at once still make one visit.
        auto row = loadVisit(m_db, **open);
        if (!row) {
            return row.error();
        }
        auto seq = appendEvent(**open, r.atMs, "checked_in_again", row->state.stage,
                               dumpJson(checkInData(r)));
        if (!seq) {
            return seq.error();
        }
        row->state.lastEventSeq = *seq;
        row->state.returned = true;
        if (auto st = addPeopleAhead(m_db, row->state); !st) {
            return st.error();
        }
        if (auto st = tx->commit(); !st) {
            return st.error();
        }
        return row->state;
    }
    auto insert = m_db.prepare(
        "INSERT INTO visits (person_id, day, stage, decision, reasons, reason_mask, fever, age,"
        " campaign_step, checked_in_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, *personId)
        .bind(2, r.day)
        .bind(3, toString(Stage::CheckedIn))
        .bind(4, toString(r.decision.outcome))
        .bind(5, reasonKeys(r.decision.reasons))
        .bind(6, std::int64_t(reasonMask(r.decision.reasons)))
        .bind(7, r.decision.fever ? 1 : 0)
        .bind(8, r.decision.age)
        .bind(9, r.decision.campaignStepId)
        .bind(10, r.atMs)
        .bind(11, r.atMs);
    if (auto st = insert->run(); !st) {
        return st.error();
    }
    const std::int64_t visitId = m_db.lastInsertId();
    if (r.priorDoses) {
        if (auto st = recordPriorDoses(m_db, visitId, *r.priorDoses); !st) {
            return st.error();
        }
    }
    auto seq =
        appendEvent(visitId, r.atMs, "checked_in", Stage::CheckedIn, dumpJson(checkInData(r)));
    if (!seq) {
        return seq.error();
    }
    for (const std::int64_t measurementId : r.measurementIds) {
        auto link =
            m_db.prepare("INSERT INTO visit_measurements (visit_id, measurement_id) VALUES (?, ?)");
        if (!link) {
            return link.error();
        }
        if (auto st = link->bind(1, visitId).bind(2, measurementId).run(); !st) {
            return Error{"temperature measurement " + std::to_string(measurementId) +
                         " cannot be linked: " + st.error().message};
        }
    }
    VisitState checkedIn;
    checkedIn.visitId = visitId;
    checkedIn.decision = r.decision.outcome;
    checkedIn.lastEventSeq = *seq;
    Result<VisitState> state = checkedIn;
    if (r.decision.outcome == Outcome::Proceed) {
        state = queueVisit(visitId, r.day, r.desks, r.atMs);
    } else if (r.decision.outcome == Outcome::Defer) {
        state = moveTo(visitId, Stage::Deferred, r.atMs, "deferred", "{}");
    }
    if (!state) {
        return state.error();
    }
    if (auto st = addPeopleAhead(m_db, *state); !st) {
        return st.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return state;
}

Result<PersonDay> Journal::personDay(const std::string& idHash, const std::string& day) {
    PersonDay today;
    std::optional<std::int64_t> personId;
    auto st = m_db.query(
        "SELECT id, (SELECT count(*) FROM doses d WHERE d.person_id = persons.id AND d.day = ?)"
        " FROM persons WHERE id_hash = ?",
        [&](Statement& s) { s.bind(1, day).bindBlob(2, idHash); },
        [&](const Statement& s) {
            personId = s.int64(0);
            today.vaccinated = s.int64(1) > 0;
        });
    if (!st) {
        return st.error();
    }
    if (personId) {
        auto open = openVisitOfDay(m_db, *personId, day);
        if (!open) {
            return open.error();
        }
        today.openVisitId = *open;
    }
    return today;
}

Result<std::optional<PriorDoses>> Journal::priorDosesOf(std::int64_t visitId) {
    std::optional<PriorDoses> prior;
    std::string badRow;
    auto st = m_db.query(
        "SELECT last_dose_date, product_code, doses_received, source FROM visit_prior_doses"
        " WHERE visit_id = ?",
        [&](Statement& s) { s.bind(1, visitId); },
        [&](const Statement& s) {
            const auto date = CivilDate::parseIso(s.text(0));
            const auto source = priorDoseSourceFromString(s.text(3));
            if (!date || !source) {
                badRow = "visit " + std::to_string(visitId) + ": unreadable prior dose record";
                return;
            }
            prior = PriorDoses{*date, std::string(s.text(1)), int(s.int64(2)), *source};
        });
    if (!st) {
        return st.error();
    }
    if (!badRow.empty()) {
        return Error{badRow};
    }
    return prior;
}

Result<VisitState> Journal::queueVisit(std::int64_t visitId, const std::string& day,
                                       const std::vector<Desk>& desks, std::int64_t atMs) {
    if (desks.empty()) {
        return Error{"no registration desk is open"};
    }
    std::vector<DeskLoad> loads;
    auto count = m_db.prepare(
        "SELECT count(*) FROM visits WHERE day = ? AND desk = ? AND stage = 'waiting'");
    if (!count) {
        return count.error();
    }
    for (Desk desk : desks) {
        count->reset();
        count->bind(1, day).bind(2, std::string_view(&desk, 1));
        if (auto row = count->step(); !row) {
            return row.error();
        }
        loads.push_back({desk, int(count->int64(0))});
    }
    const Desk desk = chooseDesk(loads);
    auto next = m_db.prepare(
        "SELECT coalesce(max(queue_no), 0) + 1 FROM visits WHERE day = ? AND desk = ?");
    if (!next) {
        return next.error();
    }
    next->bind(1, day).bind(2, std::string_view(&desk, 1));
    if (auto row = next->step(); !row) {
        return row.error();
    }
    const QueueNumber number{desk, int(next->int64(0))};
    auto update = m_db.prepare(
        "UPDATE visits SET stage = 'waiting', desk = ?, queue_no = ?, queued_at = ?,"
        " updated_at = ? WHERE id = ?");
    if (!update) {
        return update.error();
    }
    update->bind(1, std::string_view(&desk, 1))
        .bind(2, number.number)
        .bind(3, atMs)
        .bind(4, atMs)
        .bind(5, visitId);
    if (auto st = update->run(); !st) {
        return st.error();
    }
    const json data{{"desk", std::string(1, desk)}, {"number", number.label()}};
    auto seq = appendEvent(visitId, atMs, "queued", Stage::Waiting, dumpJson(data));
    if (!seq) {
        return seq.error();
    }
    auto row = loadVisit(m_db, visitId);
    if (!row) {
        return row.error();
    }
    row->state.lastEventSeq = *seq;
    return row->state;
}

Result<VisitState> Journal::moveTo(std::int64_t visitId, Stage to, std::int64_t atMs,
                                   std::string_view kind, const std::string& data) {
    auto row = loadVisit(m_db, visitId);
    if (!row) {
        return row.error();
    }
    if (auto st = checkTransition(row->state.stage, to); !st) {
        return Error{"visit " + std::to_string(visitId) + ": " + st.error().message};
    }
    auto update = m_db.prepare(
        "UPDATE visits SET stage = ?, updated_at = ?,"
        " called_at = CASE WHEN ? = 'called' THEN ? ELSE called_at END WHERE id = ?");
    if (!update) {
        return update.error();
    }
    update->bind(1, toString(to))
        .bind(2, atMs)
        .bind(3, toString(to))
        .bind(4, atMs)
        .bind(5, visitId);
    if (auto st = update->run(); !st) {
        return st.error();
    }
    auto seq = appendEvent(visitId, atMs, kind, to, data);
    if (!seq) {
        return seq.error();
    }
    row->state.stage = to;
    row->state.lastEventSeq = *seq;
    return row->state;
}

Result<VisitState> Journal::override(const Override& d) {
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
    if (auto st = recordAudit({d.staff, "override_" + std::string(toString(d.outcome)), d.visitId,
                               d.reason, dumpJson(detail), d.atMs});
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
        state = moveTo(d.visitId, Stage::Deferred, d.atMs, "override", dumpJson(data));
    } else {
        auto seq = appendEvent(d.visitId, d.atMs, "override", row->state.stage, dumpJson(data));
        if (!seq) {
            return seq.error();
        }
        state = queueVisit(d.visitId, row->day, d.desks, d.atMs);
    }
    if (!state) {
        return state.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return state;
}

Result<VisitState> Journal::advance(std::int64_t visitId, Stage to, std::int64_t atMs) {
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
    auto state = moveTo(visitId, to, atMs, "stage", "{}");
    if (!state) {
        return state.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return state;
}

Result<std::vector<VisitState>> Journal::callNext(const std::string& day, Desk desk, int count,
                                                  std::int64_t atMs) {
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
        auto state = moveTo(entry.visitId, Stage::Called, atMs, "called", dumpJson(data));
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

Result<VisitState> Journal::visit(std::int64_t visitId) {
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

Result<ProtectedId> Journal::personOf(std::int64_t visitId) {
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

Result<std::vector<JournalEvent>> Journal::events(std::int64_t visitId) {
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

Result<Stage> Journal::replayedStage(std::int64_t visitId) {
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

Result<QueueStatus> Journal::queueStatus(const std::string& day) {
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

Status Journal::forEachVisit(const std::string& day,
                             const std::function<void(const VisitSummary&)>& visit) {
    auto stmt = m_db.prepare(
        "SELECT decision, stage, fever, deferred_by_staff, reason_mask, age, campaign_step,"
        " queued_at, called_at FROM visits WHERE day = ?");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, day);
    return stmt->forEachRow([&](const Statement& row) {
        VisitSummary s;
        s.decision = outcomeFromString(row.text(0));
        s.stage = stageFromString(row.text(1)).value_or(Stage::CheckedIn);
        s.fever = row.int64(2) != 0;
        s.deferredByStaff = row.int64(3) != 0;
        s.reasonMask = std::uint32_t(row.int64(4));
        s.age = int(row.int64(5));
        s.campaignStep = row.text(6);
        s.queuedAtMs = row.optionalInt64(7);
        s.calledAtMs = row.optionalInt64(8);
        visit(s);
    });
}

}  // namespace vax
