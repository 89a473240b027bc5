import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import VaxKiosk

// Step 2: what was read. Both the health code and the ID are needed before the next step;
// the ID number is only ever shown masked.
Item {
    id: page
    required property EntryFlow flow
    required property CameraFeed camera
    readonly property real mm: Theme.mm

    function healthText(status) {
        switch (status) {
        case "green": return qsTr("Green code")
        case "yellow": return qsTr("Yellow code")
        case "red": return qsTr("Red code")
        case "checking": return qsTr("Checking…")
        case "unavailable": return qsTr("Could not be checked")
        default: return qsTr("Please show your health code")
        }
    }
    function healthColor(status) {
        switch (status) {
        case "green": return "#2e7d32"
        case "yellow": return "#f9a825"
        case "red": return "#c62828"
        case "unavailable": return "#6d4c41"
        default: return "#546e7a"
        }
    }

    // Side by side on a landscape screen, camera above the details on a portrait one.
    readonly property bool portrait: page.height > page.width

    GridLayout {
        anchors.fill: parent
        columns: page.portrait ? 1 : 2
        rowSpacing: 6 * page.mm
        columnSpacing: 8 * page.mm

        CameraPreview {
            Layout.preferredWidth: page.width * (page.portrait ? 0.6 : 0.3)
            Layout.preferredHeight: Layout.preferredWidth * 0.5625 + 16 * page.mm
            Layout.alignment: page.portrait ? Qt.AlignHCenter : Qt.AlignTop
            camera: page.camera
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 5 * page.mm

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 6 * page.mm
                rowSpacing: 5 * page.mm

                Text {
                    text: qsTr("Health code")
                    font.pixelSize: Theme.px(9)
                    color: Theme.inkSoft
                }
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: healthLabel.implicitHeight + 6 * page.mm
                    radius: 2 * page.mm
                    color: page.healthColor(page.flow.healthCode)
                    Text {
                        id: healthLabel
                        objectName: "scannedHealthCode"
                        anchors.centerIn: parent
                        width: parent.width - 4 * page.mm
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        color: "white"
                        font.pixelSize: Theme.px(10)
                        font.bold: true
                        text: page.healthText(page.flow.healthCode)
                    }
                }
                Text {
                    text: qsTr("ID number")
                    font.pixelSize: Theme.px(9)
                    color: Theme.inkSoft
                }
                Text {
                    objectName: "scannedId"
                    Layout.fillWidth: true
                    wrapMode: Text.WrapAnywhere
                    font.pixelSize: Theme.px(10)
                    font.bold: page.flow.maskedId.length > 0
                    color: Theme.ink
                    text: page.flow.maskedId.length > 0 ? page.flow.maskedId
                                                        : qsTr("Please show your electronic ID")
                }
            }

            Text {
                objectName: "scanProblem"
                Layout.fillWidth: true
                visible: page.flow.scanProblem.length > 0
                wrapMode: Text.WordWrap
                color: Theme.bad
                font.pixelSize: Theme.px(7)
                text: qsTr("This code is not a health code or an ID. Please show another one.")
            }

            Item { Layout.fillHeight: true }

            RowLayout {
                Layout.fillWidth: true
                spacing: 6 * page.mm
                BigButton {
                    objectName: "startOverButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 2
                    tone: Theme.neutral
                    text: qsTr("Start over")
                    onClicked: page.flow.restart()
                }
                BigButton {
                    objectName: "nextButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 3
                    enabled: page.flow.canProceed
                    text: qsTr("Next")
                    onClicked: page.flow.proceed()
                }
            }
        }
    }
}
