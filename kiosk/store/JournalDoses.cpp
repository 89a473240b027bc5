// The station, observation and exit part of the journal: doses, tickets, reactions.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/Journal.h"
#include "store/JsonText.h"
#include "store/VisitColumns.h"

namespace vax {

namespace {

using nlohmann::json;

BindRefusal refusal(std::string message) {
    return BindRefusal{std::move(message), {}};
}

}  // namespace

Result<BoundDose, BindRefusal> Journal::bindDose(const BindRequest& request,
                                                 const TicketSigner& sign) {
    Result<BoundDose, BindRefusal> result = refusal("");
    {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return refusal(tx.error().message);
        }
        result = bindInTransaction(request, sign);
        if (result) {
            if (auto st = tx->commit(); !st) {
                return refusal(st.error().message);
            }
            return result;
        }
    }  // rolled back: nothing of the refused binding stays
    json earlier = json::array();
    for (const auto& e : result.error().earlier) {
        earlier.push_back(
            {{"visit", e.visitId}, {"at_ms", e.vaccinatedAtMs}, {"station", e.station}});
    }
    const json data{{"reason", result.error().message},
                    {"trace_code", request.pack.traceCode},
                    {"station", request.station},
                    {"earlier_bindings", earlier}};
    if (auto visit = this->visit(request.visitId)) {
        // The refusal is journaled on its own: the screen and the record say the same.
        (void)appendEvent(request.visitId, request.atMs, "binding_refused", visit->stage,
                          dumpJson(data));
    }
    return result;
}

Result<BoundDose, BindRefusal> Journal::bindInTransaction(const BindRequest& request,
                                                          const TicketSigner& sign) {
    auto visit = this->visit(request.visitId);
    if (!visit) {
        return refusal("this slip names no visit of this site's journal");
    }
    std::int64_t personId = 0;
    std::string idHash;
    std::optional<std::int64_t> usedAt;
    std::vector<ReasonCode> reasonsAtEntry;
    auto st = m_db.query(
        "SELECT v.person_id, p.id_hash, (SELECT vaccinated_at FROM doses d WHERE"
        " d.visit_id = v.id), v.reasons FROM visits v JOIN persons p ON p.id = v.person_id"
        " WHERE v.id = ?",
        [&](Statement& s) { s.bind(1, request.visitId); },
        [&](const Statement& s) {
            personId = s.int64(0);
            idHash = std::string(s.blob(1));
            usedAt = s.optionalInt64(2);
            for (const std::string& key : store_detail::splitReasonKeys(s.text(3))) {
                if (const auto code = reasonCodeFromString(key)) {
                    reasonsAtEntry.push_back(*code);
                }
            }
        });
    if (!st) {
        return refusal(st.error().message);
    }
    if (idHash.size() < request.person.size() ||
        !std::equal(request.person.begin(), request.person.end(), idHash.begin(),
                    [](std::uint8_t a, char b) { return a == std::uint8_t(b); })) {
        return refusal("the slip does not belong to this visit's person");
    }
    if (usedAt) {
        return refusal("this slip was already used: the dose was recorded");
    }
    switch (visit->stage) {
        case Stage::Called:
        case Stage::Registered:
            break;
        case Stage::Deferred:
            return refusal("deferred at entry: a staff override is needed first");
        case Stage::CheckedIn:
            return refusal("awaiting staff review at entry");
        case Stage::Waiting:
            return refusal("not called to registration yet");
        default:
            return refusal(std::string("the visit is ") + std::string(toString(visit->stage)) +
                           ", not ready for vaccination");
    }

    std::vector<EarlierDose> earlier;
    st = m_db.query(
        "SELECT product_code, dose_number, vaccinated_at FROM doses WHERE person_id = ?"
        " ORDER BY vaccinated_at",
        [&](Statement& s) { s.bind(1, personId); },
        [&](Statement& s) {
            earlier.push_back({std::string(s.text(0)), int(s.int64(1)),
                               CivilDate::fromDaysSinceEpoch(int(s.int64(2) / 86'400'000))});
        });
    if (!st) {
        return refusal(st.error().message);
    }
    const auto today = CivilDate::parseIso(request.day);
    if (!today) {
        return refusal("bad day " + request.day);
    }
    auto prior = priorDosesOf(request.visitId);
    if (!prior) {
        return refusal(prior.error().message);
    }
    const Policy noCatalogue;
    auto doseNumber =
        nextDoseNumber(request.pack, knownEarlierDoses(earlier, *prior), *today,
                       request.policy ? *request.policy : noCatalogue, reasonsAtEntry);
    if (!doseNumber) {
        return refusal(doseNumber.error().message);
    }

    BindRefusal alarm;
    st = m_db.query(
        "SELECT visit_id, vaccinated_at, station FROM doses WHERE trace_code = ?",
        [&](Statement& s) { s.bind(1, request.pack.traceCode); },
        [&](Statement& s) {
            alarm.earlier.push_back({s.int64(0), s.int64(1), std::string(s.text(2))});
        });
    if (!st) {
        return refusal(st.error().message);
    }
    const Product& product = *request.pack.product;
    if (int(alarm.earlier.size()) >= product.dosesPerPack) {
        alarm.message = "ALARM: this pack's code was already bound " +
                        std::to_string(alarm.earlier.size()) + " time(s) and the pack holds " +
                        std::to_string(product.dosesPerPack) + ": one dose, one code";
        return alarm;
    }

    if (visit->stage == Stage::Called) {
        // The station doubles as registration where the site has no separate desk step.
        if (auto moved = moveTo(request.visitId, Stage::Registered, request.atMs, "registered",
                                R"({"at":"station"})");
            !moved) {
            return refusal(moved.error().message);
        }
    }
    const std::int64_t endsAt = request.atMs + std::int64_t(request.observationMinutes) * 60'000;
    DoseTicket ticket;
    ticket.visitId = request.visitId;
    ticket.person = request.person;
    ticket.traceCode = request.pack.traceCode;
    ticket.productCode = product.code;
    ticket.lot = request.pack.lot;
    ticket.doseNumber = std::uint8_t(*doseNumber);
    ticket.station = request.station;
    ticket.vaccinatedAtUnix = request.atMs / 1000;
    ticket.observationEndsAtUnix = endsAt / 1000;
    auto signedText = sign(ticket);
    if (!signedText) {
        return refusal("the ticket could not be signed: " + signedText.error().message);
    }
    auto insert = m_db.prepare(
        "INSERT INTO doses (visit_id, person_id, day, trace_code, product_code, lot,"
        " dose_number, booster, station, vaccinated_at, observation_ends_at, ticket, expiry)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!insert) {
        return refusal(insert.error().message);
    }
    insert->bind(1, request.visitId)
        .bind(2, personId)
        .bind(3, request.day)
        .bind(4, request.pack.traceCode)
        .bind(5, product.code)
        .bind(6, request.pack.lot)
        .bind(7, *doseNumber)
        .bind(8, *doseNumber > product.seriesDoses ? 1 : 0)
        .bind(9, request.station)
        .bind(10, request.atMs)
        .bind(11, endsAt)
        .bind(12, *signedText)
        .bind(13, request.pack.expiry ? std::optional(request.pack.expiry->iso()) : std::nullopt);
    if (auto done = insert->run(); !done) {
        return refusal(done.error().message);
    }
    const json data{{"trace_code", request.pack.traceCode},
                    {"product", product.code},
                    {"lot", request.pack.lot},
                    {"dose_number", *doseNumber},
                    {"station", request.station}};
    for (auto [stage, kind] :
         {std::pair{Stage::Vaccinated, "vaccinated"}, std::pair{Stage::Observing, "observing"}}) {
        if (auto moved = moveTo(request.visitId, stage, request.atMs, kind, dumpJson(data));
            !moved) {
            return refusal(moved.error().message);
        }
    }
    return BoundDose{request.visitId, *doseNumber, *signedText, endsAt};
}

Result<ExitScan> Journal::exitScan(std::int64_t visitId, const std::string& traceCode,
                                   std::int64_t nowMs) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    ExitScan scan;
    scan.visitId = visitId;
    bool found = false;
    std::int64_t vaccinatedAt = 0;
    std::optional<std::int64_t> exitedAt;
    std::string boundCode;
    auto st = m_db.query(
        "SELECT vaccinated_at, observation_ends_at, exited_at, trace_code FROM doses"
        " WHERE visit_id = ?",
        [&](Statement& s) { s.bind(1, visitId); },
        [&](Statement& s) {
            found = true;
            vaccinatedAt = s.int64(0);
            scan.observationEndsAtMs = s.int64(1);
            exitedAt = s.optionalInt64(2);
            boundCode = std::string(s.text(3));
        });
    if (!st) {
        return st.error();
    }
    if (!found) {
        return Error{"no dose is recorded for visit " + std::to_string(visitId) +
                     " at this site: ask at the station"};
    }
    if (boundCode != traceCode) {
        return Error{"this ticket's vaccine code does not match the dose recorded for visit " +
                     std::to_string(visitId)};
    }
    if (exitedAt) {
        scan.alreadyLeft = true;
        scan.leftAtMs = *exitedAt;
        scan.decision = {ExitVerdict::MayLeave, 0};
        return scan;
    }
    auto visit = this->visit(visitId);
    if (!visit) {
        return visit.error();
    }
    if (visit->stage == Stage::AdverseReaction) {
        return Error{"under care for an adverse reaction: the doctor decides when to leave"};
    }
    scan.decision = decideExit(vaccinatedAt / 1000, scan.observationEndsAtMs / 1000, nowMs / 1000);
    Status written = okStatus();
    if (scan.decision.verdict == ExitVerdict::MayLeave) {
        auto moved = moveTo(visitId, Stage::Exited, nowMs, "exited", "{}");
        written = moved ? m_db.exec("UPDATE doses SET exited_at = " + std::to_string(nowMs) +
                                    " WHERE visit_id = " + std::to_string(visitId))
                        : Status(moved.error());
    } else {
        const json data{{"minutes_left", scan.decision.minutesLeft},
                        {"clock_skew", scan.decision.verdict == ExitVerdict::ClockSkew}};
        auto seq = appendEvent(
            visitId, nowMs,
            scan.decision.verdict == ExitVerdict::ClockSkew ? "exit_clock_skew" : "exit_too_early",
            visit->stage, dumpJson(data));
        written = seq ? okStatus() : Status(seq.error());
    }
    if (!written) {
        return written.error();
    }
    if (auto done = tx->commit(); !done) {
        return done.error();
    }
    return scan;
}

Result<VisitState> Journal::recordReaction(const ReactionRecord& r) {
    if (r.staff.empty() || r.action.empty() || r.outcome.empty()) {
        return Error{"a reaction record needs the staff member, the action and the outcome"};
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto insert = m_db.prepare(
        "INSERT INTO reactions (visit_id, category, onset_at, action, outcome, staff,"
        " recorded_at) VALUES (?,?,?,?,?,?,?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, r.visitId)
        .bind(2, toString(r.category))
        .bind(3, r.onsetAtMs)
        .bind(4, r.action)
        .bind(5, r.outcome)
        .bind(6, r.staff)
        .bind(7, r.atMs);
    if (auto st = insert->run(); !st) {
        return st.error();
    }
    const std::int64_t until = r.atMs + std::int64_t(r.extendMinutes) * 60'000;
    if (auto st =
            m_db.exec("UPDATE doses SET observation_ends_at = max(observation_ends_at, " +
                      std::to_string(until) + ") WHERE visit_id = " + std::to_string(r.visitId));
        !st) {
        return st.error();
    }
    const json data{{"category", toString(r.category)}, {"staff", r.staff}};
    auto state =
        moveTo(r.visitId, Stage::AdverseReaction, r.atMs, "adverse_reaction", dumpJson(data));
    if (!state) {
        return state.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return state;
}

Result<DoseRecord> Journal::doseRecord(std::int64_t visitId) {
    std::optional<DoseRecord> record;
    auto st = m_db.query(
        "SELECT p.id_masked, d.product_code, d.lot, d.dose_number, d.station, d.vaccinated_at,"
        " d.observation_ends_at, d.ticket FROM doses d JOIN persons p ON p.id = d.person_id"
        " WHERE d.visit_id = ?",
        [&](Statement& s) { s.bind(1, visitId); },
        [&](const Statement& s) {
            record = DoseRecord{visitId,
                                std::string(s.text(0)),
                                std::string(s.text(1)),
                                std::string(s.text(2)),
                                int(s.int64(3)),
                                std::string(s.text(4)),
                                s.int64(5),
                                s.int64(6),
                                std::string(s.text(7))};
        });
    if (!st) {
        return st.error();
    }
    if (!record) {
        return Error{"visit " + std::to_string(visitId) + " has no recorded dose"};
    }
    return *record;
}

Result<std::vector<InObservation>> Journal::observationList(std::int64_t nowMs) {
    std::vector<InObservation> list;
    auto st = m_db.query(
        "SELECT v.id, p.id_masked, d.observation_ends_at, v.stage FROM visits v"
        " JOIN doses d ON d.visit_id = v.id JOIN persons p ON p.id = v.person_id"
        " WHERE v.stage IN ('observing', 'adverse_reaction') ORDER BY d.observation_ends_at",
        [](Statement&) {},
        [&](Statement& s) {
            InObservation o;
            o.visitId = s.int64(0);
            o.maskedId = std::string(s.text(1));
            o.observationEndsAtMs = s.int64(2);
            o.reaction = s.text(3) == "adverse_reaction";
            o.overdue = !o.reaction && nowMs - o.observationEndsAtMs > kOverdueAfterS * 1000;
            list.push_back(std::move(o));
        });
    if (!st) {
        return st.error();
    }
    return list;
}

Result<DoseFigures> Journal::doseFigures(const std::string& day, std::int64_t nowMs) {
    DoseFigures f;
    auto st = m_db.query(
        "SELECT d.dose_number, d.booster, d.product_code, v.campaign_step, v.age, v.stage,"
        " d.exited_at, d.observation_ends_at FROM doses d JOIN visits v ON v.id = d.visit_id"
        " WHERE d.day = ?",
        [&](Statement& s) { s.bind(1, day); },
        [&](Statement& s) {
            ++f.doses;
            ++f.observed;
            if (s.int64(1) != 0) {
                ++f.boosters;
            } else {
                ++f.byDoseNumber[int(s.int64(0))];
            }
            ++f.byProduct[std::string(s.text(2))];
            ++f.byCampaignStep[std::string(s.text(3))];
            const int age = int(s.int64(4));
            ++f.byAgeBand[ageBandLabel(age)];
            const std::string_view stage = s.text(5);
            f.completed += s.isNull(6) ? 0 : 1;
            f.earlyExits += stage == "left_early" ? 1 : 0;
            f.overdue += stage == "observing" && nowMs - s.int64(7) > kOverdueAfterS * 1000;
        });
    if (!st) {
        return st.error();
    }
    const auto sensorError = std::int64_t(reasonBit(ReasonCode::TemperatureSensorError));
    st = m_db.query(
        "SELECT count(*), coalesce(sum(fever), 0) FROM visits WHERE day = ? AND"
        " (reason_mask & ?) = 0",
        [&](Statement& s) { s.bind(1, day).bind(2, sensorError); },
        [&](Statement& s) {
            f.temperatureChecks = int(s.int64(0));
            f.fevers = int(s.int64(1));
        });
    if (!st) {
        return st.error();
    }
    st = m_db.query(
        "SELECT r.category, count(*) FROM reactions r JOIN doses d ON d.visit_id = r.visit_id"
        " WHERE d.day = ? GROUP BY r.category",
        [&](Statement& s) { s.bind(1, day); },
        [&](Statement& s) { f.reactionsByCategory[std::string(s.text(0))] = int(s.int64(1)); });
    if (!st) {
        return st.error();
    }
    return f;
}

}  // namespace vax
