//! `partnership scenarios`: the teaching scenarios, as text in either voice, as
//! JSON, or as training pages, for practitioner training software.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use partnership_scenarios::{Scenario, Voice};

use crate::{Failure, json, write_err};

/// What the scenarios are printed or written as.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ScenarioFormat {
    /// A narrative and the practice report.
    Text,
    /// The steps as data, the record and the report.
    Json,
    /// One training page per scenario and an index, written to `--out DIR`.
    Html,
}

/// Who a text narrative is for, on the command line.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum VoiceArg {
    /// Plain English, no API names.
    Practitioners,
    /// With the library calls and the parts of the record they changed.
    Developers,
}

pub(crate) fn run(
    name: Option<&str>,
    format: ScenarioFormat,
    voice: Option<VoiceArg>,
    dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    if voice.is_some() && format != ScenarioFormat::Text {
        return Err(Failure::input(
            "--voice is for --format text; the JSON holds both voices, and a page is for practitioners"
                .to_owned(),
        ));
    }
    match (format, dir) {
        (ScenarioFormat::Html, None) => {
            return Err(Failure::input(
                "--format html writes one page per scenario: give the folder with --out DIR"
                    .to_owned(),
            ));
        }
        (ScenarioFormat::Text | ScenarioFormat::Json, Some(_)) => {
            return Err(Failure::input(
                "--out is for --format html; text and JSON go to standard output".to_owned(),
            ));
        }
        _ => {}
    }
    let all = partnership_scenarios::all()
        // A scenario that does not build is a bug in this program, not in the input.
        .map_err(|e| Failure::input(format!("a scenario could not be built: {e}")))?;
    let chosen: Vec<&Scenario> = match name {
        None => all.iter().collect(),
        Some(name) => {
            let wanted = name.replace('-', "_");
            let found: Vec<&Scenario> = all.iter().filter(|s| s.slug == wanted).collect();
            if found.is_empty() {
                let known: Vec<&str> = all.iter().map(|s| s.slug).collect();
                return Err(Failure::input(format!(
                    "no scenario is called that; the scenarios are: {}",
                    known.join(", ")
                )));
            }
            found
        }
    };
    match format {
        ScenarioFormat::Json if name.is_some() => {
            write!(out, "{}", json(&chosen.first())).map_err(write_err)?;
        }
        ScenarioFormat::Json => write!(out, "{}", json(&chosen)).map_err(write_err)?,
        ScenarioFormat::Html => {
            let dir = dir.unwrap_or_else(|| Path::new("."));
            fs::create_dir_all(dir).map_err(|e| {
                Failure::input(format!(
                    "{}: cannot create it ({})",
                    dir.display(),
                    e.kind()
                ))
            })?;
            let mut pages: Vec<(String, String)> = chosen
                .iter()
                .map(|s| (format!("{}.html", s.slug), s.to_html()))
                .collect();
            // The index links to the pages written here, and only to those.
            pages.push((
                "index.html".to_owned(),
                partnership_scenarios::index_html(chosen.iter().copied()),
            ));
            // Every page's place is checked before any is written: a refusal leaves
            // the folder as it was.
            for (file, _) in &pages {
                writable(&dir.join(file))?;
            }
            for (file, page) in pages {
                let path = dir.join(file);
                write_page(&path, page.as_bytes())?;
                writeln!(out, "wrote {}", path.display()).map_err(write_err)?;
            }
        }
        ScenarioFormat::Text => {
            let voice = match voice {
                None | Some(VoiceArg::Practitioners) => Voice::Practitioners,
                Some(VoiceArg::Developers) => Voice::Developers,
            };
            for (n, scenario) in chosen.iter().enumerate() {
                if n > 0 {
                    writeln!(out).map_err(write_err)?;
                }
                write!(out, "{}", scenario.narrative_for(voice)).map_err(write_err)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a page, replacing any file of that name; a symbolic link there is refused,
/// not followed, so the command never writes where the link points.
fn write_page(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let new = writable(path)?;
    crate::store::replace(path, bytes)?;
    // A training page holds fictional people only, and is for a web server or a
    // colleague to read: a new one is readable by all, as any new file is. One that
    // was there keeps the permissions it had.
    #[cfg(unix)]
    if new {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o644)).map_err(|e| {
            Failure::input(format!(
                "{}: could not make it readable ({})",
                path.display(),
                e.kind()
            ))
        })?;
    }
    #[cfg(not(unix))]
    let _ = new;
    Ok(())
}

/// Whether a page may be written at `path`, and whether it would be new: a
/// symbolic link (even a dangling one) or a folder there is refused.
fn writable(path: &Path) -> Result<bool, Failure> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(Failure::input(format!(
            "{}: is a symbolic link; nothing was written",
            path.display()
        ))),
        Ok(m) if m.is_dir() => Err(Failure::input(format!(
            "{}: is a folder; nothing was written",
            path.display()
        ))),
        Ok(_) => Ok(false),
        Err(_) => Ok(true),
    }
}
