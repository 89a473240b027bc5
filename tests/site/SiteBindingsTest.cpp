#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "site/SiteBindings.h"
#include "site/SiteFixture.h"

namespace vax {
namespace {

const std::string kDay = "2026-12-04";

class SiteBindingsTest : public test::SiteDbTest {
protected:
    static CodeClaimRequest claimFor(const std::string& code, int number, int doses = 1) {
        CodeClaimRequest r;
        r.traceCode = code;
        r.dosesInPack = doses;
        r.day = kDay;
        r.number = {'A', number};
        r.personHash = "hash-" + std::to_string(number);
        r.maskedId = "1101**********" + std::to_string(1000 + number);
        r.productCode = "INACT-A";
        r.station = "station-" + std::to_string(number % 2 + 1);
        r.atMs = 1'000'000 + number;
        r.observationEndsAtMs = r.atMs + 30 * 60'000;
        return r;
    }
    static SiteDevice station(int i) {
        return {"BJ-CY-001", "station-" + std::to_string(i), "station"};
    }
};

TEST_F(SiteBindingsTest, APackGivesAsManyDosesAsItHoldsThenTheAlarmSaysWhere) {
    PgConnection conn = connection();
    SiteBindings bindings(conn, station(1));
    for (int n = 1; n <= 2; ++n) {
        auto claim = bindings.claim(claimFor("81234567890123456789", n, 2));
        ASSERT_TRUE(claim) << claim.error().message;
        EXPECT_TRUE(claim->granted);
        EXPECT_EQ(claim->useNumber, n);
    }
    auto third = bindings.claim(claimFor("81234567890123456789", 3, 2));
    ASSERT_TRUE(third) << third.error().message;
    EXPECT_FALSE(third->granted);
    ASSERT_EQ(third->earlier.size(), 2u);
    EXPECT_EQ(third->earlier[0].deviceId, "station-1");
    EXPECT_EQ(third->earlier[0].station, "station-2");
    EXPECT_EQ(third->earlier[0].maskedId, "1101**********1001");
    EXPECT_EQ(third->earlier[0].number.label(), "A001");
    EXPECT_EQ(third->earlier[1].boundAtMs, 1'000'002);
}

TEST_F(SiteBindingsTest, TheFirstBindingFixesThePackSize) {
    PgConnection conn = connection();
    SiteBindings bindings(conn, station(1));
    ASSERT_TRUE(bindings.claim(claimFor("8111", 1, 1))->granted);
    // A station whose catalogue says 10 doses cannot stretch a pack bound as single-dose.
    auto more = bindings.claim(claimFor("8111", 2, 10));
    ASSERT_TRUE(more);
    EXPECT_FALSE(more->granted);
}

TEST_F(SiteBindingsTest, ARetriedClaimOfTheSameVisitGetsItsUseBack) {
    PgConnection conn = connection();
    SiteBindings bindings(conn, station(1));
    ASSERT_TRUE(bindings.claim(claimFor("8222", 5))->granted);
    auto again = bindings.claim(claimFor("8222", 5));
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->granted);
    EXPECT_TRUE(again->again);
    EXPECT_EQ(again->useNumber, 1);
}

TEST_F(SiteBindingsTest, TheDatabaseRefusesAUseBeyondThePackEvenFromRawSql) {
    PgConnection conn = connection();
    auto st = conn.exec(
        "INSERT INTO bindings (site_id, trace_code, use_number, doses_in_pack, day, desk, number,"
        " masked_id, person_hash, product_code, dose_number, device_id, station, bound_ms,"
        " observation_ends_ms, confirmed) VALUES ('S', '8333', 2, 1, '2026-12-04', 'A', 1, 'm',"
        " 'h', 'P', 1, 'd', 's', 1, 2, true)");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().sqlstate, "23514");
}

TEST_F(SiteBindingsTest, TwoStationsRacingForASingleDoseCodeExactlyOneWins) {
    constexpr int kRounds = 100;
    auto one = connectAs("postgres");
    auto two = connectAs("postgres");
    ASSERT_TRUE(one && two);
    SiteBindings first(*one, station(1));
    SiteBindings second(*two, station(2));
    int bothWon = 0;
    int noneWon = 0;
    for (int round = 0; round < kRounds; ++round) {
        const std::string code = "8" + std::to_string(100000 + round);
        std::atomic<int> ready{0};
        Result<CodeClaim, PgError> a = PgError{}, b = PgError{};
        auto race = [&](SiteBindings& bindings, Result<CodeClaim, PgError>& out, int number) {
            ++ready;
            while (ready.load() < 2) {
            }
            out = bindings.claim(claimFor(code, number));
        };
        std::thread ta(race, std::ref(first), std::ref(a), 2 * round + 1);
        std::thread tb(race, std::ref(second), std::ref(b), 2 * round + 2);
        ta.join();
        tb.join();
        ASSERT_TRUE(a) << a.error().message;
        ASSERT_TRUE(b) << b.error().message;
        bothWon += a->granted && b->granted;
        noneWon += !a->granted && !b->granted;
        const CodeClaim& loser = a->granted ? *b : *a;
        ASSERT_EQ(loser.earlier.size(), 1u);
        EXPECT_EQ(loser.earlier[0].deviceId, a->granted ? "station-1" : "station-2");
    }
    EXPECT_EQ(bothWon, 0);
    EXPECT_EQ(noneWon, 0);
    auto rows = one->exec("SELECT count(*), count(DISTINCT trace_code) FROM bindings");
    ASSERT_TRUE(rows);
    EXPECT_EQ(rows->int64(0, 0), kRounds);
    EXPECT_EQ(rows->int64(0, 1), kRounds);
}

}  // namespace
}  // namespace vax
