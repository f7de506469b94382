//! `argmark render`: a map as DOT, or as SVG, PNG or PDF through Graphviz.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::config::MapSettings;
use super::{
    EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, analyze_or_report, load, write_output, write_output_with,
};
use crate::config::{Discovery, Layer, Setting};
use crate::render::exec::{ImageFormat, run_dot};
use crate::render::{MAX_DPI, MIN_DPI, Page, RankDir, Theme, select, to_dot, write_dot};

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The map to draw; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Where to write; the extension (.dot, .svg, .png, .pdf, .txt, .html) picks the format.
    /// Without it, the drawing goes to standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The output format, when the file name does not say or there is none.
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Direction of the layout (TB, BT, LR or RL): LR (the default) reads
    /// from reasons to the thesis.
    #[arg(long, value_parser = clap::value_parser!(RankDirArg))]
    rankdir: Option<RankDirArg>,
    /// Colours for screens (default), or black and white for print.
    #[arg(long, value_enum)]
    theme: Option<ThemeArg>,
    /// Do not mark the gaps `argmark check` finds.
    #[arg(long, overrides_with = "gaps")]
    no_gaps: bool,
    /// Mark the gaps `argmark check` finds (the default).
    #[arg(long, overrides_with = "no_gaps")]
    gaps: bool,
    /// Mark statements and reasons by their evaluation (IN, OUT, UNDEC): border and badge.
    #[arg(long, overrides_with = "no_status")]
    status: bool,
    /// Do not mark statements by their evaluation.
    #[arg(long, overrides_with = "status")]
    no_status: bool,
    /// Add a legend of what the drawing uses; `--legend=full` shows every
    /// kind, status and relation, `--legend=none` none.
    #[arg(
        long,
        value_name = "WHAT",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "used",
        overrides_with = "no_legend"
    )]
    legend: Option<LegendArg>,
    /// Do not add a legend.
    #[arg(long, overrides_with = "legend")]
    no_legend: bool,
    /// Show tags on statements.
    #[arg(long, overrides_with = "no_tags")]
    tags: bool,
    /// Do not show tags.
    #[arg(long, overrides_with = "tags")]
    no_tags: bool,
    /// Hide the ids of statements and reasons.
    #[arg(long, overrides_with = "ids")]
    no_ids: bool,
    /// Show ids (the default).
    #[arg(long, overrides_with = "no_ids")]
    ids: bool,
    /// Draw one section, by its title, with the statements outside it that
    /// it points at as small stubs.
    #[arg(long, value_name = "TITLE")]
    section: Option<String>,
    /// Draw one statement (or reason) and what leads to it.
    #[arg(long, value_name = "ID")]
    focus: Option<String>,
    /// With --focus, go this many steps out (default: all).
    #[arg(long, value_name = "N", requires = "focus")]
    depth: Option<usize>,
    /// The font family, such as `DejaVu Sans`.
    #[arg(long, value_name = "NAME")]
    font: Option<String>,
    /// Fit the drawing to a page: a4, a3 or letter (PDF; sets the size of SVG too).
    #[arg(long, value_parser = clap::value_parser!(PageArg))]
    page: Option<PageArg>,
    /// Turn the page on its side.
    #[arg(long, overrides_with = "portrait")]
    landscape: bool,
    /// Keep the page upright (the default).
    #[arg(long, overrides_with = "landscape")]
    portrait: bool,
    /// Resolution of PNG output, in dots per inch (Graphviz's default is 96).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(i64::from(MIN_DPI)..=i64::from(MAX_DPI)))]
    dpi: Option<u32>,
    /// Render again on each save of the map or its argmark.toml, printing a
    /// line per render, until stopped (Ctrl-C).
    #[cfg(feature = "serve")]
    #[arg(long, requires = "output")]
    watch: bool,
    /// Stop Graphviz after this many seconds (default 120).
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    timeout: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Dot,
    Svg,
    Png,
    Pdf,
    /// Every argument in standard form: numbered premises and conclusions.
    Text,
    /// One self-contained interactive page: pan, zoom, search, details.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ThemeArg {
    /// Colour.
    Default,
    /// Black and white.
    Print,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LegendArg {
    /// No legend.
    None,
    /// What the drawing uses.
    Used,
    /// Every kind, status and relation.
    Full,
}

#[derive(Debug, Clone, Copy)]
struct PageArg(Page);

impl std::str::FromStr for PageArg {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.parse().map(PageArg)
    }
}

#[derive(Debug, Clone, Copy)]
struct RankDirArg(RankDir);

impl std::str::FromStr for RankDirArg {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.parse().map(RankDirArg)
    }
}

fn format_of(args: &RenderArgs) -> Result<OutputFormat, String> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let Some(path) = args.output.as_deref().filter(|p| *p != Path::new("-")) else {
        return Ok(OutputFormat::Dot);
    };
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("dot" | "gv") => Ok(OutputFormat::Dot),
        Some("svg") => Ok(OutputFormat::Svg),
        Some("png") => Ok(OutputFormat::Png),
        Some("pdf") => Ok(OutputFormat::Pdf),
        Some("txt") => Ok(OutputFormat::Text),
        Some("html" | "htm") => Ok(OutputFormat::Html),
        _ => Err(format!(
            "cannot tell the format of '{}' from its extension; use .dot, .svg, .png, .pdf, .txt or .html, or --format",
            path.display()
        )),
    }
}

/// A pair of flags, `--x` and `--no-x`, as a setting: the one given last,
/// or neither.
fn switch(on: bool, off: bool) -> Option<Setting<bool>> {
    match (on, off) {
        (true, _) => Some(Setting::flag(true)),
        (_, true) => Some(Setting::flag(false)),
        _ => None,
    }
}

/// The drawing flags given on the command line, over the configuration file.
fn flags(args: &RenderArgs) -> Layer {
    Layer {
        rankdir: args.rankdir.map(|r| Setting::flag(r.0)),
        theme: args.theme.map(|theme| {
            Setting::flag(match theme {
                ThemeArg::Default => Theme::Default,
                ThemeArg::Print => Theme::Print,
            })
        }),
        gaps: switch(args.gaps, args.no_gaps),
        status: switch(args.status, args.no_status),
        legend: match args.legend {
            Some(what) => Some(Setting::flag(what != LegendArg::None)),
            None => switch(false, args.no_legend),
        },
        legend_full: args
            .legend
            .map(|what| Setting::flag(what == LegendArg::Full)),
        tags: switch(args.tags, args.no_tags),
        timeout: args.timeout.map(Setting::flag),
        ids: switch(args.ids, args.no_ids),
        font: args.font.clone().map(Setting::flag),
        page: args.page.map(|page| Setting::flag(page.0)),
        landscape: switch(args.landscape, args.portrait),
        dpi: args.dpi.map(Setting::flag),
        ..Layer::default()
    }
}

pub fn run(args: &RenderArgs, discovery: Discovery) -> Result<i32, String> {
    #[cfg(feature = "serve")]
    if args.watch {
        return watch(args, &discovery);
    }
    render_once(args, discovery)
}

/// Renders on each save, printing one line per render with its time.
#[cfg(feature = "serve")]
fn watch(args: &RenderArgs, discovery: &Discovery) -> Result<i32, String> {
    use crate::serve::watch;
    if args.file == Path::new("-") {
        return Err("--watch needs a map file; standard input cannot be watched".into());
    }
    super::paths::refuse_output_over_input(&args.file, args.output.as_deref())?;
    let output = args.output.as_deref().unwrap_or(Path::new("-")).display();
    let once = || {
        let started = std::time::Instant::now();
        let status = render_once(args, discovery.clone());
        let time = watch::clock();
        match status {
            Ok(EXIT_OK) => println!(
                "{time} rendered {output} in {} ms",
                started.elapsed().as_millis()
            ),
            Ok(_) => println!(
                "{time} {} not rendered; {output} is unchanged",
                args.file.display()
            ),
            Err(message) => println!("{time} error: {message}"),
        }
    };
    let files = watch::map_and_configs(&args.file);
    let seen = watch::fingerprint(&files);
    once();
    watch::watch(&files, seen, || {
        once();
        true
    })?;
    Ok(EXIT_OK)
}

fn render_once(args: &RenderArgs, discovery: Discovery) -> Result<i32, String> {
    super::paths::refuse_output_over_input(&args.file, args.output.as_deref())?;
    let format = format_of(args)?;
    let settings = match MapSettings::new(discovery, flags(args)).of(&args.file) {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let loaded = load(&args.file)?;
    let Some(analysis) = analyze_or_report(&loaded, &settings.check_config(), "drawn") else {
        return Ok(EXIT_FINDINGS);
    };
    let mut options = settings.render_options();
    options.section.clone_from(&args.section);
    options.focus.clone_from(&args.focus);
    options.depth = args.depth;
    if let Err(error) = select(&analysis.map, &options) {
        eprintln!("error: {error}");
        return Ok(EXIT_TROUBLE);
    }
    let image = match format {
        // DOT goes out as it is made: a large map's runs to tens of megabytes.
        OutputFormat::Dot => {
            let output = args.output.as_deref();
            write_output_with(output, |out| write_dot(&analysis, &options, out))?;
            return Ok(EXIT_OK);
        }
        OutputFormat::Text if options.section.is_some() || options.focus.is_some() => {
            eprintln!(
                "error: --section and --focus choose part of a diagram; the text format prints every argument"
            );
            return Ok(EXIT_TROUBLE);
        }
        OutputFormat::Text => {
            let text = crate::render::to_text(&analysis);
            write_output(args.output.as_deref(), text.as_bytes())?;
            return Ok(EXIT_OK);
        }
        OutputFormat::Html => {
            let mode = crate::render::html::Mode::Standalone;
            return match crate::render::html::render(&analysis, &options, mode, settings.timeout())
            {
                Ok(page) => {
                    write_output(args.output.as_deref(), page.as_bytes())?;
                    Ok(EXIT_OK)
                }
                Err(error) => {
                    eprintln!("error: {error}");
                    Ok(EXIT_TROUBLE)
                }
            };
        }
        OutputFormat::Svg => ImageFormat::Svg,
        OutputFormat::Png => ImageFormat::Png,
        OutputFormat::Pdf => ImageFormat::Pdf,
    };
    let dot = to_dot(&analysis, &options);
    let bytes = match run_dot(&dot, image, settings.timeout()) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(EXIT_TROUBLE);
        }
    };
    write_output(args.output.as_deref(), &bytes)?;
    Ok(EXIT_OK)
}
