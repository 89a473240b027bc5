// libFuzzer target for the health-code service's answers: the body of a 200 answer comes from
// the network, so reading it may not crash on any bytes, and what it accepts must be what the
// response schema allows and fresh on the kiosk's clock.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "FuzzRequire.h"
#include "net/HealthCodeService.h"

namespace {

using namespace vax;

constexpr std::int64_t kNow = 1'790'000'000;  // a fixed kiosk clock, so runs repeat
constexpr std::chrono::seconds kMaxAge{std::chrono::hours{24}};
constexpr std::int64_t kLatestTimestamp = 253402300800;  // 10000-01-01T00:00:00Z

using fuzz::require;

void checkTimestamp(std::string_view text) {
    if (const auto seconds = parseRfc3339Utc(text)) {
        require(*seconds >= 0 && *seconds <= kLatestTimestamp);
        require(text.size() >= 20 && text.back() == 'Z');
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    const std::string host = "hc.example";
    const auto answer = parseHealthCodeAnswer(body, host, kNow, kMaxAge);
    if (!answer) {
        const OnlineFailure& failure = answer.error();
        require(failure.kind == OnlineFailure::Kind::Malformed ||
                failure.kind == OnlineFailure::Kind::Stale);
        require(failure.message.rfind(host, 0) == 0);
    } else {
        require(answer->status == HealthCodeStatus::Green ||
                answer->status == HealthCodeStatus::Yellow ||
                answer->status == HealthCodeStatus::Red);
        require(!answer->name.empty() && answer->name.size() <= 128);
        require(isMaskedId(answer->maskedId));
        require(answer->updatedAt >= kNow - kMaxAge.count() && answer->updatedAt <= kNow + 300);
    }
    // The two field checks on their own, over the raw bytes.
    checkTimestamp(body);
    if (isMaskedId(body)) {
        require(!body.empty() && body.size() <= 32 && body.find('*') != std::string::npos);
    }
    return 0;
}
