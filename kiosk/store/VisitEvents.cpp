#include "store/VisitEvents.h"

#include <nlohmann/json.hpp>

#include "store/JournalNumberBlocks.h"
#include "store/JsonText.h"
#include "store/VisitColumns.h"

namespace vax::store_detail {

namespace {

using nlohmann::json;

// Columns: id, stage, decision, desk, queue_no, day, origin
constexpr std::string_view kVisitColumns =
    "SELECT id, stage, decision, desk, queue_no, day, origin FROM visits";

VisitRow readVisitRow(const Statement& s) {
    VisitRow row;
    row.state.visitId = s.int64(0);
    row.state.stage = stageFromString(s.text(1)).value_or(Stage::CheckedIn);
    row.state.decision = outcomeFromString(s.text(2));
    if (!s.isNull(3) && !s.isNull(4)) {
        row.state.queueNumber = QueueNumber{s.text(3).front(), int(s.int64(4))};
    }
    row.day = std::string(s.text(5));
    row.state.numberedOffline = s.text(6) == "block";
    return row;
}

}  // namespace

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

Result<std::int64_t> appendEvent(Database& db, std::int64_t visitId, std::int64_t atMs,
                                 std::string_view kind, Stage stage, const std::string& data) {
    auto stmt =
        db.prepare("INSERT INTO events (visit_id, at, kind, stage, data) VALUES (?,?,?,?,?)");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, visitId).bind(2, atMs).bind(3, kind).bind(4, toString(stage)).bind(5, data);
    if (auto st = stmt->run(); !st) {
        return st.error();
    }
    return db.lastInsertId();
}

namespace {

// This journal's own next number: a device alone.
Result<QueueNumber> localNumber(Database& db, const std::string& day,
                                const std::vector<Desk>& desks) {
    std::vector<DeskLoad> loads;
    auto count =
        db.prepare("SELECT count(*) FROM visits WHERE day = ? AND desk = ? AND stage = 'waiting'");
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
    auto next =
        db.prepare("SELECT coalesce(max(queue_no), 0) + 1 FROM visits WHERE day = ? AND desk = ?");
    if (!next) {
        return next.error();
    }
    next->bind(1, day).bind(2, std::string_view(&desk, 1));
    if (auto row = next->step(); !row) {
        return row.error();
    }
    return QueueNumber{desk, int(next->int64(0))};
}

Result<QueueNumber> numberFor(Database& db, const std::string& day, const std::vector<Desk>& desks,
                              const VisitNumbering& numbering) {
    switch (numbering.origin) {
        case VisitNumbering::Origin::Site:
            if (!numbering.number) {
                return Error{"the site's number is missing"};
            }
            return *numbering.number;
        case VisitNumbering::Origin::Block: {
            auto taken = JournalNumberBlocks(db).take(day, desks);
            if (!taken) {
                return taken.error();
            }
            if (!*taken) {
                return Error{
                    "the site server cannot be reached and this kiosk's reserved numbers"
                    " are used up"};
            }
            return **taken;
        }
        case VisitNumbering::Origin::Local:
            break;
    }
    return localNumber(db, day, desks);
}

}  // namespace

Result<VisitState> queueVisit(Database& db, std::int64_t visitId, const std::string& day,
                              const std::vector<Desk>& desks, std::int64_t atMs,
                              const VisitNumbering& numbering) {
    if (desks.empty()) {
        return Error{"no registration desk is open"};
    }
    auto given = numberFor(db, day, desks, numbering);
    if (!given) {
        return given.error();
    }
    const QueueNumber number = *given;
    const Desk desk = number.desk;
    auto update = db.prepare(
        "UPDATE visits SET stage = 'waiting', desk = ?, queue_no = ?, queued_at = ?,"
        " updated_at = ?, origin = ? WHERE id = ?");
    if (!update) {
        return update.error();
    }
    update->bind(1, std::string_view(&desk, 1))
        .bind(2, number.number)
        .bind(3, atMs)
        .bind(4, atMs)
        .bind(5, toString(numbering.origin))
        .bind(6, visitId);
    if (auto st = update->run(); !st) {
        return st.error();
    }
    // "offline": the site learns of this number from the replay (SiteReplay) and queues it.
    json data{{"desk", std::string(1, desk)}, {"number", number.label()}};
    if (numbering.origin != VisitNumbering::Origin::Local) {
        data["numbered_by"] = toString(numbering.origin);
        data["offline"] = numbering.origin == VisitNumbering::Origin::Block;
    }
    auto seq = appendEvent(db, visitId, atMs, "queued", Stage::Waiting, dumpJson(data));
    if (!seq) {
        return seq.error();
    }
    auto row = loadVisit(db, visitId);
    if (!row) {
        return row.error();
    }
    row->state.lastEventSeq = *seq;
    return row->state;
}

Result<VisitState> moveTo(Database& db, std::int64_t visitId, Stage to, std::int64_t atMs,
                          std::string_view kind, const std::string& data) {
    auto row = loadVisit(db, visitId);
    if (!row) {
        return row.error();
    }
    if (auto st = checkTransition(row->state.stage, to); !st) {
        return Error{"visit " + std::to_string(visitId) + ": " + st.error().message};
    }
    auto update = db.prepare(
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
    auto seq = appendEvent(db, visitId, atMs, kind, to, data);
    if (!seq) {
        return seq.error();
    }
    row->state.stage = to;
    row->state.lastEventSeq = *seq;
    return row->state;
}

}  // namespace vax::store_detail
