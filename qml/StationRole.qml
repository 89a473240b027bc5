import QtQuick
import VaxKiosk

// The vaccination station's screens: scanning (slip, then pack), then the outcome (bound or
// refused) until the next person.
Loader {
    id: role
    required property StationFlow flow
    required property CameraFeed camera

    sourceComponent: role.flow.state === StationFlow.Bound || role.flow.state === StationFlow.Refused
                     ? outcome : scan

    Component { id: scan; StationScanScreen { flow: role.flow; camera: role.camera } }
    Component { id: outcome; StationOutcomeScreen { flow: role.flow } }
}
