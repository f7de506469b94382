//! The live preview (`argmark serve`): the map's HTML page on a loopback
//! address, redrawn on each save of the map or its configuration and
//! pushed to every open page by server-sent events.

mod routes;
pub mod state;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;

pub use routes::Hosts;
pub use state::{Build, State};

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The address to bind.
    pub host: IpAddr,
    /// The name the user gave for it, which requests may then use too.
    pub host_name: Option<String>,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The files whose changes rebuild the page.
    pub watched: Vec<PathBuf>,
}

/// Why the preview could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The port is taken.
    PortInUse(u16),
    /// Anything else the system refused.
    Io(String),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::PortInUse(port) => write!(
                f,
                "port {port} is already in use; stop what uses it or choose another with --port"
            ),
            ServeError::Io(message) => f.write_str(message),
        }
    }
}

/// Binds the address, so that a taken port is reported before anything
/// else happens.
pub fn bind(options: &ServeOptions) -> Result<TcpListener, ServeError> {
    let address = SocketAddr::new(options.host, options.port);
    let listener = TcpListener::bind(address).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => ServeError::PortInUse(options.port),
        _ => ServeError::Io(format!("cannot listen on {address}: {e}")),
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|e| ServeError::Io(e.to_string()))?;
    Ok(listener)
}

/// Serves `build`'s page on `listener` and rebuilds it on each change of
/// the watched files, until the process is stopped (Ctrl-C ends it through
/// the command line's signal handling, which also stops a running `dot`).
pub fn run(
    listener: TcpListener,
    options: &ServeOptions,
    build: impl Fn() -> Build + Send + 'static,
) -> Result<(), ServeError> {
    let port = listener
        .local_addr()
        .map_err(|e| ServeError::Io(e.to_string()))?
        .port();
    let seen = watch::fingerprint(&options.watched);
    let first = build();
    let state = State::new(first);
    let watched = options.watched.clone();
    let publisher = state.clone();
    std::thread::Builder::new()
        .name("watcher".into())
        .spawn(move || {
            let result = watch::watch(&watched, seen, || {
                publisher.publish(build());
                true
            });
            if let Err(message) = result {
                eprintln!("error: {message}");
            }
        })
        .map_err(|e| ServeError::Io(e.to_string()))?;
    let hosts = Hosts::new(port, options.host_name.as_deref());
    let app = routes::router(state, hosts);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| ServeError::Io(e.to_string()))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| ServeError::Io(e.to_string()))?;
        axum::serve(listener, app)
            .await
            .map_err(|e| ServeError::Io(e.to_string()))
    })
}
