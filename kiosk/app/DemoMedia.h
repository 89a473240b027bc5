#pragma once

#include <QString>

namespace vax::app {

/// Where the demo entry camera's video is. The build makes it (vaxctl demo-media, target
/// vaxkiosk_demo_media): a resident showing her health code, then her e-ID, looped by the demo.
/// Looked for in $VAXKIOSK_DEMO_MEDIA, then in share/vaxkiosk/demo-media beside the installed
/// vaxkiosk, then in this build's own folder. Empty when none exists.
QString findDemoCameraVideo();

/// The file name looked for, for the message shown when it is missing.
inline constexpr const char* kDemoCameraVideoName = "entry-camera.avi";

}  // namespace vax::app
