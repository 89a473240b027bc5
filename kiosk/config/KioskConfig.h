#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/CodeFormat.h"
#include "core/Payload.h"
#include "core/Policy.h"
#include "core/Result.h"
#include "core/TemperatureMeasurement.h"

namespace vax {

/// The job this device does at the site.
/// What this device does at the site. Board (留观屏) and Callboard (叫号屏) are wall screens
/// over the site server: they keep no records of their own.
enum class Role { Entry, Station, Exit, Console, Board, Callboard };

std::string_view toString(Role role);

/// Identity of the site and of this device.
struct SiteConfig {
    std::string id;    ///< short site identifier, e.g. "BJ-CY-001"
    std::string name;  ///< shown on screens and tickets
    Role role = Role::Entry;
    std::filesystem::path
        keyFile;  ///< site secrets; relative paths are taken from the config's folder
    /// Public keys this device accepts slips and tickets from (`vaxctl keys export-public`);
    /// empty: the site's own keys from keyFile.
    std::filesystem::path trustFile;
};

/// Which IR thermometer driver reads body temperature.
enum class ThermometerKind { None, Mlx90614, Serial, Simulated };

/// "none", "mlx90614", "serial" or "simulated".
std::string_view toString(ThermometerKind kind);

/// The body thermometer (`[devices.thermometer]`). Only the keys of its kind apply.
struct ThermometerConfig {
    ThermometerKind kind = ThermometerKind::None;
    // mlx90614
    std::string i2cBus = "/dev/i2c-1";
    int i2cAddress = 0x5A;
    bool adjustRegister0F = false;  ///< parts that need EEPROM 0x0F rescaled with emissivity
    /// The emissivity the sensor should hold; `vaxctl devices thermometer --set-emissivity`
    /// writes it, nothing else does. none: leave the sensor as it is.
    std::optional<double> emissivity;
    // serial
    std::string port;
    unsigned baud = 9600;
    std::string lineFormat = "T=([0-9.]+)";  ///< regex, one capture group: the reading
    std::string ambientFormat;               ///< regex for the ambient reading; empty: none
    bool fahrenheit = false;
    std::string pollCommand;  ///< sent before each read; empty: the device streams
    // simulated
    std::vector<std::string> readings;  ///< steps: "36.5", "36.5/22.0", "silent", ...
    std::filesystem::path script;       ///< a file of steps instead of `readings`
    double rateHz = 10;
};

/// The cameras and scanners attached to this device.
struct DeviceConfig {
    /// "camera:0", "/dev/video0", a video file or an image folder (the demo); empty: none.
    std::string camera;
    int cameraWidth = 1280;
    int cameraHeight = 720;
    double cameraFps = 30;
    std::string hidScanner;     ///< evdev node of a USB HID scanner; empty: none
    std::string serialScanner;  ///< tty of a serial-mode scanner; empty: none
    unsigned serialBaud = 9600;
    /// Ticket printer: file:/dev/usb/lp0, tcp://HOST:9100, cups:QUEUE, png:DIR, pdf:DIR;
    /// empty: none (vaxctl --print overrides it).
    std::string printer;
    std::string printerProfile = "generic-80-native-qr";
    ThermometerConfig thermometer;
    /// Spoken calls of a call screen: empty (off, the default) or an espeak-ng voice ("cmn").
    std::string callVoice;
};

/// How codes are read and recognised.
struct ScanningConfig {
    std::optional<FormatSet> formats;  ///< none: the role's formats (formatsForRole)
    int confirmWindowMs = 500;         ///< a camera read counts when repeated within this
    int debounceMs = 3000;             ///< the same code again only after this long away
    PayloadRules rules;                ///< health-code links and tokens, e-ID prefixes, ticket
};

/// The upstream services (`[network]`).
struct NetworkConfig {
    std::string deviceId = "kiosk";  ///< names this device in record keys and requests
    std::string healthCodeService;   ///< base URL of the health-code service; empty: none
    std::string recordsService;      ///< base URL of the records (FHIR) service; empty: none
    std::filesystem::path caFile;    ///< trust these CAs instead of the system's; empty: system
    std::filesystem::path clientCert;
    std::filesystem::path clientKey;
    std::filesystem::path jwksFile;  ///< keys of signed (offline) health codes; empty: none
    int offlineMaxAgeSeconds = 300;  ///< older signed codes may be screenshots: refused
    int statusMaxAgeHours = 24;      ///< an online status older than this is stale
    int uploadBatch = 250;           ///< records per upload request
};

/// The site server (`[site_server]`): PostgreSQL shared by the devices of a site for what only
/// the whole site can decide. No url: this device works alone on its journal.
struct SiteServerConfig {
    /// libpq URI, "postgresql://USER@HOST[:PORT]/DBNAME"; no password and no sslmode in it
    /// (those have their own keys). Empty: no site server.
    std::string url;
    std::filesystem::path passwordFile;  ///< the password alone, in a file of mode 0600
    /// libpq sslmode: "verify-full" (the default), "verify-ca", "require"; "disable" only to
    /// a loopback host or a local socket.
    std::string sslmode = "verify-full";
    std::filesystem::path caFile;  ///< the CA the server's certificate is checked against
    int connectTimeoutMs = 1000;   ///< no screen waits longer for an unreachable server
    /// Numbers of each desk an entry kiosk keeps reserved on the site, to give while it cannot
    /// reach it; 0: none (offline check-ins then wait for staff).
    int offlineNumbers = 20;
};

/// A staff member who may open the staff console (`[[staff]]`).
struct StaffMember {
    std::string id;       ///< short staff id, written in the audit log
    std::string name;     ///< shown on the console's sign-in list
    std::string pinHash;  ///< libsodium crypto_pwhash_str ("$argon2id$..."), never the PIN
};

/// Everything read from the kiosk's TOML file (`/etc/vaxkiosk/kiosk.toml`).
struct KioskConfig {
    SiteConfig site;
    Policy policy;
    DeviceConfig devices;
    ScanningConfig scanning;
    MeasurementSettings measurement;  ///< `[temperature]`: raw IR readings to body temperature
    NetworkConfig network;
    SiteServerConfig siteServer;
    std::vector<StaffMember> staff;  ///< who may sign in to the staff console
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
