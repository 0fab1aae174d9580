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
    voice: VoiceArg,
    dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
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
            pages.push((
                "index.html".to_owned(),
                partnership_scenarios::index_html(&all),
            ));
            for (file, page) in pages {
                let path = dir.join(file);
                write_page(&path, page.as_bytes())?;
                writeln!(out, "wrote {}", path.display()).map_err(write_err)?;
            }
        }
        ScenarioFormat::Text => {
            let voice = match voice {
                VoiceArg::Practitioners => Voice::Practitioners,
                VoiceArg::Developers => Voice::Developers,
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
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Failure::input(format!(
            "{}: is a symbolic link; nothing was written there",
            path.display()
        )));
    }
    crate::store::replace(path, bytes)
}
