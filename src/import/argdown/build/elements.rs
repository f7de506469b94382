//! The elements the walk completes: statements into their equivalence
//! classes, argument descriptions into their arguments, premise-conclusion
//! structures with their inferences, and headings into sections.

use std::sync::Arc;

use serde_json::Value;

use super::super::data;
use super::super::lexer::Kind;
use super::super::model::{Role, Section, Statement};
use super::super::parser::{Child, Rule};
use super::text::js_trim;
use super::{Builder, Built, Group, Inf, Member, Parent};

/// Adds `tags` to `into`, each once.
fn union(into: &mut Vec<String>, tags: &[String]) {
    for t in tags {
        if !into.contains(t) {
            into.push(t.clone());
        }
    }
}

/// Statement `s`, with `data`, joins its class or argument: its tags and
/// data are added, and it may give its section (`isInGroup: true` says so;
/// else a definition does, when the group has none yet).
fn join(group: &mut Group, st: &Statement, s: usize, data: Option<&Arc<Value>>) {
    union(&mut group.tags, &st.tags);
    if let Some(d) = data {
        group.data = Some(match group.data.take() {
            // An object merged into nothing is itself: shared, not copied.
            None if d.is_object() => Arc::clone(d),
            target => Arc::new(data::merge(target.map(Arc::unwrap_or_clone), d)),
        });
    }
    group.members.push(s);
    let is_in_group = data.and_then(|d| d.get("isInGroup"));
    let takes_section = is_in_group == Some(&Value::Bool(true))
        || (!st.is_reference && is_in_group.is_none() && group.section.is_none());
    if takes_section {
        group.section = st.section;
    }
}

impl Builder<'_> {
    /// The statement of `node` gets a title if it has none yet, its span and
    /// section; its data is handed back.
    fn complete_statement(&mut self, node: usize, s: usize) -> Option<Arc<Value>> {
        let span = self.span_of(node);
        let data = self.take_data(node);
        self.m.ensure_title(s);
        let st = &mut self.m.statements[s];
        st.span = span;
        if let Some(section) = self.current_section {
            st.section = Some(section);
        }
        data
    }

    pub(super) fn exit_statement(&mut self, node: usize) {
        let Some(s) = self.node_statement(node) else {
            return;
        };
        let data = self.complete_statement(node, s);
        let m = &mut self.m;
        let ec = m.class_of(s);
        join(&mut m.ecs[ec], &m.statements[s], s, data.as_ref());
        m.statements[s].data = data;
        self.current_statement = None;
    }

    pub(super) fn exit_argument(&mut self, node: usize) {
        let Some(s) = self.node_statement(node) else {
            return;
        };
        let data = self.complete_statement(node, s);
        let title = std::mem::take(&mut self.m.statements[s].title);
        let a = self.argument(Some(&title));
        self.m.statements[s].title = title;
        self.described.insert(node, a);
        join(&mut self.m.args[a], &self.m.statements[s], s, data.as_ref());
        self.m.statements[s].data = data;
        self.current_statement = None;
    }

    pub(super) fn exit_heading(&mut self, node: usize) {
        let heading = self.heading.take().unwrap_or_default();
        let Some(start) = self.tree.children(node).first().and_then(|c| c.token()) else {
            return;
        };
        let level = self.image(start).len().saturating_sub(1);
        let sections = &self.m.sections;
        let mut parent = None;
        let mut previous = self.current_section;
        while let Some(p) = previous {
            if sections[p].level >= level {
                previous = sections[p].parent;
            } else {
                parent = Some(p);
                break;
            }
        }
        let section = Section {
            id: format!("s{}", sections.len() + 1),
            title: js_trim(&heading.text).to_owned(),
            level,
            parent,
            tags: heading.tags,
            ranges: heading.ranges,
            data: self.take_data(node).map(Arc::unwrap_or_clone),
            span: self.span_of(node),
        };
        self.m.sections.push(section);
        self.current_section = Some(self.m.sections.len() - 1);
    }

    pub(super) fn enter_inference(&mut self, node: usize) {
        self.m.infs.push(Inf {
            rules: Vec::new(),
            data: None,
            relations: Vec::new(),
            argument_title: None,
            conclusion_index: None,
            span: self.span_of(node),
        });
        let i = self.m.infs.len() - 1;
        self.made(node, i);
        self.current_inference = Some(i);
        self.current_relation_parent = Some(Parent::Inference(i));
        self.relation_parents.push(Member::Inf(i));
    }

    pub(super) fn exit_inference_rules(&mut self, node: usize) {
        let Some(i) = self.current_inference else {
            return;
        };
        for child in self.tree.children(node) {
            if let Some(n) = child.node()
                && self.tree.nodes[n].rule == Rule::FreestyleText
            {
                let mut text = String::new();
                self.freestyle_text(n, &mut text);
                self.m.infs[i].rules.push(js_trim(&text).to_owned());
            }
        }
    }

    /// The argument a pcs reconstructs: the one described just before it
    /// (an empty line between them allowed), or a new one.
    fn pcs_argument(&self, parent: Option<usize>, index: Option<usize>) -> Option<usize> {
        let (Some(parent), Some(index)) = (parent, index) else {
            return None;
        };
        if index == 0 {
            return None;
        }
        let siblings = self.tree.children(parent);
        let argument_node = |c: Child| {
            c.node()
                .filter(|&n| self.tree.nodes[n].rule == Rule::Argument)
        };
        let previous = siblings[index - 1];
        let found = match previous.token() {
            Some(t) if self.tokens[t].kind == Kind::Emptyline => index
                .checked_sub(2)
                .and_then(|i| argument_node(siblings[i])),
            _ => argument_node(previous),
        };
        found.and_then(|n| self.node_argument(n))
    }

    pub(super) fn enter_pcs(
        &mut self,
        node: usize,
        parent: Option<usize>,
        index: Option<usize>,
    ) -> Built<()> {
        let a = match self.pcs_argument(parent, index) {
            Some(a) => a,
            None => self.argument(None),
        };
        if let Some(section) = self.current_section {
            self.m.args[a].section = Some(section);
        }
        if !self.m.args[a].pcs.is_empty() {
            return Err(self.error(
                self.span_of(node).start,
                format!(
                    "argument <{}> has a premise-conclusion structure already: each argument can have only one",
                    self.m.args[a].title
                ),
            ));
        }
        self.made(node, a);
        self.current_pcs = Some(a);
        Ok(())
    }

    pub(super) fn exit_pcs(&mut self, node: usize) -> Built<()> {
        let Some(a) = self.node_argument(node) else {
            return Err(self.error(self.span_of(node).start, "missing argument"));
        };
        let Some(&last) = self.m.args[a].pcs.last() else {
            return Err(self.error(self.span_of(node).start, "missing argument statements"));
        };
        let role = &mut self.m.statements[last].role;
        if *role == Some(Role::IntermediaryConclusion) {
            *role = Some(Role::MainConclusion);
        } else {
            return Err(self.error(self.span_of(node).start, "missing main conclusion"));
        }
        self.current_statement = None;
        self.current_pcs = None;
        Ok(())
    }

    pub(super) fn exit_pcs_statement(
        &mut self,
        node: usize,
        parent: Option<usize>,
        index: Option<usize>,
    ) -> Built<()> {
        let Some(a) = self.current_pcs else {
            return Err(self.error(self.span_of(node).start, "missing argument reconstruction"));
        };
        let Some(statement_node) = self.tree.children(node).get(1).and_then(|c| c.node()) else {
            return Ok(());
        };
        let Some(s) = self.node_statement(statement_node) else {
            return Err(self.error(self.span_of(node).start, "missing statement"));
        };
        let inference_above = match (parent, index) {
            (Some(parent), Some(index)) if index > 0 => self.tree.children(parent)[index - 1]
                .node()
                .filter(|&prev| self.tree.nodes[prev].rule == Rule::Inference)
                .map(|prev| self.element(prev, |r| r == Rule::Inference)),
            _ => None,
        };
        let m = &mut self.m;
        m.class_of(s);
        m.statements[s].role = Some(Role::Premise);
        if let Some(inference) = inference_above {
            m.statements[s].role = Some(Role::IntermediaryConclusion);
            if let Some(i) = inference {
                m.statement_inference[s] = Some(i);
                m.infs[i].conclusion_index = Some(m.args[a].pcs.len());
                m.infs[i].argument_title = Some(m.args[a].title.clone());
            }
        }
        m.args[a].pcs.push(s);
        Ok(())
    }
}
