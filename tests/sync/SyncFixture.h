#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"
#include "sync/JournalSync.h"

namespace vax::test {

/// What every record the outbox cannot turn into an upload record is set aside with.
inline constexpr std::string_view kCannotUpload = "cannot be made into an upload record: ";

/// A real journal file in a temp dir, check-ins written through the journal, and raw SQL on
/// its database for the damage the journal's own API would never write.
class SyncFixture : public ::testing::Test {
protected:
    void SetUp() override { reopen(); }

    void reopen() {
        m_journal.reset();
        auto opened = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(opened) << opened.error().message;
        m_journal.emplace(std::move(opened).value());
    }

    Journal& journal() { return *m_journal; }

    /// Checks a person in (two journal events, two outbox rows); the visit.
    std::int64_t checkIn() {
        auto state = journal().visits().checkIn(makeCheckIn(m_vault, m_serial++, Outcome::Proceed));
        EXPECT_TRUE(state) << (state ? "" : state.error().message);
        return state ? state->visitId : 0;
    }

    void sql(const std::string& statement) {
        const Status st = journal().database().exec(statement);
        ASSERT_TRUE(st) << statement << ": " << st.error().message;
    }

    std::int64_t number(const std::string& query) {
        std::int64_t value = -1;
        const Status st = journal().database().query(
            query, [](Statement&) {}, [&](const Statement& row) { value = row.int64(0); });
        EXPECT_TRUE(st) << query << ": " << (st ? "" : st.error().message);
        return value;
    }

    /// The outbox row the last journal write queued.
    std::int64_t lastOutboxId() { return number("SELECT max(id) FROM outbox"); }

    /// An event whose data is not JSON (a hand-edited or damaged journal); its outbox row.
    std::int64_t eventWithDataNotJson(std::int64_t visit) {
        sql("INSERT INTO events (visit_id, at, kind, stage, data) VALUES (" +
            std::to_string(visit) + ", 1795000001000, 'note', 'waiting', '{\"half\": ')");
        return lastOutboxId();
    }

    /// An event deleted behind the append-only trigger's back: its outbox row stays.
    std::int64_t eventThatIsGone(std::int64_t visit) {
        sql("INSERT INTO events (visit_id, at, kind, stage, data) VALUES (" +
            std::to_string(visit) + ", 1795000002000, 'note', 'waiting', '{}')");
        const std::int64_t seq = number("SELECT max(seq) FROM events");
        sql("DROP TRIGGER events_append_only_delete");
        sql("DELETE FROM events WHERE seq = " + std::to_string(seq));
        return lastOutboxId();
    }

    /// An event whose kind holds a byte that is not UTF-8 (JSON cannot carry it).
    std::int64_t eventWithBrokenUtf8(std::int64_t visit) {
        sql("INSERT INTO events (visit_id, at, kind, stage, data) VALUES (" +
            std::to_string(visit) +
            ", 1795000003000, CAST(X'6E6F7465FF' AS TEXT), 'waiting', '{}')");
        return lastOutboxId();
    }

    /// A dose for `visit` written straight into the table (lot as SQL text); its outbox row.
    std::int64_t doseWithLot(std::int64_t visit, const std::string& lotSql) {
        sql("INSERT INTO doses (visit_id, person_id, day, trace_code, product_code, lot,"
            " dose_number, booster, station, vaccinated_at, observation_ends_at, ticket)"
            " SELECT id, person_id, day, '81234567890123456789', 'INACT-A', " +
            lotSql +
            ", 1, 0, 'S1', 1795000600000, 1795002400000, 'ticket' FROM visits WHERE id = " +
            std::to_string(visit));
        return lastOutboxId();
    }

    /// An outbox row for a dose that is not in the journal.
    std::int64_t immunizationOfNoDose(std::int64_t visit) {
        sql("INSERT INTO outbox (record_key, kind, visit_id, source_id, created_at) VALUES"
            " ('immunization/9999', 'immunization', " +
            std::to_string(visit) + ", 9999, 1795000004000)");
        return lastOutboxId();
    }

    TempDir m_dir;
    PersonVault m_vault{SiteKeys::generate()};
    std::optional<Journal> m_journal;
    int m_serial = 1;
};

}  // namespace vax::test
