#include "store/Migrations.h"

#include <gtest/gtest.h>

#include <map>
#include <thread>
#include <vector>

#include "support/TempDir.h"

namespace vax {
namespace {

// The schema as SQLite keeps it: name -> CREATE statement, for every table, index, trigger.
std::map<std::string, std::string> schemaOf(Database& db) {
    std::map<std::string, std::string> schema;
    auto stmt = db.prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL");
    EXPECT_TRUE(stmt);
    while (stmt->step().value()) {
        schema[std::string(stmt->text(0))] = std::string(stmt->text(1));
    }
    return schema;
}

std::int64_t scalar(Database& db, const std::string& sql) {
    auto stmt = db.prepare(sql);
    EXPECT_TRUE(stmt) << sql;
    EXPECT_TRUE(stmt->step().value()) << sql;
    return stmt->int64(0);
}

// Rows that every schema version can hold, written with that version's columns.
void insertVersion1Rows(Database& db) {
    ASSERT_TRUE(db.exec(
        "INSERT INTO persons VALUES (1, x'01', '1101**********123X', x'02', '1988-07-01', 'F', 1);"
        "INSERT INTO visits (id, person_id, day, stage, decision, reasons, reason_mask, fever,"
        " age, checked_in_at, updated_at) VALUES (1, 1, '2026-11-25', 'checked_in',"
        " 'staff_review', 'health_code_unavailable', 2, 0, 38, 5, 5);"
        "INSERT INTO events (visit_id, at, kind, stage, data) VALUES (1, 5, 'checked_in',"
        " 'checked_in', '{}');"));
}

TEST(Migrations, VersionsAreNumberedOneByOne) {
    int expected = 1;
    for (const Migration& m : migrations()) {
        EXPECT_EQ(m.version, expected++);
        EXPECT_FALSE(m.sql.empty());
    }
    EXPECT_EQ(latestSchemaVersion(), int(migrations().size()));
}

TEST(Migrations, EmptyFileReachesTheLatestVersion) {
    test::TempDir dir;
    auto db = Database::open(dir / "a.db");
    ASSERT_TRUE(db);
    EXPECT_EQ(schemaVersion(*db).value(), 0);
    ASSERT_TRUE(migrate(*db));
    EXPECT_EQ(schemaVersion(*db).value(), latestSchemaVersion());
    ASSERT_TRUE(migrate(*db));  // a second run changes nothing
    EXPECT_EQ(schemaVersion(*db).value(), latestSchemaVersion());
}

// The app's workers open a fresh journal side by side: each connection must find the
// steps another has applied while it waited for the lock, not apply them twice.
TEST(Migrations, ConnectionsMigratingAtOnceAllSucceed) {
    for (int round = 0; round < 10; ++round) {
        test::TempDir dir;
        std::vector<Database> dbs;
        for (int i = 0; i < 4; ++i) {
            auto db = Database::open(dir / "a.db");
            ASSERT_TRUE(db);
            // Every connection reads version 0 before any of them starts.
            ASSERT_EQ(schemaVersion(*db).value(), 0);
            dbs.push_back(std::move(db).value());
        }
        std::vector<Status> results(dbs.size(), okStatus());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < dbs.size(); ++i) {
            threads.emplace_back([&, i] { results[i] = migrate(dbs[i]); });
        }
        for (auto& t : threads) {
            t.join();
        }
        for (const Status& st : results) {
            EXPECT_TRUE(st) << st.error().message;
        }
        EXPECT_EQ(schemaVersion(dbs[0]).value(), latestSchemaVersion());
    }
}

// From every earlier version, with data in it, migration ends at the same schema as a fresh
// file and keeps the rows.
TEST(Migrations, EveryEarlierVersionUpgradesToTheSameSchemaKeepingItsRows) {
    test::TempDir dir;
    auto fresh = Database::open(dir / "fresh.db");
    ASSERT_TRUE(fresh && migrate(*fresh));
    const auto expected = schemaOf(*fresh);

    for (int from = 1; from < latestSchemaVersion(); ++from) {
        SCOPED_TRACE("from version " + std::to_string(from));
        const auto path = dir / ("v" + std::to_string(from) + ".db");
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        ASSERT_TRUE(migrate(*db, from));
        ASSERT_EQ(schemaVersion(*db).value(), from);
        insertVersion1Rows(*db);
        ASSERT_TRUE(migrate(*db));
        EXPECT_EQ(schemaVersion(*db).value(), latestSchemaVersion());
        EXPECT_EQ(schemaOf(*db), expected);
        EXPECT_EQ(scalar(*db, "SELECT count(*) FROM events"), 1);
        EXPECT_EQ(scalar(*db, "SELECT age FROM visits WHERE id = 1"), 38);
        EXPECT_EQ(scalar(*db, "SELECT deferred_by_staff FROM visits WHERE id = 1"), 0);
    }
}

TEST(Migrations, RefusesAFileFromANewerProgram) {
    test::TempDir dir;
    auto db = Database::open(dir / "new.db");
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("PRAGMA user_version = 99"));
    auto refused = migrate(*db);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("newer than this program"), std::string::npos);
}

TEST(Migrations, AFailedStepLeavesTheFileAtItsVersion) {
    test::TempDir dir;
    auto db = Database::open(dir / "clash.db");
    ASSERT_TRUE(db);
    ASSERT_TRUE(migrate(*db, 1));
    // A table that migration 2 wants to create already exists: the step must roll back.
    ASSERT_TRUE(db->exec("CREATE TABLE audit (x INTEGER)"));
    ASSERT_FALSE(migrate(*db));
    EXPECT_EQ(schemaVersion(*db).value(), 1);
    EXPECT_EQ(scalar(*db,
                     "SELECT count(*) FROM pragma_table_info('visits')"
                     " WHERE name = 'deferred_by_staff'"),
              0);
}

}  // namespace
}  // namespace vax
