#pragma once

#include <array>
#include <cstdint>
#include <filesystem>

#include "core/Result.h"

namespace vax {

/// The site's secrets: a key for hashing ID numbers and a box key pair for sealing them.
/// Lives in one file with mode 0600; never logged.
struct SiteKeys {
    std::array<std::uint8_t, 32> idHashKey{};
    std::array<std::uint8_t, 32> sealPublic{};
    std::array<std::uint8_t, 32> sealSecret{};

    /// Fresh random keys.
    static SiteKeys generate();
    /// Reads a key file; refuses one that others may read, or that is malformed.
    static Result<SiteKeys> load(const std::filesystem::path& path);
    /// Writes a new key file with mode 0600; refuses to overwrite an existing one.
    Status saveNew(const std::filesystem::path& path) const;
};

}  // namespace vax
