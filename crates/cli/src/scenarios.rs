//! `partnership scenarios`: the teaching scenarios, as text in either voice or as
//! JSON, for practitioner training software.

use std::io::Write;
use std::process::ExitCode;

use partnership_scenarios::{Scenario, Voice};

use crate::{Failure, Format, json, write_err};

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
    format: Format,
    voice: VoiceArg,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
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
        Format::Json if name.is_some() => {
            write!(out, "{}", json(&chosen.first())).map_err(write_err)?;
        }
        Format::Json => write!(out, "{}", json(&chosen)).map_err(write_err)?,
        Format::Text => {
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
