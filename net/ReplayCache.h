#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vax {

/// Remembers which offline signed health codes (by their "jti") this site has already accepted,
/// so that a screenshot of a code cannot be shown twice while the code is still valid.
/// Implementations must be safe to call from any thread.
class ReplayCache {
public:
    virtual ~ReplayCache() = default;

    /// Records a use of the code `jti`, to be kept until `exp` (Unix seconds), and tells whether
    /// it is the first: false when a use of `jti` was recorded earlier and its `exp` has not
    /// passed at `now`. An implementation that cannot tell (a storage error) must answer false:
    /// a wrong "already used" only sends the person to staff, a wrong "first use" lets a copy
    /// through.
    virtual bool firstUse(std::string_view jti, std::int64_t exp, std::int64_t now) = 0;
};

/// A ReplayCache in memory, for tests and tools: forgotten when the process ends, so the kiosk
/// itself uses the one in the store.
class MemoryReplayCache final : public ReplayCache {
public:
    /// See ReplayCache::firstUse. Entries whose exp has passed are dropped on each call.
    bool firstUse(std::string_view jti, std::int64_t exp, std::int64_t now) override {
        const std::lock_guard lock(m_mutex);
        std::erase_if(m_expiries, [now](const auto& entry) { return entry.second <= now; });
        return m_expiries.try_emplace(std::string(jti), exp).second;
    }

    /// Number of codes remembered (expired ones included until the next firstUse call).
    std::size_t size() const {
        const std::lock_guard lock(m_mutex);
        return m_expiries.size();
    }

private:
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::int64_t> m_expiries;  // jti -> exp, guarded by m_mutex
};

}  // namespace vax
