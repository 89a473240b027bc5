#include "core/CallText.h"

#include <algorithm>

namespace vax {

namespace {

struct Run {
    QueueNumber first;
    QueueNumber last;
};

std::vector<Run> runsOf(std::vector<QueueNumber> numbers) {
    std::sort(numbers.begin(), numbers.end(), [](const QueueNumber& a, const QueueNumber& b) {
        return a.desk != b.desk ? a.desk < b.desk : a.number < b.number;
    });
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    std::vector<Run> runs;
    for (const QueueNumber& n : numbers) {
        if (!runs.empty() && runs.back().last.desk == n.desk &&
            runs.back().last.number + 1 == n.number) {
            runs.back().last = n;
        } else {
            runs.push_back({n, n});
        }
    }
    return runs;
}

// "A007" read digit by digit, as call screens do: "A 零零七".
std::string spokenLabel(const QueueNumber& n) {
    static const char* const kDigits[] = {"零", "一", "二", "三", "四",
                                          "五", "六", "七", "八", "九"};
    const std::string label = n.label();
    std::string spoken(1, label.front());
    spoken += ' ';
    for (std::size_t i = 1; i < label.size(); ++i) {
        spoken += kDigits[label[i] - '0'];
    }
    return spoken;
}

}  // namespace

std::string calledRanges(std::vector<QueueNumber> numbers, const std::string& separator) {
    std::string text;
    for (const Run& run : runsOf(std::move(numbers))) {
        text += text.empty() ? "" : separator;
        text += run.first.label();
        if (run.last.number != run.first.number) {
            text += "–" + run.last.label();
        }
    }
    return text;
}

CallSentence callSentence(Desk desk, std::vector<QueueNumber> numbers) {
    const std::vector<Run> runs = runsOf(numbers);
    if (runs.empty()) {
        return {};
    }
    const std::string deskName(1, desk);
    CallSentence s;
    s.zh = "请 " + calledRanges(numbers, "、") + " 到 " + deskName + " 登记台";
    s.en = calledRanges(numbers, ", ") + ", please go to registration desk " + deskName;
    std::string spoken;
    for (const Run& run : runs) {
        spoken += spoken.empty() ? "" : "，";
        spoken += spokenLabel(run.first);
        if (run.last.number != run.first.number) {
            spoken += " 至 " + spokenLabel(run.last);
        }
    }
    s.spokenZh = "请 " + spoken + "，到 " + deskName + " 登记台";
    return s;
}

}  // namespace vax
