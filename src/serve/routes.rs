//! The preview's routes: the page at `/` and its events at `/events`,
//! nothing else, and only for requests addressed to the server's own name.

use std::convert::Infallible;

use axum::Router;
use axum::extract::{Request, State as Extract};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;

use super::state::State;

/// The names a request's `Host` header may give: the loopback names on our
/// port, and the name the user chose with `--host`.
#[derive(Clone)]
pub struct Hosts(pub Vec<String>);

impl Hosts {
    /// The loopback names on `port`, and `chosen` when there is one.
    pub fn new(port: u16, chosen: Option<&str>) -> Hosts {
        let mut names = vec![
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        if let Some(host) = chosen {
            let host = if host.contains(':') && !host.starts_with('[') {
                format!("[{host}]")
            } else {
                host.to_string()
            };
            names.push(format!("{}:{port}", host.to_ascii_lowercase()));
        }
        Hosts(names)
    }

    /// Whether a `Host` header names this server. A page of another site
    /// that reaches us through a rebound DNS name carries that name.
    pub fn allows(&self, host: Option<&HeaderValue>) -> bool {
        host.and_then(|h| h.to_str().ok())
            .is_some_and(|h| self.0.iter().any(|name| name.eq_ignore_ascii_case(h)))
    }
}

/// The router: `/`, `/events`, and a 404 for any other path.
pub fn router(state: State, hosts: Hosts) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/events", get(events))
        .fallback(not_found)
        .with_state(state)
        .layer(middleware::from_fn_with_state(hosts, check_host))
}

async fn check_host(Extract(hosts): Extract<Hosts>, request: Request, next: Next) -> Response {
    if hosts.allows(request.headers().get(header::HOST)) {
        next.run(request).await
    } else {
        (
            StatusCode::MISDIRECTED_REQUEST,
            "this preview answers only to its own loopback address\n",
        )
            .into_response()
    }
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found\n").into_response()
}

async fn page(Extract(state): Extract<State>) -> Response {
    let now = state.current();
    let body = match &now.page {
        Some(page) => page.clone(),
        None => no_page_yet(&now.errors),
    };
    let mut response = Html(body).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The page while the map has never been drawn: its errors, and a script
/// of nothing but a reload when the next update comes.
fn no_page_yet(errors: &[String]) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"1\"><title>argmark: errors</title></head><body><h1>The map has errors</h1>",
    );
    for error in errors {
        out.push_str("<pre>");
        crate::render::html::escape::push_text(&mut out, error);
        out.push_str("</pre>");
    }
    out.push_str("</body></html>\n");
    out
}

async fn events(
    Extract(state): Extract<State>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = state.subscribe();
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.changed().await.ok()?;
        let data = receiver.borrow_and_update().event.clone();
        Some((Ok(Event::default().event("update").data(data)), receiver))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_names_pass() {
        let hosts = Hosts::new(4000, None);
        let allows = |h: &str| hosts.allows(Some(&HeaderValue::from_str(h).unwrap()));
        assert!(allows("127.0.0.1:4000") && allows("localhost:4000") && allows("[::1]:4000"));
        assert!(allows("LOCALHOST:4000"));
        for foreign in [
            "evil.example:4000",
            "127.0.0.1:4001",
            "localhost",
            "127.0.0.1.evil.example:4000",
        ] {
            assert!(!allows(foreign), "{foreign}");
        }
        assert!(!hosts.allows(None));
        let chosen = Hosts::new(80, Some("Box.local"));
        assert!(chosen.allows(Some(&HeaderValue::from_static("box.local:80"))));
    }
}
