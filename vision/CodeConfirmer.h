#pragma once

#include <chrono>
#include <string>
#include <unordered_map>
#include <vector>

namespace vax {

struct ConfirmOptions {
    /// A camera read counts once the same text is read this many times...
    int requiredReads = 2;
    /// ...each within this long of the previous read.
    std::chrono::milliseconds window{500};
    /// After it counted, the same text counts again only once it has been out of view this
    /// long: a phone held in front of the camera is acted on once.
    std::chrono::milliseconds debounce{3000};
};

/// Turns a stream of reads into "new code" events. Pure logic with the time passed in;
/// used from one thread.
class CodeConfirmer {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit CodeConfirmer(ConfirmOptions options = {}) : m_options(options) {}

    /// Records that `text` was read at `now`; true when this read makes it a new code.
    bool observe(const std::string& text, TimePoint now);
    /// Number of texts remembered (bounded: old ones are forgotten).
    std::size_t remembered() const { return m_seen.size(); }

private:
    struct Seen {
        TimePoint lastRead;
        int reads = 0;
        bool fired = false;
    };
    void forgetOld(TimePoint now);

    ConfirmOptions m_options;
    std::unordered_map<std::string, Seen> m_seen;
    TimePoint m_lastSweep{};
};

}  // namespace vax
