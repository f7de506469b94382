//! Paper sizes for `--page`, and the graph's attributes that fit a drawing
//! to a page and set a bitmap's resolution.

use std::fmt;
use std::str::FromStr;

use super::RenderOptions;
use super::attr::{push_plain_attr, push_quoted_attr};

/// A sheet of paper to fit the drawing to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Page {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Page {
    /// Every page, in the order the help lists them.
    pub const ALL: [Page; 3] = [Page::A4, Page::A3, Page::Letter];

    /// The name on the command line and in `argmark.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Page::A4 => "a4",
            Page::A3 => "a3",
            Page::Letter => "letter",
        }
    }

    /// Width and height in inches, upright, as Graphviz measures pages.
    pub fn inches(self) -> (&'static str, &'static str) {
        match self {
            Page::A4 => ("8.27", "11.69"),
            Page::A3 => ("11.69", "16.54"),
            Page::Letter => ("8.5", "11"),
        }
    }
}

impl fmt::Display for Page {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Page {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Page::ALL
            .into_iter()
            .find(|page| page.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown page '{s}': use a4, a3 or letter"))
    }
}

/// The lowest resolution a bitmap may be given, in dots per inch: below
/// it, text is unreadable.
pub const MIN_DPI: u32 = 36;
/// The highest resolution a bitmap may be given: above it, a large map's
/// bitmap runs to gigabytes.
pub const MAX_DPI: u32 = 1200;

/// The margin kept free on every side of a page, in inches.
const MARGIN: f64 = 0.4;

/// Appends the graph attributes that size the drawing: on a page, the
/// drawing is scaled to fit inside its margins and its nodes spread out to
/// fill them (`ratio=fill`: text keeps its shape, only the space between
/// nodes stretches), and the picture is cut to the sheet (`viewport`, in
/// points, with no margin of Graphviz's own), so a PDF's page or an SVG's
/// size is exactly the paper's; `dpi` sets a bitmap's resolution.
pub fn push_page_attrs(out: &mut String, options: &RenderOptions) {
    if let Some(page) = options.page {
        let (width, height) = page.inches();
        let (width, height) = if options.landscape {
            (height, width)
        } else {
            (width, height)
        };
        let inches = |side: &str| side.parse::<f64>().unwrap_or_default();
        let (width, height) = (inches(width), inches(height));
        let inside = format!("{:.2},{:.2}", width - 2.0 * MARGIN, height - 2.0 * MARGIN);
        push_quoted_attr(out, "size", &inside);
        out.push_str(" ratio=fill");
        let sheet = format!("{:.2},{:.2}", width * 72.0, height * 72.0);
        push_quoted_attr(out, "viewport", &sheet);
        out.push_str(" margin=0 center=true");
    }
    if let Some(dpi) = options.dpi {
        push_plain_attr(out, "dpi", &dpi.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_read_back_by_name() {
        for page in Page::ALL {
            assert_eq!(page.as_str().parse::<Page>(), Ok(page));
            assert_eq!(page.as_str().to_uppercase().parse::<Page>(), Ok(page));
        }
        assert!(
            "b5".parse::<Page>()
                .unwrap_err()
                .contains("a4, a3 or letter")
        );
    }

    #[test]
    fn landscape_turns_the_page() {
        let mut options = RenderOptions {
            page: Some(Page::A4),
            ..RenderOptions::default()
        };
        let mut upright = String::new();
        push_page_attrs(&mut upright, &options);
        assert_eq!(
            upright,
            " size=\"7.47,10.89\" ratio=fill viewport=\"595.44,841.68\" margin=0 center=true"
        );
        options.landscape = true;
        options.dpi = Some(150);
        let mut turned = String::new();
        push_page_attrs(&mut turned, &options);
        assert_eq!(
            turned,
            " size=\"10.89,7.47\" ratio=fill viewport=\"841.68,595.44\" margin=0 center=true dpi=150"
        );
    }
}
