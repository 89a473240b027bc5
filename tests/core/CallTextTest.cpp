#include <gtest/gtest.h>

#include "core/CallText.h"

namespace vax {
namespace {

std::vector<QueueNumber> desk(Desk d, std::initializer_list<int> numbers) {
    std::vector<QueueNumber> out;
    for (int n : numbers) {
        out.push_back({d, n});
    }
    return out;
}

TEST(CallText, TenConsecutiveNumbersAreOneRange) {
    const CallSentence s = callSentence('A', desk('A', {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    EXPECT_EQ(s.zh, "请 A001–A010 到 A 登记台");
    EXPECT_EQ(s.en, "A001–A010, please go to registration desk A");
    EXPECT_EQ(s.spokenZh, "请 A 零零一 至 A 零一零，到 A 登记台");
}

TEST(CallText, GapsSplitTheRangesInNumberOrder) {
    // Called out of order (a recall among new calls), shown in order, each once.
    const auto numbers = desk('B', {12, 3, 4, 5, 9, 4});
    EXPECT_EQ(calledRanges(numbers, "、"), "B003–B005、B009、B012");
    EXPECT_EQ(callSentence('B', numbers).zh, "请 B003–B005、B009、B012 到 B 登记台");
    EXPECT_EQ(callSentence('B', numbers).spokenZh,
              "请 B 零零三 至 B 零零五，B 零零九，B 零一二，到 B 登记台");
}

TEST(CallText, OneNumberAndNone) {
    EXPECT_EQ(callSentence('A', desk('A', {7})).zh, "请 A007 到 A 登记台");
    EXPECT_EQ(callSentence('A', {}).zh, "");
    EXPECT_EQ(calledRanges({}, "、"), "");
}

TEST(CallText, NumbersPastNineHundredNinetyNineKeepAllTheirDigits) {
    EXPECT_EQ(callSentence('A', desk('A', {999, 1000})).zh, "请 A999–A1000 到 A 登记台");
    EXPECT_EQ(callSentence('A', desk('A', {1000})).spokenZh, "请 A 一零零零，到 A 登记台");
}

}  // namespace
}  // namespace vax
