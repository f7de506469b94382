//! `argmark.toml`, the project configuration file: found by walking up from
//! a map's folder (the nearest file wins), parsed with `toml`, and merged
//! under the command line's flags. [`Resolver::resolve`] is the one place
//! that decides the settings of a map, for every front end.

mod parse;
mod show;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::check::{self, Level};
use crate::diagnostic::Diagnostic;
use crate::render::{Page, RankDir, RenderOptions, Theme};

pub use show::to_toml;

/// The name of the configuration file.
pub const FILE_NAME: &str = "argmark.toml";

/// The code of a mistake in a configuration file.
pub const CONFIG_ERROR: crate::Code = crate::Code::ConfigError;

/// Seconds Graphviz may run before it is stopped, unless configured.
pub const DEFAULT_TIMEOUT: u64 = 120;

/// Which configuration file applies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Discovery {
    /// The nearest `argmark.toml` in the map's folder or one above it.
    #[default]
    Nearest,
    /// This file, whatever the map (`--config PATH`).
    File(PathBuf),
    /// None: defaults and flags only (`--no-config`).
    Ignore,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// argmark's default.
    Default,
    /// A line of a configuration file.
    File {
        /// The file, as shown to the user.
        path: PathBuf,
        /// The 1-based line of the setting.
        line: usize,
    },
    /// A command-line flag.
    Flag,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File { path, line } => write!(f, "{}:{line}", path.display()),
            Origin::Flag => f.write_str("command line"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value in force.
    pub value: T,
    /// Where it was set.
    pub origin: Origin,
}

impl<T> Setting<T> {
    /// A value set by a command-line flag.
    pub fn flag(value: T) -> Self {
        Setting {
            value,
            origin: Origin::Flag,
        }
    }
}

/// Settings from one place (a file, or the command line), each optional:
/// what is not set falls through to the layer below.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layer {
    /// `allow`, `warn` and `deny` of check codes, in the order written.
    pub levels: Vec<Setting<(String, Level)>>,
    /// `deny = ["warnings"]`.
    pub deny_warnings: Option<Setting<bool>>,
    /// `[render] rankdir`.
    pub rankdir: Option<Setting<RankDir>>,
    /// `[render] theme`.
    pub theme: Option<Setting<Theme>>,
    /// `[render] gaps`: mark what `check` finds.
    pub gaps: Option<Setting<bool>>,
    /// `[render] status`.
    pub status: Option<Setting<bool>>,
    /// `[render] legend`.
    pub legend: Option<Setting<bool>>,
    /// `[render] tags`.
    pub tags: Option<Setting<bool>>,
    /// `[render] timeout`, in seconds.
    pub timeout: Option<Setting<u64>>,
    /// `[render] legend = "full"`.
    pub legend_full: Option<Setting<bool>>,
    /// `[render] ids`.
    pub ids: Option<Setting<bool>>,
    /// `[render] font`.
    pub font: Option<Setting<String>>,
    /// `[render] page`.
    pub page: Option<Setting<Page>>,
    /// `[render] landscape`.
    pub landscape: Option<Setting<bool>>,
    /// `[render] dpi`.
    pub dpi: Option<Setting<u32>>,
}

/// The settings in force for one map, each with its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The configuration file that applies, as shown to the user.
    pub file: Option<PathBuf>,
    /// The level of every configured check code, by code.
    pub levels: BTreeMap<String, Setting<Level>>,
    /// Whether every warning is an error.
    pub deny_warnings: Setting<bool>,
    /// Direction of the layout.
    pub rankdir: Setting<RankDir>,
    /// Colour or print.
    pub theme: Setting<Theme>,
    /// Mark the gaps `check` finds.
    pub gaps: Setting<bool>,
    /// Colour statements by status.
    pub status: Setting<bool>,
    /// Draw a legend.
    pub legend: Setting<bool>,
    /// Show tags.
    pub tags: Setting<bool>,
    /// Seconds Graphviz may run.
    pub timeout: Setting<u64>,
    /// The legend shows everything, used or not.
    pub legend_full: Setting<bool>,
    /// Show ids.
    pub ids: Setting<bool>,
    /// The font family, if not the default.
    pub font: Setting<Option<String>>,
    /// The page to fit the drawing to.
    pub page: Setting<Option<Page>>,
    /// Turn the page on its side.
    pub landscape: Setting<bool>,
    /// A bitmap's resolution.
    pub dpi: Setting<Option<u32>>,
}

/// `base`, unless `top` sets a value, which is kept in `Some`.
fn over_some<T: Clone>(base: &mut Setting<Option<T>>, top: Option<&Setting<T>>) {
    if let Some(top) = top {
        *base = Setting {
            value: Some(top.value.clone()),
            origin: top.origin.clone(),
        };
    }
}

/// `base`, unless `top` sets it.
fn over<T: Clone>(base: &mut Setting<T>, top: Option<&Setting<T>>) {
    if let Some(top) = top {
        *base = top.clone();
    }
}

impl Settings {
    /// Every setting at its default, from no file.
    pub fn defaults() -> Settings {
        let render = RenderOptions::default();
        let default = |value| Setting {
            value,
            origin: Origin::Default,
        };
        Settings {
            file: None,
            levels: BTreeMap::new(),
            deny_warnings: default(false),
            rankdir: Setting {
                value: render.rankdir,
                origin: Origin::Default,
            },
            theme: Setting {
                value: render.theme,
                origin: Origin::Default,
            },
            gaps: default(render.gaps),
            status: default(render.status),
            legend: default(render.legend),
            tags: default(render.tags),
            timeout: Setting {
                value: DEFAULT_TIMEOUT,
                origin: Origin::Default,
            },
            legend_full: default(render.legend_full),
            ids: default(render.ids),
            font: Setting {
                value: render.font,
                origin: Origin::Default,
            },
            page: Setting {
                value: render.page,
                origin: Origin::Default,
            },
            landscape: default(render.landscape),
            dpi: Setting {
                value: render.dpi,
                origin: Origin::Default,
            },
        }
    }

    /// These settings with a layer's on top of them.
    fn apply(mut self, layer: &Layer) -> Settings {
        for level in &layer.levels {
            let (code, value) = &level.value;
            let setting = Setting {
                value: *value,
                origin: level.origin.clone(),
            };
            self.levels.insert(code.clone(), setting);
        }
        over(&mut self.deny_warnings, layer.deny_warnings.as_ref());
        over(&mut self.rankdir, layer.rankdir.as_ref());
        over(&mut self.theme, layer.theme.as_ref());
        over(&mut self.gaps, layer.gaps.as_ref());
        over(&mut self.status, layer.status.as_ref());
        over(&mut self.legend, layer.legend.as_ref());
        over(&mut self.tags, layer.tags.as_ref());
        over(&mut self.timeout, layer.timeout.as_ref());
        over(&mut self.legend_full, layer.legend_full.as_ref());
        over(&mut self.ids, layer.ids.as_ref());
        over_some(&mut self.font, layer.font.as_ref());
        over_some(&mut self.page, layer.page.as_ref());
        over(&mut self.landscape, layer.landscape.as_ref());
        over_some(&mut self.dpi, layer.dpi.as_ref());
        self
    }

    /// The severity overrides for the checks.
    pub fn check_config(&self) -> check::Config {
        let mut config = check::Config::default();
        for (code, level) in &self.levels {
            // Every code was validated when its layer was made.
            let _ = config.set(code, level.value);
        }
        if self.deny_warnings.value {
            let _ = config.set("warnings", Level::Deny);
        }
        config
    }

    /// What diagrams show and how.
    pub fn render_options(&self) -> RenderOptions {
        RenderOptions {
            rankdir: self.rankdir.value,
            theme: self.theme.value,
            gaps: self.gaps.value,
            status: self.status.value,
            legend: self.legend.value,
            tags: self.tags.value,
            legend_full: self.legend_full.value,
            ids: self.ids.value,
            font: self.font.value.clone(),
            page: self.page.value,
            landscape: self.landscape.value,
            dpi: self.dpi.value,
            ..RenderOptions::default()
        }
    }

    /// How long Graphviz may run.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout.value)
    }
}

/// Why a configuration file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// It could not be read.
    Unreadable {
        /// The file, as shown to the user.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// It was read, and is wrong.
    Invalid {
        /// The file, as shown to the user.
        path: PathBuf,
        /// Its text, for showing the diagnostics.
        text: String,
        /// Every mistake, in the order of the file.
        diagnostics: Vec<Diagnostic>,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Unreadable { path, message } => {
                write!(f, "cannot read '{}': {message}", path.display())
            }
            ConfigError::Invalid {
                path, diagnostics, ..
            } => {
                let n = diagnostics.len();
                let mistakes = if n == 1 { "a mistake" } else { "mistakes" };
                write!(f, "'{}' has {mistakes} and was not used", path.display())?;
                for d in diagnostics {
                    write!(f, "\n  {}", d.message)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// Resolves the settings of maps, reading each configuration file once.
#[derive(Debug, Default)]
pub struct Resolver {
    discovery: Discovery,
    /// Each file read so far, by its absolute path.
    files: HashMap<PathBuf, Result<Arc<Layer>, ConfigError>>,
}

impl Resolver {
    /// A resolver that finds configuration files as `discovery` says.
    pub fn new(discovery: Discovery) -> Resolver {
        Resolver {
            discovery,
            files: HashMap::new(),
        }
    }

    /// The settings of the map at `map` (`None` or `-`: standard input, for
    /// which the search starts in the current folder): the configuration
    /// file's, under the command line's `flags`.
    pub fn resolve(&mut self, map: Option<&Path>, flags: &Layer) -> Result<Settings, ConfigError> {
        let mut settings = Settings::defaults();
        if let Some(found) = self.file_for(map) {
            settings.file = Some(display_path(&found));
            let layer = self.read(&found)?;
            settings = settings.apply(&layer);
        }
        Ok(settings.apply(flags))
    }

    /// The configuration file that applies to a map, by its absolute path.
    pub fn file_for(&self, map: Option<&Path>) -> Option<PathBuf> {
        match &self.discovery {
            Discovery::Ignore => None,
            Discovery::File(path) => Some(absolute(path)),
            Discovery::Nearest => {
                let map = map.filter(|m| *m != Path::new("-"));
                let start = match map.map(absolute) {
                    Some(map) => map.parent().map(Path::to_path_buf).unwrap_or(map),
                    None => absolute(Path::new(".")),
                };
                nearest(&start)
            }
        }
    }

    fn read(&mut self, path: &Path) -> Result<Arc<Layer>, ConfigError> {
        self.files
            .entry(path.to_path_buf())
            .or_insert_with(|| read_file(path).map(Arc::new))
            .clone()
    }
}

/// Resolves one map's settings: [`Resolver::resolve`] for a single use.
pub fn resolve(
    map: Option<&Path>,
    discovery: &Discovery,
    flags: &Layer,
) -> Result<Settings, ConfigError> {
    Resolver::new(discovery.clone()).resolve(map, flags)
}

/// Parses a configuration file's text; `path` is the name its settings and
/// mistakes are reported under.
pub fn parse(path: &Path, text: &str) -> Result<Layer, ConfigError> {
    parse::layer(path, text).map_err(|diagnostics| ConfigError::Invalid {
        path: path.to_path_buf(),
        text: text.to_string(),
        diagnostics,
    })
}

fn read_file(path: &Path) -> Result<Layer, ConfigError> {
    let shown = display_path(path);
    let unreadable = |message: String| ConfigError::Unreadable {
        path: shown.clone(),
        message,
    };
    if path.is_dir() {
        return Err(unreadable("it is a folder, not a file".to_string()));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "it is not UTF-8 text (byte {} is not)",
            e.utf8_error().valid_up_to()
        ))
    })?;
    parse(&shown, &text)
}

/// The key of a level's list in `[check]`.
fn level_name(level: Level) -> &'static str {
    match level {
        Level::Allow => "allow",
        Level::Warn => "warn",
        Level::Deny => "deny",
    }
}

/// The nearest configuration file in `folder` or one above it.
fn nearest(folder: &Path) -> Option<PathBuf> {
    folder
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// `path` made absolute, without resolving links: the folders the user
/// sees are the ones searched.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// An absolute path as the user would write it: relative to the current
/// folder when it lies below it.
fn display_path(path: &Path) -> PathBuf {
    let here = std::env::current_dir().ok();
    match here
        .as_deref()
        .and_then(|here| path.strip_prefix(here).ok())
    {
        Some(relative) if !relative.as_os_str().is_empty() => relative.to_path_buf(),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests;
