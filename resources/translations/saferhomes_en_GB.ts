<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AdminCommand</name>
    <message>
        <source>The central database %1 is up to date (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The central database %1 is at schema %2 (%n migration(s) applied).</source>
        <translation>
            <numerusform>The central database %1 is at schema %2 (%n migration applied).</numerusform>
            <numerusform>The central database %1 is at schema %2 (%n migrations applied).</numerusform>
        </translation>
    </message>
    <message>
        <source>no password on stdin for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2) to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2, areas: %3) to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household %1 is erased on %2; devices remove its personal data when they next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed; try again when the server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreaResolver</name>
    <message>
        <source>cannot add the area %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>cannot write the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoScheduler</name>
    <message>
        <source>A schedule needs a first day and at least one day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no fitter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 is %2: only an open job can be scheduled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduling run was cancelled; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetRepository</name>
    <message>
        <source>budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A budget cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a financial year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting a budget: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no area %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the budgets waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the refused budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only managers and admins set budgets; this register syncs as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueChange</name>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CentralAdmin</name>
    <message>
        <source>cannot commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be a login name: use a lower-case letter, then up to 62 lower-case letters, digits or underscores (not starting with sh_ or pg_)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a role: use one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot lock the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the server version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the central database needs PostgreSQL 15 or later; %1 runs version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may not create roles: run init-server as the database owner with CREATEROLE, or as a superuser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make %1 an admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a household id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot erase household %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the central database has schema %1, newer than this version of SaferHomes understands (%2): update SaferHomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot update the central database to schema %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the schema version in schema_info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a password is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the central database at %1 has schema %2, not %3: run Ჭmin init-server” first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot add %1 as a fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>area “%1” was not known and has been created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a login named %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the login %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the area %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot assign the area %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CentralConnection</name>
    <message>
        <source>the host address is missing its closing “]”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected text after the host address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a port number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a connection parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URI may not hold a password: set PGPASSWORD instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value of %1 may not contain “;”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to %1 does not verify the server&apos;s certificate: add sslmode=verify-full to the URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a postgresql:// URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>several hosts in one URI are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PostgreSQL driver of Qt SQL (QPSQL) is not installed; on Debian it is the package libqt6sql6-psql</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach the central database at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the central database at %1 refused the connection: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeDownload</name>
    <message>
        <source>the central database sent a watermark that is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot download the changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeHouseholdStatusCommand</name>
    <message>
        <source>Change status to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>survey recommend needs --answers FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin %1 needs --server URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin erase needs --household ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin add-user needs --name NAME and --role ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync needs --server URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “saferhomes-cli --help” for the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 is ready (schema %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--households takes a whole number from 0 to 10000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed takes a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote demo data: %1 households (seed %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line %2%3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing imported: %n record(s) have problems.</source>
        <translation>
            <numerusform>Nothing imported: %n record has problems.</numerusform>
            <numerusform>Nothing imported: %n records have problems.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n household(s) would be imported.</source>
        <translation>
            <numerusform>Dry run: %n household would be imported.</numerusform>
            <numerusform>Dry run: %n households would be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n household(s).</source>
        <translation>
            <numerusform>Imported %n household.</numerusform>
            <numerusform>Imported %n households.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n household(s) to %1.</source>
        <translation>
            <numerusform>Exported %n household to %1.</numerusform>
            <numerusform>Exported %n households to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>households set needs --uprn U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not FIELD=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no household has UPRN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated household %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households: %1
Offered: %2, accepted: %3, take-up: %4%
Secured: %5 of target %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs create needs --from-packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: saferhomes-cli [--db PATH] [--json] COMMAND

Commands:
  init                                  create or migrate the local database
  demo [--households N] [--seed S]      fill an empty database with demo data
  households import FILE [--dry-run] [--skip-invalid]
                                        import eligible households from CSV
  households export FILE                write every household to CSV
  households count                      count households
  households set --uprn U FIELD=VALUE...
                                        edit a household (audited)
  report progress                       funnel, take-up and secured vs target
  report quarterly --period 2024/25-Q3 [--format json|csv|xlsx|pdf] [--out FILE]
                                        the quarterly return (UK financial quarter;
                                        exit 2 for a malformed period, 1 for a quarter
                                        not yet started); xlsx and pdf need --out
  report quarterly --period P --freeze | --frozen | --variances
                                        freeze the submitted return (JSON and SHA-256),
                                        print it as frozen, or compare today&apos;s figures
  survey recommend --answers FILE       the recommended package for survey answers
  admin init-server --server URI        create or update the central database
  admin add-user --server URI --name NAME --role ROLE [--areas &quot;A;B&quot;]
                                        add a login (password: first line of stdin)
  admin erase --server URI --household ID
                                        GDPR erasure of a household&apos;s personal data
  sync --server URI                     send local changes, then receive others&apos;
  sync conflicts                        changes the server kept its own value for
  fitters list                          the fitters, their skills and usual shift
  fitters add --name N --skills &quot;locks;alarms&quot; --shift 08:00-16:30 --start LAT,LON
                                        add a fitter (Monday to Friday)
  jobs create --from-packages [--area A]
                                        an unscheduled job per agreed package without one
  jobs complete --job ID --fitted &quot;CODE=QTY;...&quot; [--serials &quot;CODE=S1,S2;...&quot;] [--signed-off-by NAME]
                                        record a completed visit
  jobs no-access --job ID [--note T]    nobody in: the job goes back to the tray
  jobs list [--date YYYY-MM-DD] [--fitter ID] [--status S]
                                        jobs with their items and times
  jobs sheets --fitter ID --date YYYY-MM-DD --out FILE.pdf
                                        the day&apos;s job sheets: route, then a page per job
  stock levels [--location L]           on hand, reserved and available by item and location
  stock receive --code C --qty N [--location L] [--note REF]
                                        a delivery (L: depot or a fitter&apos;s id, their van)
  stock transfer --code C --qty N --from L --to L
                                        move stock between the depot and vans
  stock count --code C --location L --counted N [--id UUID]
                                        a count (the same --id again: applied once)
  stock return --code C --qty N [--location L] [--note T]
  stock write-off --code C --qty N --location L --reason R
  map render --out FILE.png --size WxH [--mbtiles FILE] [--area A | --fitter ID --date YYYY-MM-DD]
                                        the map as the Map mode draws it
  schedule solve-vrptw FILE [--time-limit S] [--seed N] [--objective distance|vehicles]
                                        solve a Solomon-format routing instance
  schedule auto --from YYYY-MM-DD --days N [--time-limit S] [--replan]
                                        place open jobs on fitters&apos; shifts
  schedule ical --fitter ID --date YYYY-MM-DD --out FILE
                                        a fitter&apos;s day as an iCalendar file
  schedule pin --job ID --to fitter|day|time|none
                                        pin a booked job to its fitter, day or exact time, or unpin it

Options:
  --db PATH     the local database (default: this profile&apos;s own)
  --server URI  the central database, postgresql://user@host:port/db?sslmode=...
                (the password comes from PGPASSWORD, never the command line)
  --json        print one JSON document on stdout
  --help        show this help
  --version     show the version

Exit codes: 0 success; 1 rejected (invalid rows, refused changes); 2 usage or file error;
3 central database unreachable.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandOutput</name>
    <message>
        <source>saferhomes-cli: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictResolver</name>
    <message>
        <source>This conflict is no longer open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This household is not on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a household field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device still has your value: the server&apos;s value has not arrived yet. Sync, then choose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of this household already had your value; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such refused change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the household of a refused change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chosen conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the refused change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Sync conflicts and refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed these fields on the central database before your change reached it, so the server kept its value. For each field, keep the server&apos;s value or use yours: yours is then sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep server for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;mine for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database refused these changes. They stay on this device and are not sent again. Discard one when it is no longer wanted; your data here is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No refused changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the selected refused change: it will never be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Central database connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. db.saferhomes.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain; where there is none, only until SaferHomes closes. Never written to the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;LS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: ~/.postgresql/root.crt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;automatically every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes between automatic syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentMethod</name>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbal, witnessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>What does the householder agree to?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who is deciding?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is deciding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How is the decision given?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the witness (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. PCSO Sam Clarke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The witness hears the householder agree to each statement ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what the householder refuses. A refusal is recorded without any name, witness or signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On record for this household</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentPurpose</name>
    <message>
        <source>Survey and fitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing with partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up evaluation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentRepository</name>
    <message>
        <source>the household has not consented to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no consent in force to withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attachments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentService</name>
    <message>
        <source>There is no such household.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what the consent is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which version of the consent wording was shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbal consent needs the name of the witness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature consent needs a signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is not a PNG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That person is not a resident of this household.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no consent for %1 to withdraw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A photo must be an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The household has not consented to photos, or has withdrawn its consent: no photo can be taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent was saved, but its signature cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The withdrawal was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo was not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentWording</name>
    <message>
        <source>I agree to a survey of the security of my home today and, if I accept the equipment offered, to fitters visiting to fit it. My answers are used for this scheme only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I agree that my name, address and survey may be shared with the scheme&apos;s partners (the police, the Police and Crime Commissioner&apos;s office and the council) so that they can offer me further help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I agree to photos of the outside of my doors and windows being taken to plan the fitting. Photos never show people or the house number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I agree to be contacted once after the fitting to say how safe I feel, to help evaluate the scheme.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>line %1: the text is not UTF-8; save the file as &quot;CSV UTF-8&quot; and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: the file contains binary data (a NUL byte), so it is not a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: quoted field is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: a quote appears inside a field that does not start with one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funnel: households at or beyond each stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of now; declined and other closed households are not in the funnel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured against target, by area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secured by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured each week against the path to target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes (cumulative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secured so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Straight line to target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks from the first home secured; the line reaches the target of %1 on %2 (the scheme&apos;s end).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items fitted, by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend against budget, by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>£</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget (a twelfth of the year&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spent of a budget of %2 for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days from survey to installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No home was first secured in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Median %1 days (half between %2 and %3; from %4 to %5) over %n home(s) first secured in the period.</source>
        <translation>
            <numerusform>Median %1 days (half between %2 and %3; from %4 to %5) over %n home first secured in the period.</numerusform>
            <numerusform>Median %1 days (half between %2 and %3; from %4 to %5) over %n homes first secured in the period.</numerusform>
        </translation>
    </message>
    <message>
        <source>Declines, by reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households that accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households with work outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households at or beyond “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes first secured in the week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes fitted with “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured %1 after their survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes without coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes without a UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed jobs with no item fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitting visits with no outcome recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend (£)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardDocument</name>
    <message>
        <source>SaferHomes dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPeriod</name>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 18 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This financial quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This financial year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <source>%1 days or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 18 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the period must end on or after the day it starts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardStore</name>
    <message>
        <source>household statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a household has the unknown status “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a stage of the funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this figure is not counted by the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the households behind a figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the dashboard&apos;s figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>%1 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only: SaferHomes must be able to write the file and its folder. Check their permissions, or copy the database somewhere writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer version of SaferHomes (schema %2; this version understands up to %3). Update SaferHomes to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot update %1 to schema %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in use by another program, which holds a lock on it (%2). Close the other program, or wait for it to finish, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a SaferHomes database, or it is damaged (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot update it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the version that last opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the version that opened it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open a temporary database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>the database is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number of households cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the database already has %n household(s); demo data is only written to an empty database</source>
        <translation>
            <numerusform>the database already has %n household; demo data is only written to an empty database</numerusform>
            <numerusform>the database already has %n households; demo data is only written to an empty database</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing demo data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoRepository</name>
    <message>
        <source>the database is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no demo transaction is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1 is not there to complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting the demo transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the last local keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing the demo statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the demo households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>area %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equipment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fitter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>household %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock movement %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>household %1 is not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot count households</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoStories</name>
    <message>
        <source>household %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo fill was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>no fitter has room for a job of %n minutes</source>
        <translation>
            <numerusform>no fitter has room for a job of %n minute</numerusform>
            <numerusform>no fitter has room for a job of %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoTransfer</name>
    <message>
        <source>Opening the demo fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the columns of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the demo %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giving the demo fill this device&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the households</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the database already has %n household(s); demo data is only written to an empty database</source>
        <translation>
            <numerusform>the database already has %n household; demo data is only written to an empty database</numerusform>
            <numerusform>the database already has %n households; demo data is only written to an empty database</numerusform>
        </translation>
    </message>
    <message>
        <source>Holding back the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing the demo households for quick find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releasing the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking the demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the choice of an empty register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the schema of this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database %1 has no tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading whether it holds demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading whether it is a new register</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceScope</name>
    <message>
        <source>cannot read the households here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the households moved out of your areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the households of an area no longer yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the households of cancelled jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditHouseholdFieldCommand</name>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EquipmentRepository</name>
    <message>
        <source>Give the item a code, e.g. DOOR_CHAIN_TS003.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A code starts with a capital letter and has only capitals, digits and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the item a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit cost cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fitting time cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the skill: locks, alarms, electrical or general.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-order level cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the equipment catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no item %1 in the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code %1 is already used by “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding item %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing item %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the survey’s recommendation rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what refers to item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>survey recommendations (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agreed packages (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job items (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock movements (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be deleted: it is used by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting item %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue&apos;s refused changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FinancialPeriod</name>
    <message>
        <source>write a period as 2024/25-Q3 (a quarter) or 2024/25 (a year)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a financial period: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a financial period: the year must be between %2 and %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a financial period: a financial year runs from April %2 to March %3, so it is written %2/%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a financial period: the quarter must be Q1 to Q4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FitterRepository</name>
    <message>
        <source>Adding fitter %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no fitter %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing fitter %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fitters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fitter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FittersCommand</name>
    <message>
        <source>%1  %2  %3  %4-%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fitters add needs --name N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a skill: use %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--shift takes HH:MM-HH:MM, the start first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--start takes LAT,LON in degrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added fitter %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrozenReturnRepository</name>
    <message>
        <source>Freezing the return: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot freeze the return of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return of %1 was frozen at %2; a submitted return is never replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frozen returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return of %1 has not been frozen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frozen return of %1 has been altered: its bytes no longer match the SHA-256 recorded when it was frozen (%2), so it is not the return that was submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only managers and admins freeze a return; this register syncs as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridConverter</name>
    <message>
        <source>cannot convert British National Grid references (PROJ): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 is not on the British National Grid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdBatchInsert</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the last local keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preparing the inserts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quick-find index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync outbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdExporter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdFieldLabels</name>
    <message>
        <source>UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident name</source>
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
</context>
<context>
    <name>HouseholdFields</name>
    <message>
        <source>unknown eligibility “%1” (expected %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is outside the UK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN must be up to 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address line 1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postcode is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a UK postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown status “%1” (expected %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority must be a whole number from 0 to 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdImporter</name>
    <message>
        <source>has %1 fields but the header has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN %1 is already on line %2 of this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN %1 is already in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a household id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id %1 is already on line %2 of this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>household %1 is already in the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give both latitude and longitude, or neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 is not in the UK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give both easting and northing, or neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number of metres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 is not a British National Grid reference in the UK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: it needs a header row and at least one household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line 1: the column “%2” appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line 1: unknown column “%2” is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line 1: missing required column(s) %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a header row but no households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created the new area “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdPlaces</name>
    <message>
        <source>households</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdRepository</name>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>household %1 of %2 (“%3”): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households by UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no household has UPRN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the UPRNs already in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the household ids already in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the household&apos;s jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quick-find index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the household table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resident table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the area table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdRows</name>
    <message>
        <source>the UPRN “%1” is not 1 to 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first address line is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a position needs both latitude and longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latitude %1 is outside 49.8 to 60.95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longitude %1 is outside -8.7 to 1.8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority %1 is not 0 to 9</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdService</name>
    <message>
        <source>There is no such household.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a household field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN %1 belongs to another household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give both latitude and longitude, or neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 is not in the UK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed on another device since your edit: that value is kept, and the difference is listed under sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created the new area “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdStatus</name>
    <message>
        <source>Identified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HouseholdStatusRules</name>
    <message>
        <source>A household cannot go from “%1” to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Scheduled” needs an installation job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Installed” needs a completed job</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobRepository</name>
    <message>
        <source>Updating job %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating jobs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no job %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 is %2: only a booked job can be completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why fewer or more were fitted than planned: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an item of job %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 is %2: only a booked job can find nobody in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisit: nobody was in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisit: nobody was in (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1 has an unknown status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a job lasts at least a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a booking needs a start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job is %1, not in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fitter was chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job is %1, not booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing a job&apos;s length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinning a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpinning a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking a job off the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 changed after the schedule was planned; nothing was applied. Plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The van cannot cover what was fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no household %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read household %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying a schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completing a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording no access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the revisit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agreed package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agreed packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the householder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package&apos;s job</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobSheetRenderer</name>
    <message>
        <source>The page layout was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job sheets: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start drawing the job sheets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job sheets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift on this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Van %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n job(s)</source>
        <translation>
            <numerusform> · %n job</numerusform>
            <numerusform> · %n jobs</numerusform>
        </translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs are booked for this fitter on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>No stop has a position to map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; not mapped (no position): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Householder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access needs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Householder sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I confirm the items above were fitted at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S: Start (the fitter&apos;s base); stops numbered in route order; no streets drawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsCommand</name>
    <message>
        <source>--date takes YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--fitter takes a fitter id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--status takes one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3, %4  %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Created %n job(s).</source>
        <translation>
            <numerusform>Created %n job.</numerusform>
            <numerusform>Created %n jobs.</numerusform>
        </translation>
    </message>
    <message>
        <source>jobs complete needs --job ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs complete needs --fitted &quot;CODE=QTY;...&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not CODE=QTY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not CODE=S1,S2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 was completed already; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs no-access needs --job ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1: no access; revisit job %2 is unscheduled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalErasure</name>
    <message>
        <source>cannot remove personal data from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot compact the quick-find index of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot clear removed personal data from the write-ahead log of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot clear removed personal data from the write-ahead log of %1: another connection is reading it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapCommand</name>
    <message numerus="yes">
        <source>Wrote %1: %n household(s) on the map, %2 not on it.</source>
        <translation>
            <numerusform>Wrote %1: %n household on the map, %2 not on it.</numerusform>
            <numerusform>Wrote %1: %n households on the map, %2 not on it.</numerusform>
        </translation>
    </message>
    <message>
        <source>map render needs --out FILE.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map render needs --size WxH (16 to 8192 pixels a side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map render takes --area or --fitter, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map render needs --fitter ID with --date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the image: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapRenderer</name>
    <message>
        <source>S</source>
        <comment>the route&apos;s start</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapRoute</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MbTilesStore</name>
    <message>
        <source>%1: no such readable file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open the MBTiles file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an MBTiles file (not an SQLite database: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an MBTiles file: it has no “%2” table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the metadata: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the MBTiles file has no metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds vector tiles (pbf); the map needs raster tiles (png, jpg or webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the metadata names no raster tile format (png, jpg or webp): “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the tiles: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read a tile: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>cannot queue %1 %2 to send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxPusher</name>
    <message>
        <source>the central database did not take the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the central database answered %1 results for %n changes</source>
        <translation>
            <numerusform>the central database answered %1 results for %n change</numerusform>
            <numerusform>the central database answered %1 results for %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>refused by the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the households to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot drop an op whose record is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the outbox holds an unknown record kind %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1 %2 to send it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read household %2 to send it: it is not there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the central database&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagePanel</name>
    <message>
        <source>Recommended package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One fewer of the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− One fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more of the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ One more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree package</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PulledRowWriter</name>
    <message>
        <source>UPRN %1 belongs to household %2 on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the downloaded changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the downloaded changes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a frozen return came without its document or hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the frozen return of %1 (%2) on the central database does not match the SHA-256 recorded when it was frozen (%3): it was altered and is not the return that was submitted, so it was refused and nothing was stored. Ask an administrator to restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot rebuild the quick-find index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot store the downloaded changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read households</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarterlyReturn</name>
    <message>
        <source>Households visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households that declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households that agreed a package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items fitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend to date (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target homes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No financial period was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarterlyReturnPdf</name>
    <message>
        <source>%1 — page %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page layout was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly return %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF of the return came out empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start drawing the return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start page %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from London midnight %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to London midnight %1 (UTC), excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital budget (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue budget (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent to %1 (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast for the year (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: forecast %2 of %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3 homes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 homes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence: the homes behind the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each home behind any figure is listed once, with a mark for each figure it counts in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items are those fitted in the quarter; an item figure&apos;s homes are those with its code. The fit date is the home&apos;s last completed job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed in the JSON, CSV and Excel files of this return: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items in quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No home secured in the quarter is on the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured in the quarter: %1 on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 without a position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; numbers are clusters of homes; no streets drawn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarterlyReturnXlsx</name>
    <message>
        <source>Cannot make a temporary folder for the workbook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the workbook %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital budget (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue budget (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent to %1 (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast for the year (pence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the sheet %1 to the workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the workbook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read back the workbook: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecommendationEngine</name>
    <message>
        <source>the survey definition it depends on is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rules are for survey version %1, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty array of rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate rule id %1 (also at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an equipment code (upper-case letters, digits and _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{%1} names no question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &quot;condition&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an integer question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a quantity from 1 to 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recommendation rules were loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusedJobs</name>
    <message>
        <source>cannot read the refused jobs on the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the refused jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot bring the stock of the refused jobs in line with the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot bring the stock of refused job %1 in line with the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>Cannot write to stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (%2, %3 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report quarterly needs --period 2024/25-Q3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report quarterly needs a quarter, such as %1-Q1, not a whole year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format “%1”: json, csv, xlsx or pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give only one of --freeze, --frozen and --variances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a frozen return is its JSON document: leave out --format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format %1 needs --out FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--json prints JSON: give --out FILE for the CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not started yet (it starts on %2): a return for it would be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Froze the return of %1 (SHA-256 %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: frozen %2, now %3 (%4%5), %6 added, %7 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figure of %1 has changed since it was frozen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the forecast spend for %1 (%2) is below its allocation (%3); money cannot roll over to the next year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportingStore</name>
    <message>
        <source>visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fitted items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the equipment catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spend</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Repository</name>
    <message>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnArchive</name>
    <message>
        <source>%1 has not started yet: there is nothing to freeze.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return of %1 was frozen at %2; a submitted return is never replaced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnVariance</name>
    <message>
        <source>The frozen return is not a return document: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteSolver</name>
    <message>
        <source>The routing problem is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time limit must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutingProblem</name>
    <message>
        <source>no travel model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vehicle %1: location outside the travel model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vehicle %1: the shift ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vehicle %1: negative capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1: location outside the travel model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1: negative demand or service time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1: a window closes before it opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1: pinned to a vehicle that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1: allowed a vehicle that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleCommand</name>
    <message>
        <source>--time-limit takes a number of seconds above 0 and up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed takes a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--objective takes distance or vehicles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) cannot be served by any route: %1</source>
        <translation>
            <numerusform>%n customer cannot be served by any route: %1</numerusform>
            <numerusform>%n customers cannot be served by any route: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no solution with every customer was found within the time limit; %n customer(s) left out: %1</source>
        <translation>
            <numerusform>no solution with every customer was found within the time limit; %n customer left out: %1</numerusform>
            <numerusform>no solution with every customer was found within the time limit; %n customers left out: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n vehicle(s), distance %2</source>
        <translation>
            <numerusform>%1: %n vehicle, distance %2</numerusform>
            <numerusform>%1: %n vehicles, distance %2</numerusform>
        </translation>
    </message>
    <message>
        <source>the time limit ended the search before its usual amount of work (a slow or busy machine); the same seed may then give another answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 x %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule auto needs --from YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule auto needs --days N, from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 left unscheduled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time limit ended the search before its usual amount of work (a slow or busy machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) scheduled</source>
        <translation>
            <numerusform>%n job scheduled</numerusform>
            <numerusform>%n jobs scheduled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n moved</numerusform>
            <numerusform>%n moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left unscheduled</source>
        <translation>
            <numerusform>%n left unscheduled</numerusform>
            <numerusform>%n left unscheduled</numerusform>
        </translation>
    </message>
    <message>
        <source>travel %1 min (was %2 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule ical needs --fitter ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule ical needs --date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule ical needs --out FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written to %1</source>
        <translation>
            <numerusform>%n event written to %1</numerusform>
            <numerusform>%n events written to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>schedule pin needs --job ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule pin needs --to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1 unpinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1 pinned to its %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerHello</name>
    <message>
        <source>the central database has schema %1, newer than this version of SaferHomes understands (%2): update SaferHomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the central database has schema %1, older than this version of SaferHomes needs (%2): ask an administrator to run `saferhomes-cli admin init-server`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this version of SaferHomes (%1) is older than the central database accepts (%2 or newer): update SaferHomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the central database has an older schema than this version of SaferHomes needs: ask an administrator to run `saferhomes-cli admin init-server`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the central database did not answer the greeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read which fitter this login is</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetsCommand</name>
    <message>
        <source>jobs sheets needs --fitter ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs sheets needs --date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jobs sheets needs --out FILE.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n job(s), %2 page(s).</source>
        <translation>
            <numerusform>Wrote %1: %n job, %2 page(s).</numerusform>
            <numerusform>Wrote %1: %n jobs, %2 page(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnapshotDownload</name>
    <message>
        <source>cannot start the download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the watermark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the central database sent a watermark that is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot count the households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot finish the download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot download the %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the downloaded rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SolomonInstance</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the VEHICLE section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the NUMBER CAPACITY heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the vehicle count and capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a vehicle count (1 or more) and a capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the CUSTOMER section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the customer column headings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected 7 numbers (number, x, y, demand, ready time, due date, service time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer number must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer %1 appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative demand or service time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ready time is after the due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first customer must be the depot, 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendForecast</name>
    <message>
        <source>no budget set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forecast below the allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forecast over the allocation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockCommand</name>
    <message>
        <source>%1  %2  on hand %3  reserved %4  available %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--location takes depot or a fitter&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock %1 needs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown stock command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--id takes a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded movement %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockLedger</name>
    <message>
        <source>the depot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>van %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quantity must be at least 1, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no item %1 in the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a stock location: use depot or a fitter&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no fitter %1 (a van is a fitter&apos;s id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 of %3 available (%4 on hand, %5 reserved for jobs): %6 cannot be taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stock levels need the SQLite driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the stock levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the stock of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock movements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading a job&apos;s reserved stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving a delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a delivery has at least one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferring stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a transfer goes from one location to another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording a count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a count cannot be below zero (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>movement %1 is not a count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording a return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing stock off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a write-off needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 fitted, %3 of them reserved for this job; %4 has %5 more available (%6 on hand, %7 reserved for jobs), so %8 cannot be taken from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the van&apos;s stock for a completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write a stock movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the stock level of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the stock reserved for job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the stock levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the jobs&apos; reserved stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read fitters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read stock movements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockOverview</name>
    <message>
        <source>Depot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyCommand</name>
    <message>
        <source>No equipment recommended (survey version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended package (survey version %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QTY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REASON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>warning: %n required question(s) not answered yet: %1</source>
        <translation>
            <numerusform>warning: %n required question not answered yet: %1</numerusform>
            <numerusform>warning: %n required questions not answered yet: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No package: %n answer(s) have problems.</source>
        <translation>
            <numerusform>No package: %n answer has problems.</numerusform>
            <numerusform>No package: %n answers have problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyCondition</name>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected exactly one of &quot;all&quot;, &quot;any&quot; or &quot;question&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty array of conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key (expected question, equals or in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a question id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected either &quot;equals&quot; or &quot;in&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty array of values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyDefinition</name>
    <message>
        <source>expected one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is less than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is more than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a photo reference (text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an option of %2 (expected %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo answers cannot be tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty array of sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate section id %1 (also at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty array of questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a question id (lower-case words joined by dots)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate question id %1 (also at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a question type (expected choice, integer, text or photo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &quot;options&quot; (a choice question needs them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only choice questions have options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a choice question needs at least two options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object with a value and a label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only %1 questions have %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than min (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown question %1 (skip logic can only use questions asked before this one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &quot;sections&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a question of survey version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no survey definition was loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyJsonReader</name>
    <message>
        <source>line %1, column %2: not valid JSON (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key (expected %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyRepository</name>
    <message>
        <source>the survey is not an open draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the survey is not complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the equipment catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the survey table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recommendation table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to the recommendation table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the survey draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the household’s surveys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyResources</name>
    <message>
        <source>The survey definition is not valid:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recommendation rules are not valid:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyService</name>
    <message>
        <source>The household has not consented to the survey and fitting, or has withdrawn its consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such survey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey is complete and can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such household.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey has no version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a question id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey was not completed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the survey before agreeing a package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree at least one item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item has no equipment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the quantity must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the equipment catalogue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package was not agreed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey was not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The position was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey was not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey was completed, but cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package was not agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package was agreed, but its job was not made</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>saferhomes-cli: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was lost: %n change(s) wait to be sent; try again when the server can be reached.</source>
        <translation>
            <numerusform>Nothing was lost: %n change waits to be sent; try again when the server can be reached.</numerusform>
            <numerusform>Nothing was lost: %n changes wait to be sent; try again when the server can be reached.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent %1 change(s), received %2, %3 conflict(s), %4 refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3: here “%4”, server kept “%5” (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1 %2 %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused to %1 %2 %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncConnectionTest</name>
    <message>
        <source>These settings do not make a usable address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server wants a password for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure (TLS) connection could not be set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>this register holds demo data, which is never sent to a central database. To sync, use a new register: start SaferHomes with --db and the path of a new database file, and choose “Start with an empty register” (saferhomes-cli: --db with a new file)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncLedger</name>
    <message>
        <source>%1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot count the changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record a sync conflict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoGuard</name>
    <message>
        <source>cannot read the history of %1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record a conflict in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VanLoading</name>
    <message>
        <source>Reading the day’s jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the day’s reservations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the stock levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 to load, the depot can give %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the depot is short, nothing was moved (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitOutcome</name>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed to a survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked us to come back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitOutcomePanel</name>
    <message>
        <source>What happened at the door?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap the outcome, or press its number key (1–6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why did they decline? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for declining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. already has good locks; landlord will not allow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When should we come back? (must be in the future)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisit date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitRepository</name>
    <message>
        <source>the household’s status changed meanwhile; look at it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the visit table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the household’s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the household’s visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the round</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitService</name>
    <message>
        <source>There is no such household.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the household declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say when to come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revisit must be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a visit that asks us to come back has a revisit time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit was not saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit was not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>XyzTileSource</name>
    <message>
        <source>The tile URL must contain {z}, {x} and {y} (it lacks %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tile URL must be an http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>SaferHomes: home-security scheme management.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the local database at PATH (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the main window, at 1280 x 800, as a PNG image to FILE and quit (for documentation and software centres).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes cannot start.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::AutoScheduleDialog</name>
    <message>
        <source>Jobs already booked that week may &amp;move too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open jobs onto the week of %1 (Monday to Friday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder one fitter&apos;s &amp;day (put the board&apos;s cursor on a fitter first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder %1&apos;s &amp;day, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit one job in (select a job in the tray first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit %1 in, everything else where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should be planned?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning… nothing changes until you apply the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter, time or reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fitter has the skill it needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the householder&apos;s availability does not meet a free shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longer than any shift, or no shift in these days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no fitter has the time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no room without breaking a rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address has no location to route from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3. Travel: %4 minutes before, %5 after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 job placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left unscheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Stopped at the time limit: the plan may not be the best.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(was %1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left unscheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest search, in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search for up to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::AvailabilityEditor</name>
    <message>
        <source>When can the householder let a fitter in? Tick the days someone is in, set the times and add the window (none: any time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window ends at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access notes for the fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Side gate; dog in the garden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates to avoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2026-12-24, 2026-12-31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nor on the dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A window must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the days of the window first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date (2026-12-24 or 24/12/2026).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::BoardPage</name>
    <message>
        <source>&amp;Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous week, or day in the day view (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next week, or day in the day view (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitters by day, Monday to Friday (W on the board)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cursor&apos;s day by hour (D on the board)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last change of the board (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uto-schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan the week, a fitter&apos;s day or one job, see the plan and apply it as one undo step (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;#&quot;&gt;Keys and mouse&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>book %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no fitter to book the job on: add fitters first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resize %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unschedule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not have the skill this job needs (%2). Book it anyway as an exception? The job will carry a “Missing skill” mark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book as an exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not booked: the fitter lacks the skill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto-schedule (%1 jobs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fitters yet: add them with Ǐitters add”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job on the board, or drag one from the tray. Hover here for the keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 — %3 to %4 (%5 min)%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (with %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin %1 to its fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin %1 to its day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pin %1 to its time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::BoardTray</name>
    <message>
        <source>&lt;b&gt;Unscheduled&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting 7 days or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting 14 days or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting 28 days or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unscheduled jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a job onto a fitter and day (or time, in the day view), or select it and press Enter to book it at the board&apos;s cursor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job waits: agree packages at the doorstep, or run “jobs create --from-packages”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 jobs shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::BoardTrayModel</name>
    <message>
        <source>no skill named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2
%3 min · %4 · %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2). Drag onto a fitter and time on the board, or press Enter to book it at the board&apos;s cursor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no area</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::BoardView</name>
    <message>
        <source>Schedule board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Householder window missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travel impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unschedule	Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse: drag a job from the tray onto a fitter and day (or time, in the day view); drag a booked job to move it; in the day view drag its right edge to change its length; right-click it to pin it to its fitter, its day or its exact time, unpin or unschedule it.
Keyboard: arrows move the cursor (Space picks the next job of a day); Ctrl+arrows move the selected job (a day or a fitter in the week view, 15 minutes or a fitter in the day view); Shift+Left and Shift+Right shorten or lengthen it by 15 minutes; P pins it to its exact time or unpins it; Shift+F pins it to its fitter (any day or time), Shift+D to its day (any time that day), Shift+T to its exact time; U unpins it; Delete unschedules it; Enter in the tray books its job at the cursor; D shows the cursor&apos;s day by hour, W the week; Page Up and Page Down go back and forward; Ctrl+Z undoes, Ctrl+Shift+Z redoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F</source>
        <extracomment>The badge on a job pinned to its fitter (one letter)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D</source>
        <extracomment>The badge on a job pinned to its day (one letter)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T</source>
        <extracomment>The badge on a job pinned to its exact time (one letter)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned to %1 (any day or time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned to %1 on %2 (any time that day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned to %1 at %2 (exactly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin to this fitter (any day or time)	Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin to this day (any time that day)	Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin to this exact time	Shift+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin	U</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::BudgetsDialog</name>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Financial year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budgets could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 budget of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No areas yet: areas come with the households imported into them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend to %1 of %2 days; the forecast is a straight line to 31 March.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budget of %1 was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The budgets&apos; sync state could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget changes waiting to be sent to the central database: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the central database and undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::CatalogueDialog</name>
    <message>
        <source>Equipment catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-order level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. DOOR_CHAIN_TS003</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pounds, e.g. 28.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tandard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit &amp;cost (£)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fitting time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;pplier code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-order below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;edo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No equipment yet: type one in below and Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the cost in pounds and pence, e.g. 28.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: see the fields marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo or redo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database refused these catalogue changes; the other devices do not have them:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ChartCard</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As PNG image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show “%1” as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same numbers are in its table (the Table button).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: check the folder exists and may be written to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ChartTableModel</name>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click lists the households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ConflictView</name>
    <message>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard refused change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this refused change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2

It will never be sent to the central database. The data on this device stays as it is. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not on this device)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ConnectionDialog</name>
    <message>
        <source>Verify certificate and host name (verify-full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify certificate only (verify-ca)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt, do not verify (require)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No encryption (disable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ The server&apos;s certificate and host name are not both checked, so another machine could pose as it. Choose “Verify certificate and host name” unless this is a test server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ConsentPanel</name>
    <message>
        <source>Read each statement aloud. Consent wording version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else who lives here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent recorded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap again to withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to %1 withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given %1 (%2, wording %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consents on record cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DashboardFilterBar</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All fitters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;itter:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DashboardPage</name>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day the scheme is to reach its target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme &amp;ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data to put right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend against budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outstanding work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes without coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes without a UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed jobs, nothing fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitting visits, no outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of a target of %1; %2 in the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted of %2 offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 budgeted for the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households with a job still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households, time passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 to %3: %n household(s). Funnel, take-up, outstanding work and data quality are as of now.</source>
        <translation>
            <numerusform>%1, %2 to %3: %n household. Funnel, take-up, outstanding work and data quality are as of now.</numerusform>
            <numerusform>%1, %2 to %3: %n households. Funnel, take-up, outstanding work and data quality are as of now.</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: check the folder exists and may be written to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no budget set for the period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DashboardTask</name>
    <message>
        <source>The dashboard could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The households behind this figure could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DashboardTile</name>
    <message>
        <source>Lists the households behind this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press to list the households behind it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: could not be computed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DatabaseProblemWindow</name>
    <message>
        <source>SaferHomes — the database cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;SaferHomes cannot open its database.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The register is not shown: nothing in it has been read, and nothing has been changed. The message above says what is wrong with the file.&lt;/p&gt;&lt;p&gt;If another program is using the database, close it and choose &lt;b&gt;Try again&lt;/b&gt;. If the file is damaged, restore it from a backup, or start SaferHomes with &lt;tt&gt;--db&lt;/tt&gt; and another file.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DemoFillPanel</name>
    <message>
        <source>Load &amp;demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start with an empty register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading the demo: nothing of it is kept, and it is not offered again when SaferHomes starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preparing demo data: %1 of %Ln households…</source>
        <translation>
            <numerusform>Preparing demo data: %1 of %Ln household…</numerusform>
            <numerusform>Preparing demo data: %1 of %Ln households…</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DoorstepFinder</name>
    <message>
        <source>Find the household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address, postcode or name — e.g. ᰒ Thorpe”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area of my round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;round:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh my round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households to visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households with no area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 household matches — press Enter to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n households match.</source>
        <translation>
            <numerusform>%n household matches.</numerusform>
            <numerusform>%n households match.</numerusform>
        </translation>
    </message>
    <message>
        <source>No household matches “%1”. Check the spelling, or try the postcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>My round — %1: %n households</source>
        <translation>
            <numerusform>My round — %1: %n household</numerusform>
            <numerusform>My round — %1: %n households</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n revisits due (listed first)</source>
        <translation>
            <numerusform>, %n revisit due (listed first)</numerusform>
            <numerusform>, %n revisits due (listed first)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody left to visit in %1. Choose another area, or find a household by its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The round cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My round — %1: cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The round cannot be read (the message above says why). Press Refresh to try again, or find a household by its address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DoorstepPage</name>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ My round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to my round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That household is no longer on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No survey yet. It takes about ten minutes; every answer is saved as it is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey needs the household’s consent to the survey and fitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package comes from a completed survey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1 — %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The survey cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DrillDownDialog</name>
    <message>
        <source>Households behind the figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click opens the household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n household(s)</source>
        <translation>
            <numerusform>%1: %n household</numerusform>
            <numerusform>%1: %n households</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::DrillTableModel</name>
    <message>
        <source>UPRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::FitterDayForm</name>
    <message>
        <source>What was fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Householder sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Householder&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off &amp;by (the householder&apos;s name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for no access:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for no access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No access: back to the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it differs from the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (planned %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (planned %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why fewer or more %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when it differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial numbers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S1, S2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fitted of %2 planned: say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name of the householder who signed it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a photo that can be read (%2). Nothing else was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::FitterDayPage</name>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pencilled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter&apos;s day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fitter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s jobs in route order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fitters could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the fitter whose day this is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day&apos;s jobs could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2–%3  %4
%5, %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The householder&apos;s contact could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Householder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access needs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (serials %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job at %1 completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job at %1 was completed already; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why there was no access (nobody in, refused entry...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access was not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access at %1: the job is back in the tray for a revisit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::FitterEditor</name>
    <message>
        <source>Line %1: write first day, last day, reason (2026-12-24 2026-12-28 Leave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the last day is before the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit fitter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Usual shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual (weekend off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One a line: first day, last day, reason
2026-12-24 2026-12-28 Christmas leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bsences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day &amp;starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Active (can be scheduled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fitter needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift must end after it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift must end after it starts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the fitter: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::FittersDialog</name>
    <message>
        <source>Fitters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fitters could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fitters yet: Add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::HouseholdDetailPanel</name>
    <message>
        <source>Repeat victim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vulnerable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hotspot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a household to see and edit its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;isits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. LE13 1AB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 52.7661</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. -0.8867</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the statuses this household can move to are offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 (none) to 9 (most urgent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::HouseholdEditor</name>
    <message>
        <source>Could not undo or redo the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::HouseholdExport</name>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln households to %1</source>
        <translation>
            <numerusform>Exported %Ln household to %1</numerusform>
            <numerusform>Exported %Ln households to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>saferhomes::HouseholdHistoryView</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::HouseholdJobsView</name>
    <message>
        <source>Unscheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, signed off by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>£%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No household selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The jobs could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet: a job is made when the household agrees a package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 planned, %3 fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked (UK time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::HouseholdTableModel</name>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ImportFilePage</name>
    <message>
        <source>Choose a household file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file with a header row. Nothing is imported until you have seen what the file holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required columns: %1.
Optional: %2.
Columns may be in any order; unknown columns are ignored with a warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>households.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ImportLauncher</name>
    <message numerus="yes">
        <source>Imported %Ln households.</source>
        <translation>
            <numerusform>Imported %Ln household.</numerusform>
            <numerusform>Imported %Ln households.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>saferhomes::ImportPreviewPage</name>
    <message>
        <source>&amp;Stop checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows as read, and every record that cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking stopped. Go back to choose the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(whole record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln households read; all of them can be imported.</source>
        <translation>
            <numerusform>%Ln household read; it can be imported.</numerusform>
            <numerusform>%Ln households read; all of them can be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records read: %1 can be imported, %2 cannot (see the problems below). Nothing is imported while there are problems, unless you choose to skip those records.</source>
        <translation>
            <numerusform>%Ln record read: %1 can be imported, %2 cannot (see the problems below). Nothing is imported while there are problems, unless you choose to skip those records.</numerusform>
            <numerusform>%Ln records read: %1 can be imported, %2 cannot (see the problems below). Nothing is imported while there are problems, unless you choose to skip those records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>S&amp;kip the %Ln invalid records and import the %1 valid ones</source>
        <translation>
            <numerusform>S&amp;kip the %Ln invalid record and import the %1 valid ones</numerusform>
            <numerusform>S&amp;kip the %Ln invalid records and import the %1 valid ones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>saferhomes::ImportRunPage</name>
    <message>
        <source>&amp;Stop import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: the file has problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln households.</source>
        <translation>
            <numerusform>Imported %Ln household.</numerusform>
            <numerusform>Imported %Ln households.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln problems were skipped, as you chose.</source>
        <translation>
            <numerusform>%Ln problem was skipped, as you chose.</numerusform>
            <numerusform>%Ln problems were skipped, as you chose.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ImportWizard</name>
    <message>
        <source>Import households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::JobSheetDialog</name>
    <message>
        <source>Print job sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fitter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fitters could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fitters yet: add one (fitters add) before printing sheets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The jobs could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) booked on this day.</source>
        <translation>
            <numerusform>%n job booked on this day.</numerusform>
            <numerusform>%n jobs booked on this day.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job sheets were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save job sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The job sheets were not printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::MainWindow</name>
    <message>
        <source>SaferHomes — Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import households…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export households…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Doorstep mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Progress panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SaferHomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SaferHomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doorstep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes — Doorstep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print job sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schedule board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fitter&apos;s day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule board (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes — Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;itters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes — Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes %1
Home-security scheme management: households, surveys, fitting and progress.

Free software under the GNU General Public License, version 3 or (at your option) any later version: it uses Qt Charts, which is licensed under the GPL version 3. There is no warranty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households and routes on the map (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock levels, movements and vans (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes — Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaferHomes — Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read who this device syncs as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quarterly return…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dash&amp;board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment &amp;catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Budgets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::MapLegend</name>
    <message>
        <source>&lt;b&gt;Statuses shown&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the homes whose status is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::MapPage</name>
    <message numerus="yes">
        <source>%n home(s) here:</source>
        <translation>
            <numerusform>%n home here:</numerusform>
            <numerusform>%n homes here:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n home(s) not on the map</source>
        <translation>
            <numerusform>%n home not on the map</numerusform>
            <numerusform>%n homes not on the map</numerusform>
        </translation>
    </message>
    <message>
        <source>Area shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitter whose route is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of the route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chosen household, the route or every household (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Basemap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a cluster to list its homes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes not on the map (no position recorded):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No basemap: %1 (Settings › Map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No households yet — import a list (Ctrl+I) or load demo data in Households.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the homes shown by the filters that have no position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::MapSettingsDialog</name>
    <message>
        <source>Map settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No basemap: households on a plain background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An &amp;MBTiles file (works offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;tile server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MBTiles file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>melton-oadby.mbtiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tile URL template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiles are fetched only for what is on screen, two at a time, and kept for a week. The OpenStreetMap tile servers&apos; usage policy forbids bulk downloading (“prefetching”) of tiles: for offline use, make an MBTiles file from an OpenStreetMap extract (see the README) instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an MBTiles file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MBTiles (*.mbtiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an MBTiles file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::MapWidget</name>
    <message>
        <source>Map of households</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::PackagePanel</name>
    <message>
        <source>This package has been agreed. Change it with the householder and agree it again if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the survey answers call for. Change quantities, remove or add items with the householder, then agree the package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in this device’s equipment catalogue yet: %1. Sync before agreeing, or remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added at the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The householder’s availability stored with this package could not be read, so the package cannot be agreed again now (that would clear it). Open the package step again to retry. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Package agreed: %n item(s). The household is now accepted for fitting, and its job waits to be scheduled.</source>
        <translation>
            <numerusform>Package agreed: %n item. The household is now accepted for fitting, and its job waits to be scheduled.</numerusform>
            <numerusform>Package agreed: %n items. The household is now accepted for fitting, and its job waits to be scheduled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Package agreed: %n item(s). The booked job takes the new items, length and availability; the schedule board marks any rule that now breaks.</source>
        <translation>
            <numerusform>Package agreed: %n item. The booked job takes the new items, length and availability; the schedule board marks any rule that now breaks.</numerusform>
            <numerusform>Package agreed: %n items. The booked job takes the new items, length and availability; the schedule board marks any rule that now breaks.</numerusform>
        </translation>
    </message>
    <message>
        <source>The package cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The equipment catalogue cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::PackageTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ProgressDock</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ProgressPanel</name>
    <message>
        <source>Households by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes secured against target, by area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households that accepted, out of those offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted of %2 offered.
%3 homes secured of %4 in target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: homes secured</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 target (%Ln households)</source>
        <translation>
            <numerusform>%1 of %2 target (%Ln household)</numerusform>
            <numerusform>%1 of %2 target (%Ln households)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 secured, no target (%Ln households)</source>
        <translation>
            <numerusform>%1 secured, no target (%Ln household)</numerusform>
            <numerusform>%1 secured, no target (%Ln households)</numerusform>
        </translation>
    </message>
    <message>
        <source>No areas yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::QuarterlyReturnDialog</name>
    <message>
        <source>Cannot write %1: %2; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change since frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures of the return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xcel workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Freeze as submitted…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the figures of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The return could not be counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2, counted at %3 UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen as submitted at %1 UTC by %2 (SHA-256 %3…). Changes since are shown per figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not frozen: freeze it when it is submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 (%3 added, %4 removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget %1: %2 allocated (capital %3, revenue %4), %5 spent to %6, forecast %7 for the year — %8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarterly-return-%1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the quarterly return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the return of %1 as it was submitted? The frozen copy can never be changed or replaced; later edits show as changes against it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not frozen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies of this period frozen on different devices before they synced: %1. This is the first; every copy is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::QuickFind</name>
    <message>
        <source>Quick find is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::ReceiveDialog</name>
    <message>
        <source>Receive a delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the delivery note’s reference, e.g. DN-20418</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines (item and quantity):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item of line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity of line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the quantity received of at least one item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not received: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::RegisterPage</name>
    <message>
        <source>Find an address, postcode or name (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No households yet — import a list (Ctrl+I) or load demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No area</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln households</source>
        <translation>
            <numerusform>%Ln household</numerusform>
            <numerusform>%Ln households</numerusform>
        </translation>
    </message>
    <message>
        <source>showing %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::RoundListModel</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REVISIT DUE %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revisit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The householder signs here with a finger, a pen or the mouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign above the line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::StockLevelsModel</name>
    <message>
        <source>Below re-order level (%1): order more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK (re-order below %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::StockMovementDialog</name>
    <message>
        <source>Transfer stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write off stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required: lost, damaged, faulty…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The level there could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 on hand, %3 reserved, %4 available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger expects %1 to be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::StockPage</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved for a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Receive delivery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ret&amp;urn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move&amp;ments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the v&amp;an</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport levels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;ocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted / expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ex&amp;port movements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locatio&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depot can give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tra&amp;nsfer these into the van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;itter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Da&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalogue or the stock locations could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stock levels could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No equipment in the catalogue yet: add some with View › Equipment catalogue…, then receive a delivery (Alt+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is held here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 item(s) below their re-order level: order more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movements could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (refused by the central database: not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fitters yet: add them with View › Fitters….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The van list could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no booked jobs that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The van holds everything the day’s jobs need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 item(s) to load from the depot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved %1 item(s) from the depot into %2’s van.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to receive yet: add the equipment to the catalogue first (View › Equipment catalogue…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no stock yet: add the equipment to the catalogue first (View › Equipment catalogue…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The levels could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 level(s) to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movements could not be written to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 movement(s) to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the stock levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the stock movements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock-levels.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock-movements.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::SurveyForm</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Survey progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This draft was started with survey version %1; it is shown, and will be completed, with version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed %1 with survey version %2. A completed survey cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos need the household’s consent to photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n required answers</source>
        <translation>
            <numerusform>%1 of %n required answer</numerusform>
            <numerusform>%1 of %n required answers</numerusform>
        </translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — section %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer this question to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers are missing or need checking: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a picture that can be shown (JPEG or PNG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos cannot be taken now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::SurveyQuestionWidget</name>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo attached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::SurveyReviewPage</name>
    <message>
        <source>Photo attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered — required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers this version of the survey does not ask: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::SyncBar</name>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up the central database connection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts and refused changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>First download: %1 of %Ln rows</source>
        <translation>
            <numerusform>First download: %1 of %Ln row</numerusform>
            <numerusform>First download: %1 of %Ln rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The central database refused %n change(s); they are kept on this device. See Sync › Conflicts and refused changes.</source>
        <translation>
            <numerusform>The central database refused %n change; it is kept on this device. See Sync › Conflicts and refused changes.</numerusform>
            <numerusform>The central database refused %n changes; they are kept on this device. See Sync › Conflicts and refused changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) were changed by someone else too; the server kept its value. See Sync › Conflicts and refused changes.</source>
        <translation>
            <numerusform>%n field was changed by someone else too; the server kept its value. See Sync › Conflicts and refused changes.</numerusform>
            <numerusform>%n fields were changed by someone else too; the server kept its value. See Sync › Conflicts and refused changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced: sent %Ln change(s), received %1.</source>
        <translation>
            <numerusform>Synced: sent %Ln change, received %1.</numerusform>
            <numerusform>Synced: sent %Ln changes, received %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>saferhomes::SyncConflictModel</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not on this device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::SyncController</name>
    <message>
        <source>The password could not be kept in the keychain (%1); it is kept until SaferHomes closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic sync needs the password: choose Sync now (F5) to enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the central database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was refused. Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced: no password was given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::SyncRefusedModel</name>
    <message>
        <source>household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stock movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” → “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not on this device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::SyncStatusIndicator</name>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln to send</source>
        <translation>
            <numerusform>%Ln to send</numerusform>
            <numerusform>%Ln to send</numerusform>
        </translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflicts</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message>
        <source>No sync tried since SaferHomes started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last completed sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync has completed on this database yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open conflicts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to see conflicts and refused changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync state unreadable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::VisitOutcomePanel</name>
    <message>
        <source>%1   %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened at %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what happened at the door (keys 1Ķ).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>saferhomes::VisitTimelineView</name>
    <message>
        <source>No visits recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Come back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visits cannot be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
