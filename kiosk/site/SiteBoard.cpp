#include "site/SiteBoard.h"

#include "core/Observation.h"

namespace vax {

int BoardEntry::minutesLeft(std::int64_t nowMs) const {
    const std::int64_t left = observationEndsAtMs - nowMs;
    return left <= 0 ? 0 : int((left + 59'999) / 60'000);
}

Result<std::vector<BoardEntry>, PgError> SiteBoard::inObservation(const std::string& day,
                                                                  std::int64_t nowMs) {
    auto rows = m_conn.exec(
        "SELECT b.desk, b.number, b.masked_id, b.station, b.bound_ms,"
        " greatest(b.observation_ends_ms, coalesce(max(o.extend_until_ms), 0)),"
        " coalesce(bool_or(o.kind = 'adverse_reaction'), false), b.confirmed"
        " FROM bindings b LEFT JOIN observation_events o ON o.site_id = b.site_id"
        " AND o.trace_code = b.trace_code AND o.person_hash = b.person_hash"
        " WHERE b.site_id = $1 AND b.day = $2"
        " GROUP BY b.trace_code, b.use_number, b.desk, b.number, b.masked_id, b.station,"
        " b.bound_ms, b.observation_ends_ms, b.confirmed"
        " HAVING NOT coalesce(bool_or(o.kind IN ('exited', 'left_early')), false)"
        " ORDER BY 6, b.number",
        pgParams(m_device.siteId, day));
    if (!rows) {
        return rows.error();
    }
    std::vector<BoardEntry> board;
    for (int r = 0; r < rows->rows(); ++r) {
        BoardEntry e;
        e.number = {rows->text(r, 0)[0], int(rows->int64(r, 1))};
        e.maskedId = std::string(rows->text(r, 2));
        e.station = std::string(rows->text(r, 3));
        e.vaccinatedAtMs = rows->int64(r, 4);
        e.observationEndsAtMs = rows->int64(r, 5);
        e.reaction = rows->boolean(r, 6);
        e.confirmed = rows->boolean(r, 7);
        e.overdue = !e.reaction && nowMs - e.observationEndsAtMs > kOverdueAfterS * 1000;
        board.push_back(std::move(e));
    }
    return board;
}

}  // namespace vax
