//! `imgplan export` in every format, read back with independent parsers: iCalendar with `ical`,
//! CSV with `csv` (and `imgplan import programs`), Markdown with `pulldown-cmark`. The text and
//! Markdown summaries of a full fixture plan are snapshots (fixed `--today`).

use std::io::BufReader;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use predicates::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use unicode_width::UnicodeWidthStr;

const TODAY: &str = "2026-11-25";

/// Tasks in the full fixture: all, dated, closed (done or skipped; all of them dated).
const TASKS: usize = 56;
const DATED_TASKS: usize = 55;
const CLOSED_TASKS: usize = 6;
/// One interview (a ranked program) and two rotations become events too.
const OTHER_EVENTS: usize = 3;

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// A sandbox holding a copy of a fixture plan (or no plan at all).
    fn with(fixture: Option<&str>) -> Sandbox {
        let sandbox = Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        if let Some(name) = fixture {
            let from = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name);
            std::fs::copy(from, sandbox.plan()).expect("copy fixture");
        }
        sandbox
    }

    fn full() -> Sandbox {
        Sandbox::with(Some("full.ron"))
    }

    fn plan(&self) -> PathBuf {
        self.dir.path().join("plan.ron")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self) -> Command {
        self.cmd_on(TODAY)
    }

    /// `imgplan --plan … --today DAY`.
    fn cmd_on(&self, today: &str) -> Command {
        let mut cmd = Command::cargo_bin("imgplan").expect("binary");
        cmd.env_clear()
            .env("HOME", self.dir.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(self.dir.path())
            .arg("--plan")
            .arg(self.plan())
            .arg("--today")
            .arg(today);
        cmd
    }

    /// Runs `imgplan export ARGS` and returns standard output.
    fn export(&self, args: &[&str]) -> String {
        let output = self.cmd().arg("export").args(args).output().expect("run");
        assert!(
            output.status.success(),
            "export {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }
}

// ---------------------------------------------------------------------------------------------
// Text

#[test]
fn the_text_summary_of_a_full_plan() {
    let text = Sandbox::full().export(&[]);
    insta::assert_snapshot!("text_summary_full", text);
}

#[test]
fn the_text_summary_fits_80_columns_even_with_wide_characters() {
    let text = Sandbox::full().export(&["--format", "text"]);
    for line in text.lines() {
        // Addresses stay whole so they can be copied.
        if line.trim_start().starts_with("http") {
            continue;
        }
        assert!(
            UnicodeWidthStr::width(line) <= 80,
            "{} columns: {line}",
            UnicodeWidthStr::width(line)
        );
    }
    assert!(text.contains("李明"), "wide characters kept");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'));
    for expected in [
        "[x] Pass USMLE Step 1",
        "[-] Choose hands-on USCE",
        "[~] Pass USMLE Step 2 CK",
        "2027-05-20",
        "Mercy General, Chicago",
        "Rank order list",
        "Sources",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

#[test]
fn the_markdown_summary_of_a_full_plan() {
    let markdown = Sandbox::full().export(&["--format", "markdown"]);
    insta::assert_snapshot!("markdown_summary_full", markdown);
}

/// What a CommonMark parser with GitHub's extensions finds in the Markdown.
#[derive(Default)]
struct MarkdownCount {
    tasks: usize,
    checked: usize,
    tables: usize,
    headings: Vec<String>,
    links: Vec<String>,
    emphasis: usize,
    html: usize,
    ordered_lists: usize,
    text: String,
}

fn read_markdown(markdown: &str) -> MarkdownCount {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut count = MarkdownCount::default();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::TaskListMarker(checked) => {
                count.tasks += 1;
                count.checked += usize::from(checked);
            }
            Event::Start(Tag::Table(_)) => count.tables += 1,
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => count.headings.extend(heading.take()),
            Event::Start(Tag::Link { dest_url, .. }) => count.links.push(dest_url.to_string()),
            Event::Start(Tag::Emphasis) => count.emphasis += 1,
            Event::Html(_) | Event::InlineHtml(_) => count.html += 1,
            Event::Start(Tag::List(Some(_))) => count.ordered_lists += 1,
            Event::Text(text) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&text);
                }
                count.text.push_str(&text);
            }
            _ => {}
        }
    }
    count
}

#[test]
fn markdown_has_a_task_item_per_task_tables_headings_and_links() {
    let markdown = Sandbox::full().export(&["--format", "markdown"]);
    let read = read_markdown(&markdown);
    assert_eq!(read.tasks, TASKS, "one task-list item per task");
    assert_eq!(
        read.checked, CLOSED_TASKS,
        "done and skipped tasks are ticked"
    );
    // Profile, progress, season dates, visa comparison, USCE, programs, cost, budget.
    assert_eq!(read.tables, 8);
    for stage in [
        "ECFMG certification and eligibility",
        "USMLE exams",
        "US clinical experience and letters",
        "ERAS application",
        "The NRMP Match",
        "Visa (J-1 or H-1B)",
        "Residency and licensure",
    ] {
        assert!(
            read.headings.iter().any(|h| h == stage),
            "no heading {stage:?} in {:?}",
            read.headings
        );
    }
    assert!(read.links.len() > 10, "sources are links");
    assert!(
        read.links
            .iter()
            .all(|l| l.starts_with("https://") || l.starts_with("http://"))
    );
}

#[test]
fn markdown_keeps_user_text_literal() {
    let markdown = Sandbox::full().export(&["--format", "markdown"]);
    let read = read_markdown(&markdown);
    // `*Best* | IM_Program` is a program name, not emphasis and not a table column break.
    assert!(read.text.contains("*Best* | IM_Program"), "{}", read.text);
    assert!(
        read.text
            .contains("Booked at the Prometric centre, *Cairo* | seat 12")
    );
    assert!(read.text.contains("cost $11 & took 3 weeks"));
    // HTML, autolinks, entities and list markers in a note stay text.
    assert!(
        read.text
            .contains("Passed! <b>not bold</b> <https://not.a.link> &#27; 1. not a list")
    );
    assert_eq!(read.html, 0, "no HTML reaches the page");
    assert_eq!(
        read.ordered_lists, 1,
        "only the rank order list is numbered"
    );
    assert!(!markdown.contains('\u{1b}') && !markdown.contains('\u{7}'));
    // The only emphasis is our own ("*not set*" is absent in a full plan; "estimated" once;
    // the H-1B plan that does not say where its owner is gets the payment as a *Note:*).
    assert_eq!(
        read.emphasis, 3,
        "intro's *estimated*, the situation note and the not-advice line"
    );
}

// ---------------------------------------------------------------------------------------------
// iCalendar

fn read_calendar(ics: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = parser
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    calendar
}

fn property<'a>(event: &'a IcalEvent, name: &str) -> Option<&'a str> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn uids(calendar: &IcalCalendar) -> Vec<String> {
    calendar
        .events
        .iter()
        .map(|e| property(e, "UID").expect("UID").to_owned())
        .collect()
}

#[test]
fn the_calendar_parses_with_one_event_per_dated_task() {
    let ics = Sandbox::full().export(&["--format", "ics"]);
    let calendar = read_calendar(&ics);
    assert_eq!(calendar.events.len(), DATED_TASKS + OTHER_EVENTS);
    let ids = uids(&calendar);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "UIDs are unique");
    assert!(ids.contains(&"task-exams.step2ck@imgplan".to_owned()));
    assert!(ids.contains(&"interview-1@imgplan".to_owned()));
    assert!(ids.contains(&"rotation-2@imgplan".to_owned()));

    let step2 = calendar
        .events
        .iter()
        .find(|e| property(e, "UID") == Some("task-exams.step2ck@imgplan"))
        .expect("Step 2 CK event");
    let start = step2
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .expect("DTSTART");
    assert_eq!(
        start.value.as_deref(),
        Some("20270520"),
        "the user's own date"
    );
    let params = start.params.as_ref().expect("VALUE=DATE");
    assert!(params.iter().any(|(k, v)| k == "VALUE" && v == &["DATE"]));
    assert_eq!(property(step2, "DTEND"), Some("20270521"));
    let description = property(step2, "DESCRIPTION").expect("description");
    assert!(description.contains("Stage: USMLE exams"));
    assert!(description.contains("State: doing"));
    assert!(description.contains("Why: "));
    assert!(description.contains("Note: Booked at the Prometric centre\\, *Cairo* | seat 12"));
    assert_eq!(property(step2, "STATUS"), Some("CONFIRMED"));
    // Default reminders: 14 and 3 days before, at 09:00.
    let triggers: Vec<&str> = step2
        .alarms
        .iter()
        .map(|a| {
            a.properties
                .iter()
                .find(|p| p.name == "TRIGGER")
                .and_then(|p| p.value.as_deref())
                .expect("TRIGGER")
        })
        .collect();
    assert_eq!(triggers, ["-P13DT15H", "-P2DT15H"]);
}

#[test]
fn reminders_never_ring_in_the_past_and_events_carry_their_revision() {
    let sandbox = Sandbox::full();
    let calendar = read_calendar(&sandbox.export(&["--format", "ics"]));
    let event = |uid: &str| {
        calendar
            .events
            .iter()
            .find(|e| property(e, "UID") == Some(uid))
            .cloned()
            .expect("event")
    };
    // Overdue (due 2026-11-01, today 2026-11-25): no reminder ringing in October.
    assert!(event("task-usce.entry-status@imgplan").alarms.is_empty());
    let step2 = event("task-exams.step2ck@imgplan");
    assert_eq!(property(&step2, "LAST-MODIFIED"), Some("20261125T000000Z"));
    assert_eq!(property(&step2, "DTSTAMP"), Some("20261125T000000Z"));
    let sequence: i64 = property(&step2, "SEQUENCE")
        .expect("SEQUENCE")
        .parse()
        .expect("a number");

    // Eight days before "Apply for US clinical rotations" (2027-02-02): the 14-day reminder has
    // passed, the 3-day one is still ahead. A later export has a higher SEQUENCE.
    let output = sandbox
        .cmd_on("2027-01-25")
        .args(["export", "--format", "ics"])
        .output()
        .expect("run");
    assert!(output.status.success());
    let later = read_calendar(&String::from_utf8(output.stdout).expect("utf-8"));
    let apply = later
        .events
        .iter()
        .find(|e| property(e, "UID") == Some("task-usce.apply@imgplan"))
        .expect("event");
    assert_eq!(apply.alarms.len(), 1);
    let later_step2 = later
        .events
        .iter()
        .find(|e| property(e, "UID") == Some("task-exams.step2ck@imgplan"))
        .expect("event");
    let later_sequence: i64 = property(later_step2, "SEQUENCE")
        .expect("SEQUENCE")
        .parse()
        .expect("a number");
    assert!(later_sequence > sequence);
}

#[test]
fn a_calendar_with_nothing_in_it_is_refused_with_a_reason() {
    use imgplan::export::{ExportError, ExportOptions, Format, render};
    use imgplan::insights::Snapshot;
    use imgplan::journey::{Template, VisaChoice};
    use imgplan::plan::{Plan, Status, TaskState};
    let template = Template::embedded().expect("template");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
    let ids: Vec<_> = Snapshot::build(&template, &plan, today)
        .tasks
        .iter()
        .map(|t| t.id.clone())
        .collect();
    for id in ids {
        plan.tasks.insert(
            id,
            TaskState {
                state: Status::Done,
                ..TaskState::default()
            },
        );
    }
    let snapshot = Snapshot::build(&template, &plan, today);
    let mut options = ExportOptions::new(Format::Calendar);
    let stamp = today.and_time(chrono::NaiveTime::MIN);
    assert!(render(&template, &plan, &snapshot, &options, stamp).is_ok());
    options.open_only = true;
    let refused = render(&template, &plan, &snapshot, &options, stamp);
    assert_eq!(refused, Err(ExportError::EmptyCalendar { open_only: true }));
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("nothing to put in a calendar"),
        "{message}"
    );
}

#[test]
fn closed_tasks_have_no_reminders_and_can_be_left_out() {
    let sandbox = Sandbox::full();
    let calendar = read_calendar(&sandbox.export(&["--format", "ics"]));
    let done = calendar
        .events
        .iter()
        .find(|e| property(e, "UID") == Some("task-exams.step1@imgplan"))
        .expect("done task still listed");
    assert!(done.alarms.is_empty());
    assert_eq!(property(done, "SUMMARY"), Some("[done] Pass USMLE Step 1"));
    let skipped = calendar
        .events
        .iter()
        .find(|e| property(e, "UID") == Some("task-usce.choose-type@imgplan"))
        .expect("skipped task");
    assert_eq!(property(skipped, "STATUS"), Some("CANCELLED"));

    let open = read_calendar(&sandbox.export(&["--format", "ics", "--open-only"]));
    assert_eq!(open.events.len(), DATED_TASKS - CLOSED_TASKS + OTHER_EVENTS);
    assert!(!uids(&open).contains(&"task-exams.step1@imgplan".to_owned()));
}

#[test]
fn reminder_days_are_configurable() {
    let sandbox = Sandbox::full();
    let three = read_calendar(&sandbox.export(&["--format", "ics", "--alarms", "30,7,0"]));
    let step2 = three
        .events
        .iter()
        .find(|e| property(e, "UID") == Some("task-exams.step2ck@imgplan"))
        .expect("event");
    assert_eq!(step2.alarms.len(), 3);
    let none = read_calendar(&sandbox.export(&["--format", "ics", "--alarms", "none"]));
    assert!(none.events.iter().all(|e| e.alarms.is_empty()));

    sandbox
        .cmd()
        .args(["export", "--format", "ics", "--alarms", "two weeks"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a number of days"));
}

#[test]
fn uids_stay_the_same_when_the_plan_changes() {
    let sandbox = Sandbox::full();
    let before = uids(&read_calendar(&sandbox.export(&["--format", "ics"])));
    sandbox
        .cmd()
        .args(["set", "exams.step2ck", "--state", "done"])
        .assert()
        .success();
    sandbox
        .cmd()
        .args(["set", "exams.step3", "--due", "2027-12-01"])
        .assert()
        .success();
    let after = read_calendar(&sandbox.export(&["--format", "ics"]));
    assert_eq!(uids(&after), before, "same events, updated in place");
    let step2 = after
        .events
        .iter()
        .find(|e| property(e, "UID") == Some("task-exams.step2ck@imgplan"))
        .expect("event");
    assert_eq!(
        property(step2, "SUMMARY"),
        Some("[done] Pass USMLE Step 2 CK")
    );
}

#[test]
fn the_calendar_is_crlf_folded_at_75_octets_and_escaped() {
    let ics = Sandbox::full().export(&["--format", "ics"]);
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let body = ics.strip_suffix("\r\n").expect("CRLF at the end");
    for line in body.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line end"
        );
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(
            !line.chars().any(char::is_control),
            "control character in {line:?}"
        );
    }
    let unfolded = body.replace("\r\n ", "");
    // Commas are escaped in TEXT; quotes and pipes need no escape.
    assert!(unfolded.contains("SUMMARY:Interview: Saint Example\\, \"Brooklyn\" 漢字"));
    assert!(unfolded.contains("SUMMARY:observership: 東京 Clinic | Bay Area"));
    assert!(
        unfolded.contains("Note: B-1/B-2 [31mcheck"),
        "escape removed"
    );
    // Every folded line was cut between characters: the whole text is valid UTF-8 and the
    // wide characters survive unfolding.
    assert!(unfolded.contains("Saint Example\\, \"Brooklyn\" 漢字"));
}

// ---------------------------------------------------------------------------------------------
// CSV

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn programs_csv_uses_the_import_columns_and_round_trips() {
    let sandbox = Sandbox::full();
    let first = sandbox.export(&["--format", "csv", "--what", "programs"]);
    assert!(first.contains("\r\n"), "RFC 4180 line ends");
    let (header, rows) = read_csv(&first);
    let known = imgplan::import::PROGRAM_COLUMNS.len();
    assert_eq!(header[..known], imgplan::import::PROGRAM_COLUMNS);
    // Her own columns follow, in name order, a formula-like header guarded like a cell.
    assert_eq!(
        header[known..],
        ["'=Odd header", "Ranking notes", "Website"]
    );
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], "*Best* | IM_Program");
    assert_eq!(rows[0][12], "'=HYPERLINK(\"x\") looks like a formula");
    // What she tracks: priority, signal, applied, invite, format, thank-you, contact, fees.
    assert_eq!(
        rows[0][13..known],
        [
            "1",
            "gold",
            "2027-09-24",
            "2027-10-15",
            "virtual",
            "yes",
            "Ms. Ortiz, im.residency@example.org",
            "27"
        ]
    );
    assert_eq!(
        rows[0][known..],
        [
            "'+1 555 0100",
            "great \"fit\", strong IMG history",
            "https://example.org/im"
        ]
    );
    assert_eq!(
        rows[1][known..],
        ["", "", ""],
        "a program without them has empty cells"
    );
    assert_eq!(rows[2][known + 2], "https://valley.example/fm");

    // Import into a fresh plan, export again: the same table.
    let file = sandbox.path("programs.csv");
    std::fs::write(&file, &first).expect("write csv");
    let fresh = Sandbox::with(None);
    fresh
        .cmd()
        .args(["init", "--visa", "h1b", "--match-year", "2028"])
        .assert()
        .success();
    fresh
        .cmd()
        .args(["import", "programs"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("Added 3 programs"));
    let second = fresh.export(&["--format", "csv"]);
    assert_eq!(second, first, "import then export gives back the same data");
}

#[test]
fn usce_and_task_tables_parse() {
    let sandbox = Sandbox::full();
    let (header, rows) = read_csv(&sandbox.export(&["--format", "csv", "--what", "usce"]));
    assert_eq!(header[0], "Kind");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][1], "Mercy General, Chicago");
    assert_eq!(rows[0][5], "28", "days, both ends counted");
    assert_eq!(rows[0][8], "uploaded to ERAS");

    let (header, rows) = read_csv(&sandbox.export(&["-f", "csv", "--what", "tasks"]));
    assert_eq!(header[..4], ["Task id", "Stage", "Task", "State"]);
    assert_eq!(rows.len(), TASKS);
    let custom = rows
        .iter()
        .find(|r| r[0] == "eras.my-1")
        .expect("custom task");
    assert_eq!(
        custom[2],
        "Ask Dr. Lee about a \"research\" letter, =SUM(A1)"
    );
    let (_, open) = read_csv(&sandbox.export(&["-f", "csv", "--what", "tasks", "--open-only"]));
    assert_eq!(open.len(), TASKS - CLOSED_TASKS);
    assert!(open.iter().all(|r| r[3] != "done" && r[3] != "skipped"));
}

// ---------------------------------------------------------------------------------------------
// Writing files, flags that do not go together, a fresh plan

#[test]
fn every_format_works_on_a_fresh_plan_without_writing_one() {
    let sandbox = Sandbox::with(None);
    for args in [
        &["--format", "text"][..],
        &["--format", "markdown"],
        &["--format", "ics"],
        &["--format", "csv", "--what", "programs"],
        &["--format", "csv", "--what", "usce"],
        &["--format", "csv", "--what", "tasks"],
        &["--format", "json"],
    ] {
        let out = sandbox.export(args);
        assert!(!out.is_empty(), "{args:?}");
    }
    assert!(!sandbox.plan().exists(), "exports never create the plan");
    let calendar = read_calendar(&sandbox.export(&["--format", "ics"]));
    assert!(
        calendar.events.len() > 40,
        "every dated task of the journey"
    );
    let (header, tasks) = read_csv(&sandbox.export(&["--format", "csv", "--what", "tasks"]));
    assert_eq!(header[0], "Task id");
    assert!(tasks.len() > 40);
    let fresh_md = read_markdown(&sandbox.export(&["--format", "markdown"]));
    assert_eq!(fresh_md.checked, 0);
    assert!(fresh_md.tasks > 40);
    let (_, programs) = read_csv(&sandbox.export(&["--format", "csv"]));
    assert!(programs.is_empty(), "a header and no rows");
}

#[test]
fn output_files_are_written_whole_and_never_over_the_plan() {
    let sandbox = Sandbox::full();
    let target = sandbox.path("deadlines.ics");
    sandbox
        .cmd()
        .args(["export", "--format", "ics", "--output"])
        .arg(&target)
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote"));
    read_calendar(&std::fs::read_to_string(&target).expect("written"));
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "plan.ron" && n != "deadlines.ics")
        .collect();
    assert!(leftovers.is_empty(), "no temporary files: {leftovers:?}");

    let before = std::fs::read(sandbox.plan()).expect("plan");
    for format in ["text", "markdown", "ics", "csv", "json"] {
        sandbox
            .cmd()
            .args(["export", "--format", format, "--output"])
            .arg(sandbox.plan())
            .assert()
            .failure()
            .stderr(predicate::str::contains("plan file"));
    }
    assert_eq!(std::fs::read(sandbox.plan()).expect("plan"), before);
}

#[test]
fn an_output_folder_gets_the_default_file_name() {
    let sandbox = Sandbox::full();
    let folder = sandbox.path("exports");
    std::fs::create_dir(&folder).expect("folder");
    sandbox
        .cmd()
        .args(["export", "--format", "csv", "--what", "usce", "-o"])
        .arg(&folder)
        .assert()
        .success();
    let (header, rows) = read_csv(
        &std::fs::read_to_string(folder.join("imgplan-usce-2026-11-25.csv")).expect("written"),
    );
    assert_eq!(header.len(), 10);
    assert_eq!(rows.len(), 2);
}

#[test]
fn flags_that_do_not_fit_the_format_are_refused() {
    let sandbox = Sandbox::full();
    for (args, says) in [
        (&["--what", "usce"][..], "--format csv"),
        (&["--format", "markdown", "--alarms", "7"], "--format ics"),
        (&["--format", "text", "--open-only"], "--open-only applies"),
        (
            &["--format", "csv", "--what", "programs", "--open-only"],
            "--open-only applies",
        ),
    ] {
        sandbox
            .cmd()
            .arg("export")
            .args(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let sandbox = Sandbox::with(None);
    for shell in ["bash", "zsh", "fish"] {
        let output = sandbox
            .cmd()
            .args(["completions", shell])
            .output()
            .expect("run");
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).expect("utf-8");
        assert!(
            script.contains("completions"),
            "{shell} completes subcommands"
        );
        assert!(
            script.contains("open-only"),
            "{shell} completes export flags"
        );
        assert!(script.contains("markdown"), "{shell} completes formats");
    }
    let output = sandbox.cmd().arg("man").output().expect("run");
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        page.contains(".TH imgplan"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains("export"));
    assert!(!sandbox.plan().exists());
}

#[cfg(unix)]
#[test]
fn a_replaced_export_keeps_its_permissions_and_missing_folders_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::full();
    let shared = sandbox.path("shared.md");
    std::fs::write(&shared, "old").expect("file");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    sandbox
        .cmd()
        .args(["export", "-f", "markdown", "-o"])
        .arg(&shared)
        .assert()
        .success();
    let mode = std::fs::metadata(&shared)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644, "the file's own permissions stay");
    assert!(
        std::fs::read_to_string(&shared)
            .expect("read")
            .starts_with("# imgplan")
    );

    sandbox
        .cmd()
        .args(["export", "-o"])
        .arg(sandbox.path("Dekstop/plan.txt"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("there is no folder"));
    assert!(!sandbox.path("Dekstop").exists(), "no stray folder");
}
