#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/Policy.h"
#include "core/Result.h"

namespace vax {

/// The job this device does at the site.
enum class Role { Entry, Station, Exit, Console };

std::string_view toString(Role role);

/// Identity of the site and of this device.
struct SiteConfig {
    std::string id;    ///< short site identifier, e.g. "BJ-CY-001"
    std::string name;  ///< shown on screens and tickets
    Role role = Role::Entry;
    std::filesystem::path
        keyFile;  ///< site secrets; relative paths are taken from the config's folder
};

/// Everything read from the kiosk's TOML file (`/etc/vaxkiosk/kiosk.toml`).
struct KioskConfig {
    SiteConfig site;
    Policy policy;
};

/// Parses a kiosk TOML document. `sourceName` names it in error messages, which read
/// "<source>:<line>: <key>: <what is wrong>" so a person can find and fix the line.
/// Unknown keys, wrong types and impossible values are errors. `baseDir` resolves relative
/// paths in the file.
Result<KioskConfig> parseKioskConfig(std::string_view toml, std::string_view sourceName,
                                     const std::filesystem::path& baseDir);

/// Reads and parses the file at `path` (see parseKioskConfig).
Result<KioskConfig> loadKioskConfig(const std::filesystem::path& path);

}  // namespace vax
