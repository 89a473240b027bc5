// The staff console's list of visits waiting for a decision, read from a real journal file.
#include <gtest/gtest.h>

#include "crypto/PersonVault.h"
#include "crypto/SiteKeys.h"
#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax {
namespace {

constexpr const char* kDay = "2026-11-25";
constexpr std::int64_t kNineAm = 1'795'568'400'000;

TEST(ReviewList, OnlyTheDaysVisitsWaitingForStaffOldestFirstWithTheirReasons) {
    test::TempDir dir;
    auto journal = Journal::open(dir / "kiosk.db");
    ASSERT_TRUE(journal) << journal.error().message;
    const PersonVault vault(SiteKeys::generate());

    CheckInRecord later =
        test::makeCheckIn(vault, 1, Outcome::StaffReview, kDay, kNineAm + 600'000);
    later.decision.reasons.push_back(
        {ReasonCode::ContraindicationUnsure, Outcome::StaffReview, "q4", "unsure", "不确定"});
    ASSERT_TRUE(journal->visits().checkIn(later));
    ASSERT_TRUE(journal->visits().checkIn(
        test::makeCheckIn(vault, 2, Outcome::StaffReview, kDay, kNineAm)));
    ASSERT_TRUE(
        journal->visits().checkIn(test::makeCheckIn(vault, 3, Outcome::Proceed, kDay, kNineAm)));
    ASSERT_TRUE(
        journal->visits().checkIn(test::makeCheckIn(vault, 4, Outcome::Defer, kDay, kNineAm)));
    ASSERT_TRUE(journal->visits().checkIn(
        test::makeCheckIn(vault, 5, Outcome::StaffReview, "2026-11-24", kNineAm)));

    auto list = journal->visits().awaitingReview(kDay);
    ASSERT_TRUE(list) << list.error().message;
    ASSERT_EQ(list->size(), 2u);  // queued, deferred and yesterday's visits are not waiting
    EXPECT_EQ((*list)[0].checkedInAtMs, kNineAm);
    EXPECT_EQ((*list)[0].reasons, std::vector<std::string>{"health_code_unavailable"});
    EXPECT_EQ((*list)[1].decision, Outcome::StaffReview);
    EXPECT_EQ((*list)[1].reasons,
              (std::vector<std::string>{"health_code_unavailable", "contraindication_unsure"}));
    EXPECT_NE((*list)[1].maskedId.find("**********"), std::string::npos);  // never in clear
}

}  // namespace
}  // namespace vax
