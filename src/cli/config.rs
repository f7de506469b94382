//! `argmark config`, and what every command shares of the configuration:
//! the `--config`/`--no-config` flags and how a broken file is reported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{EXIT_OK, EXIT_TROUBLE, emit};
use crate::check::{Config, Level};
use crate::config::{ConfigError, Discovery, Layer, Resolver, Setting, Settings, to_toml};
use crate::diagnostic::{HumanOptions, SourceFile, render_human};

/// The flags that choose the configuration file, on every command.
#[derive(Debug, Clone, clap::Args)]
pub struct ConfigFlags {
    /// Use this configuration file instead of the nearest argmark.toml.
    #[arg(long = "config", global = true, value_name = "PATH")]
    config_file: Option<PathBuf>,
    /// Use no configuration file: defaults and flags only.
    #[arg(long, global = true, conflicts_with = "config_file")]
    no_config: bool,
}

impl ConfigFlags {
    /// Where the configuration comes from.
    pub fn discovery(&self) -> Discovery {
        match (&self.config_file, self.no_config) {
            (_, true) => Discovery::Ignore,
            (Some(file), false) => Discovery::File(file.clone()),
            (None, false) => Discovery::Nearest,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// The map whose settings to show; without it, those of a map in the
    /// current folder.
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,
}

pub fn run(args: &ConfigArgs, discovery: Discovery) -> Result<i32, String> {
    let mut resolver = Resolver::new(discovery);
    // A folder's settings are those of a map inside it.
    let map = args.path.as_deref().map(|path| {
        if path.is_dir() {
            path.join("map.argmark")
        } else {
            path.to_path_buf()
        }
    });
    match resolver.resolve(map.as_deref(), &Layer::default()) {
        Ok(settings) => {
            emit(&to_toml(&settings))?;
            Ok(EXIT_OK)
        }
        Err(error) => Ok(report(&error)),
    }
}

/// Prints why a configuration file cannot be used, as a map's mistakes
/// are printed, and gives the exit status for it.
pub fn report(error: &ConfigError) -> i32 {
    match error {
        ConfigError::Unreadable { .. } => eprintln!("error: {error}"),
        ConfigError::Invalid {
            path,
            text,
            diagnostics,
        } => {
            let name = path.display().to_string();
            let file = SourceFile { name: &name, text };
            eprint!(
                "{}",
                render_human(file, diagnostics, HumanOptions::default())
            );
            eprintln!("error: '{name}' has mistakes; fix them, or run with --no-config");
        }
    }
    EXIT_TROUBLE
}

/// The command line's `--allow`, `--warn` and `--deny` as a layer over the
/// configuration file, each code checked as `check::Config` checks it.
pub fn level_flags(allow: &[String], warn: &[String], deny: &[String]) -> Result<Layer, String> {
    let mut checked = Config::default();
    let mut layer = Layer::default();
    for (codes, level) in [
        (allow, Level::Allow),
        (warn, Level::Warn),
        (deny, Level::Deny),
    ] {
        for code in codes {
            checked.set(code, level).map_err(|e| e.to_string())?;
            if code == "warnings" {
                layer.deny_warnings = Some(Setting::flag(true));
            } else {
                layer.levels.push(Setting::flag((code.clone(), level)));
            }
        }
    }
    Ok(layer)
}

/// The settings of each map a command reads: the configuration file that
/// applies to it under the command line's flags.
pub struct MapSettings {
    resolver: Resolver,
    flags: Layer,
    /// The broken files already reported, so that each is reported once.
    reported: HashSet<PathBuf>,
}

impl MapSettings {
    /// Settings found as `discovery` says, under `flags`.
    pub fn new(discovery: Discovery, flags: Layer) -> MapSettings {
        MapSettings {
            resolver: Resolver::new(discovery),
            flags,
            reported: HashSet::new(),
        }
    }

    /// The settings of the map at `map`, or the exit status when its
    /// configuration file cannot be used (printed the first time).
    pub fn of(&mut self, map: &Path) -> Result<Settings, i32> {
        self.of_reported(map).map_err(|_| EXIT_TROUBLE)
    }

    /// The settings of the map at `map`; when its configuration file cannot
    /// be used, why, the first time (printed to standard error), and `None`
    /// after that.
    pub fn of_reported(&mut self, map: &Path) -> Result<Settings, Option<ConfigError>> {
        self.resolver
            .resolve(Some(map), &self.flags)
            .map_err(|error| {
                let file = self.resolver.file_for(Some(map)).unwrap_or_default();
                self.reported.insert(file).then(|| {
                    report(&error);
                    error
                })
            })
    }
}
