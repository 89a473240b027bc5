import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import QtQuick.VirtualKeyboard
import VaxKiosk

// The kiosk's window: a header (site, the device's role, text size, contrast, language, the
// staff door) over the screens of the role this device has (entry, station, exit, console, or a
// wall screen: the observation board or the call screen).
// Chinese by default; every screen can switch to English.
Window {
    id: root
    required property KioskApp kiosk
    readonly property real mm: Theme.mm
    readonly property bool portrait: root.height > root.width

    width: 1280
    height: 800
    visible: true
    color: Theme.background
    title: qsTr("VaxKiosk")

    // Every new resident starts in Chinese, with the standard look.
    Connections {
        target: root.kiosk.flow
        enabled: root.kiosk.flow !== null
        function onStateChanged() {
            if (root.kiosk.flow.state === EntryFlow.Welcome) {
                root.kiosk.language.reset()
                Theme.largeText = false
                Theme.highContrast = false
            }
        }
    }

    function noteActivity() {
        if (root.kiosk.flow)
            root.kiosk.flow.noteActivity()
    }

    // What is typed stays in sight: while the on-screen keyboard is up, the screens slide up
    // just enough for the field being typed in to sit above it (the keyboard covers the lower
    // half of a landscape screen, where the reason and ID fields are).
    readonly property real keyboardShift: {
        const field = root.activeFocusItem
        if (!keyboard.active || !field)
            return 0
        return Math.max(0, root.bottomOf(field) + 3 * root.mm - keyboard.y)
    }
    // The item's bottom edge as if nothing were shifted: measured in the screen layer it
    // belongs to, whose own shift does not count.
    function bottomOf(item) {
        let layer = item
        while (layer.parent && layer.parent !== root.contentItem)
            layer = layer.parent
        return layer.y + item.mapToItem(layer, 0, item.height).y
    }

    Item {
        anchors.fill: parent
        transform: Translate { y: -root.keyboardShift }
        // Any touch keeps the visit alive; the buttons still get their press.
        TapHandler {
            gesturePolicy: TapHandler.DragThreshold
            onPressedChanged: root.noteActivity()
        }

        Rectangle {
            id: header
            anchors { left: parent.left; right: parent.right; top: parent.top }
            // A portrait window is too narrow for one row: the names above, the switches below.
            height: Math.round((root.portrait ? 42 : 26) * root.mm)
            color: Theme.primary

            GridLayout {
                anchors {
                    fill: parent; leftMargin: 6 * root.mm; rightMargin: 3 * root.mm
                    topMargin: root.portrait ? 2 * root.mm : 0
                    bottomMargin: root.portrait ? 5 * root.mm : 0
                }
                columns: root.portrait ? 1 : 2
                rowSpacing: 1 * root.mm
                columnSpacing: 3 * root.mm

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 3 * root.mm
                    Text {
                        objectName: "siteName"
                        Layout.fillWidth: true
                        text: root.kiosk.siteName
                        color: Theme.onDark
                        font.pixelSize: Theme.px(7)
                        elide: Text.ElideRight
                    }
                    Text {
                        objectName: "roleName"
                        visible: root.kiosk.role !== "entry"
                        color: Theme.onDark
                        font.pixelSize: Theme.px(7)
                        font.bold: true
                        text: {
                            switch (root.kiosk.role) {
                            case "station": return qsTr("Vaccination station")
                            case "exit": return qsTr("Observation exit")
                            case "console": return qsTr("Staff console")
                            case "board": return qsTr("Observation board")
                            case "callboard": return qsTr("Call screen")
                            default: return ""
                            }
                        }
                    }
                }
                RowLayout {
                    Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
                    spacing: 3 * root.mm
                    HeaderButton {
                        objectName: "staffDoor"
                        visible: root.kiosk.role !== "console"
                        text: qsTr("Staff")
                        onClicked: root.kiosk.staff.show()
                    }
                    HeaderButton {
                        objectName: "largeTextSwitch"
                        // The label is its own example: a small and a large letter.
                        text: Theme.largeText ? qsTr("Normal text") : qsTr("Larger text")
                        checked: Theme.largeText
                        onClicked: { root.noteActivity(); Theme.largeText = !Theme.largeText }
                    }
                    HeaderButton {
                        objectName: "contrastSwitch"
                        text: qsTr("High contrast")
                        checked: Theme.highContrast
                        onClicked: { root.noteActivity(); Theme.highContrast = !Theme.highContrast }
                    }
                    HeaderButton {
                        objectName: "languageSwitch"
                        // Each language names itself, so a person who reads only one finds it.
                        text: root.kiosk.language.code === "zh" ? "English" : "中文"
                        onClicked: { root.noteActivity(); root.kiosk.language.toggle() }
                    }
                }
            }
            // Demo only: where the demo printer puts the slips it prints.
            Text {
                objectName: "demoTickets"
                visible: root.kiosk.demoTicketsFolder !== ""
                anchors { left: parent.left; leftMargin: 6 * root.mm; bottom: parent.bottom; bottomMargin: Math.round(0.8 * root.mm) }
                width: parent.width * 0.6
                elide: Text.ElideMiddle
                color: Theme.onDark
                font.pixelSize: Math.round(3.2 * root.mm)
                text: qsTr("Demo: tickets are written to %1").arg(root.kiosk.demoTicketsFolder)
            }
        }

        Loader {
            id: screen
            objectName: "roleScreens"
            anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom; margins: 6 * root.mm }
            sourceComponent: {
                switch (root.kiosk.role) {
                case "entry": return entry
                case "station": return station
                case "exit": return exit
                case "board": return board
                case "callboard": return callboard
                default: return unsupported
                }
            }
        }
    }

    // A read: the tone, beside the preview's green frame.
    Loader {
        id: readSound
        objectName: "readSound"
        source: "ReadSound.qml"
        onLoaded: item.source = root.kiosk.readSoundUrl
    }
    Connections {
        target: root.kiosk.camera
        function onCodeRead() {
            if (readSound.item)
                readSound.item.play()
        }
    }

    // The staff console covers the resident screens while it is open (always, on a console).
    Loader {
        objectName: "staffConsole"
        anchors.fill: parent
        transform: Translate { y: -root.keyboardShift }
        active: root.kiosk.staff.shown || root.kiosk.role === "console"
        sourceComponent: StaffScreen { kiosk: root.kiosk }
    }

    // The on-screen keyboard for typed entries (ID numbers, reasons), over everything.
    InputPanel {
        id: keyboard
        objectName: "keyboard"
        anchors { left: parent.left; right: parent.right }
        y: active ? parent.height - height : parent.height
        visible: active
    }

    Component {
        id: entry
        EntryRole { flow: root.kiosk.flow; camera: root.kiosk.camera; language: root.kiosk.language }
    }
    Component {
        id: station
        StationRole { flow: root.kiosk.station; camera: root.kiosk.camera }
    }
    Component {
        id: exit
        ExitRole { flow: root.kiosk.exit; camera: root.kiosk.camera }
    }
    Component {
        id: board
        BoardRole { wall: root.kiosk.wall }
    }
    Component {
        id: callboard
        CallboardRole { wall: root.kiosk.wall }
    }
    Component {
        id: unsupported
        ScreenTitle { text: qsTr("This device's role is not available yet.") }
    }
}
