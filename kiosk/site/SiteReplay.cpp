#include "site/SiteReplay.h"

#include <algorithm>

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
        sql += " ON CONFLICT (site_id, device_id, seq) DO NOTHING";
        auto inserted = m_conn.exec(sql, params);
        if (!inserted) {
            return inserted.error();
        }
        ack.stored += int(inserted->affected());
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
