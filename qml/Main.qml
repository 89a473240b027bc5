import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import VaxKiosk

// The entry kiosk: a header with the site and the language switch, and one screen per step of
// the entry check. Chinese by default; every screen can switch to English.
Window {
    id: root
    required property EntryFlow flow
    required property CameraFeed camera
    required property Language language
    required property string siteName
    readonly property real mm: Math.max(Screen.pixelDensity, 3.78)

    width: 1280
    height: 800
    visible: true
    color: "#f4f7fa"
    title: qsTr("VaxKiosk entry check")

    // Every new person starts in Chinese.
    Connections {
        target: root.flow
        function onStateChanged() {
            if (root.flow.state === EntryFlow.Welcome)
                root.language.reset()
        }
    }

    Item {
        anchors.fill: parent
        // Any touch keeps the visit alive; the buttons still get their press.
        TapHandler {
            gesturePolicy: TapHandler.DragThreshold
            onPressedChanged: root.flow.noteActivity()
        }

        Rectangle {
            id: header
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: Math.round(26 * root.mm)
            color: "#0d47a1"

            Text {
                objectName: "siteName"
                anchors { left: parent.left; leftMargin: 6 * root.mm; right: languageSwitch.left; rightMargin: 4 * root.mm; verticalCenter: parent.verticalCenter }
                text: root.siteName
                color: "white"
                font.pixelSize: Math.round(7 * root.mm)
                elide: Text.ElideRight
            }
            BigButton {
                id: languageSwitch
                objectName: "languageSwitch"
                anchors { right: parent.right; rightMargin: 3 * root.mm; verticalCenter: parent.verticalCenter }
                implicitHeight: Math.round(20 * root.mm)
                tone: "#1e88e5"
                // Each language names itself, so a person who reads only one finds it.
                text: root.language.code === "zh" ? "English" : "中文"
                onClicked: {
                    root.flow.noteActivity()
                    root.language.toggle()
                }
            }
        }

        Loader {
            id: screen
            anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom; margins: 6 * root.mm }
            sourceComponent: {
                switch (root.flow.state) {
                case EntryFlow.Scanned: return scanned
                case EntryFlow.Temperature: return temperature
                case EntryFlow.Questions: return questions
                case EntryFlow.Result: return result
                default: return welcome
                }
            }
        }
    }

    Component { id: welcome; WelcomeScreen { flow: root.flow; camera: root.camera } }
    Component { id: scanned; ScannedScreen { flow: root.flow; camera: root.camera } }
    Component { id: temperature; TemperatureScreen { flow: root.flow } }
    Component { id: questions; QuestionScreen { flow: root.flow; language: root.language } }
    Component { id: result; ResultScreen { flow: root.flow; language: root.language } }
}
