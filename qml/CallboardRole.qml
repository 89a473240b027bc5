import QtQuick
import QtQuick.Layouts
import VaxKiosk

// The call screen (叫号屏) on the hall's wall: for each desk, the numbers called now in very
// large type ("请 A001–A010 到 A 登记台"), recalls highlighted, how many are waiting and who
// missed their call. Read from the site server; offline, the last calls stay with a warning.
Item {
    id: role
    required property WallScreen wall
    readonly property real mm: Theme.mm
    readonly property bool portrait: role.height > role.width

    GridLayout {
        anchors { fill: parent; margins: 4 * role.mm; bottomMargin: footer.height + 6 * role.mm }
        columns: role.portrait ? 1 : Math.max(1, role.wall.desks.length)
        rowSpacing: 4 * role.mm
        columnSpacing: 4 * role.mm

        Repeater {
            model: role.wall.desks
            delegate: Rectangle {
                id: deskPanel
                required property var modelData
                required property int index
                objectName: "callDesk" + modelData.desk
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: 3 * role.mm
                color: Theme.primary

                ColumnLayout {
                    anchors { fill: parent; margins: 5 * role.mm }
                    spacing: 3 * role.mm

                    Text {
                        Layout.fillWidth: true
                        color: Theme.onDark
                        font.pixelSize: Theme.px(12)
                        font.bold: true
                        text: qsTr("Registration desk %1").arg(deskPanel.modelData.desk)
                    }
                    Text {
                        objectName: "calledNumbers"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        wrapMode: Text.WordWrap
                        fontSizeMode: Text.Fit
                        minimumPixelSize: Theme.px(10)
                        font.pixelSize: Theme.px(40)
                        font.bold: true
                        color: Theme.onDark
                        text: deskPanel.modelData.called !== "" ? deskPanel.modelData.called : "—"
                    }
                    Text {
                        objectName: "callSentence"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        color: Theme.onDark
                        font.pixelSize: Theme.px(10)
                        text: deskPanel.modelData.sentenceZh !== ""
                              ? deskPanel.modelData.sentenceZh + "\n" + deskPanel.modelData.sentenceEn
                              : qsTr("No number called yet")
                    }
                    Rectangle {
                        objectName: "recalled"
                        Layout.fillWidth: true
                        visible: deskPanel.modelData.recalled.length > 0
                        implicitHeight: recallText.implicitHeight + 3 * role.mm
                        radius: 2 * role.mm
                        color: Theme.warn
                        Text {
                            id: recallText
                            objectName: "recalledText"
                            anchors.centerIn: parent
                            width: parent.width - 4 * role.mm
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.px(10)
                            font.bold: true
                            color: Theme.ink
                            text: qsTr("Called again: %1").arg(deskPanel.modelData.recalled.join("、"))
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Text {
                            objectName: "waiting"
                            Layout.fillWidth: true
                            color: Theme.onDark
                            font.pixelSize: Theme.px(8)
                            text: qsTr("Waiting: %1").arg(deskPanel.modelData.waiting)
                        }
                        Text {
                            objectName: "skipped"
                            visible: deskPanel.modelData.skipped !== ""
                            color: Theme.onDark
                            font.pixelSize: Theme.px(7)
                            text: qsTr("Missed: %1").arg(deskPanel.modelData.skipped)
                        }
                    }
                }
            }
        }
    }

    Text {
        id: footer
        objectName: "wallState"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 4 * role.mm }
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.px(6)
        color: role.wall.online ? Theme.inkSoft : Theme.bad
        text: role.wall.online
              ? qsTr("Updated %1").arg(Qt.formatTime(role.wall.updated, "HH:mm:ss"))
              : qsTr("Site server not reachable: the calls shown may be old (%1)").arg(role.wall.error)
    }
}
