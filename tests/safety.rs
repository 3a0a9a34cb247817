//! Nothing typed is ever lost: any incident round-trips; hostile bytes never panic the
//! loader; a write killed at any moment leaves the old or the new file; editing locks;
//! recovery copies; symbolic links; bad files stay byte-for-byte untouched.
//!
//! Some tests re-run this test executable as a child process (`child_*` tests, ignored in
//! normal runs, which do nothing without their environment variable).

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime};

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::Offset;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use retro::model::codec::{self, Parsed};
use retro::model::{
    Action, ActionKind, ActionStatus, Category, Choice, CustomerUpdate, Effect, Factor, Incident,
    IncidentStatus, LintSettings, LocalDate, Meeting, Metric, Milestone, Moment, Monitoring,
    Narrative, Point, Priority, Section, Severity, Stakeholders, Technical, TimelineEntry,
};
use retro::storage::{
    Entry, LockError, Store, StoreError, differences, read_incident, write_atomic,
};

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/// Characters that stress TOML strings: quotes, backslashes, line ends, controls (NUL too),
/// TOML syntax, non-ASCII, combining marks, emoji, BOM and Unicode line separators.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        3 => select(vec![
            '"', '\'', '\\', '\n', '\r', '\t', '\u{0}', '\u{1}', '\u{8}', '\u{b}', '\u{c}',
            '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}', '\u{2028}', '\u{feff}', '\u{301}', '#', '=',
            '[', ']', '{', '}', '.', ' ', 'é', '🙂', '中', '$',
        ]),
        3 => proptest::char::range('a', 'z'),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        6 => vec(tricky_char(), 0..40).prop_map(String::from_iter),
        // Runs of quotes and line ends, which end and start multi-line strings.
        2 => vec(select(vec!["\"", "\"\"", "\"\"\"", "'''", "\n", "\r\n", "\\", "x", " "]), 0..12)
            .prop_map(|parts| parts.concat()),
    ]
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    vec(text(), 0..4)
}

fn moment() -> impl Strategy<Value = Moment> {
    // Years about 1019..8941, any nanosecond, any whole-minute offset TOML can write.
    (
        -30_000_000_000i64..220_000_000_000,
        0i32..1_000_000_000,
        -1439i32..=1439,
    )
        .prop_map(|(secs, nanos, minutes)| Moment {
            timestamp: Timestamp::new(secs, nanos).unwrap(),
            offset: Offset::from_seconds(minutes * 60).unwrap(),
        })
}

fn local_date() -> impl Strategy<Value = LocalDate> {
    (1i16..=9999, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| LocalDate(date(y, m, d)))
}

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        select(vec![
            0.0,
            -0.0,
            0.1,
            38.0,
            1e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
            -1.5
        ]),
    ]
}

fn choice<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = Option<T>> {
    option::of(select(T::ALL.to_vec()))
}

fn valid_id() -> impl Strategy<Value = String> {
    "[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]{1,12}(-[a-z0-9]{1,6}){0,3}"
}

fn toml_value(depth: u32) -> BoxedStrategy<toml::Value> {
    let leaf = prop_oneof![
        text().prop_map(toml::Value::String),
        any::<i64>().prop_map(toml::Value::Integer),
        any::<bool>().prop_map(toml::Value::Boolean),
        finite().prop_map(toml::Value::Float),
        moment().prop_map(|m| toml::Value::Datetime(m.to_toml())),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    prop_oneof![
        4 => leaf,
        1 => vec(toml_value(0), 0..3).prop_map(toml::Value::Array),
        1 => toml_table(depth - 1).prop_map(toml::Value::Table),
        1 => vec(toml_table(depth - 1), 0..3)
            .prop_map(|ts| toml::Value::Array(ts.into_iter().map(toml::Value::Table).collect())),
    ]
    .boxed()
}

fn toml_table(depth: u32) -> BoxedStrategy<toml::Table> {
    vec((text(), toml_value(depth)), 0..4)
        .prop_map(|pairs| pairs.into_iter().collect())
        .boxed()
}

/// Text kept because it could not be stored, by field key.
fn unparsed() -> impl Strategy<Value = std::collections::BTreeMap<String, String>> {
    btree_map(
        select(vec!["at", "due", "baseline", "peak"]).prop_map(str::to_string),
        text(),
        0..2,
    )
}

prop_compose! {
    fn timeline_entry()(
        at in option::of(moment()),
        approximate in any::<bool>(),
        actor in text(),
        role in text(),
        channel in text(),
        body in text(),
        milestone in choice::<Milestone>(),
        miscommunication in any::<bool>(),
        internal_only in any::<bool>(),
        source in text(),
        unparsed in unparsed(),
    ) -> TimelineEntry {
        TimelineEntry { at, approximate, actor, role, channel, text: body, milestone, miscommunication, internal_only, source, unparsed }
    }
}
prop_compose! {
    fn customer_update()(at in option::of(moment()), status in text(), body in text(), source in text()) -> CustomerUpdate {
        CustomerUpdate { at, status, text: body, source }
    }
}

prop_compose! {
    fn factor()(
        id in text(),
        category in choice::<Category>(),
        effect in choice::<Effect>(),
        description in text(),
        whys in texts(),
        no_action in text(),
        unparsed in unparsed(),
    ) -> Factor {
        Factor { id, category, effect, description, whys, no_action, unparsed }
    }
}

prop_compose! {
    fn action()(
        (id, title, kind, owner) in (text(), text(), choice::<ActionKind>(), text()),
        due in option::of(local_date()),
        priority in choice::<Priority>(),
        status in choice::<ActionStatus>(),
        factors in texts(),
        (rationale, expected_impact, tracker) in (text(), text(), text()),
        unparsed in unparsed(),
    ) -> Action {
        Action { id, title, kind, owner, due, priority, status, factors, rationale, expected_impact, tracker, unparsed }
    }
}

prop_compose! {
    fn metric()(
        name in text(),
        source in text(),
        unit in text(),
        baseline in option::of(finite()),
        peak in option::of(finite()),
        note in text(),
        (low_is_bad, compare_from, compare_to) in (any::<bool>(), option::of(moment()), option::of(moment())),
        (file, rows, first_at, last_at) in (text(), option::of(0u64..1_000_000), option::of(moment()), option::of(moment())),
        (min, max) in (option::of(finite()), option::of(finite())),
        points in vec(point(), 0..6),
        unparsed in unparsed(),
    ) -> Metric {
        Metric {
            name, source, unit, baseline, peak, note, low_is_bad, compare_from, compare_to,
            file, rows, first_at, last_at, min, max, points, unparsed,
        }
    }
}

prop_compose! {
    fn point()(at in moment(), value in option::of(finite())) -> Point {
        Point(at, value.unwrap_or(f64::NAN))
    }
}

prop_compose! {
    fn header()(
        id in valid_id(),
        title in text(),
        severity in choice::<Severity>(),
        status in choice::<IncidentStatus>(),
        timezone in select(vec!["", "UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]),
        services in texts(),
        tags in texts(),
        facilitator in text(),
        participants in texts(),
        created_at in option::of(moment()),
        updated_at in option::of(moment()),
    ) -> Incident {
        Incident {
            schema_version: 1,
            id,
            title,
            severity,
            status,
            timezone: timezone.to_string(),
            services,
            tags,
            facilitator,
            participants,
            created_at,
            updated_at,
            ..Incident::default()
        }
    }
}

prop_compose! {
    fn meeting()(
        started_at in option::of(moment()),
        ended_at in option::of(moment()),
        current in option::of(select(Section::ALL.to_vec())),
        current_since in option::of(moment()),
        timeboxes in btree_map(select(Section::ALL.to_vec()), 0u32..600, 0..4),
        spent in btree_map(select(Section::ALL.to_vec()), 0u64..100_000, 0..4),
    ) -> Meeting {
        Meeting { started_at, ended_at, current, current_since, timeboxes, spent }
    }
}

prop_compose! {
    fn lint_settings()(
        words in texts(),
        ignore in btree_map(text(), texts(), 0..3),
    ) -> LintSettings {
        LintSettings { words, ignore }
    }
}

prop_compose! {
    fn incident()(
        head in header(),
        (customer_message, internal_message, reassurances) in (text(), text(), texts()),
        updates in vec(customer_update(), 0..3),
        (notes, gaps, metrics) in (text(), texts(), vec(metric(), 0..3)),
        (expected_behavior, actual_behavior, analysis, future_risks) in (text(), text(), text(), text()),
        (narrative, impact) in (text(), text()),
        extensions in option::of(toml_table(2)),
        (meeting, lint) in (meeting(), lint_settings()),
        timeline in vec(timeline_entry(), 0..4),
        factors in vec(factor(), 0..3),
        actions in vec(action(), 0..3),
    ) -> Incident {
        Incident {
            stakeholders: Stakeholders { customer_message, internal_message, reassurances, updates },
            monitoring: Monitoring { notes, gaps, metrics },
            technical: Technical { expected_behavior, actual_behavior, analysis, future_risks },
            narrative: Narrative { text: narrative, impact },
            meeting,
            lint,
            extensions,
            timeline,
            factors,
            actions,
            ..head
        }
    }
}

/// Moments compare by instant only; the written offset must survive too.
fn offsets(incident: &Incident) -> Vec<i32> {
    let mut out: Vec<i32> = [incident.created_at, incident.updated_at]
        .into_iter()
        .chain(incident.timeline.iter().map(|e| e.at))
        .flatten()
        .map(|m| m.offset.seconds())
        .collect();
    out.push(incident.timeline.len() as i32);
    out
}

fn parse_current(text: &str) -> Incident {
    match codec::parse(text) {
        Ok(Parsed::Current(incident)) => *incident,
        other => panic!("expected an incident, got {other:?}\n--- text ---\n{text}"),
    }
}

// ---------------------------------------------------------------------------------------
// Round trips and hostile input
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_incident_writes_and_reads_back_equal(incident in incident()) {
        let text = codec::to_toml_string(&incident).expect("finite values serialize");
        let back = parse_current(&text);
        prop_assert_eq!(&back, &incident, "text:\n{}", text);
        prop_assert_eq!(offsets(&back), offsets(&incident));
        // Writing again gives the same bytes: a rewrite without edits is no diff.
        prop_assert_eq!(codec::to_toml_string(&back).unwrap(), text);
    }

    #[test]
    fn arbitrary_strings_never_panic_the_parser(text in any::<String>()) {
        let _ = codec::parse(&text);
    }

    #[test]
    fn toml_like_garbage_never_panics_the_parser(
        lines in vec(
            (
                select(vec![
                    "schema_version", "id", "title", "severity", "status", "timezone",
                    "created_at", "[[timeline]]", "at", "due", "[[actions]]", "[narrative]",
                    "text", "milestone", "baseline", "[extensions]", "[[monitoring.metrics]]",
                ]),
                "[-0-9TZ:.+ a-z\"'\\[\\]{}=,\n]{0,30}",
            ),
            0..12,
        )
    ) {
        let mut text = String::from("schema_version = 1\nid = \"2026-01-01-x\"\ntitle = \"t\"\n");
        for (key, value) in lines {
            if key.starts_with('[') {
                text.push_str(&format!("{key}\n"));
            } else {
                text.push_str(&format!("{key} = {value}\n"));
            }
        }
        let _ = codec::parse(&text);
    }

    #[test]
    fn out_of_range_dates_and_times_never_panic(
        y in 0u32..10000, mo in 0u32..14, d in 0u32..33,
        h in 0u32..26, mi in 0u32..62, s in 0u32..62, frac in "(\\.[0-9]{1,12})?",
        offset in "(Z|[+-][0-9]{2}:[0-9]{2})?",
    ) {
        let at = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{offset}");
        for value in [at.clone(), format!("\"{at}\""), format!("{y:04}-{mo:02}-{d:02}")] {
            let text = format!(
                "schema_version = 1\nid = \"2026-01-01-x\"\ntitle = \"t\"\ncreated_at = {value}\n\
                 [[timeline]]\nat = {value}\n[[actions]]\ndue = {value}\n"
            );
            let _ = codec::parse(&text);
        }
    }

    #[test]
    fn mutated_incident_files_never_panic_the_loader(
        incident in incident(),
        edits in vec((any::<proptest::sample::Index>(), 0usize..8, text()), 1..6),
    ) {
        let mut bytes = codec::to_toml_string(&incident).unwrap().into_bytes();
        for (at, cut, insert) in edits {
            let start = at.index(bytes.len() + 1);
            let end = (start + cut).min(bytes.len());
            bytes.splice(start..end, insert.into_bytes());
        }
        let _ = codec::parse(&String::from_utf8_lossy(&bytes));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-01-01-x.toml");
        fs::write(&path, &bytes).unwrap();
        let _ = read_incident(&path);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-01-01-x.toml");
        fs::write(&path, &bytes).unwrap();
        let _ = read_incident(&path);
        let store = Store::open(dir.path()).unwrap();
        let _ = store.load("2026-01-01-x");
        let listed = store.list(date(2026, 1, 1)).unwrap();
        prop_assert_eq!(listed.len(), 1);
        // Reading never changes the file.
        prop_assert_eq!(fs::read(&path).unwrap(), bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_incident_saves_and_loads_back_equal(mut incident in incident()) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        incident.id = "2026-03-12-round-trip".into();
        store.save(&incident).unwrap();
        let loaded = store.load(&incident.id).unwrap();
        prop_assert!(loaded.read_only.is_none());
        prop_assert_eq!(loaded.incident, incident);
    }
}

// ---------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------

const CHILD_WRITER: &str = "RETRO_SAFETY_CHILD_WRITER";
const CHILD_LOCKER: &str = "RETRO_SAFETY_CHILD_LOCKER";
const BIG_ID: &str = "2026-03-12-interrupted-writes";
const LOCK_ID: &str = "2026-03-12-locked";

/// Runs the ignored test `name` of this executable in a child process with `env = value`.
fn spawn_child(name: &str, env: &str, value: &str, stdout: Stdio) -> KillOnDrop {
    let exe = std::env::current_exe().unwrap();
    let child = Command::new(exe)
        .args([
            name,
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(env, value)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    KillOnDrop(child)
}

/// A child process that is killed (SIGKILL) and reaped when the test ends, pass or fail.
struct KillOnDrop(Child);

impl KillOnDrop {
    fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Version `n` of a large incident (about 400 KB), every part of it depending on `n`.
fn big_incident(n: u64) -> Incident {
    let paragraph = |field: &str| {
        (0..1500)
            .map(|i| format!("{field} {n} line {i}: \"quoted\" é 🙂\n"))
            .collect::<String>()
    };
    Incident {
        schema_version: 1,
        id: BIG_ID.into(),
        title: format!("version {n}"),
        narrative: Narrative {
            text: paragraph("narrative"),
            impact: paragraph("impact"),
        },
        technical: Technical {
            analysis: paragraph("analysis"),
            ..Technical::default()
        },
        timeline: (0..200)
            .map(|i| TimelineEntry {
                at: Some(Moment::utc(
                    Timestamp::from_second(1_700_000_000 + i * 60).unwrap(),
                )),
                actor: format!("actor {n}"),
                text: format!("entry {i} of version {n}"),
                ..TimelineEntry::default()
            })
            .collect(),
        ..Incident::default()
    }
}

/// Child: saves ever newer versions of the big incident, from the version given, until killed.
#[test]
#[ignore = "child process of interrupted_writes_leave_the_old_or_the_new_file"]
fn child_writer() {
    let Ok(spec) = std::env::var(CHILD_WRITER) else {
        return;
    };
    let (dir, start) = spec.split_once('|').unwrap();
    let store = Store::open(dir).unwrap();
    let mut n: u64 = start.parse().unwrap();
    loop {
        store.save(&big_incident(n)).unwrap();
        n += 1;
    }
}

/// Child: holds the lock on [`LOCK_ID`], says so on stdout, and sleeps until killed.
#[test]
#[ignore = "child process of a_killed_process_releases_its_lock"]
fn child_locker() {
    let Ok(dir) = std::env::var(CHILD_LOCKER) else {
        return;
    };
    let store = Store::open(dir).unwrap();
    let _lock = store.lock(LOCK_ID).unwrap();
    println!("LOCKED");
    std::thread::sleep(Duration::from_secs(120));
}

/// A small xorshift generator: the kill times need no more, and the seed is printed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn version_of(incident: &Incident) -> u64 {
    incident
        .title
        .strip_prefix("version ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("unexpected title {:?}", incident.title))
}

#[test]
fn interrupted_writes_leave_the_old_or_the_new_file() {
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill-time seed {seed}");
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let store = Store::open(dir).unwrap();
    store.save(&big_incident(0)).unwrap();
    let path = store.path_of(BIG_ID).unwrap();

    let mut last = 0;
    let mut progressed = 0;
    for round in 1..=24u64 {
        let start = round * 1_000_000;
        let mut child = spawn_child(
            "child_writer",
            CHILD_WRITER,
            &format!("{}|{start}", dir.display()),
            Stdio::null(),
        );
        std::thread::sleep(Duration::from_millis(20 + rng.below(300)));
        child.kill();

        let text = fs::read_to_string(&path).unwrap();
        let on_disk = parse_current(&text);
        let n = version_of(&on_disk);
        assert_eq!(on_disk, big_incident(n), "round {round}: a mixed version");
        assert!(
            n >= last,
            "round {round}: version went back from {last} to {n}"
        );
        assert!(
            n == last || n >= start,
            "round {round}: version {n} from nowhere"
        );
        if n != last {
            progressed += 1;
        }
        last = n;
    }
    let temps = fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    eprintln!("{progressed} of 24 rounds wrote at least one version; {temps} killed mid-write");

    // Only the file and the temporary files of killed writes remain, and only the file
    // is listed.
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name == format!("{BIG_ID}.toml")
                || (name.starts_with(".retro-") && name.ends_with(".tmp")),
            "stray file {name}"
        );
    }
    let listed = store.list(date(2026, 3, 12)).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(matches!(listed[0], Entry::Incident { .. }));
}

// ---------------------------------------------------------------------------------------
// Locks
// ---------------------------------------------------------------------------------------

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_second_lock_is_refused_naming_the_holder_until_the_first_is_dropped() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let lock = store.lock(LOCK_ID).unwrap();
    assert_eq!(lock.path(), tmp.path().join(format!("{LOCK_ID}.lock")));
    assert_eq!(mode(lock.path()), 0o600);
    let pid = format!("pid {} ", std::process::id());
    assert!(lock.holder().starts_with(&pid), "{}", lock.holder());
    assert!(lock.holder().contains(", since "), "{}", lock.holder());

    match store.lock(LOCK_ID) {
        Err(LockError::Held { by: Some(by) }) => {
            assert_eq!(by, lock.holder());
            assert!(by.starts_with(&pid), "{by}");
        }
        other => panic!("expected Held naming this process, got {other:?}"),
    }
    let err = store.lock(LOCK_ID).unwrap_err();
    assert!(err.to_string().contains(&pid), "{err}");

    // Another incident is not affected.
    let other = store.lock("2026-03-12-another").unwrap();
    drop(other);

    // The lock file is not listed, and a clean exit (the lock dropped) removes it, so it
    // never ends up in git.
    let lock_path = lock.path().to_path_buf();
    assert!(store.list(date(2026, 3, 12)).unwrap().is_empty());
    drop(lock);
    assert!(!lock_path.exists());
    let again = store.lock(LOCK_ID).unwrap();
    assert!(lock_path.exists());
    drop(again);
    assert!(!lock_path.exists());
}

#[test]
fn removing_the_lock_file_on_release_never_lets_two_hold_it() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let holders = AtomicUsize::new(0);
    let most = AtomicUsize::new(0);
    let taken = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| {
                for _ in 0..1500 {
                    if let Ok(lock) = store.lock(LOCK_ID) {
                        let now = holders.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        taken.fetch_add(1, Ordering::SeqCst);
                        std::thread::yield_now();
                        holders.fetch_sub(1, Ordering::SeqCst);
                        drop(lock);
                    }
                }
            });
        }
    });
    assert_eq!(most.load(Ordering::SeqCst), 1, "two held the lock at once");
    assert!(
        taken.load(Ordering::SeqCst) > 10,
        "the lock was hardly ever taken"
    );
}

#[test]
fn locking_refuses_bad_ids_and_a_symlinked_lock_file() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    assert!(matches!(
        store.lock("../2026-03-12-x"),
        Err(LockError::BadId(_))
    ));
    let elsewhere = tmp.path().join("elsewhere");
    fs::write(&elsewhere, "keep me").unwrap();
    symlink(&elsewhere, store.lock_path(LOCK_ID).unwrap()).unwrap();
    assert!(matches!(store.lock(LOCK_ID), Err(LockError::Io { .. })));
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "keep me");
}

#[test]
fn a_killed_process_releases_its_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut child = spawn_child(
        "child_locker",
        CHILD_LOCKER,
        &tmp.path().display().to_string(),
        Stdio::piped(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let locked = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("LOCKED"));
    assert!(locked, "the child did not take the lock");

    match store.lock(LOCK_ID) {
        Err(LockError::Held { by: Some(by) }) => {
            assert!(by.starts_with(&format!("pid {} ", child.0.id())), "{by}");
        }
        other => panic!("expected Held naming the child, got {other:?}"),
    }

    child.kill(); // SIGKILL: no destructor runs in the child.
    let lock = store
        .lock(LOCK_ID)
        .expect("the lock of a killed process is free");
    assert!(
        lock.holder()
            .starts_with(&format!("pid {} ", std::process::id()))
    );
}

// ---------------------------------------------------------------------------------------
// Recovery copies
// ---------------------------------------------------------------------------------------

fn sample(store: &Store) -> Incident {
    let now = Moment::parse_rfc3339("2026-03-13T09:30:00Z").unwrap();
    let mut incident = store.new_incident("Checkout errors", date(2026, 3, 12), now);
    incident.narrative.text = "What we knew.".into();
    incident
}

fn set_mtime(path: &Path, time: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

fn hours_ago(h: u64) -> SystemTime {
    SystemTime::now() - Duration::from_secs(h * 3600)
}

#[test]
fn a_recovery_copy_is_written_beside_the_incident_and_offered_when_newer() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let saved = sample(&store);
    let file = store.save(&saved).unwrap();
    let before = fs::read(&file).unwrap();
    set_mtime(&file, hours_ago(1));

    let mut typed = saved.clone();
    typed.narrative.text.push_str(" And what we typed after.");
    typed.timeline.push(TimelineEntry {
        text: "a new entry".into(),
        ..TimelineEntry::default()
    });
    let copy = store.write_recovery(&typed).unwrap();
    assert_eq!(
        copy,
        tmp.path().join("2026-03-12-checkout-errors.recovery.toml")
    );
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "the incident is untouched"
    );

    // Not listed: only the incident is.
    let listed = store.list(date(2026, 3, 13)).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(matches!(listed[0], Entry::Incident { .. }));

    let offered = store
        .recovery_for(&saved.id)
        .expect("a newer copy is offered");
    assert_eq!(offered.incident, typed);
    assert_eq!(offered.path, copy);
    assert!(offered.modified.is_some());
    let diff = differences(&saved, &offered.incident);
    assert_eq!(
        diff,
        vec![
            "narrative.text changed (13 → 38 characters)".to_string(),
            "timeline: 1 entry added".to_string(),
        ]
    );

    // Asking again does not remove it; only discarding does.
    assert!(store.recovery_for(&saved.id).is_some());
    store.discard_recovery(&saved.id).unwrap();
    assert!(!copy.exists());
    assert!(store.recovery_for(&saved.id).is_none());
    store.discard_recovery(&saved.id).unwrap();
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn an_older_or_broken_recovery_copy_is_not_offered_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let saved = sample(&store);
    store.save(&saved).unwrap();
    let copy = store.write_recovery(&saved).unwrap();
    set_mtime(&copy, hours_ago(2));
    assert!(store.recovery_for(&saved.id).is_none());
    assert!(copy.exists());

    fs::write(&copy, "this is not toml = = =").unwrap();
    set_mtime(&copy, SystemTime::now() + Duration::from_secs(60));
    assert!(store.recovery_for(&saved.id).is_none());
    assert_eq!(fs::read_to_string(&copy).unwrap(), "this is not toml = = =");

    // A copy of another incident under this name is not offered either.
    let mut other = saved.clone();
    other.id = "2026-03-12-other".into();
    fs::write(&copy, codec::to_toml_string(&other).unwrap()).unwrap();
    assert!(store.recovery_for(&saved.id).is_none());
}

#[test]
fn a_recovery_copy_of_a_never_saved_incident_is_offered() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let typed = sample(&store);
    store.write_recovery(&typed).unwrap();
    assert!(!store.exists(&typed.id));
    assert_eq!(store.recovery_for(&typed.id).unwrap().incident, typed);
    assert!(store.list(date(2026, 3, 13)).unwrap().is_empty());
}

#[test]
fn a_recovery_copy_never_goes_through_a_symlink_onto_the_incident() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let saved = sample(&store);
    let file = store.save(&saved).unwrap();
    let before = fs::read(&file).unwrap();
    let copy = store.recovery_path(&saved.id).unwrap();
    symlink(&file, &copy).unwrap();

    let mut typed = saved.clone();
    typed.title = "Changed".into();
    store.write_recovery(&typed).unwrap();
    assert_eq!(fs::read(&file).unwrap(), before);
    assert!(
        !fs::symlink_metadata(&copy)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(read_incident(&copy).unwrap().incident, typed);
}

#[test]
fn recovery_refuses_bad_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut bad = sample(&store);
    bad.id = "../../etc/passwd".into();
    assert!(matches!(
        store.write_recovery(&bad),
        Err(StoreError::BadId(_))
    ));
    assert!(store.recovery_for(&bad.id).is_none());
    assert!(matches!(
        store.discard_recovery(&bad.id),
        Err(StoreError::BadId(_))
    ));
}

#[test]
fn differences_are_listed_field_by_field() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut a = sample(&store);
    a.factors = vec![
        Factor {
            id: "F1".into(),
            description: "linter".into(),
            ..Factor::default()
        },
        Factor {
            id: "F2".into(),
            ..Factor::default()
        },
    ];
    a.actions = vec![Action {
        id: "A1".into(),
        ..Action::default()
    }];
    a.timeline = vec![TimelineEntry::default(); 2];
    assert!(differences(&a, &a).is_empty());

    let mut b = a.clone();
    b.updated_at = Some(Moment::parse_rfc3339("2027-01-01T00:00:00Z").unwrap());
    assert!(
        differences(&a, &b).is_empty(),
        "updated_at alone is no difference"
    );

    b.title = "New title".into();
    b.severity = Some(Severity::Sev1);
    b.services.push("checkout-api".into());
    b.factors[0].description = "the config linter".into();
    b.factors.push(Factor {
        id: "F3".into(),
        ..Factor::default()
    });
    b.actions.clear();
    b.timeline.push(TimelineEntry {
        text: "x".into(),
        ..TimelineEntry::default()
    });
    b.timeline.push(TimelineEntry {
        text: "y".into(),
        ..TimelineEntry::default()
    });
    b.timeline[0].actor = "on-call".into();
    b.extensions = Some(toml::Table::new());
    assert_eq!(
        differences(&a, &b),
        vec![
            "title changed",
            "severity changed",
            "services: 1 item added",
            "extensions changed",
            "timeline: 2 entries added, 1 entry changed",
            "factors: F3 added; F1 changed",
            "actions: A1 removed",
        ]
    );
    let mut c = a.clone();
    c.timeline.reverse();
    c.timeline[0].actor = "x".into();
    c.timeline.reverse();
    assert_eq!(differences(&a, &c), vec!["timeline: 1 entry changed"]);
}

// ---------------------------------------------------------------------------------------
// Symbolic links and outside changes
// ---------------------------------------------------------------------------------------

fn no_temp_files(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            !name.ends_with(".tmp"),
            "temporary file {name} left in {dir:?}"
        );
    }
}

#[test]
fn a_symlink_inside_the_folder_is_written_through_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut incident = sample(&store);
    let archive = tmp.path().join("archive");
    fs::create_dir(&archive).unwrap();
    let target = archive.join(format!("{}.toml", incident.id));
    fs::write(&target, codec::to_toml_string(&incident).unwrap()).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let link = store.path_of(&incident.id).unwrap();
    symlink(
        Path::new("archive").join(format!("{}.toml", incident.id)),
        &link,
    )
    .unwrap();

    incident.title = "Written through the link".into();
    store.save(&incident).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(read_incident(&target).unwrap().incident, incident);
    assert_eq!(mode(&target), 0o640);
    assert_eq!(store.load(&incident.id).unwrap().incident, incident);
    no_temp_files(tmp.path());
    no_temp_files(&archive);
}

#[test]
fn a_symlinked_incidents_folder_still_allows_links_inside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    fs::create_dir(&real).unwrap();
    let folder = tmp.path().join("incidents");
    symlink(&real, &folder).unwrap();
    let store = Store::open(&folder).unwrap();
    let mut incident = sample(&store);
    fs::create_dir(real.join("archive")).unwrap();
    let target = real.join("archive").join("kept.toml");
    fs::write(&target, codec::to_toml_string(&incident).unwrap()).unwrap();
    let link = store.path_of(&incident.id).unwrap();
    symlink(&target, &link).unwrap();
    incident.title = "Through two links".into();
    store.save(&incident).unwrap();
    assert_eq!(read_incident(&target).unwrap().incident, incident);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_symlink_leading_outside_the_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("incidents");
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let store = Store::open(&folder).unwrap();
    let mut incident = sample(&store);
    let target = outside.join("secret.toml");
    let original = codec::to_toml_string(&incident).unwrap();
    fs::write(&target, &original).unwrap();
    let link = store.path_of(&incident.id).unwrap();

    incident.title = "Must not land outside".into();
    for how in [target.clone(), PathBuf::from("../outside/secret.toml")] {
        let _ = fs::remove_file(&link);
        symlink(&how, &link).unwrap();
        let err = store.save(&incident).unwrap_err();
        assert!(
            err.to_string().contains("outside the incidents folder"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), original);
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    // Through a chain of links, one of them inside the folder.
    fs::remove_file(&link).unwrap();
    let hop = folder.join("hop");
    symlink(&target, &hop).unwrap();
    symlink("hop", &link).unwrap();
    assert!(store.save(&incident).is_err());
    assert_eq!(fs::read_to_string(&target).unwrap(), original);

    // A dangling link is refused and nothing is created.
    fs::remove_file(&link).unwrap();
    symlink(outside.join("missing.toml"), &link).unwrap();
    assert!(store.save(&incident).is_err());
    assert!(!outside.join("missing.toml").exists());
    no_temp_files(&folder);
    no_temp_files(&outside);
}

#[test]
fn write_atomic_keeps_a_symlink_and_writes_its_target() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("report.md");
    fs::write(&target, "old").unwrap();
    let link = tmp.path().join("link.md");
    symlink(&target, &link).unwrap();
    write_atomic(&link, b"new").unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "new");
}

#[test]
fn modified_tells_when_the_file_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let incident = sample(&store);
    assert_eq!(store.modified(&incident.id), None);
    assert_eq!(store.modified("not an id"), None);
    let path = store.save(&incident).unwrap();
    let past = hours_ago(3);
    set_mtime(&path, past);
    assert_eq!(store.modified(&incident.id), Some(past));
    store.save(&incident).unwrap();
    assert!(store.modified(&incident.id).unwrap() > past);
}

// ---------------------------------------------------------------------------------------
// Bad files stay untouched
// ---------------------------------------------------------------------------------------

#[test]
fn broken_wrong_typed_and_newer_files_stay_byte_for_byte_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let head = |id: &str| format!("schema_version = 1\nid = \"{id}\"\ntitle = \"T\"\n");
    let fixtures: Vec<(&str, Vec<u8>)> = vec![
        (
            "2026-01-01-syntax.toml",
            b"schema_version = 1\nid = \"2026-01-01-syntax\"\ntitle = \"unterminated\n".to_vec(),
        ),
        (
            "2026-01-02-wrong-type.toml",
            format!("{}severity = 3\n", head("2026-01-02-wrong-type")).into_bytes(),
        ),
        (
            "2026-01-03-unknown-choice.toml",
            format!("{}status = \"finished\"\n", head("2026-01-03-unknown-choice")).into_bytes(),
        ),
        (
            "2026-01-04-unknown-key.toml",
            format!("{}titel = \"typo\"\n", head("2026-01-04-unknown-key")).into_bytes(),
        ),
        (
            "2026-01-05-newer.toml",
            b"schema_version = 2\nid = \"2026-01-05-newer\"\ntitle = \"From the future\"\n"
                .to_vec(),
        ),
        (
            "2026-01-06-newer-fields.toml",
            b"schema_version = 7\nid = \"2026-01-06-newer-fields\"\ntitle = \"F\"\nhologram = true\n"
                .to_vec(),
        ),
        (
            "2026-01-07-not-utf8.toml",
            b"schema_version = 1\nid = \"2026-01-07-not-utf8\"\ntitle = \"\xff\xfe\"\n".to_vec(),
        ),
        (
            "2026-01-08-id-mismatch.toml",
            head("2026-01-08-something-else").into_bytes(),
        ),
        ("notes.toml", b"just = \"some notes\"\n".to_vec()),
        (
            "2026-01-09-bad-time.toml",
            format!("{}created_at = 2026-13-45T25:00:00Z\n", head("2026-01-09-bad-time"))
                .into_bytes(),
        ),
        (
            "2026-01-10-crlf-bom.toml",
            format!("\u{feff}{}", head("2026-01-10-crlf-bom").replace('\n', "\r\n")).into_bytes(),
        ),
    ];
    let past = hours_ago(5);
    for (name, bytes) in &fixtures {
        let path = tmp.path().join(name);
        fs::write(&path, bytes).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        set_mtime(&path, past);
    }
    let names_before = dir_names(tmp.path());

    for _ in 0..2 {
        let listed = store.list(date(2026, 3, 1)).unwrap();
        assert_eq!(listed.len(), fixtures.len());
        for entry in &listed {
            let _ = store.load(entry.name());
            let _ = store.recovery_for(entry.name());
            let _ = store.modified(entry.name());
            if let Entry::Broken { path, .. } = entry {
                let _ = store.read_text(path);
            }
        }
    }
    let newer = store.load("2026-01-05-newer").unwrap();
    assert!(newer.read_only.is_some());
    assert!(store.load("2026-01-06-newer-fields").is_err());
    assert!(store.load("2026-01-02-wrong-type").is_err());

    for (name, bytes) in &fixtures {
        let path = tmp.path().join(name);
        assert_eq!(&fs::read(&path).unwrap(), bytes, "{name} changed");
        assert_eq!(
            fs::metadata(&path).unwrap().modified().unwrap(),
            past,
            "{name} touched"
        );
        assert_eq!(mode(&path), 0o644, "{name} permissions changed");
    }
    assert_eq!(
        dir_names(tmp.path()),
        names_before,
        "files appeared or vanished"
    );
}

fn dir_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}
