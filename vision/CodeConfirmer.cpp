#include "vision/CodeConfirmer.h"

#include <algorithm>

namespace vax {

bool CodeConfirmer::observe(const std::string& text, TimePoint now) {
    forgetOld(now);
    auto [it, isNew] = m_seen.try_emplace(text);
    Seen& seen = it->second;
    const auto sinceLast = now - seen.lastRead;
    if (!isNew && seen.fired) {
        // Still (or again) in view: fire again only after a full debounce away.
        const bool returned = sinceLast >= m_options.debounce;
        seen.lastRead = now;
        if (!returned) {
            return false;
        }
        seen.fired = false;
        seen.reads = 0;
    }
    seen.reads = (!isNew && sinceLast <= m_options.window) ? seen.reads + 1 : 1;
    seen.lastRead = now;
    if (seen.reads >= m_options.requiredReads) {
        seen.fired = true;
        return true;
    }
    return false;
}

void CodeConfirmer::forgetOld(TimePoint now) {
    // Sweep at most once per window; anything unseen for longer than both windows is
    // forgotten, so memory stays bounded however many codes pass by.
    if (now - m_lastSweep < m_options.window) {
        return;
    }
    m_lastSweep = now;
    const auto horizon =
        std::max<std::chrono::steady_clock::duration>(m_options.window, m_options.debounce);
    std::erase_if(m_seen, [&](const auto& entry) { return now - entry.second.lastRead > horizon; });
}

}  // namespace vax
