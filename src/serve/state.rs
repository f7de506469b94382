//! What the preview serves: the page of the last map that could be drawn,
//! and the update every open page receives, with the map's errors while it
//! has them. One value, replaced whole on each build and shared by every
//! request through a watch channel.

use std::sync::Arc;

use serde_json::{Value, json};
use tokio::sync::watch;

/// The result of building the map once.
#[derive(Debug, Clone)]
pub enum Build {
    /// The map was drawn.
    Drawn {
        /// The whole live page.
        page: String,
        /// The diagram alone, for pages already open.
        svg: String,
        /// The map's details, as the page's data island holds them.
        details: Value,
    },
    /// The map could not be drawn: each error as `file:line:column`,
    /// message and help.
    Failed {
        /// The errors, each ready to show.
        errors: Vec<String>,
    },
}

/// What is served now.
#[derive(Debug)]
pub struct Snapshot {
    /// Counts builds, so a page can tell one update from the next.
    pub version: u64,
    /// The page of the last map that was drawn, if one was.
    pub page: Option<String>,
    /// The server-sent event's data: `{version, svg, map, errors}`; `svg` and
    /// `map` are null while the map has errors, so pages keep the last good
    /// diagram under them.
    pub event: String,
    /// The errors of the last build, for the first page when no map was
    /// ever drawn.
    pub errors: Vec<String>,
}

/// The current snapshot and its subscribers.
#[derive(Clone)]
pub struct State {
    sender: Arc<watch::Sender<Arc<Snapshot>>>,
}

impl State {
    /// The state after the first build.
    pub fn new(first: Build) -> State {
        let (sender, _) = watch::channel(Arc::new(snapshot(1, None, first)));
        State {
            sender: Arc::new(sender),
        }
    }

    /// Replaces what is served with a new build, and tells every page.
    pub fn publish(&self, build: Build) {
        self.sender.send_modify(|current| {
            let next = snapshot(current.version + 1, current.page.clone(), build);
            *current = Arc::new(next);
        });
    }

    /// What is served now.
    pub fn current(&self) -> Arc<Snapshot> {
        self.sender.borrow().clone()
    }

    /// A receiver that sees the current snapshot first, then every new one.
    pub fn subscribe(&self) -> watch::Receiver<Arc<Snapshot>> {
        let mut receiver = self.sender.subscribe();
        receiver.mark_changed();
        receiver
    }
}

fn snapshot(version: u64, last_page: Option<String>, build: Build) -> Snapshot {
    match build {
        Build::Drawn { page, svg, details } => Snapshot {
            version,
            page: Some(page),
            event: json!({ "version": version, "svg": svg, "map": details, "errors": [] })
                .to_string(),
            errors: Vec::new(),
        },
        Build::Failed { errors } => Snapshot {
            version,
            page: last_page,
            event: json!({ "version": version, "svg": null, "map": null, "errors": errors })
                .to_string(),
            errors,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_keep_the_last_good_page_and_a_fix_clears_them() {
        let drawn = |page: &str| Build::Drawn {
            page: page.into(),
            svg: "<svg/>".into(),
            details: json!({}),
        };
        let state = State::new(drawn("first"));
        state.publish(Build::Failed {
            errors: vec!["map.argmark:1:2: bad".into()],
        });
        let now = state.current();
        assert_eq!((now.version, now.page.as_deref()), (2, Some("first")));
        assert!(now.event.contains("map.argmark:1:2: bad") && now.event.contains("\"svg\":null"));
        state.publish(drawn("second"));
        let now = state.current();
        assert_eq!((now.version, now.page.as_deref()), (3, Some("second")));
        assert!(now.event.contains("\"errors\":[]"));
    }
}
