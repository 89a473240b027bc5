#pragma once

#include <gtest/gtest.h>

#include <string>

#include "site/Pg.h"
#include "site/SiteSchema.h"
#include "support/PgCluster.h"

namespace vax::test {

/// A fresh site database per test on the process's PostgreSQL cluster, migrated to this
/// build's schema. Skips with the reason when PostgreSQL is not installed.
class SiteDbTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_cluster = PgCluster::shared();
        if (m_cluster == nullptr && PgCluster::installed()) {
            FAIL() << PgCluster::whyUnavailable();
        }
        if (m_cluster == nullptr) {
            GTEST_SKIP() << PgCluster::whyUnavailable();
        }
        m_database = m_cluster->createDatabase();
        auto conn = connectAs("postgres");
        ASSERT_TRUE(conn) << conn.error().message;
        auto migrated = migrateSiteSchema(*conn, "");
        ASSERT_TRUE(migrated) << migrated.error().message;
    }

    PgSettings settingsFor(const std::string& user) const {
        PgSettings s;
        s.uri = m_cluster->uri(m_database, user);
        s.sslmode = "disable";
        return s;
    }

    Result<PgConnection, PgError> connectAs(const std::string& user) const {
        return PgConnection::connect(settingsFor(user));
    }

    /// A connection that fails the test when it cannot be made.
    PgConnection connection() const {
        auto conn = connectAs("postgres");
        if (!conn) {
            ADD_FAILURE() << conn.error().message;
            std::abort();
        }
        return std::move(*conn);
    }

    PgCluster* m_cluster = nullptr;
    std::string m_database;
};

}  // namespace vax::test
