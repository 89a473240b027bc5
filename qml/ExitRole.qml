import QtQuick
import QtQuick.Layouts
import VaxKiosk

// The observation exit: people scan their dose ticket and see whether they may leave; staff
// open the list of everyone in observation. The verdict covers both for a few seconds.
Item {
    id: role
    required property ExitFlow flow
    required property CameraFeed camera
    readonly property real mm: Theme.mm
    property bool showList: false
    // Side by side on a landscape screen, camera above the words on a portrait one.
    readonly property bool portrait: role.height > role.width

    Item {
        id: scanPage
        anchors.fill: parent
        visible: !role.showList

        GridLayout {
            anchors { left: parent.left; right: parent.right; top: parent.top; bottom: staffButton.top; bottomMargin: 4 * role.mm }
            columns: role.portrait ? 1 : 2
            rowSpacing: 6 * role.mm
            columnSpacing: 8 * role.mm

            CameraPreview {
                Layout.preferredWidth: role.width * (role.portrait ? 0.9 : 0.5)
                Layout.preferredHeight: implicitHeight
                Layout.alignment: role.portrait ? Qt.AlignHCenter : Qt.AlignVCenter
                camera: role.camera
                idleText: qsTr("Hold your ticket under the camera")
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 6 * role.mm

                Item { Layout.fillHeight: true }
                ScreenTitle {
                    objectName: "exitTitle"
                    Layout.fillWidth: true
                    text: qsTr("Please scan your dose ticket")
                }
                Text {
                    objectName: "exitHint"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Theme.inkSoft
                    font.pixelSize: Theme.px(8)
                    text: role.flow.state === ExitFlow.Checking
                          ? qsTr("Checking…")
                          : qsTr("The ticket from the vaccination station says when you may leave.")
                }
                Text {
                    objectName: "setupError"
                    Layout.fillWidth: true
                    visible: !role.flow.ready
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Theme.bad
                    font.pixelSize: Theme.px(7)
                    text: role.flow.setupError.length > 0
                          ? qsTr("This exit is out of service. Please see staff.")
                          : qsTr("Starting…")
                }
                Item { Layout.fillHeight: true }
            }
        }

        // Staff: the list of people in observation; overdue ones are counted on the button.
        BigButton {
            id: staffButton
            objectName: "observationButton"
            anchors { right: parent.right; bottom: parent.bottom }
            implicitHeight: Math.round(18 * role.mm)
            tone: role.flow.observation.overdueCount > 0 ? Theme.bad : Theme.staffBand
            font.pixelSize: Theme.px(7)
            text: role.flow.observation.overdueCount > 0
                  ? qsTr("⚠ In observation: %1 (%2 overdue)").arg(role.flow.observation.count)
                                                              .arg(role.flow.observation.overdueCount)
                  : qsTr("In observation: %1").arg(role.flow.observation.count)
            onClicked: { role.flow.refreshObservation(); role.showList = true }
        }
    }

    ObservationList {
        anchors.fill: parent
        visible: role.showList
        flow: role.flow
        onClosed: role.showList = false
    }

    ExitVerdict {
        anchors.fill: parent
        visible: role.flow.state === ExitFlow.Result
        flow: role.flow
    }
}
