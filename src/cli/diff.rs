//! `argmark diff`: what changed in meaning between two versions of a map,
//! with `diff`'s exit status. The old version is a file, a file at a git
//! revision (`--git REV`), or what git hands an external diff driver
//! (`--git-driver`).

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::config::{MapSettings, level_flags};
use super::{Color, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, Loaded, decoded, load, report_stopped};
use crate::config::Discovery;
use crate::diff::{MapDiff, to_human, to_json, to_markdown};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when the maps mean the same, 1 when they differ, \
2 when they could not be compared. With --git-driver, 0 whenever the comparison was shown."
)]
pub struct DiffArgs {
    /// The old map and the new one; with `--git REV`, only the file to
    /// compare with its version at REV; with `--git-driver`, the seven
    /// arguments git passes: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE
    /// (and NEW-PATH INFO for a renamed file, or PATH alone for an unmerged one).
    #[arg(required = true, num_args = 1..=9, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Compare FILE with its version at this git revision (a branch, tag or commit).
    #[arg(long, value_name = "REV", conflicts_with = "git_driver")]
    git: Option<String>,
    /// Run as git's external diff driver (see docs/diff.md): take git's
    /// seven arguments, and exit 0 so that git goes on to the next file.
    #[arg(long)]
    git_driver: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Do not report this check's findings (repeatable).
    #[arg(long = "allow", value_name = "CODE")]
    allow: Vec<String>,
    /// Report this check as a warning (repeatable).
    #[arg(long = "warn", value_name = "CODE")]
    warn: Vec<String>,
    /// Report this check as an error (repeatable).
    #[arg(long = "deny", value_name = "CODE")]
    deny: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A summary line, then one line per change.
    Human,
    /// One JSON object (see docs/diff.md).
    Json,
    /// A summary line and tables, for a pull-request comment.
    Markdown,
}

/// The two versions to compare, and the file whose configuration applies.
struct Versions {
    old: Loaded,
    new: Loaded,
    config_of: PathBuf,
}

pub fn run(args: &DiffArgs, discovery: Discovery) -> Result<i32, String> {
    if let (true, [path]) = (args.git_driver, args.files.as_slice()) {
        // git asks about an unmerged path with that path alone: there is
        // no pair of versions, and git goes on to the next file.
        super::emit(&format!("* Unmerged path {}\n", path.display()))?;
        return Ok(EXIT_OK);
    }
    let versions = versions(args)?;
    let flags = level_flags(&args.allow, &args.warn, &args.deny)?;
    let settings = match MapSettings::new(discovery, flags).of(&versions.config_of) {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let config = settings.check_config();
    // Analysed side by side, reported one after the other: the errors of
    // two broken maps come in the same order on every run.
    let (old, new) = rayon::join(
        || versions.old.analyze(&config),
        || versions.new.analyze(&config),
    );
    let old = report_stopped(&versions.old, old, "compared");
    let new = report_stopped(&versions.new, new, "compared");
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(if args.git_driver {
            EXIT_OK
        } else {
            EXIT_TROUBLE
        });
    };
    let diff = crate::diff(&old, &new).map_err(|e| e.to_string())?;
    let mut out = shown(&diff, args.format, &versions);
    if args.format == Format::Human && !args.git_driver && args.color.enabled() {
        out = coloured(&out);
    }
    super::emit(&out)?;
    Ok(if args.git_driver || diff.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}

fn shown(diff: &MapDiff, format: Format, versions: &Versions) -> String {
    let (old, new) = (&versions.old.name, &versions.new.name);
    match format {
        Format::Human => to_human(diff, old, new),
        Format::Json => to_json(diff),
        Format::Markdown => to_markdown(diff, old, new),
    }
}

/// Human output in colour: what is new in green, what is gone in red,
/// what changed in yellow, the headings in bold.
fn coloured(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let code = match line.as_bytes() {
            [b' ', b' ', b'+', ..] => "32",
            [b' ', b' ', b'-', ..] => "31",
            [b' ', b' ', b'~', ..] => "33",
            [b' ', ..] | [b'\n'] => "",
            _ if out.is_empty() => "",
            _ => "1",
        };
        if code.is_empty() {
            out.push_str(line);
        } else {
            let body = line.trim_end_matches('\n');
            out.push_str(&format!("\x1b[{code}m{body}\x1b[0m"));
            out.push_str(&line[body.len()..]);
        }
    }
    out
}

/// The two versions the arguments name, read.
fn versions(args: &DiffArgs) -> Result<Versions, String> {
    let files = &args.files;
    if args.git_driver {
        // A renamed file comes with two more: its new path and git's
        // description of the rename.
        let (path, old, new, new_path) = match files.as_slice() {
            [path, old, _, _, new, _, _] => (path, old, new, path),
            [path, old, _, _, new, _, _, new_path, _] => (path, old, new, new_path),
            _ => {
                return Err(format!(
                    "--git-driver takes the 7 arguments git passes (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, and NEW-PATH INFO for a rename), not {}",
                    files.len()
                ));
            }
        };
        return Ok(Versions {
            old: named(load(old)?, format!("a/{}", path.display())),
            new: named(load(new)?, format!("b/{}", new_path.display())),
            config_of: new_path.clone(),
        });
    }
    if let Some(rev) = &args.git {
        let [file] = files.as_slice() else {
            return Err(format!(
                "with --git, give one file to compare with its version at '{rev}', not {}",
                files.len()
            ));
        };
        if file == Path::new("-") {
            return Err("with --git, give a file in a git repository, not standard input".into());
        }
        let new = load(file)?;
        let at = super::git::show(rev, file)?;
        return Ok(Versions {
            old: decoded(at.name, at.bytes),
            new,
            config_of: file.clone(),
        });
    }
    let [old, new] = files.as_slice() else {
        return Err(format!(
            "give two maps to compare (OLD NEW), or one with --git REV; got {}",
            files.len()
        ));
    };
    if old == Path::new("-") && new == Path::new("-") {
        return Err("only one of the two maps can be read from standard input".into());
    }
    Ok(Versions {
        old: load(old)?,
        new: load(new)?,
        config_of: new.clone(),
    })
}

fn named(mut loaded: Loaded, name: String) -> Loaded {
    loaded.name = name;
    loaded
}
