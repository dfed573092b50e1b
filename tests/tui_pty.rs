//! The real binary in a real pseudo-terminal (portable-pty), its screen read back through a
//! terminal emulator (vt100): open on a fresh HOME, go to the exams panel, tick a task, quit,
//! find it done in the plan file, open again and see it ticked.

#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;

/// A running planner and the emulated screen it draws on.
struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the planner wrote, for what it ends with.
    raw: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(home: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_imgplan"));
        command.args(["--today", "2026-11-25"]);
        command.env_clear();
        command.env("HOME", home);
        // Exports are offered in the directory the planner was started from.
        command.cwd(home);
        command.env("TERM", "xterm-256color");
        command.env("PATH", std::env::var_os("PATH").unwrap_or_default());
        let child = pty.slave.spawn_command(command).expect("spawn imgplan");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let rows = NonZeroU16::new(ROWS).expect("rows");
        let cols = NonZeroU16::new(COLS).expect("cols");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let feed = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(read) = reader.read(&mut buffer) {
                if read == 0 {
                    break;
                }
                if let Ok(mut parser) = feed.lock() {
                    parser.process(&buffer[..read]);
                }
                if let Ok(mut log) = log.lock() {
                    log.extend_from_slice(&buffer[..read]);
                }
            }
        });
        Session {
            child,
            writer,
            screen,
            raw,
            _master: pty.master,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().expect("screen").screen().contents()
    }

    fn alternate_screen(&self) -> bool {
        self.screen
            .lock()
            .expect("screen")
            .screen()
            .alternate_screen()
    }

    /// Waits until the screen shows `text`, or fails with what it shows.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "{text:?} never appeared; the screen shows:\n{}",
            self.contents()
        );
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "{text:?} never went away; the screen shows:\n{}",
            self.contents()
        );
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("send keys");
        self.writer.flush().expect("flush keys");
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Sends a signal to the planner.
    fn signal(&self, signal: libc::c_int) {
        let pid = self.child.process_id().expect("pid");
        let pid = libc::pid_t::try_from(pid).expect("pid fits");
        // SAFETY: kill only sends a signal to the child this test started.
        let sent = unsafe { libc::kill(pid, signal) };
        assert_eq!(sent, 0, "kill");
    }

    /// Waits for the planner to end and returns its exit code.
    fn wait_code(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(200));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!(
            "imgplan did not exit; the screen shows:\n{}",
            self.contents()
        );
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().expect("raw").clone()
    }

    fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        panic!(
            "imgplan did not exit; the screen shows:\n{}",
            self.contents()
        );
    }
}

#[test]
fn tick_a_task_quit_and_find_it_done_when_reopened() {
    let home = tempfile::tempdir().expect("home");
    let plan = home.path().join(".local/share/imgplan/plan.ron");

    let mut session = Session::start(home.path());
    session.wait_for("1 Overview");
    session.wait_for("Welcome!");
    assert!(
        session.alternate_screen(),
        "the planner draws on the alternate screen"
    );
    assert!(plan.exists(), "the first run creates the plan file");

    session.keys("3");
    session.wait_for("USMLE exams");
    session.wait_for("[ ] Apply for Step 1");
    session.keys(" ");
    session.wait_for("saved");
    session.wait_for("[x] Apply for Step 1");
    session.keys("q");
    assert!(session.wait_exit(), "q quits cleanly");
    session.wait_for("Your plan is saved at");
    assert!(
        !session.alternate_screen(),
        "the terminal is back to normal"
    );

    let saved = std::fs::read_to_string(&plan).expect("plan file");
    let entry = saved
        .split("\"exams.apply\"")
        .nth(1)
        .expect("exams.apply in the plan file");
    let entry = &entry[..entry.find(')').unwrap_or(entry.len())];
    assert!(entry.contains("state: Done"), "{entry}");
    assert!(entry.contains("done_on: \"2026-11-25\""), "{entry}");

    let mut again = Session::start(home.path());
    again.wait_for("1 Overview");
    again.keys("3");
    again.wait_for("[x] Apply for Step 1");
    again.keys("\u{3}"); // Ctrl-C quits too.
    assert!(again.wait_exit());
}

#[test]
fn a_broken_plan_file_is_reported_and_left_alone() {
    let home = tempfile::tempdir().expect("home");
    let plan = home.path().join(".local/share/imgplan/plan.ron");
    std::fs::create_dir_all(plan.parent().expect("dir")).expect("dir");
    let broken = b"(\n    version: 1,\n    profile: (match_year: twenty)\n";
    std::fs::write(&plan, broken).expect("write");

    let mut session = Session::start(home.path());
    assert!(!session.wait_exit(), "a broken plan is an error");
    session.wait_for("plan.ron:3:");
    assert!(!session.alternate_screen());
    assert_eq!(
        std::fs::read(&plan).expect("plan"),
        broken,
        "byte for byte as it was"
    );
}

#[test]
fn keys_typed_ahead_each_land_in_the_mode_the_previous_key_opened() {
    let home = tempfile::tempdir().expect("home");
    let mut session = Session::start(home.path());
    session.wait_for("1 Overview");
    // One write: open the profile, Tab to the Match year, clear it, type 2029, save.
    session.keys("p\t\u{17}2029\r");
    session.wait_for("2029 Match");
    let contents = session.contents();
    assert!(
        contents.contains("Overview"),
        "Tab did not switch panels: {contents}"
    );
    session.keys("q");
    assert!(session.wait_exit());
    let plan = home.path().join(".local/share/imgplan/plan.ron");
    let saved = std::fs::read_to_string(plan).expect("plan file");
    assert!(saved.contains("match_year: 2029"), "{saved}");
    assert!(
        !saved.contains("name:"),
        "nothing was typed into the name: {saved}"
    );
}

#[test]
fn add_a_program_and_a_rotation_from_the_keyboard_and_find_them_in_the_plan_file() {
    let home = tempfile::tempdir().expect("home");
    let mut session = Session::start(home.path());
    session.wait_for("1 Overview");
    // Programs panel, new program: name, state, then five Tabs to the visa stance, → to J-1 only.
    session.keys("9");
    session.wait_for("Rank order list");
    session.keys("a");
    session.wait_for("New program");
    session.keys("Mercy Hospital IM\tny");
    session.keys("\t\t\t\t\u{1b}[C");
    session.wait_for("J-1 only");
    session.keys("\r");
    session.wait_for("Added program: Mercy Hospital IM");
    session.wait_for("saved");
    // Rank it: it joins the rank order list.
    session.keys("r");
    session.wait_for("1. ");
    session.wait_for("Rank order list (1)");
    // USCE panel: the last row logs a rotation.
    session.keys("4G\r");
    session.wait_for("New rotation");
    session.keys("\tBrooklyn General\r");
    session.wait_for("Logged rotation: Brooklyn General");
    session.wait_for("saved");
    session.keys("q");
    assert!(session.wait_exit(), "q quits cleanly");

    let plan = home.path().join(".local/share/imgplan/plan.ron");
    let saved = std::fs::read_to_string(plan).expect("plan file");
    assert!(saved.contains("name: \"Mercy Hospital IM\""), "{saved}");
    assert!(saved.contains("state: \"NY\""), "{saved}");
    assert!(saved.contains("visa: J1"), "{saved}");
    assert!(saved.contains("status: Ranked"), "{saved}");
    let rank_order: String = saved
        .split("rank_order:")
        .nth(1)
        .unwrap_or_default()
        .split(']')
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(rank_order, "[1,", "{saved}");
    assert!(
        saved.contains("institution: \"Brooklyn General\""),
        "{saved}"
    );
    assert!(saved.contains("kind: Externship"), "{saved}");
}

#[test]
fn export_the_plan_as_markdown_and_as_a_calendar_from_the_planner() {
    let home = tempfile::tempdir().expect("home");
    let mut session = Session::start(home.path());
    session.wait_for("Welcome!");

    session.keys("e");
    session.wait_for("Export the plan");
    session.wait_for("imgplan-summary-2026-11-25.txt");
    session.keys("\x1b[C"); // → : Markdown; the default name follows.
    session.wait_for("imgplan-summary-2026-11-25.md");
    session.keys("\r");
    session.wait_for("Wrote ");
    session.wait_for("imgplan-summary-2026-11-25.md");
    session.wait_gone("Export the plan");
    let markdown = std::fs::read_to_string(home.path().join("imgplan-summary-2026-11-25.md"))
        .expect("the Markdown file, in the directory imgplan was started from");
    assert!(markdown.starts_with("# imgplan: plan summary"));
    assert!(markdown.contains("- [ ] "));

    // Again, as a calendar with reminders 7 and 1 days before, into a folder under ~.
    std::fs::create_dir(home.path().join("exports")).expect("folder");
    session.keys("e");
    session.wait_for("Export the plan");
    session.keys("\x1b[C"); // calendar
    session.wait_for("imgplan-deadlines.ics");
    session.keys("\t\t"); // to the reminders
    session.keys("\x15"); // Ctrl-U clears the field
    session.keys("7, 1");
    session.keys("\t\t\x15~/exports\r");
    session.wait_for("imgplan-deadlines.ics · import it in your calendar app");
    session.wait_gone("Export the plan");
    let ics = std::fs::read_to_string(home.path().join("exports/imgplan-deadlines.ics"))
        .expect("the calendar, with its default name, in the folder typed");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("TRIGGER:-P6DT15H") && ics.contains("TRIGGER:-PT15H"));
    assert!(
        !ics.contains("TRIGGER:-P13DT15H"),
        "the default 14 days was replaced"
    );

    // The same file again: asked first, replaced on a second Enter.
    session.keys("e");
    session.wait_for("Export the plan");
    session.keys("\t\t\t\t\x15~/exports/imgplan-deadlines.ics\r");
    session.wait_for("replaces it");
    session.keys("\r");
    session.wait_gone("Export the plan");
    session.wait_for("import it in your calendar app");

    session.keys("q");
    assert!(session.wait_exit());
}

#[test]
fn a_signal_restores_the_terminal_keeps_what_was_saved_and_exits_128_plus_n() {
    for (signal, name) in [
        (libc::SIGTERM, "TERM"),
        (libc::SIGHUP, "HUP"),
        (libc::SIGINT, "INT"),
        (libc::SIGQUIT, "QUIT"),
    ] {
        let home = tempfile::tempdir().expect("home");
        let plan = home.path().join(".local/share/imgplan/plan.ron");
        let mut session = Session::start(home.path());
        session.wait_for("Welcome!");
        session.keys("3");
        session.wait_for("[ ] Apply for Step 1");
        session.keys(" ");
        session.wait_for("[x] Apply for Step 1");
        session.wait_for("saved");
        session.signal(signal);
        let code = session.wait_code();
        assert_eq!(code, 128 + signal as u32, "SIG{name}");
        let raw = session.raw();
        let text = String::from_utf8_lossy(&raw);
        let left = text
            .rfind("\x1b[?1049l")
            .expect("leaves the alternate screen");
        assert!(
            left > text.rfind("\x1b[?1049h").expect("entered it"),
            "SIG{name}"
        );
        let tail = &text[left..];
        assert!(
            tail.contains("\x1b[?25h"),
            "SIG{name}: the cursor is shown: {tail:?}"
        );
        assert!(
            text.rfind("\x1b[?1000l")
                .is_some_and(|off| off > text.rfind("\x1b[?1000h").unwrap_or(0)),
            "SIG{name}: mouse reporting is off"
        );
        assert!(
            text.rfind("\x1b[?2004l")
                .is_some_and(|off| off > text.rfind("\x1b[?2004h").unwrap_or(0)),
            "SIG{name}: bracketed paste is off"
        );
        assert!(!session.alternate_screen(), "SIG{name}");
        let saved = std::fs::read_to_string(&plan).expect("plan file");
        assert!(
            saved.contains("\"exams.apply\": (state: Done"),
            "SIG{name}: what was saved stays: {saved}"
        );
    }
}

/// The state of a task in the plan file.
fn task_entry(plan: &Path, id: &str) -> String {
    let saved = std::fs::read_to_string(plan).expect("plan file");
    let entry = saved
        .split(&format!("\"{id}\""))
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    entry[..entry.find(')').unwrap_or(entry.len())].to_owned()
}

#[test]
fn two_planners_on_one_plan_both_keep_their_changes() {
    let home = tempfile::tempdir().expect("home");
    let plan = home.path().join(".local/share/imgplan/plan.ron");
    let mut first = Session::start(home.path());
    first.wait_for("Welcome!");
    let mut second = Session::start(home.path());
    second.wait_for("1 Overview");

    first.keys("3");
    first.wait_for("[ ] Apply for Step 1");
    first.keys(" ");
    first.wait_for("[x] Apply for Step 1");
    first.wait_for("saved");

    // The second planner read the file before that change; its own save merges.
    second.keys("3");
    second.wait_for("USMLE exams");
    second.keys("j ");
    second.wait_for("elsewhere");
    assert!(task_entry(&plan, "exams.apply").contains("state: Done"));
    assert!(task_entry(&plan, "exams.step1").contains("state: Done"));
    // And the second planner now shows the first one's change too.
    second.wait_for("[x] Apply for Step 1");

    // The first planner, in turn, merges the second one's change.
    first.keys("jj ");
    first.wait_for("elsewhere");
    first.keys("q");
    second.keys("q");
    assert!(first.wait_exit());
    assert!(second.wait_exit());
    for id in ["exams.apply", "exams.step1", "exams.step2ck"] {
        let entry = task_entry(&plan, id);
        assert!(entry.contains("state: Done"), "{id}: {entry}");
    }
}

#[test]
fn a_planner_with_an_import_beside_it_keeps_both() {
    let home = tempfile::tempdir().expect("home");
    let plan = home.path().join(".local/share/imgplan/plan.ron");
    let mut session = Session::start(home.path());
    session.wait_for("Welcome!");
    let csv = home.path().join("programs.csv");
    std::fs::write(
        &csv,
        "Program,State,Visa\nMercy Hospital IM,NY,J-1\nCity General,CA,both\n",
    )
    .expect("csv");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_imgplan"))
        .env_clear()
        .env("HOME", home.path())
        .args(["--today", "2026-11-25", "import", "programs"])
        .arg(&csv)
        .output()
        .expect("import");
    assert!(output.status.success(), "{output:?}");

    session.keys("3");
    session.wait_for("[ ] Apply for Step 1");
    session.keys(" ");
    session.wait_for("elsewhere");
    session.keys("9");
    session.wait_for("Mercy Hospital IM");
    session.keys("q");
    assert!(session.wait_exit());
    let saved = std::fs::read_to_string(&plan).expect("plan file");
    assert!(saved.contains("Mercy Hospital IM"), "{saved}");
    assert!(saved.contains("City General"), "{saved}");
    assert!(task_entry(&plan, "exams.apply").contains("state: Done"));
}

#[test]
fn import_a_spreadsheet_from_the_planner_with_a_preview_and_tab_completion() {
    let home = tempfile::tempdir().expect("home");
    let folder = home.path().join("Downloads");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(
        folder.join("my-programs.csv"),
        "Program,State,Visa,Interview,Website\n\
         Brookdale Hospital,NY,J-1,12/2/2027,https://brookdale.example\n\
         Jersey Shore University Medical Center,NJ,H-1B,2027-02-30,\n\
         ,PA,both,,\n",
    )
    .expect("csv");
    let mut session = Session::start(home.path());
    session.wait_for("1 Overview");
    session.keys("9");
    session.wait_for("Rank order list");
    session.keys("I");
    session.wait_for("Import programs from a CSV file");
    // ~ and Tab: the one file in the folder is completed.
    session.keys("~/Down\t");
    session.wait_for("~/Downloads/");
    session.keys("my\t");
    session.wait_for("~/Downloads/my-programs.csv");
    session.keys("\r");
    session.wait_for("Import · my-programs.csv");
    session.wait_for("y adds 2 programs");
    session.wait_for("+ Brookdale Hospital (NY)");
    session.wait_for("line 3: Interview \"2027-02-30\" is not a real date");
    session.wait_for("line 4: no program name; row left out");
    session.wait_for("Kept as your own columns");
    session.keys("y");
    session.wait_for("Imported 2 programs");
    session.wait_for("saved");
    session.keys("q");
    assert!(session.wait_exit(), "q quits cleanly");
    let plan = home.path().join(".local/share/imgplan/plan.ron");
    let saved = std::fs::read_to_string(plan).expect("plan file");
    assert!(saved.contains("name: \"Brookdale Hospital\""), "{saved}");
    assert!(saved.contains("interview: \"2027-12-02\""), "{saved}");
    assert!(
        saved.contains("\"Website\": \"https://brookdale.example\""),
        "{saved}"
    );
    assert!(
        saved.contains("Jersey Shore University Medical Center"),
        "{saved}"
    );
}

#[test]
fn timeline_budget_letters_and_scores_from_the_keyboard_end_up_in_the_plan_file() {
    let home = tempfile::tempdir().expect("home");
    let mut session = Session::start(home.path());
    session.wait_for("1 Overview");
    // Agenda, then Tab to the panels after it.
    session.keys("0\t");
    session.wait_for("months to residency");
    session.keys("]");
    session.keys("\t");
    session.wait_for("enter your own");
    session.keys("\r");
    session.wait_for("Planned (USD)");
    session.keys("160\r");
    session.wait_for("Budget saved");
    session.keys("\ta");
    session.wait_for("New letter");
    session.keys("Dr. Rao\r");
    session.wait_for("Added the letter from Dr. Rao");
    session.keys("\ta");
    session.wait_for("Log a practice exam");
    session.keys("NBME 12\t\t240\r");
    session.wait_for("Logged NBME 12");
    session.wait_for("saved");
    session.keys("q");
    assert!(session.wait_exit(), "q quits cleanly");
    let plan = home.path().join(".local/share/imgplan/plan.ron");
    let saved = std::fs::read_to_string(plan).expect("plan file");
    assert!(saved.contains("planned_cents: 16000"), "{saved}");
    assert!(saved.contains("writer: \"Dr. Rao\""), "{saved}");
    assert!(saved.contains("form: \"NBME 12\""), "{saved}");
    assert!(saved.contains("score: 240"), "{saved}");
}
