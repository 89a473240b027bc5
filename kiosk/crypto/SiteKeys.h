#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/Result.h"

namespace vax {

/// An Ed25519 key that signs the site's slips and tickets, named by a random 32-bit id.
struct SigningKey {
    std::uint32_t id = 0;
    std::array<std::uint8_t, 32> publicKey{};
    std::array<std::uint8_t, 64> secretKey{};

    static SigningKey generate();
};

/// The site's secrets: a key for hashing ID numbers, a box key pair for sealing them, and the
/// signing keys (current, and the previous one until tickets signed with it have expired).
/// Lives in one file with mode 0600; never logged.
struct SiteKeys {
    std::array<std::uint8_t, 32> idHashKey{};
    std::array<std::uint8_t, 32> sealPublic{};
    std::array<std::uint8_t, 32> sealSecret{};
    /// Version 1 files (before signing) have none until `vaxctl keys rotate`.
    std::optional<SigningKey> signing;
    std::optional<SigningKey> previousSigning;

    /// Fresh random keys, a signing key included.
    static SiteKeys generate();
    /// Reads a key file; refuses one that others may read, or that is malformed.
    static Result<SiteKeys> load(const std::filesystem::path& path);
    /// Writes a new key file with mode 0600; refuses to overwrite an existing one.
    Status saveNew(const std::filesystem::path& path) const;
    /// Replaces an existing key file atomically (temporary file, fsync, rename), mode 0600.
    Status replace(const std::filesystem::path& path) const;

    /// A new current signing key; the current one becomes the previous. The hashing and
    /// sealing keys never change: earlier records must stay readable.
    void rotateSigning();
};

}  // namespace vax
