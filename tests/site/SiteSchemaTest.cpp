#include <gtest/gtest.h>

#include "site/SiteFixture.h"
#include "site/SiteSchema.h"

namespace vax {
namespace {

using test::PgCluster;

class SiteSchemaTest : public test::SiteDbTest {};

TEST_F(SiteSchemaTest, MigratesAnEmptyDatabaseAndAgainIsANoOp) {
    m_database = m_cluster->createDatabase("empty");
    PgConnection conn = connection();
    auto before = installedSiteSchema(conn);
    ASSERT_TRUE(before) << before.error().message;
    EXPECT_EQ(*before, 0);
    EXPECT_FALSE(checkSiteSchema(conn));
    EXPECT_EQ(checkSiteSchema(conn).error().message,
              "the site database has no schema yet: run `vaxctl site init` on it");

    auto first = migrateSiteSchema(conn, "");
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(*first, 0);
    auto second = migrateSiteSchema(conn, "");
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(*second, siteSchemaVersion());
    EXPECT_TRUE(checkSiteSchema(conn));
    auto rows = conn.exec("SELECT count(*) FROM site_schema");
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->int64(0, 0), siteSchemaVersion());
}

TEST_F(SiteSchemaTest, ADatabaseNewerThanThisBuildIsRefused) {
    PgConnection conn = connection();
    ASSERT_TRUE(conn.exec("INSERT INTO site_schema (version) VALUES ($1)",
                          pgParams(siteSchemaVersion() + 1)));
    auto migrated = migrateSiteSchema(conn, "");
    ASSERT_FALSE(migrated);
    EXPECT_NE(migrated.error().message.find("newer than this build's"), std::string::npos);
    EXPECT_NE(checkSiteSchema(conn).error().message.find("upgrade this device"), std::string::npos);
}

TEST_F(SiteSchemaTest, TheDeviceRoleWritesRowsButCannotAlterDropOrDelete) {
    m_cluster->psql(m_database,
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                    "'vaxdevice') THEN CREATE ROLE vaxdevice LOGIN; END IF; END $$;");
    PgConnection owner = connection();
    ASSERT_TRUE(migrateSiteSchema(owner, "vaxdevice"));

    auto device = connectAs("vaxdevice");
    ASSERT_TRUE(device) << device.error().message;
    EXPECT_TRUE(
        device->exec("INSERT INTO site_devices (site_id, device_id, role, last_seen_ms)"
                     " VALUES ('S', 'entry-1', 'entry', 1)"));
    EXPECT_TRUE(device->exec("UPDATE site_devices SET last_seen_ms = 2"));
    EXPECT_TRUE(device->exec("SELECT count(*) FROM bindings"));
    for (const char* forbidden :
         {"DROP TABLE bindings", "ALTER TABLE bindings DROP CONSTRAINT bindings_check",
          "DELETE FROM site_devices", "UPDATE bindings SET use_number = 1",
          "TRUNCATE journal_entries", "CREATE TABLE mine (x int)"}) {
        auto st = device->exec(forbidden);
        ASSERT_FALSE(st) << forbidden;
        EXPECT_EQ(st.error().sqlstate, "42501") << forbidden << ": " << st.error().message;
    }
}

TEST_F(SiteSchemaTest, ARoleNameIsCheckedBeforeItReachesSql) {
    PgConnection conn = connection();
    auto st = migrateSiteSchema(conn, "vax; DROP TABLE bindings");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().message,
              "device role must be 1-63 of a-z 0-9 _, got \"vax; DROP TABLE bindings\"");
    EXPECT_TRUE(conn.exec("SELECT count(*) FROM bindings"));
}

}  // namespace
}  // namespace vax
