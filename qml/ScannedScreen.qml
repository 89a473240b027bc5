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
    readonly property real mm: Math.max(Screen.pixelDensity, 3.78)

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

    RowLayout {
        anchors.fill: parent
        spacing: 8 * page.mm

        Rectangle {
            Layout.preferredWidth: parent.width * 0.3
            Layout.preferredHeight: Layout.preferredWidth * 0.5625
            Layout.alignment: Qt.AlignTop
            color: "black"
            radius: 2 * page.mm
            Image {
                anchors.fill: parent
                anchors.margins: 1 * page.mm
                fillMode: Image.PreserveAspectFit
                cache: false
                source: "image://camera/" + page.camera.frameNumber
            }
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
                    font.pixelSize: Math.round(9 * page.mm)
                    color: "#334e68"
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
                        font.pixelSize: Math.round(10 * page.mm)
                        font.bold: true
                        text: page.healthText(page.flow.healthCode)
                    }
                }
                Text {
                    text: qsTr("ID number")
                    font.pixelSize: Math.round(9 * page.mm)
                    color: "#334e68"
                }
                Text {
                    objectName: "scannedId"
                    Layout.fillWidth: true
                    wrapMode: Text.WrapAnywhere
                    font.pixelSize: Math.round(10 * page.mm)
                    font.bold: page.flow.maskedId.length > 0
                    color: "#102a43"
                    text: page.flow.maskedId.length > 0 ? page.flow.maskedId
                                                        : qsTr("Please show your electronic ID")
                }
            }

            Text {
                objectName: "scanProblem"
                Layout.fillWidth: true
                visible: page.flow.scanProblem.length > 0
                wrapMode: Text.WordWrap
                color: "#b71c1c"
                font.pixelSize: Math.round(7 * page.mm)
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
                    tone: "#607d8b"
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
