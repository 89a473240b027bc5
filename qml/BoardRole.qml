import QtQuick
import QtQuick.Layouts
import VaxKiosk

// The observation board (留观屏): everyone in observation at the site, from every station,
// soonest to end first, with a countdown each. Overdue and people under care stand out; a
// dose bound while a station was offline is marked until the site has checked its code.
Item {
    id: role
    required property WallScreen wall
    readonly property real mm: Theme.mm
    // The countdowns run between reads of the site server.
    property double nowMs: Date.now()

    Timer {
        interval: 1000
        running: true
        repeat: true
        onTriggered: role.nowMs = Date.now()
    }

    function timeLeft(endsAtMs) {
        const seconds = Math.max(0, Math.ceil((endsAtMs - role.nowMs) / 1000))
        const m = Math.floor(seconds / 60)
        const s = seconds % 60
        return m + ":" + (s < 10 ? "0" : "") + s
    }

    ColumnLayout {
        anchors { fill: parent; margins: 4 * role.mm }
        spacing: 3 * role.mm

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: title.implicitHeight + 4 * role.mm
            radius: 2 * role.mm
            color: Theme.primary
            Text {
                id: title
                objectName: "boardTitle"
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 3 * role.mm }
                color: Theme.onDark
                font.pixelSize: Theme.px(10)
                font.bold: true
                wrapMode: Text.WordWrap
                text: qsTr("In observation: %1 · overdue: %2 · under care: %3")
                      .arg(role.wall.people.length).arg(role.wall.overdueCount)
                      .arg(role.wall.reactionCount)
            }
        }

        GridView {
            id: grid
            objectName: "boardPeople"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            readonly property int columns: Math.max(1, Math.floor(width / (95 * role.mm)))
            cellWidth: width / columns
            cellHeight: 40 * role.mm
            model: role.wall.people
            delegate: Item {
                id: cell
                required property var modelData
                readonly property bool ended: cell.modelData.endsAtMs <= role.nowMs
                width: grid.cellWidth
                height: grid.cellHeight
                Rectangle {
                    anchors { fill: parent; margins: 1.5 * role.mm }
                    radius: 2 * role.mm
                    border.width: cell.modelData.overdue || cell.modelData.reaction ? 1 * role.mm : 0
                    border.color: cell.modelData.reaction ? Theme.bad : Theme.warn
                    color: cell.modelData.reaction ? "#ffebee"
                           : cell.modelData.overdue ? "#fff8e1"
                           : cell.ended ? "#e8f5e9" : "#ffffff"
                    ColumnLayout {
                        anchors { fill: parent; margins: 3 * role.mm }
                        spacing: 1 * role.mm
                        RowLayout {
                            Layout.fillWidth: true
                            Text {
                                Layout.fillWidth: true
                                font.pixelSize: Theme.px(9)
                                font.bold: true
                                color: Theme.ink
                                text: cell.modelData.number
                            }
                            Text {
                                objectName: "countdown"
                                font.pixelSize: Theme.px(cell.ended ? 8 : 12)
                                font.bold: true
                                font.family: cell.ended ? Qt.application.font.family : "monospace"
                                color: cell.ended ? Theme.ok : Theme.ink
                                text: cell.ended ? qsTr("May leave") : role.timeLeft(cell.modelData.endsAtMs)
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            font.pixelSize: Theme.px(6)
                            color: Theme.inkSoft
                            text: cell.modelData.maskedId + " · " + cell.modelData.station
                        }
                        Text {
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            visible: cell.modelData.reaction || cell.modelData.overdue || !cell.modelData.confirmed
                            font.pixelSize: Theme.px(6)
                            font.bold: true
                            color: cell.modelData.reaction ? Theme.bad : Theme.inkSoft
                            text: cell.modelData.reaction ? qsTr("Under care: adverse reaction")
                                  : cell.modelData.overdue ? qsTr("Overdue: not scanned out")
                                  : qsTr("Code not yet confirmed")
                        }
                        Item { Layout.fillHeight: true }
                    }
                }
            }
        }

        Text {
            objectName: "wallState"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.px(6)
            color: role.wall.online ? Theme.inkSoft : Theme.bad
            text: role.wall.online
                  ? qsTr("Updated %1").arg(Qt.formatTime(role.wall.updated, "HH:mm:ss"))
                  : qsTr("Site server not reachable: this list may be old (%1)").arg(role.wall.error)
        }
    }
}
