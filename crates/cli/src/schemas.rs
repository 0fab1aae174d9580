//! `partnership schema`: the JSON Schemas partner systems check documents against,
//! listed or written to a directory.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use partnership_record::schema;

use crate::{Failure, write_err};

pub(crate) fn run(dir: Option<PathBuf>, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let docs = schema::documents();
    if let Some(dir) = dir {
        fs::create_dir_all(&dir).map_err(|e| {
            Failure(format!(
                "{}: cannot create it ({})",
                dir.display(),
                e.kind()
            ))
        })?;
        for doc in &docs {
            let path = dir.join(doc.file_name());
            fs::write(&path, doc.to_pretty_json()).map_err(|e| {
                Failure(format!(
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
