//! From the syntax tree to the model, as Argdown builds it: a walk over the
//! tree in document order that keeps the same state Argdown keeps (the
//! current statement, relation parent, inference, section, ...), then the
//! same transformations of relations after the walk.

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::data;
use super::lexer::{Kind, Token, is_js_space};
use super::model::{
    Argument, Document, Endpoint, EquivalenceClass, Inference, Mode, PcsStatement, RangeKind,
    Relation, RelationType, Role, Section, Settings, Span, Statement, TextRange,
};
use super::parser::{Child, Rule, Tree};
use super::shortcodes;

/// Why the model could not be built (Argdown stops there too): the byte
/// where, and the message.
pub(crate) struct BuildError {
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Member {
    Ec(usize),
    Arg(usize),
    Inf(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parent {
    Statement(usize),
    Argument(usize),
    Inference(usize),
}

#[derive(Default)]
struct St {
    title: Option<String>,
    text: Option<String>,
    role: Option<Role>,
    is_reference: bool,
    tags: Vec<String>,
    ranges: Vec<TextRange>,
    data: Option<Value>,
    section: Option<usize>,
    span: Span,
    inference: Option<usize>,
}

struct Ec {
    title: String,
    members: Vec<usize>,
    relations: Vec<usize>,
    tags: Vec<String>,
    data: Option<Value>,
    section: Option<usize>,
}

struct Arg {
    title: String,
    members: Vec<usize>,
    pcs: Vec<usize>,
    relations: Vec<usize>,
    tags: Vec<String>,
    data: Option<Value>,
    section: Option<usize>,
}

struct Inf {
    rules: Vec<String>,
    data: Option<Value>,
    relations: Vec<usize>,
    argument_title: Option<String>,
    conclusion_index: Option<usize>,
    span: Span,
}

struct Rel {
    ty: RelationType,
    from: Option<Member>,
    to: Option<Member>,
    occurrences: Vec<Span>,
}

#[derive(Default)]
struct Heading {
    text: String,
    ranges: Vec<TextRange>,
    tags: Vec<String>,
}

#[derive(Clone, Copy)]
enum Target {
    Heading,
    Statement(usize),
}

/// A range being filled: in a text's list, or (a special character's, as
/// in Argdown) on the stack only.
#[derive(Clone, Copy)]
enum Open {
    In(Target, usize),
    Detached,
}

struct Builder<'a> {
    text: &'a str,
    tokens: &'a [Token],
    tree: &'a Tree,
    settings: Settings,
    extra_shortcodes: FxHashMap<String, String>,
    front_matter: Option<Value>,
    unsupported: Vec<String>,

    statements: Vec<St>,
    ecs: Vec<Ec>,
    ec_index: FxHashMap<String, usize>,
    args: Vec<Arg>,
    arg_index: FxHashMap<String, usize>,
    infs: Vec<Inf>,
    rels: Vec<Rel>,
    relations: Vec<usize>,
    sections: Vec<Section>,
    tags: Vec<String>,

    counter: usize,
    current_statement: Option<usize>,
    current_relation_parent: Option<Parent>,
    current_pcs: Option<usize>,
    current_inference: Option<usize>,
    ranges: Vec<Open>,
    relation_parents: Vec<Member>,
    current_relation: Option<usize>,
    heading: Option<Heading>,
    current_section: Option<usize>,

    node_statement: FxHashMap<usize, usize>,
    node_argument: FxHashMap<usize, usize>,
    node_inference: FxHashMap<usize, usize>,
    node_relation: FxHashMap<usize, usize>,
    node_data: FxHashMap<usize, Value>,
}

type Built<T> = Result<T, BuildError>;

/// Builds the model of a parsed text. `text` is the expanded text the
/// tokens point into.
pub(crate) fn build(text: &str, tokens: &[Token], tree: &Tree) -> Result<Document, BuildError> {
    let mut b = Builder {
        text,
        tokens,
        tree,
        settings: Settings::default(),
        extra_shortcodes: FxHashMap::default(),
        front_matter: None,
        unsupported: Vec::new(),
        statements: Vec::new(),
        ecs: Vec::new(),
        ec_index: FxHashMap::default(),
        args: Vec::new(),
        arg_index: FxHashMap::default(),
        infs: Vec::new(),
        rels: Vec::new(),
        relations: Vec::new(),
        sections: Vec::new(),
        tags: Vec::new(),
        counter: 0,
        current_statement: None,
        current_relation_parent: None,
        current_pcs: None,
        current_inference: None,
        ranges: Vec::new(),
        relation_parents: Vec::new(),
        current_relation: None,
        heading: None,
        current_section: None,
        node_statement: FxHashMap::default(),
        node_argument: FxHashMap::default(),
        node_inference: FxHashMap::default(),
        node_relation: FxHashMap::default(),
        node_data: FxHashMap::default(),
    };
    if !tree.nodes.is_empty() {
        b.visit(0, None, None)?;
    }
    b.run();
    Ok(b.finish())
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// The title in `[Title]`-like images: what lies between `open` (after
/// `skip` bytes) and the last `close`, if it is one line.
fn inner_title(image: &str, skip: usize, close: char) -> Option<String> {
    let rest = image.get(skip..)?;
    let end = rest.rfind(close)?;
    let title = &rest[..end];
    if title.is_empty() || title.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return None;
    }
    Some(title.to_owned())
}

/// The text and URL of a link as Argdown finds them in the token: the
/// leftmost `[text](url)` that stays on one line, text and URL as long as
/// they can be.
fn link_parts(image: &str) -> Option<(String, String)> {
    for line in image.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        for (i, _) in line.match_indices('[') {
            let rest = &line[i + 1..];
            for (j, _) in rest.rmatch_indices("](") {
                if j == 0 {
                    continue;
                }
                let after = &rest[j + 2..];
                if let Some(k) = after.rfind(')').filter(|k| *k > 0) {
                    return Some((rest[..j].to_owned(), after[..k].to_owned()));
                }
            }
        }
    }
    None
}

fn union(into: &mut Vec<String>, tags: &[String]) {
    for t in tags {
        if !into.contains(t) {
            into.push(t.clone());
        }
    }
}

/// Removes `rel` from `list` as JavaScript's `splice(indexOf(rel), 1)`
/// does: when it is not there, the last element goes.
fn splice_out(list: &mut Vec<usize>, rel: usize) {
    match list.iter().position(|r| *r == rel) {
        Some(i) => {
            list.remove(i);
        }
        None => {
            list.pop();
        }
    }
}

impl Builder<'_> {
    fn image(&self, token: usize) -> &str {
        let t = self.tokens[token];
        &self.text[t.start()..t.end()]
    }

    #[allow(clippy::unused_self)]
    fn error(&self, offset: usize, message: impl Into<String>) -> BuildError {
        BuildError {
            offset,
            message: message.into(),
        }
    }

    fn span_of(&self, node: usize) -> Span {
        let first = self.edge_token(node, true);
        let last = self.edge_token(node, false);
        match (first, last) {
            (Some(f), Some(l)) => Span {
                start: self.tokens[f].start(),
                end: self.tokens[l].end(),
            },
            _ => Span::default(),
        }
    }

    fn edge_token(&self, mut node: usize, first: bool) -> Option<usize> {
        loop {
            let children = self.tree.children(node);
            let child = if first {
                children.first()
            } else {
                children.last()
            }?;
            match *child {
                Child::Token(t) => return Some(t),
                Child::Node(n) => node = n,
            }
        }
    }

    fn unique_title(&mut self) -> String {
        self.counter += 1;
        format!("Untitled {}", self.counter)
    }

    fn ec(&mut self, title: &str) -> usize {
        if let Some(&i) = self.ec_index.get(title) {
            return i;
        }
        self.ecs.push(Ec {
            title: title.to_owned(),
            members: Vec::new(),
            relations: Vec::new(),
            tags: Vec::new(),
            data: None,
            section: None,
        });
        let i = self.ecs.len() - 1;
        self.ec_index.insert(title.to_owned(), i);
        i
    }

    fn argument(&mut self, title: Option<String>) -> usize {
        let found = title.as_ref().and_then(|t| self.arg_index.get(t).copied());
        let index = if let Some(i) = found {
            i
        } else {
            let title = match title {
                Some(t) => t,
                None => self.unique_title(),
            };
            self.args.push(Arg {
                title: title.clone(),
                members: Vec::new(),
                pcs: Vec::new(),
                relations: Vec::new(),
                tags: Vec::new(),
                data: None,
                section: None,
            });
            let i = self.args.len() - 1;
            self.arg_index.insert(title, i);
            i
        };
        self.current_relation_parent = Some(Parent::Argument(index));
        index
    }

    fn relation_member(&mut self, parent: Parent) -> Member {
        match parent {
            Parent::Statement(s) => {
                if self.statements[s].title.is_none() {
                    self.statements[s].title = Some(self.unique_title());
                }
                let title = self.statements[s].title.clone().unwrap_or_default();
                if self.statements[s].role == Some(Role::ArgumentDescription) {
                    Member::Arg(self.argument(Some(title)))
                } else {
                    Member::Ec(self.ec(&title))
                }
            }
            Parent::Argument(a) => Member::Arg(a),
            Parent::Inference(i) => Member::Inf(i),
        }
    }

    fn member_relations(&mut self, m: Member) -> &mut Vec<usize> {
        match m {
            Member::Ec(i) => &mut self.ecs[i].relations,
            Member::Arg(i) => &mut self.args[i].relations,
            Member::Inf(i) => &mut self.infs[i].relations,
        }
    }

    fn target(&self) -> Option<Target> {
        if self.heading.is_some() {
            Some(Target::Heading)
        } else {
            self.current_statement.map(Target::Statement)
        }
    }

    fn target_text(&mut self, target: Target) -> &mut String {
        match target {
            Target::Heading => &mut self.heading.get_or_insert_with(Heading::default).text,
            Target::Statement(s) => self.statements[s].text.get_or_insert_with(String::new),
        }
    }

    fn target_ranges(&mut self, target: Target) -> &mut Vec<TextRange> {
        match target {
            Target::Heading => &mut self.heading.get_or_insert_with(Heading::default).ranges,
            Target::Statement(s) => &mut self.statements[s].ranges,
        }
    }

    fn visit(&mut self, node: usize, parent: Option<usize>, index: Option<usize>) -> Built<()> {
        self.enter(node, parent, index)?;
        let count = self.tree.children(node).len();
        for i in 0..count {
            match self.tree.children(node)[i] {
                Child::Token(t) => self.token(t, node, i, count)?,
                Child::Node(n) => self.visit(n, Some(node), Some(i))?,
            }
        }
        self.exit(node, parent, index)
    }

    // One arm per token Argdown listens to, as in its listener table.
    #[allow(clippy::too_many_lines)]
    fn token(&mut self, token: usize, parent: usize, index: usize, siblings: usize) -> Built<()> {
        let kind = self.tokens[token].kind;
        let start = self.tokens[token].start();
        match kind {
            Kind::StatementDefinition | Kind::ArgumentDefinition => {
                let close = if kind == Kind::StatementDefinition {
                    ']'
                } else {
                    '>'
                };
                let image = self.image(token);
                let title = inner_title(&image[..image.len().saturating_sub(1)], 1, close);
                if let (Some(title), Some(s)) = (title, self.current_statement) {
                    self.statements[s].title = Some(title);
                }
            }
            Kind::StatementReference | Kind::ArgumentReference => {
                let close = if kind == Kind::StatementReference {
                    ']'
                } else {
                    '>'
                };
                let title = inner_title(self.image(token), 1, close);
                if let (Some(title), Some(s)) = (title, self.current_statement) {
                    self.statements[s].title = Some(title);
                    self.statements[s].is_reference = true;
                }
            }
            Kind::StatementMention | Kind::ArgumentMention => {
                let (close, range) = if kind == Kind::StatementMention {
                    (']', RangeKind::StatementMention)
                } else {
                    ('>', RangeKind::ArgumentMention)
                };
                let image = self.image(token).to_owned();
                let title = inner_title(&image, 2, close);
                if let (Some(title), Some(target)) = (title, self.target()) {
                    let text = self.target_text(target);
                    let begin = text.len();
                    text.push_str(&image);
                    let end = text.len();
                    self.target_ranges(target).push(TextRange {
                        kind: range,
                        start: begin,
                        end,
                        url: None,
                        name: Some(title),
                    });
                }
            }
            Kind::Link => {
                let Some(target) = self.target() else {
                    return Ok(());
                };
                let image = self.image(token).to_owned();
                let Some((label, url)) = link_parts(&image) else {
                    return Err(
                        self.error(start, "cannot read the link: write [text](url) on one line")
                    );
                };
                let text = self.target_text(target);
                let begin = text.len();
                text.push_str(&label);
                let end = text.len();
                if image.ends_with(' ') {
                    text.push(' ');
                }
                self.target_ranges(target).push(TextRange {
                    kind: RangeKind::Link,
                    start: begin,
                    end,
                    url: Some(url),
                    name: None,
                });
            }
            Kind::Tag => {
                let Some(target) = self.target() else {
                    return Ok(());
                };
                let image = self.image(token).to_owned();
                let body = image.trim_end_matches([' ', '\t']).trim_start_matches('#');
                let tag = body
                    .strip_prefix('(')
                    .and_then(|b| b.strip_suffix(')'))
                    .unwrap_or(body)
                    .to_owned();
                if !self.settings.remove_tags_from_text {
                    let text = self.target_text(target);
                    let begin = text.len();
                    text.push_str(&image);
                    let end = text.len();
                    self.target_ranges(target).push(TextRange {
                        kind: RangeKind::Tag,
                        start: begin,
                        end,
                        url: None,
                        name: Some(tag.clone()),
                    });
                }
                let tags = match target {
                    Target::Heading => &mut self.heading.get_or_insert_with(Heading::default).tags,
                    Target::Statement(s) => &mut self.statements[s].tags,
                };
                if !tags.contains(&tag) {
                    tags.push(tag.clone());
                }
                if !self.tags.contains(&tag) {
                    self.tags.push(tag);
                }
            }
            Kind::Newline => {
                if let Some(target) = self.target()
                    && index + 1 != siblings
                {
                    let text = self.target_text(target);
                    if !text.ends_with(' ') {
                        text.push(' ');
                    }
                }
            }
            Kind::Data => {
                let image = self.image(token);
                let mut body = image;
                if let Some(rest) = image.strip_prefix('{') {
                    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                    let after = &rest[blanks..];
                    let br = if after.starts_with("\n\r") {
                        2
                    } else {
                        usize::from(after.starts_with('\n'))
                    };
                    if br > 0 {
                        let inner = &after[br..];
                        let trimmed = inner.trim_end_matches(is_js_space);
                        body = trimmed.strip_suffix('}').unwrap_or(inner);
                    }
                }
                let value = data::load(body).map_err(|(at, message)| {
                    let offset = at.map_or(start, |a| {
                        start + (body.as_ptr() as usize - image.as_ptr() as usize) + a
                    });
                    self.error(offset, format!("invalid YAML data: {message}"))
                })?;
                if let Some(value) = value {
                    self.node_data.insert(parent, value);
                } else {
                    self.node_data.remove(&parent);
                }
            }
            Kind::FrontMatter => {
                let image = self.image(token);
                let body = image.trim_start_matches(is_js_space);
                let body = body.trim_start_matches('=');
                let body = body.trim_end_matches(is_js_space).trim_end_matches('=');
                let offset = start + (body.as_ptr() as usize - image.as_ptr() as usize);
                let value = data::load(body).map_err(|(at, message)| {
                    self.error(
                        at.map_or(start, |a| offset + a),
                        format!("invalid YAML front matter: {message}"),
                    )
                })?;
                if let Some(Value::Object(_)) = &value {
                    self.apply_front_matter(value.as_ref().unwrap_or(&Value::Null));
                }
                self.front_matter = value;
            }
            _ => {}
        }
        Ok(())
    }

    fn apply_front_matter(&mut self, fm: &Value) {
        if let Some(model) = fm.get("model").filter(|m| m.is_object()) {
            if let Some(mode) = model.get("mode") {
                self.settings.mode = if mode.as_str() == Some("strict") {
                    Mode::Strict
                } else {
                    Mode::Loose
                };
            }
            if let Some(v) = model.get("removeTagsFromText") {
                self.settings.remove_tags_from_text = truthy(v);
            }
            if let Some(v) = model.get("transformArgumentRelations") {
                self.settings.transform_argument_relations = truthy(v);
            }
            if let Some(v) = model.get("explodeArguments") {
                self.settings.explode_arguments = truthy(v);
                if truthy(v) {
                    self.unsupported.push(
                        "model.explodeArguments: arguments are kept whole, not split into one argument per inference step"
                            .to_owned(),
                    );
                }
            }
            if let Some(Value::Object(codes)) = model.get("shortcodes") {
                for (code, info) in codes {
                    if let Some(u) = info.get("unicode").and_then(Value::as_str) {
                        self.extra_shortcodes.insert(code.clone(), u.to_owned());
                    }
                }
            }
        }
        if fm
            .get("group")
            .and_then(|g| g.get("regroup"))
            .is_some_and(truthy)
        {
            self.unsupported
                .push("group.regroup: sections are kept as the headings make them".to_owned());
        }
    }

    // One arm per rule Argdown listens to, as in its listener table.
    #[allow(clippy::too_many_lines)]
    fn enter(&mut self, node: usize, parent: Option<usize>, index: Option<usize>) -> Built<()> {
        let rule = self.tree.nodes[node].rule;
        match rule {
            Rule::Heading => {
                self.heading = Some(Heading::default());
            }
            Rule::Statement => {
                let mut st = St::default();
                if parent.map(|p| self.tree.nodes[p].rule) == Some(Rule::Argdown) {
                    st.role = Some(Role::TopLevelStatement);
                } else if self.current_relation.is_some() {
                    st.role = Some(Role::RelationStatement);
                }
                self.statements.push(st);
                let s = self.statements.len() - 1;
                self.current_statement = Some(s);
                self.current_relation_parent = Some(Parent::Statement(s));
                self.node_statement.insert(node, s);
            }
            Rule::Argument => {
                let st = St {
                    role: Some(Role::ArgumentDescription),
                    text: Some(String::new()),
                    section: self.current_section,
                    ..St::default()
                };
                self.statements.push(st);
                let s = self.statements.len() - 1;
                self.current_statement = Some(s);
                self.current_relation_parent = Some(Parent::Statement(s));
                self.node_statement.insert(node, s);
            }
            Rule::Pcs => self.enter_pcs(node, parent, index)?,
            Rule::Inference => {
                self.infs.push(Inf {
                    rules: Vec::new(),
                    data: None,
                    relations: Vec::new(),
                    argument_title: None,
                    conclusion_index: None,
                    span: self.span_of(node),
                });
                let i = self.infs.len() - 1;
                self.node_inference.insert(node, i);
                self.current_inference = Some(i);
                self.current_relation_parent = Some(Parent::Inference(i));
                self.relation_parents.push(Member::Inf(i));
            }
            Rule::IncomingSupport
            | Rule::IncomingAttack
            | Rule::OutgoingSupport
            | Rule::OutgoingAttack
            | Rule::Contradiction
            | Rule::IncomingUndercut
            | Rule::OutgoingUndercut => {
                let target = self.relation_parents.last().copied();
                let ty = match rule {
                    Rule::IncomingSupport | Rule::OutgoingSupport => RelationType::Support,
                    Rule::IncomingAttack | Rule::OutgoingAttack => RelationType::Attack,
                    Rule::Contradiction => RelationType::Contradictory,
                    _ => RelationType::Undercut,
                };
                let (from, to) = match rule {
                    Rule::OutgoingSupport | Rule::OutgoingAttack => (None, target),
                    Rule::OutgoingUndercut => match (target, self.current_inference) {
                        (Some(Member::Ec(_)), Some(i)) => (None, Some(Member::Inf(i))),
                        _ => (None, target),
                    },
                    _ => (target, None),
                };
                self.rels.push(Rel {
                    ty,
                    from,
                    to,
                    occurrences: vec![self.span_of(node)],
                });
                let r = self.rels.len() - 1;
                self.current_relation = Some(r);
                self.node_relation.insert(node, r);
            }
            Rule::Relations => {
                let Some(parent) = self.current_relation_parent else {
                    return Err(self.error(self.span_of(node).start, "relations without a parent"));
                };
                let member = self.relation_member(parent);
                self.relation_parents.push(member);
            }
            Rule::FreestyleText => self.enter_freestyle(node),
            Rule::Italic | Rule::Bold => {
                if let Some(target) = self.target() {
                    let text_len = self.target_text(target).len();
                    let ranges = self.target_ranges(target);
                    ranges.push(TextRange {
                        kind: if rule == Rule::Bold {
                            RangeKind::Bold
                        } else {
                            RangeKind::Italic
                        },
                        start: text_len,
                        end: text_len,
                        url: None,
                        name: None,
                    });
                    let at = ranges.len() - 1;
                    self.ranges.push(Open::In(target, at));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn enter_freestyle(&mut self, node: usize) {
        let target = self.target();
        let mut text = match target {
            Some(t) => std::mem::take(self.target_text(t)),
            None => String::new(),
        };
        let specials = self.freestyle_text(node, &mut text);
        for _ in 0..specials {
            self.ranges.push(Open::Detached);
        }
        if let Some(t) = target {
            *self.target_text(t) = text;
        }
    }

    /// Appends a free text's characters to `text` as Argdown reads them;
    /// the count of special characters read.
    fn freestyle_text(&self, node: usize, text: &mut String) -> usize {
        let mut specials = 0;
        for child in self.tree.children(node) {
            let Child::Token(t) = *child else { continue };
            let image = self.image(t);
            match self.tokens[t].kind {
                Kind::EscapedChar => text.push_str(image.get(1..).unwrap_or("")),
                Kind::SpecialChar => {
                    let code = js_trim(image);
                    let found = self
                        .extra_shortcodes
                        .get(code)
                        .map(String::as_str)
                        .or_else(|| shortcodes::lookup(code));
                    if let Some(unicode) = found {
                        text.push_str(unicode);
                        if image.ends_with(' ') {
                            text.push(' ');
                        }
                        specials += 1;
                    } else {
                        text.push_str(image);
                    }
                }
                _ => text.push_str(image),
            }
        }
        specials
    }

    fn enter_pcs(&mut self, node: usize, parent: Option<usize>, index: Option<usize>) -> Built<()> {
        let mut argument = None;
        if let (Some(parent), Some(index)) = (parent, index)
            && index > 0
        {
            let siblings = self.tree.children(parent);
            let argument_node = |c: Child| match c {
                Child::Node(n) if self.tree.nodes[n].rule == Rule::Argument => Some(n),
                _ => None,
            };
            let preceding = siblings[index - 1];
            let found = match preceding {
                Child::Token(t) if self.tokens[t].kind == Kind::Emptyline => index
                    .checked_sub(2)
                    .and_then(|i| argument_node(siblings[i])),
                other => argument_node(other),
            };
            if let Some(n) = found {
                argument = self.node_argument.get(&n).copied();
            }
        }
        let a = match argument {
            Some(a) => a,
            None => self.argument(None),
        };
        if let Some(section) = self.current_section {
            self.args[a].section = Some(section);
        }
        if !self.args[a].pcs.is_empty() {
            return Err(self.error(
                self.span_of(node).start,
                format!(
                    "argument <{}> has a premise-conclusion structure already: each argument can have only one",
                    self.args[a].title
                ),
            ));
        }
        self.node_argument.insert(node, a);
        self.current_pcs = Some(a);
        Ok(())
    }

    fn exit(&mut self, node: usize, parent: Option<usize>, index: Option<usize>) -> Built<()> {
        match self.tree.nodes[node].rule {
            Rule::Heading => self.exit_heading(node),
            Rule::Statement => self.exit_statement(node),
            Rule::Argument => self.exit_argument(node),
            Rule::Pcs => {
                let Some(&a) = self.node_argument.get(&node) else {
                    return Err(self.error(self.span_of(node).start, "missing argument"));
                };
                let Some(&last) = self.args[a].pcs.last() else {
                    return Err(self.error(self.span_of(node).start, "missing argument statements"));
                };
                if self.statements[last].role == Some(Role::IntermediaryConclusion) {
                    self.statements[last].role = Some(Role::MainConclusion);
                } else {
                    return Err(self.error(self.span_of(node).start, "missing main conclusion"));
                }
                self.current_statement = None;
                self.current_pcs = None;
            }
            Rule::PcsStatement => self.exit_pcs_statement(node, parent, index)?,
            Rule::Inference => {
                if let Some(i) = self.current_inference {
                    self.infs[i].data = self.node_data.remove(&node);
                }
            }
            Rule::InferenceRules => {
                if let Some(i) = self.current_inference {
                    for child in self.tree.children(node) {
                        if let Child::Node(n) = *child
                            && self.tree.nodes[n].rule == Rule::FreestyleText
                        {
                            let mut text = String::new();
                            self.freestyle_text(n, &mut text);
                            self.infs[i].rules.push(js_trim(&text).to_owned());
                        }
                    }
                }
            }
            Rule::IncomingSupport
            | Rule::IncomingAttack
            | Rule::OutgoingSupport
            | Rule::OutgoingAttack
            | Rule::Contradiction
            | Rule::IncomingUndercut
            | Rule::OutgoingUndercut => self.exit_relation(node)?,
            Rule::Relations => {
                self.current_relation = None;
                self.relation_parents.pop();
            }
            Rule::Italic | Rule::Bold => {
                if let Some(target) = self.target() {
                    let len = self.target_text(target).len();
                    if let Some(open) = self.ranges.pop()
                        && let Open::In(t, at) = open
                        && let Some(range) = self.target_ranges(t).get_mut(at)
                    {
                        range.end = len;
                    }
                    let end_token = match self.tree.children(node).last() {
                        Some(Child::Token(t)) => Some(*t),
                        _ => None,
                    };
                    if end_token.is_some_and(|t| self.image(t).ends_with(' ')) {
                        self.target_text(target).push(' ');
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn exit_heading(&mut self, node: usize) {
        let heading = self.heading.take().unwrap_or_default();
        let Some(&Child::Token(start)) = self.tree.children(node).first() else {
            return;
        };
        let level = self.image(start).len().saturating_sub(1);
        let id = format!("s{}", self.sections.len() + 1);
        let mut parent = None;
        let mut previous = self.current_section;
        while let Some(p) = previous {
            if self.sections[p].level >= level {
                previous = self.sections[p].parent;
            } else {
                parent = Some(p);
                break;
            }
        }
        self.sections.push(Section {
            id,
            title: js_trim(&heading.text).to_owned(),
            level,
            parent,
            tags: heading.tags,
            ranges: heading.ranges,
            data: self.node_data.remove(&node),
            span: self.span_of(node),
        });
        self.current_section = Some(self.sections.len() - 1);
    }

    fn exit_statement(&mut self, node: usize) {
        let Some(&s) = self.node_statement.get(&node) else {
            return;
        };
        let span = self.span_of(node);
        let data = self.node_data.remove(&node);
        if self.statements[s]
            .title
            .as_deref()
            .is_none_or(str::is_empty)
        {
            self.statements[s].title = Some(self.unique_title());
        }
        let title = self.statements[s].title.clone().unwrap_or_default();
        let ec = self.ec(&title);
        let st = &mut self.statements[s];
        st.span = span;
        st.data.clone_from(&data);
        let tags = st.tags.clone();
        union(&mut self.ecs[ec].tags, &tags);
        if let Some(d) = &data {
            self.ecs[ec].data = Some(data::merge(self.ecs[ec].data.take(), d));
        }
        if let Some(section) = self.current_section {
            self.statements[s].section = Some(section);
        }
        self.ecs[ec].members.push(s);
        let is_in_group = data.as_ref().and_then(|d| d.get("isInGroup"));
        let takes_section = is_in_group == Some(&Value::Bool(true))
            || (!self.statements[s].is_reference
                && is_in_group.is_none()
                && self.ecs[ec].section.is_none());
        if takes_section {
            self.ecs[ec].section = self.statements[s].section;
        }
        self.current_statement = None;
    }

    fn exit_argument(&mut self, node: usize) {
        let Some(&s) = self.node_statement.get(&node) else {
            return;
        };
        let span = self.span_of(node);
        let data = self.node_data.remove(&node);
        self.statements[s].span = span;
        self.statements[s].data.clone_from(&data);
        if self.statements[s]
            .title
            .as_deref()
            .is_none_or(str::is_empty)
        {
            self.statements[s].title = Some(self.unique_title());
        }
        let title = self.statements[s].title.clone();
        let a = self.argument(title);
        self.node_argument.insert(node, a);
        let tags = self.statements[s].tags.clone();
        union(&mut self.args[a].tags, &tags);
        if let Some(d) = &data {
            self.args[a].data = Some(data::merge(self.args[a].data.take(), d));
        }
        if let Some(section) = self.current_section {
            self.statements[s].section = Some(section);
        }
        self.args[a].members.push(s);
        let is_in_group = data.as_ref().and_then(|d| d.get("isInGroup"));
        let takes_section = is_in_group == Some(&Value::Bool(true))
            || (!self.statements[s].is_reference
                && is_in_group.is_none()
                && self.args[a].section.is_none());
        if takes_section {
            self.args[a].section = self.statements[s].section;
        }
        self.current_statement = None;
    }

    fn exit_pcs_statement(
        &mut self,
        node: usize,
        parent: Option<usize>,
        index: Option<usize>,
    ) -> Built<()> {
        let Some(a) = self.current_pcs else {
            return Err(self.error(self.span_of(node).start, "missing argument reconstruction"));
        };
        let Some(&Child::Node(statement_node)) = self.tree.children(node).get(1) else {
            return Ok(());
        };
        let Some(&s) = self.node_statement.get(&statement_node) else {
            return Err(self.error(self.span_of(node).start, "missing statement"));
        };
        let title = self.statements[s].title.clone().unwrap_or_default();
        self.ec(&title);
        self.statements[s].role = Some(Role::Premise);
        if let (Some(parent), Some(index)) = (parent, index)
            && index > 0
            && let Child::Node(prev) = self.tree.children(parent)[index - 1]
            && self.tree.nodes[prev].rule == Rule::Inference
        {
            self.statements[s].role = Some(Role::IntermediaryConclusion);
            if let Some(&i) = self.node_inference.get(&prev) {
                self.statements[s].inference = Some(i);
                self.infs[i].conclusion_index = Some(self.args[a].pcs.len());
                self.infs[i].argument_title = Some(self.args[a].title.clone());
            }
        }
        self.args[a].pcs.push(s);
        Ok(())
    }

    fn exit_relation(&mut self, node: usize) -> Built<()> {
        let Some(&r) = self.node_relation.get(&node) else {
            return Ok(());
        };
        let Some(&Child::Node(content)) = self.tree.children(node).get(1) else {
            return Err(self.error(self.span_of(node).start, "relation without content"));
        };
        let target = if let Some(&a) = self.node_argument.get(&content) {
            Member::Arg(a)
        } else if let Some(&s) = self.node_statement.get(&content) {
            self.relation_member(Parent::Statement(s))
        } else {
            return Err(self.error(self.span_of(node).start, "relation member not found"));
        };
        if self.rels[r].from.is_some() {
            self.rels[r].to = Some(target);
        } else {
            self.rels[r].from = Some(target);
        }
        let (Some(from), Some(to)) = (self.rels[r].from, self.rels[r].to) else {
            return Err(self.error(
                self.span_of(node).start,
                "missing relation source or target",
            ));
        };
        let ty = self.rels[r].ty;
        let existing: Vec<usize> = self.member_relations(from).clone();
        for e in existing {
            let same = self.rels[e].to == Some(to) && self.rels[e].ty == ty;
            let reversed = ty == RelationType::Contradictory
                && self.rels[e].ty == ty
                && self.rels[e].to == Some(from)
                && self.rels[e].from == Some(to);
            if same || reversed {
                let occurrences = self.rels[r].occurrences.clone();
                self.rels[e].occurrences.extend(occurrences);
                return Ok(());
            }
        }
        self.relations.push(r);
        self.member_relations(from).push(r);
        self.member_relations(to).push(r);
        Ok(())
    }

    /// Argdown's steps after the walk.
    fn run(&mut self) {
        for ec in &mut self.ecs {
            if ec.section.is_none()
                && let Some(&first) = ec.members.first()
            {
                ec.section = self.statements[first].section;
            }
        }
        for a in &mut self.args {
            if a.section.is_none()
                && let Some(&first) = a.members.first()
            {
                a.section = self.statements[first].section;
            }
        }
        if self.settings.transform_argument_relations {
            self.transform_argument_relations();
        }
        if self.settings.mode == Mode::Strict {
            self.transform_statement_relations();
        }
        self.remove_redundant_attacks();
    }

    fn reconstructed(&self, m: Option<Member>) -> Option<usize> {
        match m {
            Some(Member::Arg(a)) if !self.args[a].pcs.is_empty() => Some(a),
            _ => None,
        }
    }

    fn remove_from_source(&mut self, r: usize) {
        if let Some(from) = self.rels[r].from {
            splice_out(self.member_relations(from), r);
        }
    }

    fn remove_from_target(&mut self, r: usize) {
        if let Some(to) = self.rels[r].to {
            splice_out(self.member_relations(to), r);
        }
    }

    fn transform_argument_relations(&mut self) {
        let mut kept = Vec::with_capacity(self.relations.len());
        for r in std::mem::take(&mut self.relations) {
            let mut add = true;
            let from_argument = self.reconstructed(self.rels[r].from);
            let to_argument = self.reconstructed(self.rels[r].to);
            if let Some(a) = from_argument {
                self.remove_from_source(r);
                let conclusion = self.args[a].pcs[self.args[a].pcs.len() - 1];
                let title = self.statements[conclusion]
                    .title
                    .clone()
                    .unwrap_or_default();
                let ec = self.ec(&title);
                self.rels[r].from = Some(Member::Ec(ec));
                let mut exists = false;
                for e in self.ecs[ec].relations.clone() {
                    if self.rels[r].to == self.rels[e].to && self.rels[r].ty == self.rels[e].ty {
                        exists = true;
                        let occurrences = self.rels[r].occurrences.clone();
                        self.rels[e].occurrences.extend(occurrences);
                        break;
                    }
                }
                if exists {
                    self.remove_from_target(r);
                    add = false;
                } else {
                    self.ecs[ec].relations.push(r);
                }
            }
            if let Some(a) = to_argument
                && self.rels[r].ty == RelationType::Undercut
            {
                let conclusion = self.args[a].pcs[self.args[a].pcs.len() - 1];
                if let Some(i) = self.statements[conclusion].inference {
                    self.rels[r].to = Some(Member::Inf(i));
                    // As in Argdown: this looks for the relation among the
                    // inference's, where it is not yet.
                    self.remove_from_target(r);
                    let mut exists = false;
                    for e in self.infs[i].relations.clone() {
                        if self.rels[r].from == self.rels[e].from
                            && self.rels[r].ty == self.rels[e].ty
                        {
                            exists = true;
                            let occurrences = self.rels[r].occurrences.clone();
                            self.rels[e].occurrences.extend(occurrences);
                            break;
                        }
                    }
                    if exists {
                        self.remove_from_source(r);
                        add = false;
                    } else {
                        self.infs[i].relations.push(r);
                    }
                }
            }
            if add {
                kept.push(r);
            }
        }
        self.relations = kept;
    }

    fn transform_statement_relations(&mut self) {
        let mut kept = Vec::with_capacity(self.relations.len());
        for r in std::mem::take(&mut self.relations) {
            let mut add = true;
            if let (Some(Member::Ec(from)), Some(Member::Ec(to))) =
                (self.rels[r].from, self.rels[r].to)
            {
                match self.rels[r].ty {
                    RelationType::Support => self.rels[r].ty = RelationType::Entails,
                    RelationType::Attack => {
                        let exists = self.ecs[from].relations.iter().any(|&e| {
                            self.rels[e].ty == RelationType::Contrary
                                && ((self.rels[e].from == Some(Member::Ec(from))
                                    && self.rels[e].to == Some(Member::Ec(to)))
                                    || (self.rels[e].from == Some(Member::Ec(to))
                                        && self.rels[e].to == Some(Member::Ec(from))))
                        });
                        if exists {
                            self.remove_from_source(r);
                            self.remove_from_target(r);
                            add = false;
                        } else {
                            self.rels[r].ty = RelationType::Contrary;
                        }
                    }
                    _ => {}
                }
            }
            if add {
                kept.push(r);
            }
        }
        self.relations = kept;
    }

    fn remove_redundant_attacks(&mut self) {
        let mut kept = Vec::with_capacity(self.relations.len());
        for r in std::mem::take(&mut self.relations) {
            let (Some(Member::Ec(ec)), RelationType::Attack, Some(Member::Arg(a))) =
                (self.rels[r].from, self.rels[r].ty, self.rels[r].to)
            else {
                kept.push(r);
                continue;
            };
            let me = Member::Ec(ec);
            let found = self.ecs[ec].relations.iter().copied().find(|&e| {
                let other = if self.rels[e].from == Some(me) {
                    self.rels[e].to
                } else {
                    self.rels[e].from
                };
                let Some(Member::Ec(o)) = other else {
                    return false;
                };
                let kind_fits = (self.rels[e].ty == RelationType::Attack
                    && self.rels[e].from == Some(me))
                    || matches!(
                        self.rels[e].ty,
                        RelationType::Contradictory | RelationType::Contrary
                    );
                kind_fits
                    && self.args[a].pcs.iter().any(|&s| {
                        self.statements[s].title.as_deref() == Some(self.ecs[o].title.as_str())
                            && self.statements[s].role == Some(Role::Premise)
                    })
            });
            if let Some(e) = found {
                self.remove_from_source(r);
                self.remove_from_target(r);
                let occurrences = self.rels[r].occurrences.clone();
                self.rels[e].occurrences.extend(occurrences);
            } else {
                kept.push(r);
            }
        }
        self.relations = kept;
    }

    /// Moves the statement out of the arena.
    fn take_statement(&mut self, s: usize) -> Statement {
        let st = std::mem::take(&mut self.statements[s]);
        Statement {
            title: st.title.unwrap_or_default(),
            text: st.text,
            role: st.role,
            is_reference: st.is_reference,
            tags: st.tags,
            ranges: st.ranges,
            data: st.data,
            section: st.section,
            span: st.span,
        }
    }

    fn endpoint(&self, m: Option<Member>) -> Endpoint {
        match m {
            Some(Member::Ec(i)) => Endpoint::EquivalenceClass {
                title: self.ecs[i].title.clone(),
            },
            Some(Member::Arg(i)) => Endpoint::Argument {
                title: self.args[i].title.clone(),
            },
            Some(Member::Inf(i)) => Endpoint::Inference {
                argument: self.infs[i].argument_title.clone().unwrap_or_default(),
                conclusion_index: self.infs[i].conclusion_index.unwrap_or(0),
            },
            None => Endpoint::EquivalenceClass {
                title: String::new(),
            },
        }
    }

    fn finish(mut self) -> Document {
        let relations: Vec<Relation> = self
            .relations
            .iter()
            .map(|&r| Relation {
                relation_type: self.rels[r].ty,
                from: self.endpoint(self.rels[r].from),
                to: self.endpoint(self.rels[r].to),
                occurrences: self.rels[r].occurrences.clone(),
            })
            .collect();
        let inferences: Vec<Option<usize>> = self.statements.iter().map(|s| s.inference).collect();
        let mut built: Vec<Option<Statement>> = (0..self.statements.len())
            .map(|s| Some(self.take_statement(s)))
            .collect();
        let arguments = std::mem::take(&mut self.args)
            .into_iter()
            .map(|a| Argument {
                title: a.title,
                // A pcs statement is an equivalence class's member too: a copy.
                pcs: a
                    .pcs
                    .iter()
                    .filter_map(|&s| {
                        let statement = built[s].clone()?;
                        Some(PcsStatement {
                            statement,
                            inference: inferences[s].map(|i| Inference {
                                rules: self.infs[i].rules.clone(),
                                data: self.infs[i].data.clone(),
                                span: self.infs[i].span,
                            }),
                        })
                    })
                    .collect(),
                members: a.members.iter().filter_map(|&s| built[s].take()).collect(),
                tags: a.tags,
                data: a.data,
                section: a.section,
            })
            .collect::<Vec<_>>();
        let statements = std::mem::take(&mut self.ecs)
            .into_iter()
            .map(|ec| EquivalenceClass {
                members: ec.members.iter().filter_map(|&s| built[s].take()).collect(),
                title: ec.title,
                tags: ec.tags,
                data: ec.data,
                section: ec.section,
            })
            .collect();
        Document {
            statements,
            arguments,
            relations,
            sections: self.sections,
            tags: self.tags,
            front_matter: self.front_matter,
            settings: self.settings,
            comments: Vec::new(),
            skipped_includes: Vec::new(),
            unsupported: self.unsupported,
            files: Vec::new(),
            segments: Vec::new(),
            text: String::new(),
        }
    }
}
