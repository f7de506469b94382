//! `argmark render`: a map as DOT, or as SVG, PNG or PDF through Graphviz.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::ValueEnum;

use super::{
    EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, analyze_or_report, discard, load, write_output,
    write_output_with,
};
use crate::render::exec::{ImageFormat, run_dot};
use crate::render::{RankDir, RenderOptions, Theme, to_dot, write_dot};

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The map to draw; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Where to write; the extension (.dot, .svg, .png, .pdf) picks the format.
    /// Without it, the drawing goes to standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The output format, when the file name does not say or there is none.
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Direction of the layout (TB, BT, LR or RL): LR reads from reasons to the thesis.
    #[arg(long, default_value = "LR", value_parser = clap::value_parser!(RankDirArg))]
    rankdir: RankDirArg,
    /// Colours for screens, or black and white for print.
    #[arg(long, value_enum, default_value_t = ThemeArg::Default)]
    theme: ThemeArg,
    /// Do not mark the gaps `argmark check` finds.
    #[arg(long)]
    no_gaps: bool,
    /// Colour statements by their evaluation: IN, OUT or UNDEC.
    #[arg(long)]
    status: bool,
    /// Add a legend.
    #[arg(long)]
    legend: bool,
    /// Show tags on statements.
    #[arg(long)]
    tags: bool,
    /// Stop Graphviz after this many seconds.
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    timeout: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Dot,
    Svg,
    Png,
    Pdf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ThemeArg {
    /// Colour.
    Default,
    /// Black and white.
    Print,
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
        _ => Err(format!(
            "cannot tell the format of '{}' from its extension; use .dot, .svg, .png or .pdf, or --format",
            path.display()
        )),
    }
}

pub fn run(args: &RenderArgs) -> Result<i32, String> {
    super::paths::refuse_output_over_input(&args.file, args.output.as_deref())?;
    let format = format_of(args)?;
    let loaded = load(&args.file)?;
    let Some(analysis) = analyze_or_report(&loaded, "drawn") else {
        return Ok(EXIT_FINDINGS);
    };
    let options = RenderOptions {
        rankdir: args.rankdir.0,
        theme: match args.theme {
            ThemeArg::Default => Theme::Default,
            ThemeArg::Print => Theme::Print,
        },
        gaps: !args.no_gaps,
        status: args.status,
        legend: args.legend,
        tags: args.tags,
        ..RenderOptions::default()
    };
    let image = match format {
        // DOT goes out as it is made: a large map's runs to tens of megabytes.
        OutputFormat::Dot => {
            let output = args.output.as_deref();
            write_output_with(output, |out| write_dot(&analysis, &options, out))?;
            discard((analysis, loaded), true);
            return Ok(EXIT_OK);
        }
        OutputFormat::Svg => ImageFormat::Svg,
        OutputFormat::Png => ImageFormat::Png,
        OutputFormat::Pdf => ImageFormat::Pdf,
    };
    let dot = to_dot(&analysis, &options);
    let bytes = match run_dot(&dot, image, Duration::from_secs(args.timeout)) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(EXIT_TROUBLE);
        }
    };
    write_output(args.output.as_deref(), &bytes)?;
    discard((analysis, loaded), true);
    Ok(EXIT_OK)
}
