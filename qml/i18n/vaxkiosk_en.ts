<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../CameraPreview.qml" line="9"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../CameraPreview.qml" line="87"/>
        <source>✓ Read</source>
        <translation>✓ Read</translation>
    </message>
    <message>
        <location filename="../CameraPreview.qml" line="88"/>
        <source>Reading the code…</source>
        <translation>Reading the code…</translation>
    </message>
</context>
<context>
    <name>ExitRole</name>
    <message>
        <location filename="../ExitRole.qml" line="32"/>
        <source>Hold your ticket under the camera</source>
        <translation>Hold your ticket under the camera</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="43"/>
        <source>Please scan your dose ticket</source>
        <translation>Please scan your dose ticket</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="53"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="54"/>
        <source>The ticket from the vaccination station says when you may leave.</source>
        <translation>The ticket from the vaccination station says when you may leave.</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="65"/>
        <source>This exit is out of service. Please see staff.</source>
        <translation>This exit is out of service. Please see staff.</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="66"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="81"/>
        <source>⚠ In observation: %1 (%2 overdue)</source>
        <translation>⚠ In observation: %1 (%2 overdue)</translation>
    </message>
    <message>
        <location filename="../ExitRole.qml" line="83"/>
        <source>In observation: %1</source>
        <translation>In observation: %1</translation>
    </message>
</context>
<context>
    <name>ExitVerdict</name>
    <message>
        <location filename="../ExitVerdict.qml" line="24"/>
        <source>You may leave</source>
        <translation>You may leave</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="25"/>
        <source>%1 minutes left</source>
        <translation>%1 minutes left</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="26"/>
        <source>Please see staff</source>
        <translation>Please see staff</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="27"/>
        <source>Not valid</source>
        <translation>Not valid</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="33"/>
        <source>This ticket was already scanned out.</source>
        <translation>This ticket was already scanned out.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="34"/>
        <source>Your observation time is over. Take care!</source>
        <translation>Your observation time is over. Take care!</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="35"/>
        <source>Please stay in the observation area until %1.</source>
        <translation>Please stay in the observation area until %1.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="36"/>
        <source>The ticket&apos;s time does not match this device&apos;s clock.</source>
        <translation>The ticket&apos;s time does not match this device&apos;s clock.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="39"/>
        <source>This is not a dose ticket. Please scan the ticket from the vaccination station.</source>
        <translation>This is not a dose ticket. Please scan the ticket from the vaccination station.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="40"/>
        <source>This is the queue slip. Please scan the dose ticket from the vaccination station.</source>
        <translation>This is the queue slip. Please scan the dose ticket from the vaccination station.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="41"/>
        <source>This ticket cannot be verified. Please see staff.</source>
        <translation>This ticket cannot be verified. Please see staff.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="42"/>
        <source>This ticket is from another vaccination site. Please see staff.</source>
        <translation>This ticket is from another vaccination site. Please see staff.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="43"/>
        <source>The ticket could not be read. Please try again or see staff.</source>
        <translation>The ticket could not be read. Please try again or see staff.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="44"/>
        <source>No dose is recorded for this ticket. Please see staff.</source>
        <translation>No dose is recorded for this ticket. Please see staff.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="45"/>
        <source>A doctor decides when you may leave. Please see staff.</source>
        <translation>A doctor decides when you may leave. Please see staff.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="46"/>
        <source>Please see staff.</source>
        <translation>Please see staff.</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="136"/>
        <source>For staff: %1</source>
        <translation>For staff: %1</translation>
    </message>
    <message>
        <location filename="../ExitVerdict.qml" line="145"/>
        <source>Tap the screen to continue</source>
        <translation>Tap the screen to continue</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../HourlyChart.qml" line="32"/>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <location filename="../HourlyChart.qml" line="33"/>
        <source>Doses</source>
        <translation>Doses</translation>
    </message>
    <message>
        <location filename="../HourlyChart.qml" line="34"/>
        <source>Exits</source>
        <translation>Exits</translation>
    </message>
    <message>
        <location filename="../HourlyChart.qml" line="46"/>
        <source>Per hour</source>
        <translation>Per hour</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="1"/>
        <source>Observation board</source>
        <translation>Observation board</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="1"/>
        <source>Call screen</source>
        <translation>Call screen</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="21"/>
        <source>VaxKiosk</source>
        <translation>VaxKiosk</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="104"/>
        <source>Vaccination station</source>
        <translation>Vaccination station</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="105"/>
        <source>Observation exit</source>
        <translation>Observation exit</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="106"/>
        <source>Staff console</source>
        <translation>Staff console</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="118"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="124"/>
        <source>Normal text</source>
        <translation>Normal text</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="124"/>
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="130"/>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="151"/>
        <source>Demo: tickets are written to %1</source>
        <translation>Demo: tickets are written to %1</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="217"/>
        <source>This device&apos;s role is not available yet.</source>
        <translation>This device&apos;s role is not available yet.</translation>
    </message>
    <message>
        <source>VaxKiosk entry check</source>
        <translation type="vanished">VaxKiosk entry check</translation>
    </message>
</context>
<context>
    <name>ObservationList</name>
    <message>
        <location filename="../ObservationList.qml" line="42"/>
        <source>In observation: %1</source>
        <translation>In observation: %1</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="53"/>
        <source>Not updated: %1</source>
        <translation>Not updated: %1</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="54"/>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="66"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="67"/>
        <source>Ends at</source>
        <translation>Ends at</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="120"/>
        <source>⚠ Overdue: not scanned out</source>
        <translation>⚠ Overdue: not scanned out</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="121"/>
        <source>✚ Under care (reaction)</source>
        <translation>✚ Under care (reaction)</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="122"/>
        <source>%1 min left</source>
        <translation>%1 min left</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="123"/>
        <source>✓ May leave</source>
        <translation>✓ May leave</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="135"/>
        <source>Nobody is in observation.</source>
        <translation>Nobody is in observation.</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="147"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../ObservationList.qml" line="155"/>
        <source>Back to scanning</source>
        <translation>Back to scanning</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <location filename="../QuestionScreen.qml" line="22"/>
        <source>Question %1 of %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <location filename="../QuestionScreen.qml" line="45"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../QuestionScreen.qml" line="53"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../QuestionScreen.qml" line="62"/>
        <source>Not sure</source>
        <translation>Not sure</translation>
    </message>
    <message>
        <location filename="../QuestionScreen.qml" line="73"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../ResultScreen.qml" line="1"/>
        <source>Offline number: this kiosk could not reach the site server</source>
        <translation>Offline number: this kiosk could not reach the site server</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="88"/>
        <source>Your ticket is printing: please take your ticket.</source>
        <translation>Your ticket is printing: please take your ticket.</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="89"/>
        <source>Printer problem: staff will give you your slip.</source>
        <translation>Printer problem: staff will give you your slip.</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="24"/>
        <source>One moment please…</source>
        <translation>One moment please…</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="29"/>
        <source>You already have %1 today</source>
        <translation>You already have %1 today</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="31"/>
        <source>You already checked in today: staff will assist you</source>
        <translation>You already checked in today: staff will assist you</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="33"/>
        <source>You were deferred today: please ask staff</source>
        <translation>You were deferred today: please ask staff</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="37"/>
        <source>Your queue number</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="38"/>
        <source>Please wait: staff will assist you</source>
        <translation>Please wait: staff will assist you</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="39"/>
        <source>No vaccination today</source>
        <translation>No vaccination today</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="40"/>
        <source>Something went wrong. Please ask staff.</source>
        <translation>Something went wrong. Please ask staff.</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="65"/>
        <source>People ahead of you: %1</source>
        <translation>People ahead of you: %1</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="76"/>
        <source>Please go to registration desk %1</source>
        <translation>Please go to registration desk %1</translation>
    </message>
    <message>
        <location filename="../ResultScreen.qml" line="109"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ScannedScreen</name>
    <message>
        <location filename="../ScannedScreen.qml" line="16"/>
        <source>Green code</source>
        <translation>Green code</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="17"/>
        <source>Yellow code</source>
        <translation>Yellow code</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="18"/>
        <source>Red code</source>
        <translation>Red code</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="19"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="20"/>
        <source>Could not be checked</source>
        <translation>Could not be checked</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="21"/>
        <source>Please show your health code</source>
        <translation>Please show your health code</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="62"/>
        <source>Health code</source>
        <translation>Health code</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="85"/>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="97"/>
        <source>Please show your electronic ID</source>
        <translation>Please show your electronic ID</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="108"/>
        <source>This code is not a health code or an ID. Please show another one.</source>
        <translation>This code is not a health code or an ID. Please show another one.</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="121"/>
        <source>Start over</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../ScannedScreen.qml" line="129"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>StaffCare</name>
    <message>
        <location filename="../StaffCare.qml" line="17"/>
        <source>Fainting</source>
        <translation>Fainting</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="18"/>
        <source>Allergic rash</source>
        <translation>Allergic rash</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="19"/>
        <source>Angioedema</source>
        <translation>Angioedema</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="20"/>
        <source>Laryngeal oedema</source>
        <translation>Laryngeal oedema</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="21"/>
        <source>Allergic purpura</source>
        <translation>Allergic purpura</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="22"/>
        <source>Febrile convulsion</source>
        <translation>Febrile convulsion</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="23"/>
        <source>Local infection</source>
        <translation>Local infection</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="24"/>
        <source>Myocarditis</source>
        <translation>Myocarditis</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="25"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="34"/>
        <source>Visit number</source>
        <translation>Visit number</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="53"/>
        <source>Reprint ticket</source>
        <translation>Reprint ticket</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="61"/>
        <source>Adverse reaction</source>
        <translation>Adverse reaction</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="87"/>
        <source>What was done (e.g. lying down, doctor called)</source>
        <translation>What was done (e.g. lying down, doctor called)</translation>
    </message>
    <message>
        <location filename="../StaffCare.qml" line="96"/>
        <source>Record reaction, extend observation 30 min</source>
        <translation>Record reaction, extend observation 30 min</translation>
    </message>
</context>
<context>
    <name>StaffDevices</name>
    <message>
        <location filename="../StaffDevices.qml" line="20"/>
        <source>working</source>
        <translation>working</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="21"/>
        <source>not working</source>
        <translation>not working</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="22"/>
        <source>not in use</source>
        <translation>not in use</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="23"/>
        <source>not known yet</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="24"/>
        <source>needs attention</source>
        <translation>needs attention</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="25"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="33"/>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="34"/>
        <source>no records service configured</source>
        <translation>no records service configured</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="36"/>
        <source>Records to upload</source>
        <translation>Records to upload</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="38"/>
        <source>%1 waiting, %2 refused</source>
        <translation>%1 waiting, %2 refused</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="39"/>
        <source>Trust list age</source>
        <translation>Trust list age</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="41"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffDevices.qml" line="41"/>
        <source>%n hours</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="42"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="44"/>
        <source>Thermometer</source>
        <translation>Thermometer</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="46"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../StaffDevices.qml" line="48"/>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
</context>
<context>
    <name>StaffFigures</name>
    <message>
        <location filename="../StaffFigures.qml" line="25"/>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="26"/>
        <source>Doses</source>
        <translation>Doses</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="27"/>
        <source>Fevers</source>
        <translation>Fevers</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="28"/>
        <source>Deferred</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="29"/>
        <source>Sent to staff</source>
        <translation>Sent to staff</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="30"/>
        <source>Adverse reactions</source>
        <translation>Adverse reactions</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="31"/>
        <source>Left early</source>
        <translation>Left early</translation>
    </message>
    <message>
        <location filename="../StaffFigures.qml" line="32"/>
        <source>Overdue in observation</source>
        <translation>Overdue in observation</translation>
    </message>
</context>
<context>
    <name>StaffLogin</name>
    <message>
        <location filename="../StaffLogin.qml" line="40"/>
        <source>Who are you?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="49"/>
        <source>No staff are configured on this kiosk ([[staff]] in the config).</source>
        <translation>No staff are configured on this kiosk ([[staff]] in the config).</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="85"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="97"/>
        <source>Locked after 5 wrong PINs. Try again in %1:%2.</source>
        <translation>Locked after 5 wrong PINs. Try again in %1:%2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffLogin.qml" line="104"/>
        <source>✕ Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>✕ Wrong PIN. %n try left.</numerusform>
            <numerusform>✕ Wrong PIN. %n tries left.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="105"/>
        <source>✕ The journal cannot record sign-ins. Call the technician.</source>
        <translation>✕ The journal cannot record sign-ins. Call the technician.</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="106"/>
        <source>✕ The console is not ready yet. Try again in a moment.</source>
        <translation>✕ The console is not ready yet. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="108"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="109"/>
        <source>Choose your name first.</source>
        <translation>Choose your name first.</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="110"/>
        <source>Type your PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="120"/>
        <source>Demo: the PIN is %1</source>
        <translation>Demo: the PIN is %1</translation>
    </message>
    <message>
        <location filename="../StaffLogin.qml" line="138"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>StaffManualId</name>
    <message>
        <location filename="../StaffManualId.qml" line="21"/>
        <source>Resident&apos;s ID number</source>
        <translation>Resident&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="37"/>
        <source>18 characters</source>
        <translation>18 characters</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="66"/>
        <source>✓ Valid number: %1</source>
        <translation>✓ Valid number: %1</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="67"/>
        <source>%1 of 18 characters</source>
        <translation>%1 of 18 characters</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="70"/>
        <source>✕ The last character does not match: a typing mistake?</source>
        <translation>✕ The last character does not match: a typing mistake?</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="71"/>
        <source>✕ Only digits, and X as the last character</source>
        <translation>✕ Only digits, and X as the last character</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="72"/>
        <source>✕ The birth date in the number does not exist</source>
        <translation>✕ The birth date in the number does not exist</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="73"/>
        <source>✕ The birth date in the number is in the future</source>
        <translation>✕ The birth date in the number is in the future</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="74"/>
        <source>✕ The region code is not valid</source>
        <translation>✕ The region code is not valid</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="75"/>
        <source>✕ The sequence number is not valid</source>
        <translation>✕ The sequence number is not valid</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="76"/>
        <source>✕ Not a valid ID number</source>
        <translation>✕ Not a valid ID number</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="78"/>
        <source>Type the number from the ID card.</source>
        <translation>Type the number from the ID card.</translation>
    </message>
    <message>
        <location filename="../StaffManualId.qml" line="47"/>
        <source>Use for the resident</source>
        <translation>Use for the resident</translation>
    </message>
</context>
<context>
    <name>StaffPages</name>
    <message>
        <location filename="../StaffPages.qml" line="27"/>
        <source>✕ Not done: %1</source>
        <translation>✕ Not done: %1</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="28"/>
        <source>Printer problem: %1</source>
        <translation>Printer problem: %1</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="31"/>
        <source>✓ Visit %1 queued as %2.</source>
        <translation>✓ Visit %1 queued as %2.</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="32"/>
        <source>✓ Visit %1 deferred.</source>
        <translation>✓ Visit %1 deferred.</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="34"/>
        <source>✓ Desk %1 calls: %2</source>
        <translation>✓ Desk %1 calls: %2</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="35"/>
        <source>Nobody is waiting for desk %1.</source>
        <translation>Nobody is waiting for desk %1.</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="36"/>
        <source>✓ Ticket of visit %1 reprinted.</source>
        <translation>✓ Ticket of visit %1 reprinted.</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="37"/>
        <source>✓ Reaction recorded for visit %1; observation extended.</source>
        <translation>✓ Reaction recorded for visit %1; observation extended.</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="54"/>
        <source>Decisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="55"/>
        <source>Type an ID</source>
        <translation>Type an ID</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="56"/>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="57"/>
        <source>Reprint / reaction</source>
        <translation>Reprint / reaction</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="58"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="59"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../StaffPages.qml" line="60"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
</context>
<context>
    <name>StaffQueue</name>
    <message>
        <location filename="../StaffQueue.qml" line="19"/>
        <source>Call the next people to a desk</source>
        <translation>Call the next people to a desk</translation>
    </message>
    <message>
        <location filename="../StaffQueue.qml" line="30"/>
        <source>Desk %1</source>
        <translation>Desk %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffQueue.qml" line="53"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../StaffQueue.qml" line="69"/>
        <source>Call %n to desk %1</source>
        <translation>
            <numerusform>Call %n to desk %1</numerusform>
            <numerusform>Call %n to desk %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffReviews</name>
    <message>
        <location filename="../StaffReviews.qml" line="22"/>
        <source>Fever</source>
        <translation>Fever</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="23"/>
        <source>Health code not checked</source>
        <translation>Health code not checked</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="24"/>
        <source>Health code service unavailable</source>
        <translation>Health code service unavailable</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="25"/>
        <source>Yellow health code</source>
        <translation>Yellow health code</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="26"/>
        <source>Red health code</source>
        <translation>Red health code</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="27"/>
        <source>Health code of another person</source>
        <translation>Health code of another person</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="28"/>
        <source>Thermometer could not measure</source>
        <translation>Thermometer could not measure</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="29"/>
        <source>Implausible temperature</source>
        <translation>Implausible temperature</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="30"/>
        <source>Contraindication</source>
        <translation>Contraindication</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="31"/>
        <source>Doctor must assess an answer</source>
        <translation>Doctor must assess an answer</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="32"/>
        <source>Unsure about a question</source>
        <translation>Unsure about a question</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="33"/>
        <source>Too soon after the last dose</source>
        <translation>Too soon after the last dose</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="34"/>
        <source>Already vaccinated today</source>
        <translation>Already vaccinated today</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="35"/>
        <source>Site server offline, no number left</source>
        <translation>Site server offline, no number left</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="40"/>
        <source>Doctor assessed the resident</source>
        <translation>Doctor assessed the resident</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="41"/>
        <source>Health code checked by hand</source>
        <translation>Health code checked by hand</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="42"/>
        <source>Temperature measured again: normal</source>
        <translation>Temperature measured again: normal</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="43"/>
        <source>Identity checked by hand</source>
        <translation>Identity checked by hand</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="44"/>
        <source>Resident declines today</source>
        <translation>Resident declines today</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="45"/>
        <source>Other (explain below)</source>
        <translation>Other (explain below)</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="59"/>
        <source>Waiting for a decision: %1</source>
        <translation>Waiting for a decision: %1</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="86"/>
        <source>Visit %1 · %2 · %3</source>
        <translation>Visit %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="112"/>
        <source>Reason for visit %1</source>
        <translation>Reason for visit %1</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="113"/>
        <source>Choose a visit on the left</source>
        <translation>Choose a visit on the left</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="113"/>
        <source>Choose a visit above</source>
        <translation>Choose a visit above</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="133"/>
        <source>Your words (required for &quot;Other&quot;)</source>
        <translation>Your words (required for &quot;Other&quot;)</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="145"/>
        <source>✓ Queue</source>
        <translation>✓ Queue</translation>
    </message>
    <message>
        <location filename="../StaffReviews.qml" line="154"/>
        <source>✕ Defer</source>
        <translation>✕ Defer</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <location filename="../StaffScreen.qml" line="48"/>
        <source>STAFF</source>
        <translation>STAFF</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="60"/>
        <source>Signed in: %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="61"/>
        <source>Sign in to continue</source>
        <translation>Sign in to continue</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="71"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../StaffScreen.qml" line="77"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StationOutcomeScreen</name>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="20"/>
        <source>Refused: this vaccine code was already used</source>
        <translation>Refused: this vaccine code was already used</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="21"/>
        <source>Refused: expired pack</source>
        <translation>Refused: expired pack</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="22"/>
        <source>Refused: not a vaccine of this site&apos;s catalogue</source>
        <translation>Refused: not a vaccine of this site&apos;s catalogue</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="23"/>
        <source>Refused: the slip is not genuine</source>
        <translation>Refused: the slip is not genuine</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="24"/>
        <source>Refused: the slip cannot be used</source>
        <translation>Refused: the slip cannot be used</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="25"/>
        <source>This station cannot record doses: call the technician</source>
        <translation>This station cannot record doses: call the technician</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="26"/>
        <source>Refused: the dose cannot be recorded</source>
        <translation>Refused: the dose cannot be recorded</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="33"/>
        <source>Do not use this pack. Scan another pack for the same person.</source>
        <translation>Do not use this pack. Scan another pack for the same person.</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="35"/>
        <source>Do not vaccinate. Send the person to the registration desk.</source>
        <translation>Do not vaccinate. Send the person to the registration desk.</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="36"/>
        <source>Do not vaccinate until the station works again.</source>
        <translation>Do not vaccinate until the station works again.</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="37"/>
        <source>Do not vaccinate. Check the visit with the registration desk.</source>
        <translation>Do not vaccinate. Check the visit with the registration desk.</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="74"/>
        <source>Bound: dose %1</source>
        <translation>Bound: dose %1</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="98"/>
        <source>The dose ticket is printing: give it to the person.</source>
        <translation>The dose ticket is printing: give it to the person.</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="99"/>
        <source>✗ Printer problem: the dose is recorded. Reprint the ticket.</source>
        <translation>✗ Printer problem: the dose is recorded. Reprint the ticket.</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="115"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="131"/>
        <source>Vaccine</source>
        <translation>Vaccine</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="139"/>
        <source>%1, lot %2</source>
        <translation>%1, lot %2</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="147"/>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="155"/>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="176"/>
        <source>This code was already bound:</source>
        <translation>This code was already bound:</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="187"/>
        <source>%1 at %2 (visit %3)</source>
        <translation>%1 at %2 (visit %3)</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="200"/>
        <location filename="../StationOutcomeScreen.qml" line="209"/>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="230"/>
        <source>Scanning the next slip also starts the next person.</source>
        <translation>Scanning the next slip also starts the next person.</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="231"/>
        <source>Scan a replacement to try again.</source>
        <translation>Scan a replacement to try again.</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="240"/>
        <source>✓ Reprinted</source>
        <translation>✓ Reprinted</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="240"/>
        <source>Reprint ticket</source>
        <translation>Reprint ticket</translation>
    </message>
    <message>
        <location filename="../StationOutcomeScreen.qml" line="248"/>
        <source>Next person</source>
        <translation>Next person</translation>
    </message>
</context>
<context>
    <name>StationScanScreen</name>
    <message>
        <location filename="../StationScanScreen.qml" line="80"/>
        <location filename="../StationScanScreen.qml" line="87"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="81"/>
        <source>%1   ID %2</source>
        <translation>%1   ID %2</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="82"/>
        <source>Waiting for the slip</source>
        <translation>Waiting for the slip</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="91"/>
        <source>Lot %1</source>
        <translation>Lot %1</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="93"/>
        <source>Expires %1</source>
        <translation>Expires %1</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="96"/>
        <source>Waiting for the vaccine code</source>
        <translation>Waiting for the vaccine code</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="101"/>
        <source>This station cannot record doses: call the technician</source>
        <translation>This station cannot record doses: call the technician</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="102"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="104"/>
        <source>Recording the dose…</source>
        <translation>Recording the dose…</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="106"/>
        <source>Now scan the vaccine pack</source>
        <translation>Now scan the vaccine pack</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="108"/>
        <source>Now scan the person&apos;s queue slip</source>
        <translation>Now scan the person&apos;s queue slip</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="109"/>
        <source>Scan the person&apos;s queue slip</source>
        <translation>Scan the person&apos;s queue slip</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="113"/>
        <source>That is not a queue slip or a vaccine code.</source>
        <translation>That is not a queue slip or a vaccine code.</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="114"/>
        <source>That is a dose ticket. Scan the person&apos;s queue slip.</source>
        <translation>That is a dose ticket. Scan the person&apos;s queue slip.</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="115"/>
        <source>A slip is already read. Scan the vaccine pack, or start over.</source>
        <translation>A slip is already read. Scan the vaccine pack, or start over.</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="116"/>
        <source>This dose is already recorded. Tap “Next person” first.</source>
        <translation>This dose is already recorded. Tap “Next person” first.</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="135"/>
        <source>Hold the code under the camera</source>
        <translation>Hold the code under the camera</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="156"/>
        <source>Reprinting the last ticket…</source>
        <translation>Reprinting the last ticket…</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="157"/>
        <source>✓ The last ticket was printed again.</source>
        <translation>✓ The last ticket was printed again.</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="158"/>
        <source>✗ Reprint failed: %1</source>
        <translation>✗ Reprint failed: %1</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="173"/>
        <source>Start over</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="182"/>
        <source>Reprint last ticket</source>
        <translation>Reprint last ticket</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="208"/>
        <source>Queue slip</source>
        <translation>Queue slip</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="217"/>
        <source>Vaccine pack code</source>
        <translation>Vaccine pack code</translation>
    </message>
    <message>
        <location filename="../StationScanScreen.qml" line="247"/>
        <source>Slip first, then the vaccine pack: the dose is recorded and its ticket printed as soon as both are read.</source>
        <translation>Slip first, then the vaccine pack: the dose is recorded and its ticket printed as soon as both are read.</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../StatusStrip.qml" line="1"/>
        <source>Site server</source>
        <translation>Site server</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="1"/>
        <source>%1 alarm(s)</source>
        <translation>%1 alarm(s)</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="1"/>
        <source>%1 to send</source>
        <translation>%1 to send</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="1"/>
        <source>Offline: working alone</source>
        <translation>Offline: working alone</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="64"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="65"/>
        <source>Paper low</source>
        <translation>Paper low</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="66"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="67"/>
        <source>Not working</source>
        <translation>Not working</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="68"/>
        <location filename="../StatusStrip.qml" line="140"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="69"/>
        <location filename="../StatusStrip.qml" line="93"/>
        <source>Not known yet</source>
        <translation>Not known yet</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="80"/>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="90"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="91"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="92"/>
        <source>Not set up</source>
        <translation>Not set up</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="99"/>
        <source>Uploads</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="106"/>
        <source>%1 refused</source>
        <translation>%1 refused</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="104"/>
        <source>%1 refused, %2 waiting</source>
        <translation>%1 refused, %2 waiting</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="107"/>
        <source>%1 waiting</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="108"/>
        <source>All sent</source>
        <translation>All sent</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="112"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="118"/>
        <source>Thermometer</source>
        <translation>Thermometer</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="124"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="130"/>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="132"/>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="132"/>
        <source>Not synced</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="136"/>
        <source>Trust list</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="141"/>
        <source>%1 h old</source>
        <translation>%1 h old</translation>
    </message>
    <message>
        <location filename="../StatusStrip.qml" line="142"/>
        <source>%1 days old</source>
        <translation>%1 days old</translation>
    </message>
</context>
<context>
    <name>TemperatureScreen</name>
    <message>
        <location filename="../TemperatureScreen.qml" line="22"/>
        <source>Once more, please stay still</source>
        <translation>Once more, please stay still</translation>
    </message>
    <message>
        <location filename="../TemperatureScreen.qml" line="23"/>
        <source>Temperature taken</source>
        <translation>Temperature taken</translation>
    </message>
    <message>
        <location filename="../TemperatureScreen.qml" line="24"/>
        <source>The thermometer could not measure you. Staff will help you.</source>
        <translation>The thermometer could not measure you. Staff will help you.</translation>
    </message>
    <message>
        <location filename="../TemperatureScreen.qml" line="25"/>
        <source>Please face the thermometer and stay still</source>
        <translation>Please face the thermometer and stay still</translation>
    </message>
    <message>
        <location filename="../TemperatureScreen.qml" line="47"/>
        <source>Measuring…</source>
        <translation>Measuring…</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Reading the code…</source>
        <translation type="vanished">Reading the code…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="vanished">Camera</translation>
    </message>
    <message>
        <location filename="../WelcomeScreen.qml" line="38"/>
        <source>Please show your health code</source>
        <translation>Please show your health code</translation>
    </message>
    <message>
        <location filename="../WelcomeScreen.qml" line="47"/>
        <source>Hold your phone&apos;s health code, then your electronic ID, in front of the camera.</source>
        <translation>Hold your phone&apos;s health code, then your electronic ID, in front of the camera.</translation>
    </message>
    <message>
        <location filename="../WelcomeScreen.qml" line="58"/>
        <source>This kiosk is out of service. Please ask staff.</source>
        <translation>This kiosk is out of service. Please ask staff.</translation>
    </message>
    <message>
        <location filename="../WelcomeScreen.qml" line="59"/>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
</context>
<context>
    <name>CallboardRole</name>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Registration desk %1</source>
        <translation>Registration desk %1</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>No number called yet</source>
        <translation>No number called yet</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Called again: %1</source>
        <translation>Called again: %1</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Waiting: %1</source>
        <translation>Waiting: %1</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Missed: %1</source>
        <translation>Missed: %1</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../CallboardRole.qml" line="1"/>
        <source>Site server not reachable: the calls shown may be old (%1)</source>
        <translation>Site server not reachable: the calls shown may be old (%1)</translation>
    </message>
</context>
<context>
    <name>BoardRole</name>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>In observation: %1 · overdue: %2 · under care: %3</source>
        <translation>In observation: %1 · overdue: %2 · under care: %3</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>May leave</source>
        <translation>May leave</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Under care: adverse reaction</source>
        <translation>Under care: adverse reaction</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Overdue: not scanned out</source>
        <translation>Overdue: not scanned out</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Code not yet confirmed</source>
        <translation>Code not yet confirmed</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../BoardRole.qml" line="1"/>
        <source>Site server not reachable: this list may be old (%1)</source>
        <translation>Site server not reachable: this list may be old (%1)</translation>
    </message>
</context>
</TS>
