// The station part of the journal: a dose bound to its visit and pack, and its ticket.
#include "store/JournalDoses.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/JournalVisits.h"
#include "store/JsonText.h"
#include "store/VisitColumns.h"
#include "store/VisitEvents.h"

namespace vax {

using store_detail::appendEvent;
using store_detail::moveTo;

namespace {

using nlohmann::json;

BindRefusal refusal(std::string message) {
    return BindRefusal{std::move(message), {}};
}

Result<BoundDose, BindRefusal> bindInTransaction(Database& db, const BindRequest& request,
                                                 const TicketSigner& sign) {
    auto visit = JournalVisits(db).visit(request.visitId);
    if (!visit) {
        return refusal("this slip names no visit of this site's journal");
    }
    std::int64_t personId = 0;
    std::string idHash;
    std::optional<std::int64_t> usedAt;
    std::vector<ReasonCode> reasonsAtEntry;
    auto st = db.query(
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
    st = db.query(
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
    auto prior = JournalVisits(db).priorDosesOf(request.visitId);
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
    st = db.query(
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
        if (auto moved = moveTo(db, request.visitId, Stage::Registered, request.atMs, "registered",
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
    auto insert = db.prepare(
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
        if (auto moved = moveTo(db, request.visitId, stage, request.atMs, kind, dumpJson(data));
            !moved) {
            return refusal(moved.error().message);
        }
    }
    return BoundDose{request.visitId, *doseNumber, *signedText, endsAt};
}

}  // namespace

Result<BoundDose, BindRefusal> JournalDoses::bindDose(const BindRequest& request,
                                                      const TicketSigner& sign) {
    Result<BoundDose, BindRefusal> result = refusal("");
    {
        auto tx = Transaction::begin(m_db);
        if (!tx) {
            return refusal(tx.error().message);
        }
        result = bindInTransaction(m_db, request, sign);
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
    if (auto visit = JournalVisits(m_db).visit(request.visitId)) {
        // The refusal is journaled on its own: the screen and the record say the same.
        (void)appendEvent(m_db, request.visitId, request.atMs, "binding_refused", visit->stage,
                          dumpJson(data));
    }
    return result;
}

Result<DoseRecord> JournalDoses::doseRecord(std::int64_t visitId) {
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

}  // namespace vax
