#include "store/JournalSiteFeed.h"

#include <nlohmann/json.hpp>

namespace vax {

namespace {

bool aboutADose(std::string_view kind) {
    return kind == "vaccinated" || kind == "exited" || kind == "left_early" ||
           kind == "adverse_reaction";
}

}  // namespace

Result<std::vector<SiteFeedEntry>> JournalSiteFeed::after(std::int64_t afterSeq, int limit) {
    std::vector<SiteFeedEntry> entries;
    auto st = m_db.query(
        "SELECT e.seq, e.visit_id, v.day, v.desk, v.queue_no, e.at, e.kind, e.stage, e.data,"
        " lower(hex(substr(p.id_hash, 1, 16))), p.id_masked, v.age, v.campaign_step,"
        " d.trace_code, d.product_code, d.dose_number, d.station, d.observation_ends_at,"
        " d.site_use"
        " FROM events e JOIN visits v ON v.id = e.visit_id JOIN persons p ON p.id = v.person_id"
        " LEFT JOIN doses d ON d.visit_id = e.visit_id WHERE e.seq > ? ORDER BY e.seq LIMIT ?",
        [&](Statement& s) { s.bind(1, afterSeq).bind(2, limit); },
        [&](const Statement& s) {
            SiteFeedEntry e;
            e.seq = s.int64(0);
            e.visitId = s.int64(1);
            e.day = std::string(s.text(2));
            if (!s.isNull(3) && !s.isNull(4)) {
                e.desk = s.text(3).empty() ? 'A' : s.text(3)[0];
                e.number = int(s.int64(4));
            }
            e.atMs = s.int64(5);
            e.kind = std::string(s.text(6));
            e.stage = std::string(s.text(7));
            e.data = std::string(s.text(8));
            e.personRef = std::string(s.text(9));
            e.maskedId = std::string(s.text(10));
            if (aboutADose(e.kind) && !s.isNull(13)) {
                auto data = nlohmann::json::parse(e.data, nullptr, false);
                if (!data.is_object()) {
                    data = nlohmann::json::object();
                }
                data["trace_code"] = std::string(s.text(13));
                data["product"] = std::string(s.text(14));
                data["dose_number"] = s.int64(15);
                data["station"] = std::string(s.text(16));
                data["observation_ends_ms"] = s.int64(17);
                data["confirmed"] = !s.isNull(18);
                data["age"] = s.int64(11);
                if (!s.isNull(12)) {
                    data["campaign_step"] = std::string(s.text(12));
                }
                e.data = data.dump();
            }
            entries.push_back(std::move(e));
        });
    if (!st) {
        return st.error();
    }
    return entries;
}

Result<std::int64_t> JournalSiteFeed::newestSeq() {
    std::int64_t newest = 0;
    auto st = m_db.query(
        "SELECT coalesce(max(seq), 0) FROM events", [](Statement&) {},
        [&](const Statement& s) { newest = s.int64(0); });
    if (!st) {
        return st.error();
    }
    return newest;
}

}  // namespace vax
