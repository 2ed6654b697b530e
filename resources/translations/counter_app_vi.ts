<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <source>Same day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0912 345 678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorised &amp;representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Giấy ủy quyền số 12/GUQ ngày 20/11/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant &amp;kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identifier type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier n&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identi&amp;fier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorisation &amp;letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 digits, e.g. 066190001234</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits, or 10 + branch: 0100109106-001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters and digits, e.g. C1234567</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterStatusBar</name>
    <message>
        <source>Counter {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentChecklist</name>
    <message>
        <source>Documents received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a procedure to see its documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Originals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo-
copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cert.
copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certified copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photocopies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>No dossier open. Press F3 to find one, or scan a receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {reference}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>&amp;Reprint receipt (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due for result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Originally due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorisation document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Originals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certified copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photocopies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. {entry}, book {book}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print log ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counter {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message>
        <source>Scan a receipt, or type a code, name, phone or identifier, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or scan something to search for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Enter or double-click opens one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The search failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FoundTableModel</name>
    <message>
        <source>Code / number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>&amp;Tick all received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive dossier  (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request supplement  (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse  (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show last form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Procedure (type words of its name or code):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of &amp;sets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result &amp;collected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time}, {weekday} {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last time ({day}) we asked for a supplement: {items}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last time ({day}) the request was refused: {reasons}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{number}, {procedure}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. Correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: {code} — due {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement request issued: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal issued: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{department} · {field}
Time limit: {limit}
Fee: {fee}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePresenter</name>
    <message>
        <source>Printed {reference}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reference} is saved, but printing failed: {reason} Reprint it with &quot;Show last form&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing {reference}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Received at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt (Form 01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement request (Form 02)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal (Form 03)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal identification number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise / tax code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By public postal service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online (electronic result)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted in working hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counted by the Civil Code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>counter_app — Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not log in: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>counter_app — Counter {n} — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dossier is open to reprint. Find one first (F3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searched “{query}”: {count} found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier {reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued {document} {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed {document} {reference} → {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing {document} {reference} failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must contain both letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords. Try again after {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such user: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user name has 1 to 60 letters, digits, dots, dashes or underscores (no accents).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role {role}; use reception, department, supervisor or admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name {name} is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No procedure with code {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue file has {count} error(s); nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &quot;{document}&quot;: the brackets hold no counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &quot;{document}&quot;: &quot;{item}&quot; is not a count; write B:n, BS:n or BP:n.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &quot;{document}&quot;: {key} is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &quot;{document}&quot;: a count must be at most {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &quot;{document}&quot;: at least one count must be above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &quot;{document}&quot;: unbalanced brackets; write counts as [B:n; BS:n; BP:n] at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document entry has no name: &quot;{document}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &quot;{document}&quot;: the name is longer than {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (byte {position}). Save it as &quot;CSV UTF-8&quot; and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet cannot be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported file type &quot;{suffix}&quot;: use a .csv or .xlsx file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &quot;{column}&quot; appears more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The required column &quot;{column}&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fee cannot be negative: &quot;{value}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fee &quot;{value}&quot; is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fee &quot;{value}&quot; is not a whole number of đồng (e.g. 50.000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is longer than {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code &quot;{value}&quot; may contain only letters A–Z, digits, dots and dashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code &quot;{value}&quot; may contain only letters A–Z, digits, dots, dashes and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is longer than {max} characters ({length}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The procedure lists no documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cell must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A same-day (&quot;trong ngày&quot;) limit takes no number; leave it empty or 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown unit &quot;{value}&quot;: use working-days, calendar-days or working-hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time limit &quot;{value}&quot; is not a whole number from 0 to {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown counting rule &quot;{value}&quot;: use working-hours or civil, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not yes or no (có / không).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department {code} is named &quot;{first_name}&quot; in row {first_row}; use one name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field {code} is named &quot;{first_name}&quot; in row {first_row}; use one name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field {code} belongs to department {first_department} in row {first_row}; a field has one department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row 1 must hold the column names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; already appears in row {first_row}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no procedures under its header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dossier with code {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No slip with number {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid input: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dossier is incomplete ({count} required documents not ticked: {names}). Request a supplement instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List at least one document to add or one thing to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reasons for the refusal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose individual or organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex must be male or female.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind of identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the representative&apos;s identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the receipt time as YYYY-MM-DD HH:MM, a real date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt time cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt time is too far in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of sets must be a whole number from 1 to {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;{name}&quot; is not a document of this procedure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document counts must be between 0 and 99.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a procedure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the result will be collected: counter, post or online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must be a text string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the receiving officer&apos;s user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents must be &quot;all&quot; or a list of document names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has no schema yet. Ask the administrator to run: counter-app db init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema ({current}) is older than this program ({head}). Ask the administrator to run: counter-app db upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema ({current}) is newer than this program ({head}). Install the newer program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New (online)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for fees or taxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by the applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field can have at most {max_len} characters (it has {length}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The character &apos;{char}&apos; ({codepoint}) is not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text contains an unassigned or private-use character ({codepoint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name must contain at least one letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A personal identification number may contain only digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A personal identification number must have exactly 12 digits (it has {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first three digits ({code}) are not a province code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth year encoded in the number ({year}) is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 4th digit indicates birth between {start} and {end}, but the date of birth is in {year}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits 5-6 ({digits}) do not match the year of birth {year}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 4th digit indicates a man, but the sex entered is female.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 4th digit indicates a woman, but the sex entered is male.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tax code has 10 digits, 10 digits plus a 3-digit branch number (0100109106-001), or 12 digits for an individual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit of tax code {code} is wrong; check the number for typing mistakes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The branch number after the hyphen must be between 001 and 999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passport number may contain only the letters A-Z and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passport number must have 6 to 20 characters (it has {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passport number must contain at least one digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, dots, dashes, brackets and a leading +84.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Vietnamese phone number starts with 0 or +84.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number has 10 digits (mobile) or 11 digits (landline); this one has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers starting with {prefix} were 11-digit mobile numbers changed to 10 digits in 2018; ask for the current number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prefix} is not a Vietnamese mobile network prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile number must have 10 digits (it has {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prefix} is not a Vietnamese landline area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A landline number must have 11 digits including the area code (it has {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prefix} is not a Vietnamese phone number prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email address like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before @ in the email address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain after @ in the email address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date as DD/MM/YYYY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a real date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth is more than {years} years ago.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, please choose your own password before you start. It needs at least 8 characters, with letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be changed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintOutput</name>
    <message>
        <source>The document could not be prepared: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: {reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is available ({name}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>Type words of the name or the code, e.g. &quot;ly lich tu phap&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {shown} of {total} procedures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcedureTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>Refuse the request (Form 03)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reasons for the refusal (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refuse and print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlipView</name>
    <message>
        <source>&amp;Reprint (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorisation document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document to add or fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Originals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certified copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photocopies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes and reasons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Request a supplement (Form 02)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Documents to add (Space ticks or unticks):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other things to add or &amp;fix (one per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issue and print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything missing must be listed now, once and completely.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
