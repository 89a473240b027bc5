#include "vision/CodeConfirmer.h"

#include <gtest/gtest.h>

namespace vax {
namespace {

using namespace std::chrono_literals;
const CodeConfirmer::TimePoint t0{std::chrono::seconds(1000)};

TEST(CodeConfirmer, ASingleReadIsNotEnough) {
    CodeConfirmer c;
    EXPECT_FALSE(c.observe("A", t0));
}

TEST(CodeConfirmer, TwoReadsWithinTheWindowMakeANewCode) {
    CodeConfirmer c;
    EXPECT_FALSE(c.observe("A", t0));
    EXPECT_TRUE(c.observe("A", t0 + 500ms));
}

TEST(CodeConfirmer, ReadsTooFarApartDoNotConfirm) {
    CodeConfirmer c;
    EXPECT_FALSE(c.observe("A", t0));
    EXPECT_FALSE(c.observe("A", t0 + 501ms));
    EXPECT_TRUE(c.observe("A", t0 + 900ms));  // the second read started a new pair
}

TEST(CodeConfirmer, DifferentTextsDoNotConfirmEachOther) {
    CodeConfirmer c;
    EXPECT_FALSE(c.observe("A", t0));
    EXPECT_FALSE(c.observe("B", t0 + 100ms));
    EXPECT_TRUE(c.observe("A", t0 + 200ms));
    EXPECT_TRUE(c.observe("B", t0 + 300ms));
}

TEST(CodeConfirmer, APhoneHeldInViewIsActedOnOnce) {
    CodeConfirmer c;
    c.observe("A", t0);
    ASSERT_TRUE(c.observe("A", t0 + 33ms));
    for (int i = 2; i < 300; ++i) {  // ten seconds at 30 fps
        ASSERT_FALSE(c.observe("A", t0 + i * 33ms)) << i;
    }
}

TEST(CodeConfirmer, ShownAgainAfterTheDebounceCountsAgain) {
    CodeConfirmer c;
    c.observe("A", t0);
    ASSERT_TRUE(c.observe("A", t0 + 100ms));
    EXPECT_FALSE(c.observe("A", t0 + 2900ms));  // back after 2.8 s away: too soon
    EXPECT_FALSE(c.observe("A", t0 + 6000ms));  // 3.1 s away: first read of a new showing
    EXPECT_TRUE(c.observe("A", t0 + 6100ms));
}

TEST(CodeConfirmer, HardwareScannersNeedOneRead) {
    CodeConfirmer c(ConfirmOptions{1, 500ms, 3000ms});
    EXPECT_TRUE(c.observe("A", t0));
    EXPECT_FALSE(c.observe("A", t0 + 1s));  // a second trigger press within the debounce
    EXPECT_TRUE(c.observe("A", t0 + 5s));
}

TEST(CodeConfirmer, MemoryStaysBounded) {
    CodeConfirmer c;
    for (int i = 0; i < 10'000; ++i) {
        c.observe("code-" + std::to_string(i), t0 + i * 10ms);
    }
    EXPECT_LT(c.remembered(), 400u);  // about 3 s worth at one code per 10 ms
}

}  // namespace
}  // namespace vax
