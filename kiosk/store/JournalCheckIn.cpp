// The check-in part of the visits: one visit a person a day, its decision, prior doses and the
// measurements that led to it.
#include <nlohmann/json.hpp>

#include "core/Report.h"
#include "store/JournalVisits.h"
#include "store/JsonText.h"
#include "store/VisitColumns.h"
#include "store/VisitEvents.h"

namespace vax {

using store_detail::appendEvent;
using store_detail::loadVisit;
using store_detail::moveTo;
using store_detail::queueVisit;
using store_detail::reasonKeys;

namespace {

using nlohmann::json;

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

Result<VisitState> JournalVisits::checkIn(const CheckInRecord& r) {
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
        auto seq = appendEvent(m_db, **open, r.atMs, "checked_in_again", row->state.stage,
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
    auto seq = appendEvent(m_db, visitId, r.atMs, "checked_in", Stage::CheckedIn,
                           dumpJson(checkInData(r)));
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
        state = queueVisit(m_db, visitId, r.day, r.desks, r.atMs, r.numbering);
    } else if (r.decision.outcome == Outcome::Defer) {
        state = moveTo(m_db, visitId, Stage::Deferred, r.atMs, "deferred", "{}");
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

Result<PersonDay> JournalVisits::personDay(const std::string& idHash, const std::string& day) {
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

Result<std::optional<PriorDoses>> JournalVisits::priorDosesOf(std::int64_t visitId) {
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

}  // namespace vax
