//! `partnership schema`: the JSON Schemas partner systems check documents against,
//! listed or written to a directory.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use partnership_record::schema;

use crate::{Failure, write_err};

pub(crate) fn run(
    name: Option<&str>,
    dir: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let mut docs = schema::documents();
    docs.extend(schema::outputs());
    docs.push(partnership_scenarios::schema());
    docs.push(partnership_explain::schema());
    if let Some(name) = name {
        let wanted = name.strip_suffix(".schema.json").unwrap_or(name);
        let Some(doc) = docs
            .iter()
            .find(|d| d.file_name().strip_suffix(".schema.json") == Some(wanted))
        else {
            let known: Vec<String> = docs
                .iter()
                .filter_map(|d| {
                    d.file_name()
                        .strip_suffix(".schema.json")
                        .map(str::to_owned)
                })
                .collect();
            return Err(Failure::input(format!(
                "no schema is called that; the schemas are: {}",
                known.join(", ")
            )));
        };
        write!(out, "{}", doc.to_pretty_json()).map_err(write_err)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(dir) = dir {
        fs::create_dir_all(&dir).map_err(|e| {
            Failure::input(format!(
                "{}: cannot create it ({})",
                dir.display(),
                e.kind()
            ))
        })?;
        for doc in &docs {
            let path = dir.join(doc.file_name());
            fs::write(&path, doc.to_pretty_json()).map_err(|e| {
                Failure::input(format!(
                    "{}: cannot write it ({})",
                    path.display(),
                    e.kind()
                ))
            })?;
            writeln!(out, "wrote {}", path.display()).map_err(write_err)?;
        }
    } else {
        for doc in &docs {
            writeln!(out, "{}\t{}", doc.file_name(), doc.name).map_err(write_err)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
