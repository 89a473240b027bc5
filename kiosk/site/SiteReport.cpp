#include "site/SiteReport.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/Observation.h"

namespace vax {

namespace {

// Where a site visit stands, from the entry decision, a staff override and the site's rows.
Stage siteStage(Outcome decision, std::string_view override, std::string_view queueState,
                bool exited, bool leftEarly, bool reaction) {
    if (override == "defer" || (decision == Outcome::Defer && override != "proceed")) {
        return Stage::Deferred;
    }
    if (queueState.empty()) {
        return Stage::CheckedIn;  // awaiting review, or its number is not on the site yet
    }
    if (queueState == "waiting") {
        return Stage::Waiting;
    }
    if (queueState == "called" || queueState == "recalled" || queueState == "skipped") {
        return Stage::Called;
    }
    if (queueState == "registered") {
        return Stage::Registered;
    }
    if (queueState == "cancelled") {
        return Stage::LeftEarly;
    }
    if (exited) {
        return Stage::Exited;
    }
    if (leftEarly) {
        return Stage::LeftEarly;
    }
    return reaction ? Stage::AdverseReaction : Stage::Observing;
}

Outcome outcomeNamed(std::string_view text) {
    for (Outcome o : {Outcome::Proceed, Outcome::Defer, Outcome::StaffReview}) {
        if (toString(o) == text) {
            return o;
        }
    }
    return Outcome::StaffReview;  // unknown: counted as not decided, never as a pass
}

// The dose of the visit (by its day and number) met this observation event.
std::string doseHad(std::string_view kind) {
    return "EXISTS (SELECT 1 FROM bindings b JOIN observation_events e ON e.site_id = b.site_id"
           " AND e.trace_code = b.trace_code AND e.person_hash = b.person_hash AND e.kind = '" +
           std::string(kind) +
           "' WHERE b.site_id = c.site_id AND b.day = c.day AND b.desk = c.desk"
           " AND b.number = c.number)";
}

}  // namespace

Result<Unit, PgError> SiteReport::forEachVisit(
    const std::string& day, const std::function<void(const VisitSummary&)>& visit) {
    auto rows = m_conn.exec(
        "SELECT c.data::text, coalesce(q.state, ''), q.issued_ms, q.called_ms,"
        " coalesce((SELECT o.data->>'outcome' FROM journal_entries o WHERE"
        " o.site_id = c.site_id AND o.device_id = c.device_id AND o.visit_id = c.visit_id"
        " AND o.kind = 'override' ORDER BY o.seq DESC LIMIT 1), ''), " +
            doseHad("exited") + ", " + doseHad("left_early") + ", " + doseHad("adverse_reaction") +
            " FROM journal_entries c LEFT JOIN queue_entries q ON q.site_id = c.site_id"
            " AND q.day = c.day AND q.desk = c.desk AND q.number = c.number"
            " WHERE c.site_id = $1 AND c.day = $2 AND c.kind = 'checked_in'",
        pgParams(m_device.siteId, day));
    if (!rows) {
        return rows.error();
    }
    for (int r = 0; r < rows->rows(); ++r) {
        const auto data = nlohmann::json::parse(rows->text(r, 0), nullptr, false);
        if (!data.is_object()) {
            continue;
        }
        VisitSummary s;
        const std::string decision = data.value("decision", "proceed");
        s.decision = outcomeNamed(decision);
        s.fever = data.value("fever", false);
        s.age = data.value("age", 0);
        const std::string step = data.value("campaign_step", "");
        s.campaignStep = step;
        if (const auto reasons = data.find("reasons");
            reasons != data.end() && reasons->is_array()) {
            for (const auto& reason : *reasons) {
                if (const auto code = reasonCodeFromString(reason.value("code", ""))) {
                    s.reasonMask |= reasonBit(*code);
                }
            }
        }
        const std::string_view override = rows->text(r, 4);
        s.deferredByStaff = override == "defer";
        s.stage = siteStage(s.decision, override, rows->text(r, 1), rows->boolean(r, 5),
                            rows->boolean(r, 6), rows->boolean(r, 7));
        s.queuedAtMs = rows->optionalInt64(r, 2);
        s.calledAtMs = rows->optionalInt64(r, 3);
        visit(s);
    }
    return Unit{};
}

Result<DoseFigures, PgError> SiteReport::doseFigures(
    const std::string& day, std::int64_t nowMs,
    const std::function<int(std::string_view product)>& seriesDoses) {
    DoseFigures f;
    // The counters the triggers keep: a few hundred rows, however many doses the day had.
    auto doses = m_conn.exec(
        "SELECT product_code, dose_number, campaign_step, age, doses FROM dose_counts"
        " WHERE site_id = $1 AND day = $2",
        pgParams(m_device.siteId, day));
    if (!doses) {
        return doses.error();
    }
    for (int r = 0; r < doses->rows(); ++r) {
        const std::string product(doses->text(r, 0));
        const int doseNumber = int(doses->int64(r, 1));
        const int count = int(doses->int64(r, 4));
        f.doses += count;
        f.observed += count;
        if (doseNumber > seriesDoses(product)) {
            f.boosters += count;
        } else {
            f.byDoseNumber[doseNumber] += count;
        }
        f.byProduct[product] += count;
        f.byCampaignStep[std::string(doses->text(r, 2))] += count;
        f.byAgeBand[ageBandLabel(int(doses->int64(r, 3)))] += count;
    }
    auto outcomes = m_conn.exec(
        "SELECT coalesce(sum(doses) FILTER (WHERE kind = 'exited'), 0),"
        " coalesce(sum(doses) FILTER (WHERE kind = 'left_early'), 0)"
        " FROM outcome_counts WHERE site_id = $1 AND day = $2",
        pgParams(m_device.siteId, day));
    if (!outcomes) {
        return outcomes.error();
    }
    f.completed = int(outcomes->int64(0, 0));
    f.earlyExits = int(outcomes->int64(0, 1));
    // Overdue: bound with a time that ended long ago, and nothing heard of the dose since (no
    // exit, no early leave, no reaction). Two index range counts.
    auto overdue = m_conn.exec(
        "SELECT (SELECT count(*) FROM bindings WHERE site_id = $1 AND day = $2"
        "   AND observation_ends_ms < $3::bigint - $4::bigint)"
        " - (SELECT count(*) FROM doses_heard WHERE site_id = $1 AND day = $2"
        "   AND bound_ends_ms < $3::bigint - $4::bigint)",
        pgParams(m_device.siteId, day, nowMs, kOverdueAfterS * 1000));
    if (!overdue) {
        return overdue.error();
    }
    f.overdue = int(overdue->int64(0, 0));
    const std::string sensorError(toString(ReasonCode::TemperatureSensorError));
    auto checks = m_conn.exec(
        "SELECT count(*) FILTER (WHERE NOT data->'reasons' @> jsonb_build_array("
        " jsonb_build_object('code', $3::text))),"
        " count(*) FILTER (WHERE (data->>'fever')::boolean)"
        " FROM journal_entries WHERE site_id = $1 AND day = $2 AND kind = 'checked_in'",
        pgParams(m_device.siteId, day, sensorError));
    if (!checks) {
        return checks.error();
    }
    f.temperatureChecks = int(checks->int64(0, 0));
    f.fevers = int(checks->int64(0, 1));
    auto reactions = m_conn.exec(
        "SELECT coalesce(category, 'other'), count(*) FROM observation_events"
        " WHERE site_id = $1 AND day = $2 AND kind = 'adverse_reaction' GROUP BY 1",
        pgParams(m_device.siteId, day));
    if (!reactions) {
        return reactions.error();
    }
    for (int r = 0; r < reactions->rows(); ++r) {
        f.reactionsByCategory[std::string(reactions->text(r, 0))] = int(reactions->int64(r, 1));
    }
    return f;
}

Result<std::vector<DeviceLag>, PgError> SiteReport::behind(const std::string& day) {
    auto all = SiteReplay(m_conn, m_device).devices();
    if (!all) {
        return all.error();
    }
    // Numbers given online reach the report only with the giver's journal; one given after
    // the device's last push (or by a device that never pushed) is a check-in still missing.
    auto unsent = m_conn.exec(
        "SELECT q.issued_by, count(*) FROM queue_entries q LEFT JOIN site_devices d"
        " ON d.site_id = q.site_id AND d.device_id = q.issued_by WHERE q.site_id = $1"
        " AND q.day = $2 AND NOT q.offline AND (d.device_id IS NULL OR q.issued_ms >"
        " d.last_seen_ms) GROUP BY q.issued_by ORDER BY q.issued_by",
        pgParams(m_device.siteId, day));
    if (!unsent) {
        return unsent.error();
    }
    for (int r = 0; r < unsent->rows(); ++r) {
        const std::string device(unsent->text(r, 0));
        auto known = std::find_if(all->begin(), all->end(),
                                  [&](const DeviceLag& d) { return d.deviceId == device; });
        if (known == all->end()) {
            all->push_back({device, "entry", 0, 0, 0});
            known = all->end() - 1;
        }
        known->unsentNumbers = unsent->int64(r, 1);
    }
    std::vector<DeviceLag> lagging;
    for (const DeviceLag& d : *all) {
        if (d.behind() > 0 || d.unsentNumbers > 0) {
            lagging.push_back(d);
        }
    }
    return lagging;
}

}  // namespace vax
