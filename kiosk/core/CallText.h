#pragma once

#include <string>
#include <vector>

#include "core/Queue.h"

namespace vax {

/// Numbers called at one desk, as a call screen writes them: runs of consecutive numbers
/// joined ("A001–A010"), the rest one by one, in the order given after sorting
/// ("A001–A003、A007"). Empty for no numbers.
std::string calledRanges(std::vector<QueueNumber> numbers, const std::string& separator);

/// The sentence a call screen shows and speaks for `numbers` called to `desk`:
/// "请 A001–A010 到 A 登记台" and "A001–A010, please go to registration desk A". Empty for no
/// numbers.
struct CallSentence {
    std::string zh;
    std::string en;
    /// The Chinese sentence for a speech synthesizer: the numbers one by one, the ranges read
    /// "至" ("A001 至 A010"), the number digits read one at a time ("A 零零一").
    std::string spokenZh;
};
CallSentence callSentence(Desk desk, std::vector<QueueNumber> numbers);

}  // namespace vax
