// The audit log: append-only rows and the time queries the staff lockout replays.
#include <gtest/gtest.h>

#include <optional>

#include "store/Journal.h"
#include "support/TempDir.h"

namespace vax {
namespace {

class AuditTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(opened) << opened.error().message;
        m_journal.emplace(std::move(opened).value());
    }

    Status record(const char* action, std::int64_t atMs) {
        return m_journal->audit().recordAudit(
            {"nurse-01", action, std::nullopt, "why", "{}", atMs});
    }

    test::TempDir m_dir;
    std::optional<Journal> m_journal;
};

TEST_F(AuditTest, RowsAreQueriedByActionAndTime) {
    for (const std::int64_t at : {300, 100, 200}) {
        ASSERT_TRUE(record("staff_login_failed", at));
    }
    ASSERT_TRUE(record("staff_login", 150));
    ASSERT_TRUE(record("staff_login", 400));

    EXPECT_EQ(*m_journal->audit().auditTimes("staff_login_failed", 100, 300),
              (std::vector<std::int64_t>{200, 300}));  // after 100, up to 300, oldest first
    EXPECT_EQ(m_journal->audit().lastAuditAt("staff_login", 399).value(), 150);
    EXPECT_EQ(m_journal->audit().lastAuditAt("staff_login", 400).value(), 400);
    EXPECT_EQ(m_journal->audit().lastAuditAt("staff_login", 100).value(), std::nullopt);
    EXPECT_EQ(m_journal->audit().lastAuditAt("staff_logout", 1000).value(), std::nullopt);
}

TEST_F(AuditTest, RowsNeedWhoAndWhatAndAreNeverChanged) {
    EXPECT_FALSE(m_journal->audit().recordAudit({"", "staff_login", std::nullopt, "", "{}", 1}));
    EXPECT_FALSE(m_journal->audit().recordAudit({"nurse-01", "", std::nullopt, "", "{}", 1}));
    ASSERT_TRUE(record("staff_login", 1));
    EXPECT_FALSE(m_journal->database().exec("UPDATE audit SET staff = 'x'"));
    EXPECT_FALSE(m_journal->database().exec("DELETE FROM audit"));
}

}  // namespace
}  // namespace vax
