#include "site/SiteReplay.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "site/SiteBindings.h"

namespace vax {

namespace {

// Rows per INSERT: 10 parameters each, far below libpq's 65535 and big enough that a replay
// after an outage is a few round trips.
constexpr std::size_t kRowsPerInsert = 500;

}  // namespace

Result<std::int64_t, PgError> SiteReplay::hello(std::int64_t journalSeq, std::int64_t atMs) {
    auto row = m_conn.exec(
        "INSERT INTO site_devices (site_id, device_id, role, last_seen_ms, journal_seq)"
        " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (site_id, device_id) DO UPDATE SET"
        " role = EXCLUDED.role, last_seen_ms = EXCLUDED.last_seen_ms,"
        " journal_seq = greatest(site_devices.journal_seq, EXCLUDED.journal_seq)"
        " RETURNING replayed_seq",
        pgParams(m_device.siteId, m_device.deviceId, m_device.role, atMs, journalSeq));
    if (!row) {
        return row.error();
    }
    return row->int64(0, 0);
}

Result<ReplayAck, PgError> SiteReplay::push(const std::vector<ReplayEntry>& entries,
                                            std::int64_t journalSeq, std::int64_t atMs) {
    for (std::size_t i = 1; i < entries.size(); ++i) {
        if (entries[i].seq <= entries[i - 1].seq) {
            return PgError{"replay entries must be in journal order"};
        }
    }
    auto tx = PgTransaction::begin(m_conn);
    if (!tx) {
        return tx.error();
    }
    ReplayAck ack;
    for (std::size_t from = 0; from < entries.size(); from += kRowsPerInsert) {
        const std::size_t to = std::min(entries.size(), from + kRowsPerInsert);
        std::string sql =
            "INSERT INTO journal_entries (site_id, device_id, seq, visit_id, day, desk, number,"
            " at_ms, kind, stage, data) VALUES ";
        std::vector<PgParam> params{m_device.siteId, m_device.deviceId};
        for (std::size_t i = from; i < to; ++i) {
            const ReplayEntry& e = entries[i];
            const std::size_t base = params.size();
            sql += i == from ? "" : ", ";
            sql += "($1, $2";
            for (std::size_t p = 1; p <= 9; ++p) {
                sql += ", $" + std::to_string(base + p);
            }
            sql += "::jsonb)";
            params.push_back(pgParam(e.seq));
            params.push_back(pgParam(e.visitId));
            params.push_back(pgParam(e.day));
            params.push_back(e.number ? PgParam(std::string(1, e.number->desk)) : std::nullopt);
            params.push_back(e.number ? pgParam(e.number->number) : std::nullopt);
            params.push_back(pgParam(e.atMs));
            params.push_back(pgParam(e.kind));
            params.push_back(pgParam(e.stage));
            params.push_back(pgParam(e.data));
        }
        sql += " ON CONFLICT (site_id, device_id, seq) DO NOTHING RETURNING seq";
        auto inserted = m_conn.exec(sql, params);
        if (!inserted) {
            return inserted.error();
        }
        ack.stored += inserted->rows();
        // Only entries new to the site build rows: a replay started again changes nothing.
        std::set<std::int64_t> fresh;
        for (int row = 0; row < inserted->rows(); ++row) {
            fresh.insert(inserted->int64(row, 0));
        }
        for (std::size_t i = from; i < to; ++i) {
            if (fresh.count(entries[i].seq) != 0) {
                auto raised = project(entries[i]);
                if (!raised) {
                    return raised.error();
                }
                ack.conflicts += *raised;
            }
        }
    }
    ack.duplicates = int(entries.size()) - ack.stored;
    const std::int64_t newest = entries.empty() ? 0 : entries.back().seq;
    auto device = m_conn.exec(
        "INSERT INTO site_devices (site_id, device_id, role, last_seen_ms, journal_seq,"
        " replayed_seq) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (site_id, device_id) DO"
        " UPDATE SET last_seen_ms = EXCLUDED.last_seen_ms,"
        " journal_seq = greatest(site_devices.journal_seq, EXCLUDED.journal_seq),"
        " replayed_seq = greatest(site_devices.replayed_seq, EXCLUDED.replayed_seq)"
        " RETURNING replayed_seq",
        pgParams(m_device.siteId, m_device.deviceId, m_device.role, atMs,
                 std::max(journalSeq, newest), newest));
    if (!device) {
        return device.error();
    }
    ack.replayedSeq = device->int64(0, 0);
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return ack;
}

Result<Unit, PgError> SiteReplay::raise(std::string_view kind, const std::string& subject,
                                        const std::string& detail, std::int64_t atMs) {
    auto st = m_conn.exec(
        "INSERT INTO conflicts (site_id, kind, subject, detail, found_ms) VALUES ($1, $2, $3,"
        " $4::jsonb, $5)",
        pgParams(m_device.siteId, std::string(kind), subject, detail, atMs));
    if (!st) {
        return st.error();
    }
    return Unit{};
}

Result<int, PgError> SiteReplay::project(const ReplayEntry& e) {
    const auto data = nlohmann::json::parse(e.data, nullptr, false);
    if (!data.is_object()) {
        return 0;
    }
    if (e.kind == "exited" || e.kind == "left_early" || e.kind == "adverse_reaction") {
        const std::string code = data.value("trace_code", "");
        if (code.empty() || e.personHash.empty() || !e.day) {
            return 0;  // not a dose this device knows: nothing for the board
        }
        auto st = m_conn.exec(
            "INSERT INTO observation_events (site_id, device_id, seq, day, trace_code,"
            " person_hash, kind, at_ms, category, extend_until_ms) VALUES ($1, $2, $3, $10, $4,"
            " $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
            pgParams(m_device.siteId, m_device.deviceId, e.seq, code, e.personHash, e.kind, e.atMs,
                     data.contains("category") ? pgParam(data.value("category", ""))
                                               : PgParam(std::nullopt),
                     data.contains("observation_ends_ms")
                         ? pgParam(data.value("observation_ends_ms", std::int64_t(0)))
                         : PgParam(std::nullopt),
                     *e.day));
        if (!st) {
            return st.error();
        }
        return 0;
    }
    if (!e.day || !e.number || (e.kind != "queued" && e.kind != "vaccinated")) {
        return 0;
    }
    const std::string desk(1, e.number->desk);
    if (e.kind == "queued") {
        if (!data.value("offline", false)) {
            return 0;  // given by the site itself: its row is there
        }
        auto inserted = m_conn.exec(
            "INSERT INTO queue_entries (site_id, day, desk, number, person_hash, masked_id,"
            " issued_by, offline, issued_ms, updated_ms) VALUES ($1, $2, $3, $4, $5, $6, $7,"
            " true, $8, $8) ON CONFLICT DO NOTHING RETURNING id",
            pgParams(m_device.siteId, *e.day, desk, e.number->number, e.personHash, e.maskedId,
                     m_device.deviceId, e.atMs));
        if (!inserted) {
            return inserted.error();
        }
        if (inserted->rows() == 1) {
            return 0;
        }
        auto holder = m_conn.exec(
            "SELECT person_hash = $5, issued_by FROM queue_entries WHERE site_id = $1 AND"
            " day = $2 AND desk = $3 AND number = $4",
            pgParams(m_device.siteId, *e.day, desk, e.number->number, e.personHash));
        if (!holder) {
            return holder.error();
        }
        if (holder->rows() == 1 && holder->boolean(0, 0)) {
            return 0;  // the same person's number, replayed once more
        }
        const bool numberTaken = holder->rows() == 1;
        const nlohmann::json detail{
            {"day", *e.day},
            {"number", e.number->label()},
            {"device", m_device.deviceId},
            {"masked_id", e.maskedId},
            {"other_device", numberTaken ? nlohmann::json(holder->text(0, 1)) : nlohmann::json()}};
        if (auto st = raise(numberTaken ? "queue_number" : "open_visit", e.number->label(),
                            detail.dump(), e.atMs);
            !st) {
            return st.error();
        }
        return 1;
    }
    if (data.value("confirmed", true)) {
        return 0;  // claimed online when it was bound
    }
    CodeClaimRequest claim;
    claim.traceCode = data.value("trace_code", "");
    claim.dosesInPack = data.value("doses_in_pack", 1);
    claim.day = *e.day;
    claim.number = *e.number;
    claim.personHash = e.personHash;
    claim.maskedId = e.maskedId;
    claim.productCode = data.value("product", "");
    claim.doseNumber = data.value("dose_number", 1);
    claim.station = data.value("station", "");
    claim.atMs = e.atMs;
    claim.observationEndsAtMs = data.value("observation_ends_ms", std::int64_t(0));
    claim.confirmed = false;
    if (data.contains("age")) {
        claim.age = data.value("age", 0);
    }
    claim.campaignStep = data.value("campaign_step", "");
    auto granted = SiteBindings(m_conn, m_device).claim(claim);
    if (!granted) {
        return granted.error();
    }
    if (granted->granted) {
        return 0;
    }
    nlohmann::json earlier = nlohmann::json::array();
    for (const SiteEarlierBinding& b : granted->earlier) {
        earlier.push_back({{"device", b.deviceId},
                           {"station", b.station},
                           {"bound_ms", b.boundAtMs},
                           {"masked_id", b.maskedId},
                           {"number", b.number.label()}});
    }
    const nlohmann::json detail{{"day", *e.day},
                                {"number", e.number->label()},
                                {"device", m_device.deviceId},
                                {"station", claim.station},
                                {"bound_ms", e.atMs},
                                {"masked_id", e.maskedId},
                                {"doses_in_pack", granted->dosesInPack},
                                {"earlier", earlier}};
    if (auto st = raise("trace_code", claim.traceCode, detail.dump(), e.atMs); !st) {
        return st.error();
    }
    return 1;
}

Result<std::vector<SiteConflict>, PgError> SiteReplay::openConflicts() {
    auto rows = m_conn.exec(
        "SELECT id, kind, subject, detail::text, found_ms FROM conflicts WHERE site_id = $1"
        " AND resolved_ms IS NULL ORDER BY id",
        pgParams(m_device.siteId));
    if (!rows) {
        return rows.error();
    }
    std::vector<SiteConflict> out;
    for (int r = 0; r < rows->rows(); ++r) {
        out.push_back({rows->int64(r, 0), std::string(rows->text(r, 1)),
                       std::string(rows->text(r, 2)), std::string(rows->text(r, 3)),
                       rows->int64(r, 4)});
    }
    return out;
}

Result<std::vector<DeviceLag>, PgError> SiteReplay::devices() {
    auto rows = m_conn.exec(
        "SELECT device_id, role, last_seen_ms, journal_seq, replayed_seq FROM site_devices"
        " WHERE site_id = $1 ORDER BY device_id",
        pgParams(m_device.siteId));
    if (!rows) {
        return rows.error();
    }
    std::vector<DeviceLag> lags;
    for (int r = 0; r < rows->rows(); ++r) {
        lags.push_back({std::string(rows->text(r, 0)), std::string(rows->text(r, 1)),
                        rows->int64(r, 2), rows->int64(r, 3), rows->int64(r, 4)});
    }
    return lags;
}

}  // namespace vax
