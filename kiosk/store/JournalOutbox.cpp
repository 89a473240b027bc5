// The upload outbox: journal records waiting for the upstream, filled by triggers (migration
// 5) in the same transaction as the write they report.
#include "store/JournalOutbox.h"

#include <nlohmann/json.hpp>

namespace vax {

namespace {

using nlohmann::json;

// SQLite's hex() is upper case; references are written in lower case elsewhere.
std::string toLower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'F') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// The facts as JSON text, or why not: dump() throws on text that is not UTF-8, which one
// damaged row must not turn into a failure of the whole batch.
void setFacts(OutboxItem& item, const json& facts, const std::string& what) {
    try {
        item.facts = facts.dump();
    } catch (const json::exception&) {
        item.facts.clear();
        item.problem = "a text in " + what + " is not valid UTF-8";
    }
}

}  // namespace

Result<std::vector<OutboxItem>> JournalOutbox::pending(int limit) {
    std::vector<OutboxItem> items;
    auto st = m_db.query(
        "SELECT o.id, o.record_key, o.kind, o.visit_id, o.created_at, o.attempts, o.source_id,"
        " e.seq, e.at, e.kind, e.stage, e.data,"
        " d.id, p.id, hex(p.id_hash), p.id_masked, d.product_code, d.lot, d.expiry,"
        " d.trace_code, d.dose_number, d.booster, d.station, d.vaccinated_at, d.day"
        " FROM outbox o"
        " LEFT JOIN events e ON o.kind = 'event' AND e.seq = o.source_id"
        " LEFT JOIN doses d ON o.kind = 'immunization' AND d.id = o.source_id"
        " LEFT JOIN persons p ON p.id = d.person_id"
        " WHERE o.state = 'pending' ORDER BY o.id LIMIT ?",
        [&](Statement& s) { s.bind(1, limit); },
        [&](const Statement& row) {
            OutboxItem item;
            item.id = row.int64(0);
            item.key = row.text(1);
            item.kind = row.text(2);
            item.visitId = row.int64(3);
            item.createdAtMs = row.int64(4);
            item.attempts = static_cast<int>(row.int64(5));
            const std::string source = std::to_string(row.int64(6));
            if (item.kind == "event") {
                json data = json::parse(row.text(11), nullptr, false);
                if (row.isNull(7)) {
                    item.problem = "the journal event it reports (seq " + source + ") is missing";
                } else if (data.is_discarded()) {
                    item.problem = "the data of journal event " + source + " is not valid JSON";
                } else {
                    setFacts(item,
                             json{{"seq", row.int64(7)},
                                  {"visit", item.visitId},
                                  {"at_ms", row.int64(8)},
                                  {"kind", row.text(9)},
                                  {"stage", row.text(10)},
                                  {"data", std::move(data)}},
                             "journal event " + source);
                }
            } else if (row.isNull(12)) {
                item.problem = "the dose it reports (id " + source + ") is missing";
            } else if (row.isNull(13)) {
                item.problem = "the person of dose " + source + " is missing";
            } else {
                setFacts(item,
                         json{{"dose", row.int64(12)},
                              {"visit", item.visitId},
                              {"person_ref", toLower(row.text(14))},
                              {"masked_id", row.text(15)},
                              {"product", row.text(16)},
                              {"lot", row.text(17)},
                              {"expiry", row.isNull(18) ? json() : json(row.text(18))},
                              {"trace_code", row.text(19)},
                              {"dose_number", row.int64(20)},
                              {"booster", row.int64(21) != 0},
                              {"station", row.text(22)},
                              {"vaccinated_at_ms", row.int64(23)},
                              {"day", row.text(24)},
                              {"reactions", json::array()}},
                         "dose " + source);
            }
            items.push_back(std::move(item));
        });
    if (!st) {
        return st.error();
    }
    // Reactions recorded by now travel inside the Immunization; later ones go as events.
    for (OutboxItem& item : items) {
        if (item.kind != "immunization" || !item.problem.empty()) {
            continue;
        }
        json facts = json::parse(item.facts);  // dumped above: valid
        auto reactions = m_db.query(
            "SELECT category, onset_at, action, outcome FROM reactions WHERE visit_id = ?"
            " ORDER BY id",
            [&](Statement& s) { s.bind(1, item.visitId); },
            [&](const Statement& row) {
                facts["reactions"].push_back({{"category", row.text(0)},
                                              {"onset_at_ms", row.int64(1)},
                                              {"action", row.text(2)},
                                              {"outcome", row.text(3)}});
            });
        if (!reactions) {
            return reactions.error();
        }
        setFacts(item, facts, "a reaction recorded with " + item.key);
    }
    return items;
}

Status JournalOutbox::delivered(const std::vector<std::int64_t>& ids, std::int64_t atMs) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto update = m_db.prepare(
        "UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_error = NULL,"
        " updated_at = ? WHERE id = ? AND state = 'pending'");
    if (!update) {
        return update.error();
    }
    for (const std::int64_t id : ids) {
        update->reset();
        if (auto st = update->bind(1, atMs).bind(2, id).run(); !st) {
            return st;
        }
    }
    return tx->commit();
}

Status JournalOutbox::attemptFailed(const std::vector<std::int64_t>& ids, const std::string& error,
                                    std::int64_t atMs) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    auto update = m_db.prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, updated_at = ?"
        " WHERE id = ? AND state = 'pending'");
    if (!update) {
        return update.error();
    }
    for (const std::int64_t id : ids) {
        update->reset();
        if (auto st = update->bind(1, error).bind(2, atMs).bind(3, id).run(); !st) {
            return st;
        }
    }
    return tx->commit();
}

Status JournalOutbox::refused(std::int64_t id, const std::string& reason, std::int64_t atMs) {
    auto update = m_db.prepare(
        "UPDATE outbox SET state = 'refused', attempts = attempts + 1, last_error = ?,"
        " updated_at = ? WHERE id = ? AND state = 'pending'");
    if (!update) {
        return update.error();
    }
    return update->bind(1, reason).bind(2, atMs).bind(3, id).run();
}

Result<OutboxCounts> JournalOutbox::status() {
    OutboxCounts counts;
    auto st = m_db.query(
        "SELECT state, count(*) FROM outbox GROUP BY state", [](Statement&) {},
        [&](const Statement& row) {
            const std::string_view state = row.text(0);
            (state == "pending"     ? counts.pending
             : state == "delivered" ? counts.delivered
                                    : counts.refused) = row.int64(1);
        });
    if (!st) {
        return st.error();
    }
    st = m_db.query(
        "SELECT created_at, last_error FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1",
        [](Statement&) {},
        [&](const Statement& row) {
            counts.oldestPendingAtMs = row.int64(0);
            if (!row.isNull(1)) {
                counts.lastError = std::string(row.text(1));
            }
        });
    if (!st) {
        return st.error();
    }
    st = m_db.query(
        "SELECT id, record_key, last_error, updated_at FROM outbox WHERE state = 'refused'"
        " ORDER BY id",
        [](Statement&) {},
        [&](const Statement& row) {
            counts.refusedRecords.push_back(
                {row.int64(0), std::string(row.text(1)), std::string(row.text(2)), row.int64(3)});
        });
    if (!st) {
        return st.error();
    }
    return counts;
}

Result<std::int64_t> JournalOutbox::retryRefused(std::int64_t atMs) {
    auto update =
        m_db.prepare("UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'refused'");
    if (!update) {
        return update.error();
    }
    if (auto st = update->bind(1, atMs).run(); !st) {
        return st.error();
    }
    return std::int64_t(m_db.changes());
}

}  // namespace vax
