// The staff console's door over a real journal file: PIN hashes, the audit trail and the
// lockout that a restart does not lift.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "ops/StaffAccess.h"
#include "support/TempDir.h"

namespace vax {
namespace {

using Kind = LoginRefusal::Kind;

constexpr const char* kPin = "975318";
constexpr const char* kWrongPin = "864202";
constexpr std::int64_t kT0 = 1'795'568'400'000;
constexpr std::int64_t kSecond = 1000;

struct AuditRow {
    std::string staff;
    std::string action;
    std::string reason;
    std::string detail;
};

class StaffAccessTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // Argon2id is slow by design: hash once for the suite.
        s_staff = {{"nurse-01", "Nurse Wang", hashPin(kPin).value()},
                   {"dr-02", "Doctor Li", hashPin("2468").value()}};
    }

    void SetUp() override { reopen(); }

    // A fresh Journal and gate on the same file: what a restart of the kiosk sees.
    void reopen() {
        m_gate.reset();
        m_journal.reset();
        auto journal = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(journal) << journal.error().message;
        m_journal.emplace(std::move(journal).value());
        m_gate.emplace(s_staff, *m_journal);
    }

    Result<StaffSession, LoginRefusal> login(const std::string& id, const std::string& pin,
                                             std::int64_t at) {
        return m_gate->login(id, pin, at);
    }

    // `count` wrong PINs a second apart from `at`; the tries left after each.
    std::vector<int> wrongPins(int count, std::int64_t at) {
        std::vector<int> left;
        for (int i = 0; i < count; ++i) {
            auto refused = login("nurse-01", kWrongPin, at + i * kSecond);
            EXPECT_FALSE(refused);
            left.push_back(refused ? -1 : refused.error().triesLeft);
        }
        return left;
    }

    std::vector<AuditRow> auditRows() {
        std::vector<AuditRow> rows;
        auto st = m_journal->database().query(
            "SELECT staff, action, reason, detail FROM audit ORDER BY id", [](Statement&) {},
            [&](const Statement& s) {
                rows.push_back({std::string(s.text(0)), std::string(s.text(1)),
                                std::string(s.text(2)), std::string(s.text(3))});
            });
        EXPECT_TRUE(st);
        return rows;
    }

    static inline std::vector<StaffMember> s_staff;
    test::TempDir m_dir;
    std::optional<Journal> m_journal;
    std::optional<StaffGate> m_gate;
};

TEST(StaffPinTest, PinsAreFourToEightAsciiDigits) {
    for (const char* good : {"0000", "1234", "12345678"}) {
        EXPECT_TRUE(checkPinFormat(good)) << good;
    }
    for (const char* bad : {"", "123", "123456789", "12a4", "12 34", "\xef\xbc\x91\x32\x33\x34"}) {
        const Status st = checkPinFormat(bad);
        ASSERT_FALSE(st) << bad;
        EXPECT_EQ(st.error().message, "a PIN is 4 to 8 digits (0-9)");
    }
    EXPECT_FALSE(hashPin("123"));
}

TEST(StaffPinTest, HashesAreSaltedArgon2idAndNeverContainThePin) {
    auto first = hashPin("4321");
    auto second = hashPin("4321");
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->rfind("$argon2id$", 0), 0u) << *first;
    EXPECT_NE(*first, *second);
    EXPECT_EQ(first->find("4321"), std::string::npos);
}

TEST_F(StaffAccessTest, TheRightPinOpensASessionAndEveryStepIsAudited) {
    auto session = login("nurse-01", kPin, kT0);
    ASSERT_TRUE(session) << session.error().message;
    EXPECT_EQ(session->staffId, "nurse-01");
    EXPECT_EQ(session->name, "Nurse Wang");
    EXPECT_EQ(session->since, kT0);
    ASSERT_TRUE(m_gate->logout(*session, "idle_logout", kT0 + 120 * kSecond));
    EXPECT_FALSE(m_gate->logout(*session, "", kT0 + 121 * kSecond));

    const auto rows = auditRows();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].staff, "nurse-01");
    EXPECT_EQ(rows[0].action, "staff_login");
    EXPECT_EQ(rows[1].action, "staff_logout");
    EXPECT_EQ(rows[1].reason, "idle_logout");
    EXPECT_NE(rows[1].detail.find("\"why\":\"idle_logout\""), std::string::npos);
}

// Text that is not valid UTF-8 (a reason from a misbehaving keyboard driver) is audited with the
// bad byte replaced; nlohmann's dump() used to throw out of the journal write.
TEST_F(StaffAccessTest, AReasonThatIsNotUtf8IsAuditedNotThrown) {
    auto session = login("nurse-01", kPin, kT0);
    ASSERT_TRUE(session) << session.error().message;
    Status st = Error{"not run"};
    EXPECT_NO_THROW(st = m_gate->logout(*session, "shift ends \xff\xfe", kT0 + kSecond));
    ASSERT_TRUE(st) << st.error().message;
    const auto rows = auditRows();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].action, "staff_logout");
    EXPECT_NE(rows[1].detail.find("\"why\":\"shift ends \xef\xbf\xbd"), std::string::npos)
        << rows[1].detail;
}

TEST_F(StaffAccessTest, WrongPinsCountDownAndAuditNeitherPin) {
    EXPECT_EQ(wrongPins(3, kT0), (std::vector<int>{4, 3, 2}));
    auto badFormat = login("nurse-01", "12", kT0 + 10 * kSecond);
    ASSERT_FALSE(badFormat);
    EXPECT_EQ(badFormat.error().kind, Kind::BadFormat);
    EXPECT_EQ(badFormat.error().triesLeft, 1);  // a malformed PIN is a wrong guess too
    ASSERT_TRUE(login("nurse-01", kPin, kT0 + 20 * kSecond));

    const auto rows = auditRows();
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].action, "staff_login_failed");
    EXPECT_EQ(rows[0].reason, "wrong_pin");
    EXPECT_NE(rows[0].detail.find("\"tries_left\":4"), std::string::npos) << rows[0].detail;
    EXPECT_EQ(rows[3].reason, "bad_format");
    for (const auto& row : rows) {
        for (const std::string& text : {row.staff, row.action, row.reason, row.detail}) {
            EXPECT_EQ(text.find(kPin), std::string::npos) << text;
            EXPECT_EQ(text.find(kWrongPin), std::string::npos) << text;
        }
    }
    // The success started the count afresh.
    EXPECT_EQ(wrongPins(1, kT0 + 30 * kSecond), (std::vector<int>{4}));
}

TEST_F(StaffAccessTest, FiveWrongPinsLockTheConsoleEvenAcrossARestart) {
    EXPECT_EQ(wrongPins(4, kT0), (std::vector<int>{4, 3, 2, 1}));
    const std::int64_t fifth = kT0 + 4 * kSecond;
    auto locking = login("dr-02", "1111", fifth);  // any staff member: the lock is the kiosk's
    ASSERT_FALSE(locking);
    EXPECT_EQ(locking.error().kind, Kind::LockedOut);
    EXPECT_EQ(locking.error().lockedUntilMs, fifth + kStaffLockoutMs);
    EXPECT_EQ(*m_gate->lockedUntil(fifth + kSecond), fifth + kStaffLockoutMs);

    // Even the right PIN waits, and says how long.
    auto refused = login("nurse-01", kPin, fifth + 60 * kSecond);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::LockedOut);
    EXPECT_NE(refused.error().message.find("4 more minutes"), std::string::npos)
        << refused.error().message;
    EXPECT_EQ(auditRows().back().action, "staff_login_locked");
    EXPECT_EQ(auditRows().back().staff, "nurse-01");

    reopen();
    EXPECT_EQ(*m_gate->lockedUntil(fifth + 4 * 60 * kSecond), fifth + kStaffLockoutMs);
    auto stillLocked = login("nurse-01", kPin, fifth + kStaffLockoutMs - kSecond);
    ASSERT_FALSE(stillLocked);
    EXPECT_EQ(stillLocked.error().kind, Kind::LockedOut);

    // Five minutes after the fifth failure the console opens, and counts afresh.
    EXPECT_EQ(*m_gate->lockedUntil(fifth + kStaffLockoutMs), 0);
    EXPECT_EQ(wrongPins(1, fifth + kStaffLockoutMs), (std::vector<int>{4}));
    ASSERT_TRUE(login("nurse-01", kPin, fifth + kStaffLockoutMs + 2 * kSecond));
}

TEST_F(StaffAccessTest, OnlyWrongPinsWithinFiveMinutesOfEachOtherLock) {
    EXPECT_EQ(wrongPins(4, kT0), (std::vector<int>{4, 3, 2, 1}));
    // The first four have left the window by now.
    const std::int64_t later = kT0 + kStaffFailureWindowMs + 10 * kSecond;
    EXPECT_EQ(wrongPins(4, later), (std::vector<int>{4, 3, 2, 1}));
    EXPECT_EQ(*m_gate->lockedUntil(later + 4 * kSecond), 0);
}

TEST_F(StaffAccessTest, AnUnknownStaffIdIsRefusedAndAuditedWithoutWhatWasTyped) {
    auto refused = login(kPin, kPin, kT0);  // the PIN typed into the id field
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::UnknownStaff);
    EXPECT_EQ(refused.error().triesLeft, 4);
    const auto rows = auditRows();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].staff, "(unknown)");
    EXPECT_EQ(rows[0].reason, "unknown_staff");
    EXPECT_EQ(rows[0].detail.find(kPin), std::string::npos);
}

}  // namespace
}  // namespace vax
