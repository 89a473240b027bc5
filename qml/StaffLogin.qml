import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import VaxKiosk

// Sign-in: choose your name, type your PIN on the keypad. The PIN is never shown, only dots.
// After five wrong PINs the console stays locked for five minutes, with a countdown.
Item {
    id: page
    required property StaffConsole staff
    property string demoPin: ""
    readonly property real mm: Theme.mm
    property string chosenId: staff.staffList.length === 1 ? staff.staffList[0].id : ""
    property string pin: ""
    readonly property bool locked: staff.lockedSeconds > 0
    // Names beside the keypad on a landscape screen, above it on a portrait one.
    readonly property bool portrait: page.height > page.width

    Connections {
        target: page.staff
        function onLoginChanged() { page.pin = "" }
    }

    GridLayout {
        anchors.fill: parent
        columns: page.portrait ? 1 : 2
        rowSpacing: 6 * page.mm
        columnSpacing: 8 * page.mm

        // Who is signing in.
        ColumnLayout {
            Layout.fillWidth: page.portrait
            Layout.preferredWidth: page.portrait ? -1 : parent.width * 0.4
            Layout.fillHeight: !page.portrait
            spacing: 3 * page.mm
            Text {
                font.pixelSize: Theme.px(7)
                font.bold: true
                color: Theme.ink
                text: qsTr("Who are you?")
            }
            Text {
                objectName: "noStaff"
                visible: page.staff.staffList.length === 0
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.px(6)
                color: Theme.bad
                text: qsTr("No staff are configured on this kiosk ([[staff]] in the config).")
            }
            ListView {
                objectName: "staffChoices"
                Layout.fillWidth: true
                Layout.fillHeight: !page.portrait
                // Portrait: as tall as the names, up to three of them (the list scrolls).
                Layout.preferredHeight: page.portrait ? Math.min(contentHeight, Math.round(58 * page.mm)) : -1
                clip: true
                spacing: 2 * page.mm
                model: page.staff.staffList
                delegate: BigButton {
                    required property var modelData
                    width: ListView.view.width
                    implicitHeight: Math.round(18 * page.mm)
                    font.pixelSize: Theme.px(7)
                    tone: page.chosenId === modelData.id ? Theme.staffBand : Theme.neutral
                    // A chosen name is marked by a check as well as the colour.
                    text: (page.chosenId === modelData.id ? "✓ " : "") + modelData.name
                    onClicked: { page.chosenId = modelData.id; page.pin = "" }
                }
            }
        }

        // The PIN.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 3 * page.mm

            Text {
                objectName: "pinDots"
                Layout.alignment: Qt.AlignHCenter
                font.pixelSize: Theme.px(12)
                font.letterSpacing: 4
                color: Theme.ink
                text: page.pin.length > 0 ? "●".repeat(page.pin.length) : qsTr("PIN")
            }
            Text {
                objectName: "loginMessage"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.px(6)
                font.bold: true
                color: page.staff.loginProblem === "" ? Theme.inkSoft : Theme.bad
                text: {
                    if (page.locked)
                        return qsTr("Locked after 5 wrong PINs. Try again in %1:%2.")
                            .arg(Math.floor(page.staff.lockedSeconds / 60))
                            .arg(("0" + page.staff.lockedSeconds % 60).slice(-2))
                    switch (page.staff.loginProblem) {
                    case "wrong_pin":
                    case "unknown_staff":
                    case "bad_format":
                        return qsTr("✕ Wrong PIN. %n tries left.", "", page.staff.triesLeft)
                    case "journal_error": return qsTr("✕ The journal cannot record sign-ins. Call the technician.")
                    case "not_ready": return qsTr("✕ The console is not ready yet. Try again in a moment.")
                    default:
                        return page.staff.busy ? qsTr("Checking…")
                                               : page.chosenId === "" ? qsTr("Choose your name first.")
                                                                      : qsTr("Type your PIN.")
                    }
                }
            }
            Text {
                objectName: "demoPin"
                visible: page.demoPin !== ""
                Layout.alignment: Qt.AlignHCenter
                font.pixelSize: Theme.px(5)
                color: Theme.inkSoft
                text: qsTr("Demo: the PIN is %1").arg(page.demoPin)
            }
            GridLayout {
                objectName: "pinPad"
                Layout.alignment: Qt.AlignHCenter
                columns: 3
                rowSpacing: 2 * page.mm
                columnSpacing: 2 * page.mm
                enabled: !page.locked && !page.staff.busy && page.chosenId !== ""
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                    BigButton {
                        required property string modelData
                        objectName: "pinKey" + modelData
                        // Portrait: the height to spare goes into larger keys.
                        implicitWidth: Math.round((page.portrait ? 36 : 28) * page.mm)
                        implicitHeight: Math.round((page.portrait ? 21 : 17) * page.mm)
                        tone: modelData === "OK" ? Theme.staffBand : Theme.neutral
                        text: modelData === "OK" ? qsTr("OK") : modelData
                        onClicked: {
                            page.staff.noteActivity()
                            if (modelData === "⌫")
                                page.pin = page.pin.slice(0, -1)
                            else if (modelData === "OK")
                                page.staff.login(page.chosenId, page.pin)
                            else if (page.pin.length < 8)
                                page.pin += modelData
                        }
                    }
                }
            }
            // Portrait: the keypad right under the names, the room to spare below it.
            Item { visible: page.portrait; Layout.fillHeight: true }
        }
    }
}
