// The replay cache of signed health codes in the journal's database: a code counts once, its
// entry goes when the code has expired, and the file remembers it across a restart.
#include <gtest/gtest.h>

#include "SyncFixture.h"

namespace vax {
namespace {

using JournalReplayCacheTest = test::SyncFixture;

TEST_F(JournalReplayCacheTest, ASignedCodeCountsOnlyTheFirstTime) {
    JournalReplayCache cache(journal());
    EXPECT_TRUE(cache.firstUse("jti-1", 2000, 1000));
    EXPECT_FALSE(cache.firstUse("jti-1", 2000, 1001));
    EXPECT_FALSE(cache.firstUse("jti-1", 2000, 1999));
    EXPECT_TRUE(cache.firstUse("jti-2", 2000, 1002));
}

TEST_F(JournalReplayCacheTest, ExpiredEntriesAreDropped) {
    JournalReplayCache cache(journal());
    EXPECT_TRUE(cache.firstUse("short", 1100, 1000));
    EXPECT_TRUE(cache.firstUse("long", 5000, 1000));
    EXPECT_EQ(number("SELECT count(*) FROM seen_codes"), 2);
    EXPECT_TRUE(cache.firstUse("later", 5000, 1100));  // "short" expires at 1100
    EXPECT_EQ(number("SELECT count(*) FROM seen_codes WHERE code_id = 'short'"), 0);
    EXPECT_EQ(number("SELECT count(*) FROM seen_codes"), 2);
    EXPECT_FALSE(cache.firstUse("long", 5000, 1100));
}

TEST_F(JournalReplayCacheTest, ACodeSeenBeforeARestartIsStillSeen) {
    {
        JournalReplayCache cache(journal());
        EXPECT_TRUE(cache.firstUse("jti-1", 2000, 1000));
    }
    reopen();
    JournalReplayCache cache(journal());
    EXPECT_FALSE(cache.firstUse("jti-1", 2000, 1500));
    EXPECT_TRUE(cache.firstUse("jti-2", 2000, 1500));
}

TEST_F(JournalReplayCacheTest, ADatabaseErrorIsNotAFirstUse) {
    sql("DROP TABLE seen_codes");
    JournalReplayCache cache(journal());
    EXPECT_FALSE(cache.firstUse("jti-1", 2000, 1000)) << "staff review, never a pass";
}

}  // namespace
}  // namespace vax
