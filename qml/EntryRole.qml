import QtQuick
import VaxKiosk

// The entry kiosk's screens, one per step of the entry check.
Loader {
    id: role
    required property EntryFlow flow
    required property CameraFeed camera
    required property Language language

    sourceComponent: {
        switch (role.flow.state) {
        case EntryFlow.Scanned: return scanned
        case EntryFlow.Temperature: return temperature
        case EntryFlow.Questions: return questions
        case EntryFlow.Result: return result
        default: return welcome
        }
    }

    Component { id: welcome; WelcomeScreen { flow: role.flow; camera: role.camera } }
    Component { id: scanned; ScannedScreen { flow: role.flow; camera: role.camera } }
    Component { id: temperature; TemperatureScreen { flow: role.flow } }
    Component { id: questions; QuestionScreen { flow: role.flow; language: role.language } }
    Component { id: result; ResultScreen { flow: role.flow; language: role.language } }
}
