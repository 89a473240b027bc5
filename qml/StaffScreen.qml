import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import VaxKiosk

// The staff console over the whole window. It must never be mistaken for a resident screen:
// a purple band down the left edge, a purple "STAFF" header, and the device status strip.
Rectangle {
    id: console_
    required property KioskApp kiosk
    readonly property StaffConsole staff: kiosk.staff
    readonly property real mm: Theme.mm

    color: Theme.staffSurface

    // Touches anywhere keep the session alive (two idle minutes log out).
    TapHandler {
        gesturePolicy: TapHandler.DragThreshold
        onPressedChanged: console_.staff.noteActivity()
    }

    Rectangle {
        id: band
        objectName: "staffBand"
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: Math.round(5 * console_.mm)
        color: Theme.staffBand
    }

    ColumnLayout {
        anchors { left: band.right; right: parent.right; top: parent.top; bottom: parent.bottom }
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(22 * console_.mm)
            color: Theme.staffBand

            RowLayout {
                anchors { fill: parent; leftMargin: 4 * console_.mm; rightMargin: 3 * console_.mm }
                spacing: 3 * console_.mm
                Text {
                    objectName: "staffHeader"
                    color: Theme.onDark
                    font.pixelSize: Theme.px(9)
                    font.bold: true
                    font.letterSpacing: 2
                    text: qsTr("STAFF")
                }
                Text {
                    objectName: "staffSignedIn"
                    Layout.fillWidth: true
                    color: Theme.onDark
                    font.pixelSize: Theme.px(6)
                    // A narrow (portrait) header: the name goes on a second line.
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    text: console_.staff.signedIn
                          ? qsTr("Signed in: %1").arg(console_.staff.staffName)
                          : qsTr("Sign in to continue")
                }
                HeaderButton {
                    objectName: "staffLanguage"
                    text: console_.kiosk.language.code === "zh" ? "English" : "中文"
                    onClicked: console_.kiosk.language.toggle()
                }
                HeaderButton {
                    objectName: "staffLogout"
                    visible: console_.staff.signedIn
                    text: qsTr("Sign out")
                    onClicked: console_.staff.logout()
                }
                HeaderButton {
                    objectName: "staffClose"
                    visible: console_.kiosk.role !== "console"
                    text: qsTr("Close")
                    onClicked: console_.staff.close()
                }
            }
        }

        StatusStrip {
            objectName: "statusStrip"
            Layout.fillWidth: true
            status: console_.kiosk.status
        }

        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // The page fills what is left; its own implicit size must not feed back.
            Layout.preferredWidth: 0
            Layout.preferredHeight: 0
            Layout.margins: 4 * console_.mm
            sourceComponent: console_.staff.signedIn ? pages : login
        }
    }

    Component {
        id: login
        StaffLogin { staff: console_.staff; demoPin: console_.kiosk.demoStaffPin }
    }
    Component {
        id: pages
        StaffPages { kiosk: console_.kiosk }
    }
}
