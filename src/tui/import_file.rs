//! The planner's import, on the runtime's side: reading the CSV file the user named (through
//! the same importer as `imgplan import programs`) and completing a path typed in the prompt.
//! Both touch the disk, so `update` asks for them as effects and gets the answer back as an
//! action.

use std::path::{MAIN_SEPARATOR, PathBuf};

use crate::import::{self, ImportReport};

/// A file read for import: where it was, and what it held.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportLoaded {
    pub path: PathBuf,
    pub report: ImportReport,
}

/// Reads and parses the file typed in the prompt (`~` is the home directory); a message when
/// it cannot be read at all.
pub fn read(typed: &str) -> Result<ImportLoaded, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("type the path of a CSV file".to_owned());
    }
    let path = super::disk::expand_home(typed);
    let shown = crate::text::shown(&path);
    if path.is_dir() {
        return Err(format!(
            "{shown} is a folder: name a CSV file in it (Tab completes)"
        ));
    }
    let size = std::fs::metadata(&path).map_err(|err| format!("cannot read {shown}: {err}"))?;
    if size.len() > import::MAX_IMPORT_BYTES as u64 {
        return Err(format!(
            "{shown}: {}",
            import::ImportError::TooLarge {
                bytes: usize::try_from(size.len()).unwrap_or(usize::MAX)
            }
        ));
    }
    let bytes = std::fs::read(&path).map_err(|err| format!("cannot read {shown}: {err}"))?;
    let report = import::read_programs(&bytes).map_err(|err| format!("{shown}: {err}"))?;
    Ok(ImportLoaded {
        path: std::path::absolute(&path).unwrap_or(path),
        report,
    })
}

/// What Tab makes of a typed path: the completed text, and the names that still fit when there
/// is more than one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completion {
    pub text: String,
    pub choices: Vec<String>,
}

/// Completes the last part of a typed path from its folder's entries (folders get a `/`).
pub fn complete(typed: &str) -> Completion {
    let (folder, _) = split(typed);
    let listed = if folder.is_empty() {
        PathBuf::from(".")
    } else {
        super::disk::expand_home(folder)
    };
    let entries: Vec<(String, bool)> = std::fs::read_dir(listed)
        .map(|dir| {
            dir.flatten()
                .filter_map(|entry| {
                    let name = entry.file_name().into_string().ok()?;
                    Some((name, entry.path().is_dir()))
                })
                .collect()
        })
        .unwrap_or_default();
    complete_from(typed, &entries)
}

/// The typed folder (kept as typed, `~` included, with its trailing separator) and the start
/// of the name being completed.
fn split(typed: &str) -> (&str, &str) {
    if typed == "~" {
        return (typed, "");
    }
    match typed.rfind(['/', MAIN_SEPARATOR]) {
        Some(at) => typed.split_at(at + 1),
        None => ("", typed),
    }
}

/// [`complete`] over a folder's entries (name, is a folder): pure, for tests.
pub fn complete_from(typed: &str, entries: &[(String, bool)]) -> Completion {
    let (folder, start) = split(typed);
    let folder = if folder == "~" { "~/" } else { folder };
    let mut fits: Vec<(&str, bool)> = entries
        .iter()
        .filter(|(name, _)| name.starts_with(start))
        // Hidden files only when asked for with a leading dot.
        .filter(|(name, _)| start.starts_with('.') || !name.starts_with('.'))
        .map(|(name, dir)| (name.as_str(), *dir))
        .collect();
    fits.sort_unstable();
    match fits.as_slice() {
        [] => Completion {
            text: typed.to_owned(),
            choices: Vec::new(),
        },
        [(name, dir)] => Completion {
            text: format!("{folder}{name}{}", if *dir { "/" } else { "" }),
            choices: Vec::new(),
        },
        many => {
            let common = many.iter().skip(1).fold(many[0].0, |common, (name, _)| {
                let shared = common
                    .char_indices()
                    .zip(name.chars())
                    .take_while(|((_, a), b)| a == b)
                    .last()
                    .map_or(0, |((at, c), _)| at + c.len_utf8());
                &common[..shared]
            });
            Completion {
                text: format!("{folder}{common}"),
                choices: many
                    .iter()
                    .map(|(name, dir)| format!("{name}{}", if *dir { "/" } else { "" }))
                    .collect(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<(String, bool)> {
        [
            ("programs-2027.csv", false),
            ("programs-2028.csv", false),
            ("plans", true),
            (".hidden.csv", false),
            ("Ünïcode.csv", false),
        ]
        .iter()
        .map(|(n, d)| ((*n).to_owned(), *d))
        .collect()
    }

    #[test]
    fn tab_completes_a_unique_name_and_a_common_start() {
        let e = entries();
        assert_eq!(
            complete_from("~/Downloads/pla", &e).text,
            "~/Downloads/plans/"
        );
        let many = complete_from("~/Downloads/pro", &e);
        assert_eq!(many.text, "~/Downloads/programs-202");
        assert_eq!(many.choices, ["programs-2027.csv", "programs-2028.csv"]);
        assert_eq!(complete_from("Ü", &e).text, "Ünïcode.csv");
        assert_eq!(
            complete_from("zzz", &e).text,
            "zzz",
            "nothing fits: unchanged"
        );
        assert!(
            complete_from("", &e)
                .choices
                .iter()
                .all(|c| !c.starts_with('.'))
        );
        assert_eq!(complete_from(".h", &e).text, ".hidden.csv");
        assert_eq!(
            complete_from("~", &e).choices.len(),
            4,
            "~ lists the home folder"
        );
    }

    #[test]
    fn reading_says_what_is_wrong_with_the_path() {
        assert!(read("  ").unwrap_err().contains("type the path"));
        let dir = tempfile::tempdir().expect("dir");
        let folder = dir.path().to_string_lossy().into_owned();
        assert!(read(&folder).unwrap_err().contains("is a folder"));
        let missing = dir.path().join("nope.csv");
        assert!(
            read(&missing.to_string_lossy())
                .unwrap_err()
                .contains("cannot read")
        );
        let file = dir.path().join("list.csv");
        std::fs::write(&file, "Program,State\nAlpha,NY\n").expect("write");
        let loaded = read(&file.to_string_lossy()).expect("read");
        assert_eq!(loaded.report.programs.len(), 1);
    }
}
