//! `argmark serve`: the map's interactive page, live on a loopback address.

use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::config::MapSettings;
use super::{EXIT_TROUBLE, load};
use crate::config::{Discovery, Layer};
use crate::render::html::{self, Mode};
use crate::serve::{Build, ServeError, ServeOptions, watch};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The map to serve and watch.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 4000)]
    port: u16,
    /// The address to listen on (default 127.0.0.1, this machine only).
    #[arg(long, value_name = "ADDR")]
    host: Option<String>,
    /// Open the page in the default browser.
    #[arg(long)]
    open: bool,
}

pub fn run(args: &ServeArgs, discovery: Discovery) -> Result<i32, String> {
    if args.file == Path::new("-") {
        return Err("serve watches a file; standard input cannot be watched".into());
    }
    let host = match args.host.as_deref() {
        None | Some("localhost") => IpAddr::V4(Ipv4Addr::LOCALHOST),
        Some(address) => address.trim_matches(['[', ']']).parse().map_err(|_| {
            format!("--host takes an IP address such as 127.0.0.1 or ::1, not '{address}'")
        })?,
    };
    if !host.is_loopback() {
        eprintln!(
            "warning: listening on {host}: other machines can read the map; the preview is meant for 127.0.0.1"
        );
    }
    let options = ServeOptions {
        host,
        host_name: args.host.clone(),
        port: args.port,
        watched: watch::map_and_configs(&args.file),
    };
    let listener = match crate::serve::bind(&options) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(EXIT_TROUBLE);
        }
    };
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let shown = if host.is_ipv6() {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    let url = format!("http://{shown}:{port}/");
    println!("serving {} at {url} (Ctrl-C stops)", args.file.display());
    if args.open {
        open(&url);
    }
    let name = args.file.clone();
    let build = move || {
        let started = Instant::now();
        // Messages name the map as the user did; the watcher needs its absolute path.
        let built = build(&name, discovery.clone());
        report(&name, &built, started);
        built
    };
    match crate::serve::run(listener, &options, build) {
        Ok(()) => Ok(super::EXIT_OK),
        Err(ServeError::PortInUse(port)) => Err(ServeError::PortInUse(port).to_string()),
        Err(error) => Err(error.to_string()),
    }
}

/// Reads, checks and draws the map once.
fn build(file: &Path, discovery: Discovery) -> Build {
    let failed = |errors| Build::Failed { errors };
    let settings = match MapSettings::new(discovery, Layer::default()).of_reported(file) {
        Ok(settings) => settings,
        Err(error) => {
            let message = error.map_or_else(|| "argmark.toml has errors".into(), |e| e.to_string());
            return failed(vec![message]);
        }
    };
    let loaded = match load(file) {
        Ok(loaded) => loaded,
        Err(message) => return failed(vec![message]),
    };
    let analysis = loaded.analyze(&settings.check_config());
    if analysis.stopped().is_some() {
        let options = crate::diagnostic::HumanOptions::default();
        let errors = analysis
            .diagnostics()
            .iter()
            .filter(|d| d.severity == crate::Severity::Error)
            .map(|d| {
                crate::diagnostic::render_human(loaded.source(), std::slice::from_ref(d), options)
            })
            .collect();
        return failed(errors);
    }
    let options = settings.render_options();
    match html::diagram(&analysis, &options, settings.timeout()) {
        Ok(svg) => Build::Drawn {
            page: html::page(&analysis, &svg, &options, Mode::Live),
            details: html::details(&analysis),
            svg,
        },
        Err(error) => failed(vec![error.to_string()]),
    }
}

/// One line per build: when, and what came of it.
fn report(name: &Path, built: &Build, started: Instant) {
    let time = watch::clock();
    match built {
        Build::Drawn { .. } => println!(
            "{time} drew {} in {} ms",
            name.display(),
            started.elapsed().as_millis()
        ),
        Build::Failed { errors } => {
            println!("{time} {} has errors:", name.display());
            for error in errors {
                eprintln!("{}", error.trim_end());
            }
        }
    }
}

/// Opens the page in the system's browser; a failure only warns.
fn open(url: &str) {
    let (program, args): (&str, &[&str]) = if cfg!(target_os = "macos") {
        ("open", &[])
    } else if cfg!(windows) {
        ("cmd", &["/C", "start", ""])
    } else {
        ("xdg-open", &[])
    };
    let started = std::process::Command::new(program)
        .args(args)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(error) = started {
        eprintln!("warning: cannot open a browser ({program}: {error}); open {url} yourself");
    }
}
